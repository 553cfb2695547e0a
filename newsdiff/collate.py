"""Collate N versions of a story against one canonical version.

The canonical is the version the others are compared against. By default it is the
*most complete* version: the one with the most words of article text (body and
sub-headings); among equals, the one given last, since later versions of a story
tend to be the fuller write-throughs. Users can name the canonical instead.

The story table has one row per canonical paragraph, in canonical order, plus one row
for each paragraph that only some versions carry, placed after the canonical
paragraph its version puts just before it. The same extra paragraph in several
versions shares one row.

A version that is another version cut off (a republication that stops early) has its
missing tail marked truncated rather than removed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from rapidfuzz.distance import Indel

from newsdiff.align import MOVE_SIMILARITY
from newsdiff.compare import begins_with, compare, mark_truncation, stats
from newsdiff.errors import NewsdiffError, VersionError
from newsdiff.models import (
    Article,
    Block,
    Cell,
    ChangeKind,
    Presence,
    Revision,
    Story,
    StoryRow,
    StoryVersion,
)
from newsdiff.parse import Source, parse
from newsdiff.text import key, word_count, words


def _named(versions: Mapping[str, Source] | Sequence[Source]) -> list[tuple[str, Source]]:
    if isinstance(versions, Mapping):
        named = [(str(name), text) for name, text in versions.items()]
    elif isinstance(versions, str | bytes | os.PathLike):
        raise VersionError("collate() takes several versions: a mapping name → text, or a list")
    else:
        named = [(f"v{n}", text) for n, text in enumerate(versions, start=1)]
    if not named:
        raise VersionError("collate() needs at least one version")
    return named


def _most_complete(articles: Sequence[tuple[str, Article]]) -> str:
    sizes = [
        (sum(word_count(p.text) for p in a.paragraphs), n) for n, (_, a) in enumerate(articles)
    ]
    return articles[max(sizes)[1]][0]


def _positions(article: Article) -> dict[int, int]:
    """Block index → position among the article's paragraphs."""
    return {block.index: n for n, block in enumerate(article.paragraphs)}


_PRESENCE = {
    ChangeKind.UNCHANGED: Presence.UNCHANGED,
    ChangeKind.CHANGED: Presence.CHANGED,
    ChangeKind.MOVED: Presence.MOVED,
    ChangeKind.SPLIT: Presence.SPLIT,
    ChangeKind.MERGED: Presence.MERGED,
}


class _Extra:
    """A row for a paragraph the canonical lacks, being built."""

    def __init__(self, slot: int, text: str) -> None:
        self.slot = slot  # canonical position it follows (-1: before the first)
        self.text = text
        self.key = key(text)
        self.words = words(self.key)
        self.cells: dict[str, Cell] = {}


def _rows(canonical: str, canon: Article, revisions: Mapping[str, Revision]) -> list[StoryRow]:
    canon_pos = _positions(canon)
    n_rows = len(canon.paragraphs)
    cells: list[dict[str, Cell]] = [
        {canonical: Cell(presence=Presence.CANONICAL, paragraphs=(k,), similarity=1.0)}
        for k in range(n_rows)
    ]
    extras: list[_Extra] = []
    for name, revision in revisions.items():
        pos = _positions(revision.new)
        slot = -1
        for change in revision.changes:
            olds = [canon_pos[b.index] for b in change.old]
            news = tuple(pos[b.index] for b in change.new)
            if change.kind is ChangeKind.ADDED:
                _place_extra(extras, name, slot, change.new[0], news)
                continue
            if change.kind is not ChangeKind.REMOVED:
                for k in olds:
                    cells[k][name] = Cell(
                        presence=_PRESENCE[change.kind],
                        paragraphs=news,
                        similarity=change.similarity,
                    )
            elif change.truncated:
                for k in olds:
                    cells[k][name] = Cell(presence=Presence.TRUNCATED)
            if change.kind is not ChangeKind.MOVED:
                slot = max(slot, *olds)
        for k in range(n_rows):
            cells[k].setdefault(name, Cell(presence=Presence.ABSENT))
    rows: list[StoryRow] = []
    by_slot: dict[int, list[_Extra]] = {}
    for extra in extras:
        by_slot.setdefault(extra.slot, []).append(extra)
    names = [canonical, *revisions]

    def extra_rows(slot: int) -> list[StoryRow]:
        return [
            StoryRow(
                canonical=None,
                text=e.text,
                cells={n: e.cells.get(n, Cell(presence=Presence.ABSENT)) for n in names},
            )
            for e in by_slot.get(slot, [])
        ]

    rows += extra_rows(-1)
    for k, block in enumerate(canon.paragraphs):
        rows.append(StoryRow(canonical=k, text=block.text, cells={n: cells[k][n] for n in names}))
        rows += extra_rows(k)
    return rows


def _place_extra(
    extras: list[_Extra], name: str, slot: int, block: Block, at: tuple[int, ...]
) -> None:
    this = _Extra(slot, block.text)
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
    best.cells[name] = Cell(presence=Presence.ADDED, paragraphs=at, similarity=round(best_sim, 6))


def _is_cut_copy(short: Sequence[str], full: Sequence[str]) -> bool:
    """Whether ``short`` is ``full`` cut off: the same paragraphs (typography aside), the
    last perhaps cut part-way, and then nothing."""
    if not short or len(short) >= len(full):
        return False
    *head, last = short
    return list(head) == list(full[: len(head)]) and begins_with(full[len(head)], last)


def collate(
    versions: Mapping[str, Source] | Sequence[Source], canonical: str | None = None
) -> Story:
    """Collate versions of one story against a canonical version.

    >>> story = collate({"early": "The bridge closed.", "late": "The bridge closed on Monday."})
    >>> story.canonical, [c.kind.value for c in story.revisions["early"].changes]
    ('late', ['changed'])

    ``versions`` maps names to texts (``str``/``bytes``), paths to files
    (``pathlib.Path``) or parsed Articles; a plain
    sequence is named ``v1``, ``v2``, … in order. ``canonical`` names the version to
    compare against; by default the most complete one (most words of article text,
    the later one among equals).
    """
    named = _named(versions)
    seen: set[str] = set()
    for name, _ in named:
        if name in seen:
            raise VersionError(f"two versions are named {name!r}; version names must be unique")
        seen.add(name)
    articles: list[tuple[str, Article]] = []
    for name, text in named:
        try:
            articles.append((name, parse(text)))
        except NewsdiffError as exc:
            raise type(exc)(f"version {name!r}: {exc}") from None
    if canonical is None:
        canonical = _most_complete(articles)
    elif canonical not in seen:
        raise VersionError(
            f"canonical {canonical!r} is not one of the versions ({', '.join(sorted(seen))})"
        )
    canon = dict(articles)[canonical]
    revisions = {
        name: compare(canon, article, old_name=canonical, new_name=name)
        for name, article in articles
        if name != canonical
    }
    keys = {name: [key(p.text) for p in article.paragraphs] for name, article in articles}
    for name, revision in revisions.items():
        if any(_is_cut_copy(keys[name], keys[other]) for other in keys if other != name):
            changes = mark_truncation(revision.changes, known=True)
            revisions[name] = revision.model_copy(
                update={"changes": changes, "stats": stats(changes)}
            )
    return Story(
        versions=tuple(StoryVersion(name=name, article=article) for name, article in articles),
        canonical=canonical,
        revisions=revisions,
        rows=tuple(_rows(canonical, canon, revisions)),
    )
