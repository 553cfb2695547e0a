"""Paragraph alignment of a version against the canonical.

Four passes, each cheap enough that the whole stays near-linear when most
paragraphs are unchanged:

1. **Anchors.** Paragraphs whose comparison keys are equal anchor the alignment:
   common prefix and suffix, then keys unique on both sides in increasing order
   (patience diff), then diff-match-patch over the small gaps left between them.
2. **Gaps.** Between anchors, a Gale–Church-style "bead" dynamic programme chooses
   links 1-1, 1-k (split) and k-1 (merged), k ≤ 3, or leaves paragraphs removed or
   added. A link scores ``(len_a + len_b) / 2 · (sim − τ)``, so a pair is linked only
   when its word similarity beats τ, and long paragraphs weigh more than short ones.
3. **Moves.** Leftover removed and added paragraphs that are still similar are
   linked as moves, best pair first.
4. **Reordered merges and splits.** A leftover neighbour of a linked paragraph joins
   the link when the other side contains most of its distinctive (IDF-weighted) words:
   two paragraphs merged into one in a different order defeat the in-order beads.

Similarity is the Indel similarity over word tokens, ``2·LCS / (len_a + len_b)``.
Gaps too large for the dynamic programme are first cut by high-similarity pairs
found through rare shared words, so unrelated or huge inputs stay bounded.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar, overload

from rapidfuzz.distance import Indel

from newsdiff import dmp
from newsdiff.models import ChangeKind
from newsdiff.text import key, words

H = TypeVar("H", bound=Hashable)
T = TypeVar("T")

TAU = 0.35
"""A 1-1 link needs word similarity above this (below, removed + added scores better)."""
MOVE_SIMILARITY = 0.5
"""Leftover removed/added paragraphs this similar are linked as a move."""
MOVE_MIN_WORDS = 4
ATTACH_CONTAINMENT = 0.3
"""Share of a neighbour's distinctive words the partner must contain to join a link."""
SPLIT_PART_CONTAINMENT = 0.5
"""Each part of a split or merge must find this share of its words in the other side."""
MAX_BEAD = 3
"""Largest split or merge the dynamic programme considers (1-k, k-1)."""
MAX_ATTACHED = 12
"""Largest number of paragraphs on the grown side of a split or merge (a site that runs
a whole article together as one paragraph)."""
DP_CELLS = 40_000
"""Largest gap (old × new paragraphs) aligned by the dynamic programme directly."""
DMP_GAP = 2_000
"""Largest gap (old + new paragraphs) handed to diff-match-patch for anchors."""
PAIR_BUDGET = 250_000
"""Largest number of paragraph pairs compared exhaustively when looking for moves."""
RARE_POSTINGS = 8
"""Words in more paragraphs than this per side are too common to propose candidates."""


class Unit:
    """A paragraph as the aligner sees it: its text, whether it is a sub-heading, and
    its comparison key, made when first needed.

    Units compare equal when their keys are; equal texts answer that without making
    the keys, so the long stretches two versions share cost a string comparison each.
    """

    __slots__ = ("_key", "heading", "text")

    def __init__(self, text: str, heading: bool = False) -> None:
        self.text = text
        self.heading = heading
        self._key: str | None = None

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = key(self.text)
        return self._key

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Unit):
            return NotImplemented
        return self.text == other.text or self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Unit({self.text!r}, heading={self.heading})"


@dataclass(frozen=True, slots=True)
class Link:
    """One alignment decision; indexes are paragraph positions on each side."""

    kind: ChangeKind
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float


class _Side:
    """Per-side word data, made for a paragraph when first needed: encoded word strings
    (for rapidfuzz) and sizes. Paragraphs inside the stretches two versions share are
    never looked at."""

    def __init__(self, units: Sequence[Unit], vocab: dict[str, str]) -> None:
        self.units = units
        # The makers hold the units and the vocabulary, not the side: no reference
        # cycle, so an alignment's data is freed as soon as it is done.
        self.codes = _Lazy(len(units), partial(_code, units, vocab))
        self.sizes = _Lazy(len(units), partial(_size, units))
        self._counts: dict[int, Counter[str]] = {}

    def count(self, n: int) -> Counter[str]:
        """The word counts of paragraph ``n`` (made when first needed)."""
        found = self._counts.get(n)
        if found is None:
            found = self._counts[n] = Counter(self.codes[n])
        return found


