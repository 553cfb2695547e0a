"""newsdiff: what really changed between versions of a news story.

>>> import newsdiff
>>> rev = newsdiff.compare("The bridge closed.", "The bridge closed on Monday.")
>>> rev.changes[0].kind.value
'changed'
"""

from typing import TYPE_CHECKING, Any

from newsdiff.collate import collate
from newsdiff.compare import compare
from newsdiff.errors import (
    EmptyInputError,
    ExtraMissingError,
    InputError,
    InvalidDataError,
    NewsdiffError,
    NoBodyError,
    SettingError,
    VersionError,
)
from newsdiff.models import (
    Article,
    Block,
    BlockKind,
    Cell,
    Change,
    ChangeKind,
    Edit,
    EditAction,
    EditClass,
    Event,
    FieldChange,
    FigureChain,
    FigureValue,
    Metadata,
    ParagraphEvent,
    ParagraphHistory,
    Presence,
    Revision,
    RevisionStats,
    Span,
    SpanOp,
    Story,
    StoryHistory,
    StoryRow,
    StoryVersion,
    TimelineStep,
)
from newsdiff.parse import parse

if TYPE_CHECKING:
    from newsdiff.render.html import save_html

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Block",
    "BlockKind",
    "Cell",
    "Change",
    "ChangeKind",
    "Edit",
    "EditAction",
    "EditClass",
    "EmptyInputError",
    "Event",
    "ExtraMissingError",
    "FieldChange",
    "FigureChain",
    "FigureValue",
    "InputError",
    "InvalidDataError",
    "Metadata",
    "NewsdiffError",
    "NoBodyError",
    "ParagraphEvent",
    "ParagraphHistory",
    "Presence",
    "Revision",
    "RevisionStats",
    "SettingError",
    "Span",
    "SpanOp",
    "Story",
    "StoryHistory",
    "StoryRow",
    "StoryVersion",
    "TimelineStep",
    "VersionError",
    "__version__",
    "collate",
    "compare",
    "parse",
    "save_html",
]


def __getattr__(name: str) -> Any:
    # The views load on first use: importing newsdiff stays free of rich's console.
    if name == "save_html":
        from newsdiff.render.html import save_html

        return save_html
    raise AttributeError(f"module 'newsdiff' has no attribute {name!r}")
