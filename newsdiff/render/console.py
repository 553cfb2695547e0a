"""Consoles: one for the command line that honours ``NO_COLOR``, and rendering a view to
a string, for tests, logs and the notebook's text/plain fallback."""

from __future__ import annotations

import os
from io import StringIO
from typing import Any

from rich.console import Console, RenderableType


def wants_color(no_color: bool = False) -> bool:
    """False when asked (``--no-color``) or when ``NO_COLOR`` is set to anything but
    the empty string (https://no-color.org)."""
    return not no_color and not os.environ.get("NO_COLOR")


def terminal(*, no_color: bool = False, **options: Any) -> Console:
    """A rich Console for the command line. Without colour it writes no ANSI styling at
    all: rich's own ``NO_COLOR`` support drops colours but keeps bold, dim and strike."""
    if wants_color(no_color):
        return Console(**options)
    return Console(color_system=None, no_color=True, **options)


def render_text(renderable: RenderableType, *, width: int = 100, color: bool = False) -> str:
    """The renderable as it prints in a terminal ``width`` cells wide; without colour
    (the default) there are no ANSI codes and edits carry ``[-…-]`` / ``{+…+}`` marks."""
    console = Console(
        file=StringIO(),
        width=width,
        color_system="truecolor" if color else None,
        force_terminal=color,
        legacy_windows=False,
        force_jupyter=False,  # in a notebook rich would display the text instead of returning it
        soft_wrap=False,
    )
    console.print(renderable)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in text.split("\n"))
