"""Render a view to a string, for tests, logs and the notebook's text/plain fallback."""

from __future__ import annotations

from io import StringIO

from rich.console import Console, RenderableType


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
