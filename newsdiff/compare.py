"""Compare one version against the canonical: parse → align → Revision.

The Revision holds the two articles and the alignment: one Change per decision, with
stretches of paragraphs that read the same word for word kept as one
:class:`~newsdiff.models.UnchangedRun`. The word diff and edit classes of each change
are worked out from the articles when first asked for (:attr:`Change.spans`).
"""

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
    Entry,
    Revision,
    UnchangedRun,
)
from newsdiff.parse import Source, parse
from newsdiff.text import key


def _units(paragraphs: Sequence[Block]) -> list[Unit]:
    return [Unit(p.text, p.kind is BlockKind.SUBHEADING) for p in paragraphs]


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


def _change(link: Link, old: Sequence[Unit], new: Sequence[Unit]) -> Change:
    one_to_one = len(link.old) == len(link.new) == 1
    typography = False
    if one_to_one and link.kind in (ChangeKind.UNCHANGED, ChangeKind.MOVED):
        a, b = old[link.old[0]], new[link.new[0]]
        typography = a.text != b.text and a.key == b.key
    return Change.model_construct(
        kind=link.kind,
        old_positions=link.old,
        new_positions=link.new,
        similarity=round(link.similarity, 6),
        typography_only=typography,
        truncated=False,
    )


def alignment(links: Sequence[Link], old: Sequence[Unit], new: Sequence[Unit]) -> list[Entry]:
    """The links as alignment entries: paragraphs unchanged word for word, one after
    another on both sides, gathered into runs."""
    entries: list[Entry] = []
    run: list[int] = []  # old start, new start, length of the run being gathered

    def close() -> None:
        if run:
            entries.append(
                UnchangedRun.model_construct(old_start=run[0], new_start=run[1], length=run[2])
            )
            run.clear()

    for link in links:
        if link.kind is ChangeKind.UNCHANGED:
            i, j = link.old[0], link.new[0]
            if old[i].text == new[j].text:
                if run and run[0] + run[2] == i and run[1] + run[2] == j:
                    run[2] += 1
                else:
                    close()
                    run.extend((i, j, 1))
                continue
        close()
        entries.append(_change(link, old, new))
    close()
    return entries


TRUNCATED_TAIL = 2
"""A version that stops this many canonical paragraphs or more before the canonical's
end may be a truncated republication (see :func:`mark_truncation`)."""


def begins_with(full: str, cut: str) -> bool:
    """Whether the key ``full`` starts with the key ``cut``, an ellipsis or a stray full
    stop at the cut aside."""
    return full.startswith(cut.rstrip(" .…"))


def _carries(entry: Entry) -> bool:
    """Whether the entry holds paragraphs of the version."""
    return isinstance(entry, UnchangedRun) or bool(entry.new_positions)


def _cut_short(entry: Entry, old: Sequence[Block], new: Sequence[Block]) -> bool:
    """Whether the version's paragraph is the canonical's cut off part-way."""
    if isinstance(entry, UnchangedRun):
        return False
    if len(entry.old_positions) != 1 or len(entry.new_positions) != 1:
        return False
    cut, full = key(new[entry.new_positions[0]].text), key(old[entry.old_positions[0]].text)
    return len(cut) < len(full) and begins_with(full, cut)


def is_cut_copy(short: Sequence[Block], full: Sequence[Block]) -> bool:
    """Whether ``short`` is ``full`` cut off: the same paragraphs (typography aside), the
    last perhaps cut part-way, and then nothing. Keys are made only where the texts
    differ, and only until the first paragraph that is not the same."""
    if not short or len(short) >= len(full):
        return False
    *head, last = short
    same = all(
        a.text == b.text or key(a.text) == key(b.text) for a, b in zip(head, full, strict=False)
    )
    return same and begins_with(key(full[len(head)].text), key(last.text))


def mark_truncation(
    entries: Sequence[Entry], old: Sequence[Block], new: Sequence[Block], *, known: bool = False
) -> tuple[Entry, ...]:
    """Mark the canonical tail that a truncated version lacks as truncated, not removed.

    ``old`` and ``new`` are the two articles' paragraphs. A version is taken as
    truncated when it stops at least ``TRUNCATED_TAIL`` paragraphs before the
    canonical's end and either its last paragraph is the canonical's cut off part-way,
    or everything it has is the canonical's text unchanged (a copy cut short), or
    ``known`` says so (collate knows when a version is a prefix of another). An earlier
    write that simply lacks later paragraphs is not truncated: its missing tail stays
    removed, since those paragraphs are news it did not yet have.
    """
    entries = list(entries)
    last = max((n for n, e in enumerate(entries) if _carries(e)), default=-1)
    tail = entries[last + 1 :]
    if last < 0 or len(tail) < TRUNCATED_TAIL:
        return tuple(entries)
    end = entries[last]
    if isinstance(end, Change) and end.kind is ChangeKind.ADDED:
        return tuple(entries)
    cut = _cut_short(end, old, new)
    copy = all(
        isinstance(e, UnchangedRun) or e.kind is ChangeKind.UNCHANGED
        for e in entries[:last]
        if _carries(e)
    )
    if not (known or cut or copy):
        return tuple(entries)
    marked = entries[: last + 1] + [
        c.model_copy(update={"truncated": True}) for c in tail if isinstance(c, Change)
    ]
    if cut and isinstance(end, Change):
        marked[last] = end.model_copy(update={"truncated": True})
    return tuple(marked)


def compare(
    old: Source,
    new: Source,
    *,
    old_name: str = "old",
    new_name: str = "new",
) -> Revision:
    """Compare ``new`` against ``old`` (the canonical), paragraph by paragraph.

    >>> rev = compare("The mayor spoke.\\n\\nRoads reopened.", "The mayor spoke today.")
    >>> [c.kind.value for c in rev.changes]
    ['changed', 'removed']

    Texts may be ``str``, ``bytes``, paths to files (``pathlib.Path``) or parsed
    :class:`Article` objects. Raises
    :class:`~newsdiff.EmptyInputError` or :class:`~newsdiff.NoBodyError` when a side
    has no article text.
    """
    a, b = parse(old), parse(new)
    _require_text(a, old_name)
    _require_text(b, new_name)
    pa, pb = a.paragraphs, b.paragraphs
    ua, ub = _units(pa), _units(pb)
    entries = mark_truncation(alignment(align(ua, ub), ua, ub), pa, pb)
    return Revision.assemble(old_name, new_name, a, b, entries)
