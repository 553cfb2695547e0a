"""What a Jupyter cell shows for a Revision or a Story: HTML, with plain text beside it.

Evaluating a Revision or a Story uses the defaults; :class:`NotebookView` takes the
same options as the terminal views:

>>> NotebookView(rev, view="inline", context=1, typography="hide")  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import RenderableType

from newsdiff.models import Revision, Story, StoryHistory
from newsdiff.render.console import render_text
from newsdiff.render.history import HistoryView
from newsdiff.render.history_html import history_html
from newsdiff.render.html import fragment, revision_html, story_html
from newsdiff.render.inline import Inline
from newsdiff.render.options import Typography, View, ViewOptions, choice
from newsdiff.render.side_by_side import SideBySide
from newsdiff.render.story import StoryView

# Plain text is for consoles that cannot show HTML (IPython in a terminal, logs).
TEXT_WIDTH = 100


def mimebundle(
    value: Revision | Story | StoryHistory, options: ViewOptions | None = None
) -> dict[str, str]:
    """``text/html`` (the side-by-side view, wrapping to the notebook's width) and
    ``text/plain`` (the same view as text, without ANSI codes)."""
    return NotebookView(value, options=options)._repr_mimebundle_()


@dataclass(frozen=True)
class NotebookView:
    """A Revision, Story or StoryHistory to show in a notebook cell, with the options of
    :class:`ViewOptions` (``view`` and ``typography`` as enum members or strings), or
    ``options`` given whole."""

    value: Revision | Story | StoryHistory
    view: View | str = View.SIDE_BY_SIDE
    typography: Typography | str = Typography.DIM
    context: int | None = None
    substantive: bool = False
    options: ViewOptions | None = None

    def _view_options(self) -> ViewOptions:
        if self.options is not None:
            return self.options
        return ViewOptions(
            typography=self.typography, context=self.context, substantive=self.substantive
        )

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, str]:
        options = self._view_options()
        text: RenderableType
        if isinstance(self.value, StoryHistory):
            html = history_html(self.value, options)
            text = HistoryView(self.value, options)
        elif isinstance(self.value, Story):
            html = story_html(self.value, options, view=self.view)
            text = StoryView(self.value, options)
        else:
            html = revision_html(self.value, options, view=self.view)
            inline = choice(View, self.view, "view") is View.INLINE
            text = Inline(self.value, options) if inline else SideBySide(self.value, options)
        return {"text/html": fragment(html), "text/plain": render_text(text, width=TEXT_WIDTH)}