def _code(units: Sequence[Unit], vocab: dict[str, str], n: int) -> str:
    return "".join([vocab[w] if w in vocab else _encode(w, vocab) for w in words(units[n].key)])


def _size(units: Sequence[Unit], n: int) -> int:
    return len(words(units[n].key))


class _Lazy(Sequence[T]):
    """A sequence whose items are made by ``make(index)`` when first read."""

    def __init__(self, size: int, make: Callable[[int], T]) -> None:
        self._items: list[T | None] = [None] * size
        self._make = make

    def __len__(self) -> int:
        return len(self._items)

    @overload
    def __getitem__(self, n: int) -> T: ...
    @overload
    def __getitem__(self, n: slice) -> Sequence[T]: ...
    def __getitem__(self, n: int | slice) -> T | Sequence[T]:
        if isinstance(n, slice):
            return [self[k] for k in range(*n.indices(len(self)))]
        item = self._items[n]
        if item is None:
            item = self._items[n] = self._make(n)
        return item


def _encode(word: str, vocab: dict[str, str]) -> str:
    code = vocab.get(word)
    if code is None:
        n = len(vocab)
        if n >= dmp.MAX_ITEMS:  # collisions only blur similarity a little, deterministically
            n = zlib.crc32(word.encode("utf-8", "surrogatepass")) % dmp.MAX_ITEMS
        code = vocab[word] = dmp.code_point(n)
    return code


SIM_BUDGET = 50_000_000
"""Largest (words × words) pair scored by in-order similarity; beyond it (paragraphs of
many thousand words) the order-blind Dice similarity of the word multisets stands in,
which is linear in length."""


