"""The summary view of a Revision: counts per kind, words in and out, and each real
change on one line with just its edits and a few words around them."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.table import Table
from rich.text import Text

from newsdiff.models import Change, ChangeKind, SpanOp
from newsdiff.render import theme
from newsdiff.render.fields import fields_text
from newsdiff.render.header import describe, kind_counts, words_text
from newsdiff.render.rows import Gap, Row, build_rows, one_line, with_context
from newsdiff.render.view import RevisionView

CONTEXT_WORDS = 3


def _head(text: str, words: int) -> str:
    parts = text.split(" ")
    return text if len(parts) <= words + 1 else " ".join(parts[:words]) + " …"


def _tail(text: str, words: int) -> str:
    parts = text.split(" ")
    return text if len(parts) <= words + 1 else "… " + " ".join(parts[-words:])


def compact(change: Change, markers: bool, words: int = CONTEXT_WORDS) -> Text:
    """The change's edits with ``words`` words of context each side; equal runs between
    edits are shortened to their ends."""
    spans = [s for s in change.spans if s.text]
    text = Text()
    edits = [s for s in spans if s.op is not SpanOp.EQUAL]
    if not edits or len(edits) == len(spans):
        # Added, removed or moved whole: the opening words say what it is.
        side = change.new or change.old
        return text.append(_head(" ".join(p.text for p in side), 14))
    for n, span in enumerate(spans):
        if span.op is SpanOp.EQUAL:
            if n == 0:
                piece = _tail(span.text, words)
            elif n == len(spans) - 1:
                piece = _head(span.text, words)
            else:
                parts = span.text.split(" ")
                piece = (
                    span.text
                    if len(parts) <= 2 * words + 1
                    else " ".join(parts[:words]) + " … " + " ".join(parts[-words:])
                )
            text.append(piece)
            continue
        style = theme.DELETE if span.op is SpanOp.DELETE else theme.INSERT
        parts = span.text.split(" ")
        edit = span.text
        if len(parts) > 4 * words:
            edit = " ".join(parts[: 2 * words]) + " … " + " ".join(parts[-words:])
        if markers:
            start, end = theme.MARKS[span.op]
            edit = start + edit + end
        text.append(edit, style)
    return text


def _where(row: Row) -> str:
    old = ",".join(str(p.number) for p in row.old) or "–"
    new = ",".join(str(p.number) for p in row.new) or "–"
    return f"¶{old}→{new}"


class Summary(RevisionView):
    """Rich renderable: what changed in a Revision, compactly."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rev = self.revision
        width = self.width(options)
        markers = theme.use_markers(console, self.options)
        title = Text()
        title.append(describe(rev.new_name, rev.new_article), theme.HEADER)
        if rev.new_role:
            title.append(f" ({rev.new_role})", theme.DIM)
        title.append(" against ", theme.DIM)
        title.append(describe(rev.old_name, rev.old_article), theme.HEADER)
        if rev.old_role:
            title.append(f" ({rev.old_role})", theme.DIM)

        counts = Table.grid(padding=(0, 2))
        counts.add_column(justify="right")
        counts.add_column()
        for kind, n in kind_counts(rev):
            counts.add_row(Text(str(n), theme.KIND[kind]), Text(kind.value, theme.KIND[kind]))
        if rev.stats.typography_only:
            counts.add_row(
                Text(str(rev.stats.typography_only), theme.DIM),
                Text("unchanged but for typography", theme.DIM),
            )
        if rev.stats.truncated:
            counts.add_row(
                Text(str(rev.stats.truncated), theme.NOTE),
                Text("not carried: the version stops early", theme.NOTE),
            )

        listing = Table.grid(padding=(0, 1))
        listing.width = width
        listing.add_column(no_wrap=True)
        listing.add_column(no_wrap=True, justify="right")
        listing.add_column(ratio=1, overflow="fold")
        for item in with_context(build_rows(rev, self.options), 0):
            if isinstance(item, Gap):
                if item.truncated:
                    listing.add_row(Text("cut", theme.NOTE), Text(""), theme.gap_text(item))
                continue
            label = one_line(item.label)
            line = Text()
            classes = sorted(
                {e.edit_class.value for e in item.change.edits if e.edit_class.substantive}
            )
            if classes and item.kind not in (ChangeKind.ADDED, ChangeKind.REMOVED):
                line.append(" · ".join(classes) + "  ", theme.NOTE)
            line.append_text(compact(item.change, markers))
            line.truncate(max(20, (width - 28) * 2), overflow="ellipsis")
            style = theme.DIM if item.dim else theme.KIND[item.kind]
            listing.add_row(Text(label, style), Text(_where(item), theme.NUMBER), line)
        significance = Text(rev.significance, theme.NOTE)
        parts: list[RenderableType] = [title, significance, Text()]
        if rev.fields:
            parts += [fields_text(rev, markers), Text()]
        parts += [counts, words_text(rev)]
        if listing.row_count:
            parts += [Text(), listing]
        yield from console.render(Group(*parts), options.update(width=width))
