"""The inline (redline) view of a Revision: one column, the version's reading order,
deleted words struck through in place and inserted words beside them."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from newsdiff.models import ChangeKind, SpanOp
from newsdiff.render import theme
from newsdiff.render.fields import fields_text
from newsdiff.render.header import header
from newsdiff.render.rows import Gap, Para, Piece, Row, build_rows, with_context
from newsdiff.render.view import RevisionView


def redline(row: Row) -> list[Para]:
    """The row as the paragraphs a reader of the version sees, with the deletions kept
    in place. Numbers are the version's, or the canonical's for a removed paragraph."""
    change = row.change
    if not change.new:
        return list(row.old)
    if row.quiet:
        return list(row.new)
    paras: list[Para] = []
    pieces: list[Piece] = []
    current = 0
    for span in change.spans:
        if span.new_part is not None and span.new_part != current:
            paras.append(_para(row.new[current], pieces))
            pieces, current = [], span.new_part
        pieces.append(
            Piece(
                span.op, span.text, span.edit_class is not None and not span.edit_class.substantive
            )
        )
    paras.append(_para(row.new[current], pieces))
    return paras


def _para(like: Para, pieces: list[Piece]) -> Para:
    return Para(like.number, like.heading, like.dateline, tuple(pieces))


def note(row: Row, old_name: str) -> str:
    """Where the row's text stood in the canonical, when the numbers alone don't say."""
    olds = " + ".join(f"¶{p.number}" for p in row.old)
    if row.kind is ChangeKind.MOVED:
        return "↕ " + row.note_new
    if row.kind is ChangeKind.REMOVED:
        return f"{old_name} {olds}"
    if row.kind in (ChangeKind.SPLIT, ChangeKind.MERGED):
        return f"from {old_name} {olds}"
    return ""


class Inline(RevisionView):
    """Rich renderable: a Revision as one redlined column."""

    min_width = 30

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = self.width(options)
        markers = theme.use_markers(console, self.options)
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.width = width
        grid.add_column(width=7, no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        first = True
        for item in with_context(build_rows(self.revision, self.options), self.options.context):
            if not first:
                grid.add_row("", "")
            first = False
            if isinstance(item, Gap):
                grid.add_row(Text("⋯", theme.GAP), theme.gap_text(item))
                continue
            text = Text()
            removed = item.kind is ChangeKind.REMOVED
            where = note(item, self.revision.old_name)
            if where:
                text.append(where + ("  " if removed else "\n"), theme.NOTE)
            for n, para in enumerate(redline(item)):
                if n:
                    text.append("\n\n")
                if removed:
                    para = _para(para, [Piece(SpanOp.DELETE, p.text) for p in para.pieces])
                text.append_text(theme.para_text(para, markers, dim=item.dim, number=not removed))
            style = theme.DIM if item.dim else theme.KIND[item.kind]
            grid.add_row(Text(item.label, style), text)
        parts = [header(self.revision), Text()] if self.title else []
        if self.revision.fields:
            parts += [fields_text(self.revision, markers), Text()]
        yield from console.render(Group(*parts, grid), options.update(width=width))
