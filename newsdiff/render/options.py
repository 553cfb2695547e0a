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


class Typography(StrEnum):
    """What to do with paragraphs whose only differences are quotes, dashes or spaces."""

    SHOW = "show"  # highlight the differing characters like any other edit
    DIM = "dim"  # show the paragraph dimmed, labelled "typography", without highlights
    HIDE = "hide"  # show it as unchanged


def choice(kind: type[E], value: E | str, option: str) -> E:
    """``value`` as a member of ``kind``, whether given as the member or as its string;
    anything else raises :class:`~newsdiff.SettingError` listing the valid values."""
    try:
        return kind(value)
    except ValueError:
        valid = ", ".join(repr(member.value) for member in kind)
        raise SettingError(f"{option}={value!r}: expected one of {valid}") from None


@dataclass(frozen=True, init=False)
class ViewOptions:
    """Options shared by the side-by-side, inline and story views.

    ``typography`` takes a :class:`Typography` or its string (``"dim"``, ``"hide"``,
    ``"show"``), like every view option in newsdiff. ``substantive`` shows only the
    changes that alter what the story says (see :attr:`newsdiff.Change.substantive`),
    folding the rest as unchanged; it implies ``context=0`` unless a context is given.
    ``context=None`` shows every paragraph; ``context=n`` shows only the changed rows
    and ``n`` unchanged rows around each, folding the rest into one "… n unchanged"
    line. ``width`` caps the view's width in cells (the console's width otherwise).
    ``markers`` writes ``[-deleted-]`` and ``{+inserted+}`` around edits, so they stay
    visible without colour; ``None`` turns them on when the console has no colour.

    >>> ViewOptions(context=1, typography="hide").typography
    <Typography.HIDE: 'hide'>
    """

    typography: Typography
    substantive: bool
    context: int | None
    width: int | None
    markers: bool | None

    def __init__(
        self,
        typography: Typography | str = Typography.DIM,
        substantive: bool = False,
        context: int | None = None,
        width: int | None = None,
        markers: bool | None = None,
    ) -> None:
        if context is not None and context < 0:
            raise SettingError(f"context must be 0 or more, not {context}")
        if width is not None and width < 20:
            raise SettingError(f"width must be at least 20 cells, not {width}")
        if substantive and context is None:
            context = 0
        # Frozen: the fields are set once, here.
        object.__setattr__(self, "typography", choice(Typography, typography, "typography"))
        object.__setattr__(self, "substantive", substantive)
        object.__setattr__(self, "context", context)
        object.__setattr__(self, "width", width)
        object.__setattr__(self, "markers", markers)
