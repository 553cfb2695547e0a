"""The side-by-side view of a Revision: canonical left, version right, one row a change.

>>> import rich, newsdiff
>>> rev = newsdiff.compare("The bridge closed.", "The bridge shut.")
>>> rich.print(SideBySide(rev))  # doctest: +SKIP
"""

from __future__ import annotations

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.table import Table
from rich.text import Text

from newsdiff.render import theme
from newsdiff.render.fields import fields_text
from newsdiff.render.header import header
from newsdiff.render.rows import Gap, Para, Row, build_rows, with_context
from newsdiff.render.view import RevisionView

MIN_WIDTH = 40
# Below this many cells the kind column shrinks to a one-letter mark.
NARROW = 64
LABEL_WIDTH = 7


def _side(paras: tuple[Para, ...], note: str, row: Row, markers: bool) -> Text:
    text = Text()
    if note:
        text.append(f"↕ {note}\n", theme.NOTE)
    for n, para in enumerate(paras):
        if n:
            text.append("\n\n")
        text.append_text(theme.para_text(para, markers, dim=row.dim))
    return text


def _label(row: Row, narrow: bool) -> Text:
    label = row.label
    if narrow and label:
        label = label[0].upper()
    style = theme.DIM if row.dim else theme.KIND[row.kind]
    return Text(label, style)


class SideBySide(RevisionView):
    """Rich renderable: a Revision with old and new text in two wrapped columns."""

    min_width = MIN_WIDTH

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = self.width(options)
        markers = theme.use_markers(console, self.options)
        narrow = width < NARROW
        rev = self.revision
        table = Table(
            box=box.SIMPLE_HEAD,
            expand=True,
            width=width,
            padding=(0, 1),
            pad_edge=False,
            leading=1,
            show_edge=False,
        )
        table.add_column("", width=1 if narrow else LABEL_WIDTH, no_wrap=True)
        for name, role in ((rev.old_name, rev.old_role), (rev.new_name, rev.new_role)):
            label = f"{name} ({role})" if role else name
            table.add_column(Text(label, theme.HEADER), ratio=1, overflow="fold")
        rows = build_rows(rev, self.options)
        for item in with_context(rows, self.options.context):
            if isinstance(item, Gap):
                table.add_row(Text("⋯", theme.GAP), theme.gap_text(item), Text())
                continue
            table.add_row(
                _label(item, narrow),
                _side(item.old, item.note_old, item, markers),
                _side(item.new, item.note_new, item, markers),
            )
        parts = [header(rev), Text()] if self.title else []
        if rev.fields:
            parts += [fields_text(rev, markers), Text()]
        yield from console.render(Group(*parts, table), options.update(width=width))
