"""What a Jupyter cell shows for a Revision or a Story: HTML, with plain text beside it."""

from __future__ import annotations

from newsdiff.models import Revision, Story
from newsdiff.render.console import render_text
from newsdiff.render.html import fragment, revision_html, story_html
from newsdiff.render.side_by_side import SideBySide
from newsdiff.render.story import StoryView

# Plain text is for consoles that cannot show HTML (IPython in a terminal, logs).
TEXT_WIDTH = 100


def mimebundle(value: Revision | Story) -> dict[str, str]:
    """``text/html`` (the side-by-side view, wrapping to the notebook's width) and
    ``text/plain`` (the same view as text, without ANSI codes)."""
    if isinstance(value, Revision):
        return {
            "text/html": fragment(revision_html(value)),
            "text/plain": render_text(SideBySide(value), width=TEXT_WIDTH),
        }
    return {
        "text/html": fragment(story_html(value)),
        "text/plain": render_text(StoryView(value), width=TEXT_WIDTH),
    }