def _sim(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    if len(a) * len(b) > SIM_BUDGET:
        shared = Counter(a) & Counter(b)
        return 2 * sum(shared.values()) / (len(a) + len(b))
    return float(Indel.normalized_similarity(a, b))


# ---------------------------------------------------------------- pass 1: anchors


def equal_anchors(
    a: Sequence[H], b: Sequence[H], weight: Callable[[H], float]
) -> list[tuple[int, int]]:
    """Monotone pairs (i, j) with ``a[i] == b[j]``; among crossing choices the heavier
    items anchor. Used for paragraphs here and for sentences by the word diff."""
    found: list[tuple[int, int]] = []
    stack = [(0, len(a), 0, len(b))]
    while stack:
        a0, a1, b0, b1 = stack.pop()
        while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
            found.append((a0, b0))
            a0, b0 = a0 + 1, b0 + 1
        while a0 < a1 and b0 < b1 and a[a1 - 1] == b[b1 - 1]:
            a1, b1 = a1 - 1, b1 - 1
            found.append((a1, b1))
        if a0 == a1 or b0 == b1:
            continue
        unique = _unique_common(a, b, a0, a1, b0, b1, weight)
        if unique:
            bounds = [(a0 - 1, b0 - 1), *unique, (a1, b1)]
            found.extend(unique)
            for (p, q), (r, s) in itertools.pairwise(bounds):
                if r - p > 1 and s - q > 1:
                    stack.append((p + 1, r, q + 1, s))
        elif (a1 - a0) + (b1 - b0) <= DMP_GAP:
            i, j = a0, b0
            for op, n in dmp.diff(a[a0:a1], b[b0:b1]):
                if op is dmp.Op.EQUAL:
                    found.extend((i + k, j + k) for k in range(n))
                if op is not dmp.Op.INSERT:
                    i += n
                if op is not dmp.Op.DELETE:
                    j += n
    found.sort()
    return found


def _unique_common(
    a: Sequence[H], b: Sequence[H], a0: int, a1: int, b0: int, b1: int, weight: Callable[[H], float]
) -> list[tuple[int, int]]:
    """Longest increasing run of keys that occur exactly once on each side (patience)."""
    count_a = Counter(a[a0:a1])
    count_b = Counter(b[b0:b1])
    where_b = {b[j]: j for j in range(b0, b1) if count_b[b[j]] == 1}
    pairs = [(i, where_b[a[i]]) for i in range(a0, a1) if count_a[a[i]] == 1 and a[i] in where_b]
    return _longest_increasing(pairs, [weight(a[i]) for i, _ in pairs])


def _longest_increasing(
    pairs: list[tuple[int, int]], weight: Sequence[float]
) -> list[tuple[int, int]]:
    """The heaviest chain of ``pairs`` (sorted by i, distinct i and j) increasing in both.

    A chain's value is compared as (number of pairs, total weight, −Σ|i − j|): the
    most anchors first, then the longest paragraphs, then the ones nearest the
    diagonal. None of these depends on which side is old, so aligning b against a
    picks the mirror image of aligning a against b. O(n log n) with a Fenwick tree
    of best chain values over j.
    """
    if not pairs:
        return []
    rank = {j: r for r, j in enumerate(sorted({j for _, j in pairs}), start=1)}
    size = len(rank)
    none: tuple[float, float, float] = (0.0, 0.0, 0.0)
    tree: list[tuple[tuple[float, float, float], int]] = [(none, -1)] * (size + 1)
    value: list[tuple[float, float, float]] = []
    parent: list[int] = []
    for n, (i, j) in enumerate(pairs):
        r = rank[j] - 1
        best, at = none, -1
        while r > 0:  # best chain ending at a smaller j
            if tree[r][0] > best:
                best, at = tree[r]
            r -= r & -r
        mine = (best[0] + 1, best[1] + weight[n], best[2] - abs(i - j))
        value.append(mine)
        parent.append(at)
        r = rank[j]
        while r <= size:
            if mine > tree[r][0]:
                tree[r] = (mine, n)
            r += r & -r
    n = max(range(len(pairs)), key=lambda k: (value[k], -k))
    chain: list[tuple[int, int]] = []
    while n >= 0:
        chain.append(pairs[n])
        n = parent[n]
    chain.reverse()
    return chain


# ---------------------------------------------------------------- pass 2: gaps


@dataclass(frozen=True, slots=True)
class _Item:
    """An entry of the in-order alignment: a link, or a removed / added paragraph."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float = 0.0


_BEAD_SHAPES = (
    (1, 1),
    *((1, k) for k in range(2, MAX_BEAD + 1)),
    *((k, 1) for k in range(2, MAX_BEAD + 1)),
)
"""The links the dynamic programme tries from each cell: 1-1, then splits, then merges."""


class _Aligner:
    def __init__(self, old: Sequence[Unit], new: Sequence[Unit]) -> None:
        vocab: dict[str, str] = {}
        self.a = _Side(old, vocab)
        self.b = _Side(new, vocab)

    # The score of linking the given paragraphs, or None when they must not be linked.
    def _bead(self, olds: range, news: range) -> tuple[float, float] | None:
        a, b = self.a, self.b
        if len(olds) == 1 and len(news) == 1:
            i, j = olds[0], news[0]
            if a.units[i].heading != b.units[j].heading:
                return None
            sim = _sim(a.codes[i], b.codes[j])
            return (a.sizes[i] + b.sizes[j]) / 2 * (sim - TAU), sim
        if any(a.units[i].heading for i in olds) or any(b.units[j].heading for j in news):
            return None
        whole_a = "".join(a.codes[i] for i in olds)
        whole_b = "".join(b.codes[j] for j in news)
        sim = _sim(whole_a, whole_b)
        if sim <= TAU:
            return None
        # Each part must find most of its words in the one paragraph on the other side.
        if len(olds) > 1:
            whole, parts = b.count(news[0]), [(a.count(i), a.sizes[i]) for i in olds]
        else:
            whole, parts = a.count(olds[0]), [(b.count(j), b.sizes[j]) for j in news]
        for counts, size in parts:
            if sum(min(n, whole[c]) for c, n in counts.items()) < SPLIT_PART_CONTAINMENT * size:
                return None
        return (len(whole_a) + len(whole_b)) / 2 * (sim - TAU), sim

    def gap(self, a0: int, a1: int, b0: int, b1: int) -> list[_Item]:
        n, m = a1 - a0, b1 - b0
        if n == 0 or m == 0:
            return [_Item((i,), ()) for i in range(a0, a1)] + [
                _Item((), (j,)) for j in range(b0, b1)
            ]
        if n * m > DP_CELLS:
            return self._big_gap(a0, a1, b0, b1)
        return self._beads(a0, a1, b0, b1)

    def _beads(self, a0: int, a1: int, b0: int, b1: int) -> list[_Item]:
        n, m = a1 - a0, b1 - b0
        # A path's value is (total gain, −Σ(i + j) over its links): among equal gains the
        # links nearest the start win, a rule that reads the same with the sides swapped.
        none = (-math.inf, 0.0)
        score = [[none] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int, float]]] = [[(0, 0, 0.0)] * (m + 1) for _ in range(n + 1)]
        score[0][0] = (0.0, 0.0)
        for i in range(n + 1):
            for j in range(m + 1):
                here = score[i][j]
                if here == none:
                    continue
                moves: list[tuple[int, int, float, float]] = [(1, 0, 0.0, 0.0), (0, 1, 0.0, 0.0)]
                if i < n and j < m:
                    for di, dj in _BEAD_SHAPES:
                        if i + di > n or j + dj > m:
                            continue
                        bead = self._bead(range(a0 + i, a0 + i + di), range(b0 + j, b0 + j + dj))
                        if bead is not None and bead[0] > 0:
                            moves.append((di, dj, bead[0], bead[1]))
                for di, dj, gain, sim in moves:
                    ni, nj = i + di, j + dj
                    if ni > n or nj > m:
                        continue
                    place = float(a0 + i + b0 + j) if gain else 0.0
                    value = (here[0] + gain, here[1] - place)
                    # On a tie an added paragraph is the later step, so the removed
                    # paragraphs of a gap read before the ones that replace them.
                    if value > score[ni][nj] or ((di, dj) == (0, 1) and value == score[ni][nj]):
                        score[ni][nj] = value
                        back[ni][nj] = (di, dj, sim)
        items: list[_Item] = []
        i, j = n, m
        while i or j:
            di, dj, sim = back[i][j]
            i, j = i - di, j - dj
            olds = tuple(range(a0 + i, a0 + i + di))
            news = tuple(range(b0 + j, b0 + j + dj))
            if olds and news:
                items.append(_Item(olds, news, sim))
            else:
                items.append(_Item(olds, news))
        items.reverse()
        return items

    def _big_gap(self, a0: int, a1: int, b0: int, b1: int) -> list[_Item]:
        """Cut a huge gap at confident in-order pairs, then align the pieces."""
        best: dict[int, int] = {}
        taken: set[int] = set()
        for i, j, _ in self._candidates(range(a0, a1), range(b0, b1)):
            if i not in best and j not in taken:  # one partner each, most similar first
                best[i] = j
                taken.add(j)
        ordered = sorted(best.items())
        cuts = _longest_increasing(ordered, [float(self.a.sizes[i]) for i, _ in ordered])
        if not cuts:
            return [_Item((i,), ()) for i in range(a0, a1)] + [
                _Item((), (j,)) for j in range(b0, b1)
            ]
        items: list[_Item] = []
        p, q = a0, b0
        for i, j in cuts:
            items += self.gap(p, i, q, j)
            items.append(_Item((i,), (j,), _sim(self.a.codes[i], self.b.codes[j])))
            p, q = i + 1, j + 1
        items += self.gap(p, a1, q, b1)
        return items

    def _candidates(self, olds: Sequence[int], news: Sequence[int]) -> list[tuple[int, int, float]]:
        """(old, new) pairs at least MOVE_SIMILARITY similar, most similar first; every
        pair is scored when there are few, else only pairs that share a rare word.

        Only the pairs that pass are kept: a version with a few hundred paragraphs
        removed and added has some 10⁵ pairs to score, and holding them all to sort was
        most of a comparison's peak memory.
        """
        a, b = self.a, self.b
        pairs: Iterable[tuple[int, int]]
        if len(olds) * len(news) <= PAIR_BUDGET:
            pairs = itertools.product(olds, news)
        else:
            postings: dict[str, list[int]] = defaultdict(list)
            for j in news:
                for code in set(b.codes[j]):
                    postings[code].append(j)
            seen: set[tuple[int, int]] = set()
            for i in olds:
                for code in sorted(set(a.codes[i])):
                    hits = postings.get(code, ())
                    if 0 < len(hits) <= RARE_POSTINGS:
                        seen.update((i, j) for j in hits)
            pairs = sorted(seen)
        scored = []
        for i, j in pairs:
            if a.units[i].heading == b.units[j].heading:
                sim = _sim(a.codes[i], b.codes[j])
                if sim >= MOVE_SIMILARITY:
                    scored.append((i, j, sim))
        # Ties go to the pair nearest the start and the diagonal: a rule that reads the
        # same with the sides swapped.
        scored.sort(key=lambda t: (-t[2], t[0] + t[1], abs(t[0] - t[1]), t[0]))
        return scored

    # ------------------------------------------------------------ passes 3 and 4

    def moves(self, items: list[_Item]) -> tuple[list[_Item], dict[int, Link]]:
        """Pair leftover removed/added paragraphs as moves. Returns the items left and
        the moves keyed by the position of the added item they replace."""
        removed = [it.old[0] for it in items if not it.new]
        added = [it.new[0] for it in items if not it.old]
        a, b = self.a, self.b
        used_a: set[int] = set()
        used_b: set[int] = set()
        moved: dict[int, Link] = {}
        for i, j, sim in self._candidates(removed, added):
            if i in used_a or j in used_b or min(a.sizes[i], b.sizes[j]) < MOVE_MIN_WORDS:
                continue
            used_a.add(i)
            used_b.add(j)
            kind = ChangeKind.MOVED
            moved[j] = Link(kind, (i,), (j,), sim)
        kept = [it for it in items if not (it.old and not it.new and it.old[0] in used_a)]
        return kept, moved

    def attach(self, items: list[_Item], moved: dict[int, Link]) -> list[_Item]:
        """Join leftover neighbours to links whose other side contains their words."""
        a, b = self.a, self.b
        df: Counter[str] = Counter()
        total = len(a.codes) + len(b.codes)

        def explains(part: str, whole: str, linked: str) -> float:
            """IDF-weighted share of ``part``'s words found in what ``whole`` has beyond
            ``linked`` (the paragraphs already linked to it)."""
            if not df:  # document frequencies over both sides, once, when first needed
                for side in (a, b):
                    for n in range(len(side.codes)):
                        df.update(set(side.codes[n]))
            rest = Counter(whole) - Counter(linked)
            # Sorted, so the float sum is the same in every process (str hashes vary).
            weights = {c: math.log(total / df[c]) for c in sorted(set(part))}
            mass = sum(weights.values())
            return sum(w for c, w in weights.items() if rest[c]) / mass if mass else 0.0

        removed = {it.old[0]: n for n, it in enumerate(items) if not it.new}
        added = {
            it.new[0]: n for n, it in enumerate(items) if not it.old and it.new[0] not in moved
        }

        def joined(side: _Side, idx: Sequence[int]) -> str:
            return "".join(side.codes[k] for k in sorted(idx))

        def beside(it: _Item) -> bool:
            """Whether a leftover paragraph stands next to the link on either side."""
            return (
                min(it.old) - 1 in removed
                or max(it.old) + 1 in removed
                or min(it.new) - 1 in added
                or max(it.new) + 1 in added
            )

        merged: dict[int, _Item] = {}
        dropped: set[int] = set()
        if not (removed or added):
            return items
        for n, it in enumerate(items):
            if not (it.old and it.new) or (len(it.old) > 1 and len(it.new) > 1):
                continue
            if not beside(it):
                continue
            if any(a.units[i].heading for i in it.old) or any(b.units[j].heading for j in it.new):
                continue
            olds, news = list(it.old), list(it.new)
            while max(len(olds), len(news)) < MAX_ATTACHED:
                # Candidates: removed neighbours on the old side (a merge) while the new
                # side is one paragraph, added neighbours on the new side (a split) while
                # the old side is one. A neighbour joins when it accounts for words of the
                # other side that the link does not yet: the merges the in-order beads
                # missed because the merged paragraph reorders its parts.
                options: list[tuple[float, int, int, int]] = []  # (score, side, index, item)
                if len(news) == 1:
                    for i in (min(olds) - 1, max(olds) + 1):
                        m = removed.get(i)
                        if m is not None and m not in dropped and not a.units[i].heading:
                            score = explains(a.codes[i], b.codes[news[0]], joined(a, olds))
                            options.append((score, 0, i, m))
                if len(olds) == 1:
                    for j in (min(news) - 1, max(news) + 1):
                        m = added.get(j)
                        if m is not None and m not in dropped and not b.units[j].heading:
                            score = explains(b.codes[j], a.codes[olds[0]], joined(b, news))
                            options.append((score, 1, j, m))
                options = [
                    o
                    for o in options
                    if o[0] >= ATTACH_CONTAINMENT
                    and (a.sizes[o[2]] if o[1] == 0 else b.sizes[o[2]]) >= MOVE_MIN_WORDS
                ]
                if not options:
                    break
                _, side, k, m = max(options)
                (olds if side == 0 else news).append(k)
                dropped.add(m)
            if len(olds) + len(news) > len(it.old) + len(it.new):
                merged[n] = _Item(
                    tuple(sorted(olds)), tuple(sorted(news)), _sim(joined(a, olds), joined(b, news))
                )
        return [merged.get(n, it) for n, it in enumerate(items) if n not in dropped]

    def link(self, item: _Item) -> Link:
        if not item.new:
            return Link(ChangeKind.REMOVED, item.old, (), 0.0)
        if not item.old:
            return Link(ChangeKind.ADDED, (), item.new, 0.0)
        if len(item.old) > 1:
            return Link(ChangeKind.MERGED, item.old, item.new, item.similarity)
        if len(item.new) > 1:
            return Link(ChangeKind.SPLIT, item.old, item.new, item.similarity)
        same = self.a.units[item.old[0]] == self.b.units[item.new[0]]
        kind = ChangeKind.UNCHANGED if same else ChangeKind.CHANGED
        return Link(kind, item.old, item.new, 1.0 if same else item.similarity)


def align(old: Sequence[Unit], new: Sequence[Unit]) -> list[Link]:
    """Align two paragraph sequences; the links come in the new side's reading order,
    removed paragraphs where they stood relative to their neighbours."""
    aligner = _Aligner(old, new)
    anchors = equal_anchors(old, new, lambda unit: float(len(words(unit.key))))
    items: list[_Item] = []
    p, q = 0, 0
    for i, j in [*anchors, (len(old), len(new))]:
        if i > p or j > q:
            items += aligner.gap(p, i, q, j)
        if i < len(old):
            items.append(_Item((i,), (j,), 1.0))
        p, q = i + 1, j + 1
    items, moved = aligner.moves(items)
    items = aligner.attach(items, moved)
    links: list[Link] = []
    for item in items:
        if not item.old and item.new[0] in moved:
            links.append(moved[item.new[0]])
        else:
            links.append(aligner.link(item))
    return links
