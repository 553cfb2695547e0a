"""A story's versions in time order, and the revisions between consecutive ones.

The time of a version is the latest date its article declares: the page's ``updated``
date, else its ``published`` date, else the crawler's date prefix (``metadata.date``).
When every version has one, the versions are put in that order (equal times keep the
order they were given in); when any version lacks one, the order given is the time
order, since a guess for one version would misplace the others. ``collate(...,
order=[...])`` names the order outright.

:func:`consecutive` compares each version with the next in that order (v1→v2,
v2→v3, …), the earlier always the old side, so every such revision reads forward in
time. :func:`forward` turns a revision against the canonical round when its version
came first, which is how the views draw it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from itertools import pairwise

from newsdiff.compare import compare, is_cut_copy, mark_truncation
from newsdiff.errors import VersionError
from newsdiff.models import Article, Change, ChangeKind, Entry, Revision, UnchangedRun


def version_time(article: Article) -> datetime | None:
    """When this version's text stood, from its metadata; ``None`` when it says nothing
    readable. Dates without a zone are taken as UTC; a month alone as its first day."""
    meta = article.metadata
    for value in (meta.updated, meta.published, meta.date):
        if not value:
            continue
        text = value.strip().replace("Z", "+00:00")
        if len(text) == len("2024-02"):
            text += "-01"
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return None


def time_order(articles: Sequence[tuple[str, Article]]) -> tuple[str, ...]:
    """The versions' names, earliest first: by their dates when every version has one,
    else in the order given."""
    times = [version_time(article) for _, article in articles]
    names = [name for name, _ in articles]
    if any(t is None for t in times):
        return tuple(names)
    dated = [(t, n) for n, t in enumerate(times) if t is not None]
    return tuple(names[n] for _, n in sorted(dated))


def checked_order(order: Sequence[str], names: Sequence[str]) -> tuple[str, ...]:
    """``order`` when it names every version once; a :class:`VersionError` otherwise."""
    if isinstance(order, str):
        raise VersionError("order is a list of version names, not one string")
    order = tuple(order)
    unknown = [n for n in order if n not in names]
    if unknown:
        raise VersionError(
            f"order names {unknown[0]!r}, which is not one of the versions ({', '.join(names)})"
        )
    twice = sorted({n for n in order if order.count(n) > 1})
    if twice:
        raise VersionError(f"order names {twice[0]!r} twice")
    missing = [n for n in names if n not in order]
    if missing:
        raise VersionError(
            f"order leaves out {', '.join(map(repr, missing))}: it must name every version once"
        )
    return order


_FLIPPED = {
    ChangeKind.ADDED: ChangeKind.REMOVED,
    ChangeKind.REMOVED: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
}


def forward(rev: Revision) -> Revision:
    """A revision of a version earlier than the canonical, drawn forward in time: the
    earlier version is the old side and the canonical the new one. The alignment is the
    canonical's, turned round — the canonical's paragraphs the version lacks become
    *added* (later, in the canonical), the version's paragraphs the canonical lacks
    *removed* (dropped later), a split a merge — and the word diffs run from the earlier
    text to the canonical's. A truncated copy is not turned round: the paragraphs it
    does not carry are not news it lacked, and are drawn as "stops early"."""
    if rev.stats.truncated:
        return rev
    entries: list[Entry] = []
    for entry in rev.alignment:
        if isinstance(entry, UnchangedRun):
            entries.append(
                UnchangedRun.model_construct(
                    old_start=entry.new_start, new_start=entry.old_start, length=entry.length
                )
            )
            continue
        entries.append(
            Change.model_construct(
                kind=_FLIPPED.get(entry.kind, entry.kind),
                old_positions=entry.new_positions,
                new_positions=entry.old_positions,
                similarity=entry.similarity,
                typography_only=entry.typography_only,
                truncated=False,
            )
        )
    turned = Revision.assemble(
        rev.new_name, rev.old_name, rev.new_article, rev.old_article, entries
    )
    turned._old_role, turned._new_role = rev.new_role, rev.old_role
    return turned


def as_step(rev: Revision) -> Revision:
    """``rev`` marked as a step of a timeline: its old side is the earlier version, not
    the canonical (views say so)."""
    rev._old_role = "earlier"
    return rev


def consecutive(order: Sequence[str], articles: dict[str, Article]) -> tuple[Revision, ...]:
    """The revision between each version and the next in ``order``: earlier → later.

    A version that is the one before it cut off (a truncated republication) has its
    missing tail marked truncated, as :func:`newsdiff.collate` does.
    """
    steps: list[Revision] = []
    for old_name, new_name in pairwise(order):
        old, new = articles[old_name], articles[new_name]
        rev = compare(old, new, old_name=old_name, new_name=new_name)
        if is_cut_copy(new.paragraphs, old.paragraphs):
            entries = mark_truncation(rev.alignment, old.paragraphs, new.paragraphs, known=True)
            rev = Revision.assemble(old_name, new_name, old, new, entries)
        steps.append(as_step(rev))
    return tuple(steps)
