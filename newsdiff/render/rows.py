"""The rows every revision view draws, worked out once from a Revision.

A :class:`Row` is one change as a reader sees it: the canonical paragraphs on the
left, the version's on the right, each cut into equal / inserted / deleted pieces,
with paragraph numbers (1-based, counted over the article's paragraphs) and the notes
a move needs. A :class:`Gap` stands for unchanged rows folded away by ``context``.
The terminal and HTML renderers both draw from this, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsdiff.models import (
    Article,
    Block,
    BlockKind,
    Change,
    ChangeKind,
    EditClass,
    Revision,
    SpanOp,
)
from newsdiff.render.options import Typography, ViewOptions


@dataclass(frozen=True)
class Piece:
    op: SpanOp
    text: str
    minor: bool = False  # an edit that does not change the meaning (typography, spelling)


@dataclass(frozen=True)
class Para:
    """One paragraph on one side of a row."""

    number: int  # 1-based position among the article's paragraphs
    heading: bool  # a sub-heading
    dateline: str  # set aside by the parser; shown dimmed, never compared
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


@dataclass(frozen=True)
class Row:
    index: int  # position in Revision.changes
    change: Change
    old: tuple[Para, ...]
    new: tuple[Para, ...]
    label: str  # "changed", "moved", "split\n1→2", "typo-\ngraphy", "" if unchanged
    note_old: str  # e.g. "moved to ¶26"
    note_new: str
    quiet: bool  # drawn as unchanged: no highlights
    dim: bool  # drawn dimmed (typography-only noise)

    @property
    def kind(self) -> ChangeKind:
        return self.change.kind


@dataclass(frozen=True)
class Gap:
    """Rows folded into one line: unchanged ones left out by ``context``, or the
    canonical's tail that a truncated version stops before."""

    count: int
    truncated: bool = False
    first: int = 0  # canonical paragraph numbers of a truncated tail
    last: int = 0

    @property
    def message(self) -> str:
        noun = "paragraph" if self.count == 1 else "paragraphs"
        if self.truncated:
            where = f"¶{self.first}" if self.first == self.last else f"¶{self.first}–¶{self.last}"
            return f"✂ the version stops here: the last {self.count} {noun} not carried ({where})"
        return f"⋯ {self.count} unchanged {noun}"


def one_line(label: str) -> str:
    """A row label on one line: "typography", "split 1→2"."""
    return label.replace("-\n", "").replace("\n", " ")


def paragraph_numbers(article: Article) -> dict[int, int]:
    """Block index → 1-based paragraph number, the numbering every view shows."""
    return {block.index: n for n, block in enumerate(article.paragraphs, start=1)}


# Labels fit a 7-cell column: long words break where one_line() can join them again.
_MINOR_LABEL = {
    EditClass.TYPOGRAPHY: "typo-\ngraphy",
    EditClass.PUNCTUATION: "punctu-\nation",
    EditClass.SPELLING: "spell-\ning",
}


def _label(change: Change, typography: bool) -> str:
    kind = change.kind
    if kind is ChangeKind.SPLIT:
        return f"split\n1→{len(change.new)}"
    if kind is ChangeKind.MERGED:
        return f"merged\n{len(change.old)}→1"
    if kind is ChangeKind.UNCHANGED:
        return "typo-\ngraphy" if typography else ""
    if kind is ChangeKind.CHANGED and change.edits and not change.substantive:
        # Only minor edits: say which, so the eye can skip the row.
        minor = max((e.edit_class for e in change.edits), key=list(EditClass).index)
        return _MINOR_LABEL[minor]
    return kind.value


def _paras(change: Change, side: str, numbers: dict[int, int], quiet: bool) -> tuple[Para, ...]:
    blocks: Sequence[Block] = change.old if side == "old" else change.new
    skip = SpanOp.INSERT if side == "old" else SpanOp.DELETE
    paras = []
    for part, block in enumerate(blocks):
        spans = [
            s
            for s in change.spans
            if s.op is not skip and (s.old_part if side == "old" else s.new_part) == part
        ]
        pieces = tuple(
            Piece(SpanOp.EQUAL, s.text)
            if quiet
            else Piece(s.op, s.text, s.edit_class is not None and not s.edit_class.substantive)
            for s in spans
        )
        if "".join(p.text for p in pieces) != block.text:
            # The spans always rebuild the text; never show anything else if they don't.
            pieces = (Piece(SpanOp.EQUAL, block.text),)
        paras.append(
            Para(
                number=numbers[block.index],
                heading=block.kind is BlockKind.SUBHEADING,
                dateline=block.dateline,
                pieces=_merge(pieces),
            )
        )
    return tuple(paras)


def _merge(pieces: Sequence[Piece]) -> tuple[Piece, ...]:
    merged: list[Piece] = []
    for piece in pieces:
        if merged and (merged[-1].op, merged[-1].minor) == (piece.op, piece.minor):
            merged[-1] = Piece(piece.op, merged[-1].text + piece.text, piece.minor)
        elif piece.text:
            merged.append(piece)
    return tuple(merged)


def build_rows(rev: Revision, options: ViewOptions) -> list[Row]:
    """Every change of ``rev`` as a row, in the version's reading order."""
    old_numbers = paragraph_numbers(rev.old_article)
    new_numbers = paragraph_numbers(rev.new_article)
    rows = []
    for index, change in enumerate(rev.changes):
        typo = change.typography_only and options.typography is not Typography.HIDE
        quiet = (
            change.kind is ChangeKind.UNCHANGED
            and (not change.typography_only or options.typography is not Typography.SHOW)
        ) or (options.substantive and not change.substantive and not change.truncated)
        note_old = note_new = ""
        if change.kind is ChangeKind.MOVED:
            note_old = f"moved to {rev.new_name} ¶{new_numbers[change.new[0].index]}"
            note_new = f"moved from {rev.old_name} ¶{old_numbers[change.old[0].index]}"
        rows.append(
            Row(
                index=index,
                change=change,
                old=_paras(change, "old", old_numbers, quiet),
                new=_paras(change, "new", new_numbers, quiet),
                label=_label(change, typo),
                note_old=note_old,
                note_new=note_new,
                quiet=quiet,
                dim=typo and options.typography is Typography.DIM,
            )
        )
    return rows


def with_context(rows: Sequence[Row], context: int | None) -> Iterator[Row | Gap]:
    """The rows to draw: all of them, or the changed ones with ``context`` rows around each.

    Typography-only rows count as changed only when typography is shown. A truncated
    version's missing tail is always one line.
    """
    tail = [row for row in rows if row.change.truncated and row.kind is ChangeKind.REMOVED]
    if tail:
        rows = [row for row in rows if row not in tail]
    yield from _context(rows, context)
    if tail:
        numbers = [p.number for row in tail for p in row.old]
        yield Gap(len(numbers), truncated=True, first=min(numbers), last=max(numbers))


def _context(rows: Sequence[Row], context: int | None) -> Iterator[Row | Gap]:
    if context is None:
        yield from rows
        return
    keep = [False] * len(rows)
    for n, row in enumerate(rows):
        if not row.quiet:
            for k in range(max(0, n - context), min(len(rows), n + context + 1)):
                keep[k] = True
    skipped = 0
    for n, row in enumerate(rows):
        if keep[n]:
            if skipped:
                yield Gap(skipped)
                skipped = 0
            yield row
        else:
            skipped += 1
    if skipped:
        yield Gap(skipped)
