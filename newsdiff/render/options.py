"""What a reader can ask of every view: typography noise, context, width, markers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from newsdiff.errors import SettingError

E = TypeVar("E", bound=StrEnum)


class View(StrEnum):
    """How a revision is laid out."""

    SIDE_BY_SIDE = "side-by-side"  # canonical left, version right
    INLINE = "inline"  # one column: the version with deletions struck through in place


def choose(kind: type[E], value: E | str, what: str) -> E:
    """``value`` as a member of ``kind``; a name that is not one is a
    :class:`~newsdiff.SettingError` listing the names that are."""
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(repr(m.value) for m in kind)
        raise SettingError(f"{what} must be one of {names}, not {value!r}") from None


class Typography(StrEnum):
    """What to do with paragraphs whose only differences are quotes, dashes or spaces."""

    SHOW = "show"  # highlight the differing characters like any other edit
    DIM = "dim"  # show the paragraph dimmed, labelled "typography", without highlights
    HIDE = "hide"  # show it as unchanged


@dataclass(frozen=True)
class ViewOptions:
    """Options shared by the side-by-side, inline and story views.

    ``substantive`` shows only the changes that alter what the story says (see
    :attr:`newsdiff.Change.substantive`), folding the rest as unchanged; it implies
    ``context=0`` unless a context is given. ``context=None`` shows every paragraph;
    ``context=n`` shows only the changed rows and ``n`` unchanged rows around each,
    folding the rest into one "… n unchanged"
    line. ``width`` caps the view's width in cells (the console's width otherwise).
    ``markers`` writes ``[-deleted-]`` and ``{+inserted+}`` around edits, so they stay
    visible without colour; ``None`` turns them on when the console has no colour.
    """

    typography: Typography = Typography.DIM
    substantive: bool = False
    context: int | None = None
    width: int | None = None
    markers: bool | None = None

    def __post_init__(self) -> None:
        if self.context is not None and self.context < 0:
            raise ValueError(f"context must be 0 or more, not {self.context}")
        if self.width is not None and self.width < 20:
            raise ValueError(f"width must be at least 20 cells, not {self.width}")
        object.__setattr__(self, "typography", choose(Typography, self.typography, "typography"))
        if self.substantive and self.context is None:
            object.__setattr__(self, "context", 0)
