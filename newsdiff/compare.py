"""Compare one version against the canonical: parse → align → word diff → Revision."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsdiff.align import Link, Unit, align
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


def _require_text(article: Article, name: str) -> None:
    if article.paragraphs:
        return
    kinds = Counter(b.kind.value for b in article.blocks)
    found = ", ".join(f"{n} {k}" for k, n in kinds.most_common())
    raise NoBodyError(
        f"the {name!r} version has no article text: all its blocks look like boilerplate "
        f"({found}); check that the input is the article and not a navigation or error page"
    )


def _change(link: Link, old: Sequence[Block], new: Sequence[Block]) -> Change:
    olds = tuple(old[i] for i in link.old)
    news = tuple(new[j] for j in link.new)
    spans = word_diff([p.text for p in olds], [p.text for p in news])
    same_key = link.kind in (ChangeKind.UNCHANGED, ChangeKind.MOVED) and link.similarity == 1.0
    typography = (
        same_key
        and key(olds[0].text) == key(news[0].text)
        and any(s.op is not SpanOp.EQUAL for s in spans)
    )
    return Change(
        kind=link.kind,
        old=olds,
        new=news,
        similarity=round(link.similarity, 6),
        typography_only=typography,
        spans=spans,
    )


def _stats(changes: Sequence[Change]) -> RevisionStats:
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
    changes = tuple(_change(link, pa, pb) for link in align(_units(pa), _units(pb)))
    return Revision(
        old_name=old_name, new_name=new_name, old=a, new=b, changes=changes, stats=_stats(changes)
    )
