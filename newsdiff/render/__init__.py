"""Views of newsdiff's models, for the terminal (rich), notebooks and HTML files.

Each view is a rich renderable over a Revision or a Story; the models only hold data.

>>> import newsdiff
>>> from newsdiff.render import SideBySide, render_text
>>> rev = newsdiff.compare("The bridge closed.", "The bridge shut.")
>>> "[-closed-]" in render_text(SideBySide(rev), width=60)  # no colour: edits are marked
True

Modules: :mod:`~newsdiff.render.options` (what a reader can choose),
:mod:`~newsdiff.render.rows` (the rows every revision view draws),
:mod:`~newsdiff.render.theme` (colours and marks), :mod:`~newsdiff.render.side_by_side`,
:mod:`~newsdiff.render.inline`, :mod:`~newsdiff.render.summary`,
:mod:`~newsdiff.render.story`, :mod:`~newsdiff.render.history` (a story over time)
and :mod:`~newsdiff.render.history_html`, :mod:`~newsdiff.render.html` and
:mod:`~newsdiff.render.notebook`. :func:`save_html` writes a revision or a story as a
standalone UTF-8 page.
"""

from newsdiff.render.console import render_text
from newsdiff.render.history import FigureTable, HistoryView, ParagraphHistoryView, TimelineStrip
from newsdiff.render.history_html import history_html, history_page
from newsdiff.render.html import html_page, revision_page, save_html, story_page
from newsdiff.render.inline import Inline
from newsdiff.render.notebook import NotebookView
from newsdiff.render.options import Typography, View, ViewOptions
from newsdiff.render.side_by_side import SideBySide
from newsdiff.render.story import StoryView
from newsdiff.render.summary import Summary

__all__ = [
    "FigureTable",
    "HistoryView",
    "Inline",
    "NotebookView",
    "ParagraphHistoryView",
    "SideBySide",
    "StoryView",
    "Summary",
    "TimelineStrip",
    "Typography",
    "View",
    "ViewOptions",
    "history_html",
    "history_page",
    "html_page",
    "render_text",
    "revision_page",
    "save_html",
    "story_page",
]
