"""The story table: one row per paragraph of a story, one cell per version.

There is one row per canonical paragraph, in canonical order, plus one row for each
paragraph that only some versions carry, placed after the canonical paragraph its
version puts just before it. The same extra paragraph in several versions shares one
row. Built from a story's revisions when :attr:`newsdiff.Story.rows` is first read.
"""

from __future__ import annotations

from collections.abc import Mapping

from rapidfuzz.distance import Indel

from newsdiff.align import MOVE_SIMILARITY
from newsdiff.models import Article, Cell, ChangeKind, Presence, Revision, StoryRow
from newsdiff.text import key, words

_PRESENCE = {
    ChangeKind.UNCHANGED: Presence.UNCHANGED,
    ChangeKind.CHANGED: Presence.CHANGED,
    ChangeKind.MOVED: Presence.MOVED,
    ChangeKind.SPLIT: Presence.SPLIT,
    ChangeKind.MERGED: Presence.MERGED,
}
_ABSENT = Cell.model_construct(presence=Presence.ABSENT, positions=(), similarity=0.0)
_TRUNCATED = Cell.model_construct(presence=Presence.TRUNCATED, positions=(), similarity=0.0)


def _cell(presence: Presence, paragraphs: tuple[int, ...], similarity: float) -> Cell:
    return Cell.model_construct(presence=presence, positions=paragraphs, similarity=similarity)


class _Extra:
    """A row for a paragraph the canonical lacks, being built."""

    def __init__(self, slot: int, text: str) -> None:
        self.slot = slot  # canonical position it follows (-1: before the first)
        self.text = text
        self.key = key(text)
        self.words = words(self.key)
        self.cells: dict[str, Cell] = {}


def story_rows(
    canonical: str, canon: Article, revisions: Mapping[str, Revision]
) -> tuple[StoryRow, ...]:
    """The rows of a story whose canonical version ``canonical`` reads ``canon``."""
    n_rows = len(canon.paragraphs)
    cells: list[dict[str, Cell]] = [
        {canonical: _cell(Presence.CANONICAL, (k,), 1.0)} for k in range(n_rows)
    ]
    extras: list[_Extra] = []
    for name, revision in revisions.items():
        slot = -1
        for change in revision.changes:
            olds = change.old_positions
            news = change.new_positions
            if change.kind is ChangeKind.ADDED:
                text = revision.new_article.paragraphs[news[0]].text
                _place_extra(extras, name, slot, text, news)
                continue
            if change.kind is not ChangeKind.REMOVED:
                cell = _cell(_PRESENCE[change.kind], news, change.similarity)
                for k in olds:
                    cells[k][name] = cell
            elif change.truncated:
                for k in olds:
                    cells[k][name] = _TRUNCATED
            if change.kind is not ChangeKind.MOVED:
                slot = max(slot, *olds)
        for k in range(n_rows):
            cells[k].setdefault(name, _ABSENT)
    by_slot: dict[int, list[_Extra]] = {}
    for extra in extras:
        by_slot.setdefault(extra.slot, []).append(extra)
    names = [canonical, *revisions]

    def extra_rows(slot: int) -> list[StoryRow]:
        return [
            StoryRow.model_construct(
                position=None, text=e.text, cells={n: e.cells.get(n, _ABSENT) for n in names}
            )
            for e in by_slot.get(slot, [])
        ]

    rows = extra_rows(-1)
    for k, block in enumerate(canon.paragraphs):
        rows.append(
            StoryRow.model_construct(
                position=k, text=block.text, cells={n: cells[k][n] for n in names}
            )
        )
        rows += extra_rows(k)
    return tuple(rows)


def _place_extra(
    extras: list[_Extra], name: str, slot: int, text: str, at: tuple[int, ...]
) -> None:
    this = _Extra(slot, text)
    best, best_sim = None, MOVE_SIMILARITY
    for extra in extras:
        if name in extra.cells:
            continue
        sim = 1.0 if extra.key == this.key else Indel.normalized_similarity(extra.words, this.words)
        if sim >= best_sim:
            best, best_sim = extra, sim
    if best is None:
        best, best_sim = this, 1.0
        extras.append(this)
    best.cells[name] = _cell(Presence.ADDED, at, round(best_sim, 6))
