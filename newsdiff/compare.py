"""Compare one version against the canonical: parse → align → word diff → Revision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsdiff.align import Link, Unit, align
from newsdiff.classify import classify
from newsdiff.errors import NoBodyError
from newsdiff.models import (
    Article,
    Block,
    BlockKind,
    Change,
    ChangeKind,
    Revision,
    RevisionStats,
    SpanOp,
)
from newsdiff.parse import parse
from newsdiff.text import key, word_count
from newsdiff.worddiff import word_diff


def _units(paragraphs: Sequence[Block]) -> list[Unit]:
    return [Unit(key(p.text), p.kind is BlockKind.SUBHEADING) for p in paragraphs]


def _same_key(link: Link, old: Sequence[Unit], new: Sequence[Unit]) -> bool:
    """A 1-1 link between paragraphs equal but for typography."""
    return len(link.old) == len(link.new) == 1 and old[link.old[0]].key == new[link.new[0]].key


def _require_text(article: Article, name: str) -> None:
    if article.paragraphs:
        return
    kinds = Counter(b.kind.value for b in article.blocks)
    found = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
    raise NoBodyError(
        f"the {name!r} version has no article text: all its blocks look like boilerplate "
        f"({found}); check that the input is the article and not a navigation page, an "
        f"error page, a paywall or a cookie wall"
    )


def _change(link: Link, old: Sequence[Block], new: Sequence[Block], same_key: bool) -> Change:
    olds = tuple(old[i] for i in link.old)
    news = tuple(new[j] for j in link.new)
    spans = word_diff([p.text for p in olds], [p.text for p in news])
    typography = same_key and any(s.op is not SpanOp.EQUAL for s in spans)
    return classify(
        Change(
            kind=link.kind,
            old=olds,
            new=news,
            similarity=round(link.similarity, 6),
            typography_only=typography,
            spans=spans,
        )
    )


TRUNCATED_TAIL = 2
"""A version that stops this many canonical paragraphs or more before the canonical's
end may be a truncated republication (see :func:`mark_truncation`)."""


def begins_with(full: str, cut: str) -> bool:
    """Whether the key ``full`` starts with the key ``cut``, an ellipsis or a stray full
    stop at the cut aside."""
    return full.startswith(cut.rstrip(" .…"))


def _cut_short(change: Change) -> bool:
    """Whether the version's paragraph is the canonical's cut off part-way."""
    if len(change.old) != 1 or len(change.new) != 1:
        return False
    cut, full = key(change.new[0].text), key(change.old[0].text)
    return len(cut) < len(full) and begins_with(full, cut)


def mark_truncation(changes: Sequence[Change], *, known: bool = False) -> tuple[Change, ...]:
    """Mark the canonical tail that a truncated version lacks as truncated, not removed.

    A version is taken as truncated when it stops at least ``TRUNCATED_TAIL`` paragraphs
    before the canonical's end and either its last paragraph is the canonical's cut off
    part-way, or everything it has is the canonical's text unchanged (a copy cut short),
    or ``known`` says so (collate knows when a version is a prefix of another). An
    earlier write that simply lacks later paragraphs is not truncated: its missing tail
    stays removed, since those paragraphs are news it did not yet have.
    """
    changes = list(changes)
    last = max((n for n, c in enumerate(changes) if c.new), default=-1)
    tail = changes[last + 1 :]
    if last < 0 or changes[last].kind is ChangeKind.ADDED or len(tail) < TRUNCATED_TAIL:
        return tuple(changes)
    cut = _cut_short(changes[last])
    copy = all(c.kind is ChangeKind.UNCHANGED for c in changes[:last] if c.new)
    if not (known or cut or copy):
        return tuple(changes)
    marked = changes[: last + 1] + [c.model_copy(update={"truncated": True}) for c in tail]
    if cut:
        marked[last] = marked[last].model_copy(update={"truncated": True})
    return tuple(marked)


def stats(changes: Sequence[Change]) -> RevisionStats:
    """Totals over a revision's changes."""
    counts = dict.fromkeys(ChangeKind, 0)
    inserted = deleted = kept = 0
    for change in changes:
        counts[change.kind] += 1
        if change.kind is ChangeKind.UNCHANGED:
            kept += sum(word_count(p.text) for p in change.old) * 2
            continue
        inserted += change.words_inserted
        deleted += change.words_deleted
        kept += 2 * sum(word_count(s.text) for s in change.spans if s.op is SpanOp.EQUAL)
    total = kept + inserted + deleted
    return RevisionStats(
        counts=counts,
        words_inserted=inserted,
        words_deleted=deleted,
        similarity=round(kept / total, 6) if total else 1.0,
        typography_only=sum(c.typography_only for c in changes),
        edits=dict(sorted(Counter(e.edit for c in changes for e in c.edits).items())),
        truncated=sum(c.truncated and c.kind is ChangeKind.REMOVED for c in changes),
    )


def compare(
    old: str | bytes | Article,
    new: str | bytes | Article,
    *,
    old_name: str = "old",
    new_name: str = "new",
) -> Revision:
    """Compare ``new`` against ``old`` (the canonical), paragraph by paragraph.

    >>> rev = compare("The mayor spoke.\\n\\nRoads reopened.", "The mayor spoke today.")
    >>> [c.kind.value for c in rev.changes]
    ['changed', 'removed']

    Texts may be ``str``, ``bytes`` or parsed :class:`Article` objects. Raises
    :class:`~newsdiff.EmptyInputError` or :class:`~newsdiff.NoBodyError` when a side
    has no article text.
    """
    a, b = parse(old), parse(new)
    _require_text(a, old_name)
    _require_text(b, new_name)
    pa, pb = a.paragraphs, b.paragraphs
    ua, ub = _units(pa), _units(pb)
    changes = mark_truncation(
        [_change(link, pa, pb, _same_key(link, ua, ub)) for link in align(ua, ub)]
    )
    return Revision(
        old_name=old_name, new_name=new_name, old=a, new=b, changes=changes, stats=stats(changes)
    )
