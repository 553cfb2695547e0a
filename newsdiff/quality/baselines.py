"""Line-diff baselines: how other tools pair the lines of two versions.

Each takes the canonical's lines and a version's lines and returns links
``{(version line, canonical line)}``. Every non-empty line is a paragraph, and none is
set aside as boilerplate. Lines are compared by their keys (:func:`newsdiff.text.key`:
typography and case folded away), as newsdiff compares paragraphs.

* :func:`lines_difflib` — :class:`difflib.SequenceMatcher` over lines; inside a replaced
  block, lines are paired as :class:`difflib.Differ` does (the most similar pair with a
  ratio of at least 0.75 is a sync point, and both sides recurse around it).
* :func:`greedy_overlap` — as news-edit-tracker does: the longest common subsequence
  of equal lines, then inside each gap the pairs that share at least half of their
  distinct words, best first.
* :func:`wikidiff2_like` — as MediaWiki's wikidiff2 does: a line diff, replaced lines
  paired by position when their word similarity is at least 0.2, then each unpaired
  new line takes the most similar unpaired old line of similarity 0.4 or more as a move.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence

from rapidfuzz.distance import Indel

from newsdiff.text import key, words

Links = set[tuple[int, int]]
Baseline = Callable[[Sequence[str], Sequence[str]], Links]


def _similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """Word similarity: twice the longest common subsequence over the total length."""
    if not a and not b:
        return 1.0
    return float(Indel.normalized_similarity(a, b))


def lines_difflib(old: Sequence[str], new: Sequence[str]) -> Links:
    a, b = [key(line) for line in old], [key(line) for line in new]
    links: Links = set()

    def fancy_replace(i1: int, i2: int, j1: int, j2: int) -> None:
        best, best_i, best_j = 0.74, -1, -1
        matcher = difflib.SequenceMatcher(None)
        for j in range(j1, j2):
            matcher.set_seq2(b[j])
            for i in range(i1, i2):
                matcher.set_seq1(a[i])
                if (
                    matcher.real_quick_ratio() > best
                    and matcher.quick_ratio() > best
                    and matcher.ratio() > best
                ):
                    best, best_i, best_j = matcher.ratio(), i, j
        if best < 0.75:
            return
        fancy_replace(i1, best_i, j1, best_j)
        links.add((best_j, best_i))
        fancy_replace(best_i + 1, i2, best_j + 1, j2)

    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            links.update((j1 + k, i1 + k) for k in range(i2 - i1))
        elif tag == "replace":
            fancy_replace(i1, i2, j1, j2)
    return links


def _common_lines(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int]]:
    """(i, j) of a longest common subsequence of equal lines."""
    n, m = len(a), len(b)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if a[i] == b[j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def greedy_overlap(old: Sequence[str], new: Sequence[str]) -> Links:
    a, b = [key(line) for line in old], [key(line) for line in new]
    anchors = _common_lines(a, b)
    links = {(j, i) for i, j in anchors}
    words_a, words_b = [set(words(x)) for x in a], [set(words(x)) for x in b]
    before = (-1, -1)
    for i_end, j_end in [*anchors, (len(a), len(b))]:
        candidates = sorted(
            (
                (len(words_a[i] & words_b[j]) / max(len(words_a[i]), len(words_b[j]), 1), i, j)
                for i in range(before[0] + 1, i_end)
                for j in range(before[1] + 1, j_end)
            ),
            reverse=True,
        )
        used_a: set[int] = set()
        used_b: set[int] = set()
        for share, i, j in candidates:
            if share >= 0.5 and i not in used_a and j not in used_b:
                used_a.add(i)
                used_b.add(j)
                links.add((j, i))
        before = (i_end, j_end)
    return links


def wikidiff2_like(old: Sequence[str], new: Sequence[str]) -> Links:
    a, b = [key(line) for line in old], [key(line) for line in new]
    words_a, words_b = [words(x) for x in a], [words(x) for x in b]
    links: Links = set()
    removed: list[int] = []
    added: list[int] = []
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            links.update((j1 + k, i1 + k) for k in range(i2 - i1))
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(paired):
            if _similarity(words_a[i1 + k], words_b[j1 + k]) >= 0.2:
                links.add((j1 + k, i1 + k))
            else:
                removed.append(i1 + k)
                added.append(j1 + k)
        removed += range(i1 + paired, i2)
        added += range(j1 + paired, j2)
    moved: set[int] = set()
    for j in added:
        best = max(
            ((_similarity(words_a[i], words_b[j]), -i) for i in removed if i not in moved),
            default=(0.0, 1),
        )
        if best[0] >= 0.4:
            moved.add(-best[1])
            links.add((j, -best[1]))
    return links


BASELINES: dict[str, Baseline] = {
    "lines-difflib": lines_difflib,
    "greedy-overlap": greedy_overlap,
    "wikidiff2-like": wikidiff2_like,
}
