"""Shallow text features of each line of a page, for the body model (:mod:`newsdiff.parse.model`).

The features are those of boilerpipe and jusText, in any language: length, share of
stop words (the page's language is the stop list with the most hits), shares of
digits, capitals and punctuation, sentence punctuation, link-, date- and markup-like
tokens, repeated lines; then the same seen from the page (length against the page's
longest line, stop-word share against the page's long lines, position) and from the
neighbours (the lines ±3 around, and means over windows of ±3 and ±10 lines).

The second stage (:func:`stage2_columns`) adds what the first stage thinks of the
neighbourhood: the neighbours' body probabilities, their means over windows, and
where the line stands against the page's largest block of likely-body lines.

Pure Python with no dependency, so the shipped model runs anywhere; the training
script (``tools/train_body_model.py``) calls these same functions.

The stop lists (``stopwords.json``) are the 100 most frequent alphabetic words of 42
languages in wordfreq's word lists (Robyn Speer, MIT licence; its data CC BY-SA 4.0).
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import operator
import re
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, reduce
from importlib import resources
from typing import TypeVar

BASE_NAMES = (
    "log_chars",
    "log_words",
    "mean_word_len",
    "stop_share",
    "digit_share",
    "allcaps_share",
    "punct_share",
    "sentence_end",
    "colon_end",
    "ellipsis_end",
    "starts_upper",
    "starts_lower",
    "log_sentences",
    "commas_per_word",
    "urlish",
    "separators_per_word",
    "dateish",
    "log_repeats",
    "titlecase_share",
    "alpha_share",
    "cue",
)
"""One value per line, in this order (see :func:`base_features`)."""

# Features whose neighbours and window means stage 1 also sees.
_CONTEXT = tuple(
    BASE_NAMES.index(name)
    for name in (
        "log_chars",
        "log_words",
        "stop_share",
        "sentence_end",
        "starts_upper",
        "starts_lower",
        "log_sentences",
        "separators_per_word",
        "titlecase_share",
        "cue",
    )
)
_OFFSETS = (-3, -2, -1, 1, 2, 3)
_RADII = (3, 10)
_STAGE2_RADII = (2, 5, 10, 25)
_LONG_LINE = math.log1p(80)
_MISSING = -1.0  # a neighbour beyond the page's first or last line
_LOGIT_CAP = 5.0
_DISTANCE_CAP = 50  # lines
STRETCH = 4096
"""Lines of a page read and scored at a time (a long text's words and model inputs are
held for one stretch at a time, not for the whole text); a page of at most this many
lines is one stretch."""
BLOCK_GAP = 3
"""Likely-boilerplate lines a block of likely-body lines may hold before it ends."""

_WORD = re.compile(r"[^\W\d_]+|\d+")
# Punctuation that often clings to a word; none of it is part of a _WORD match.
_AROUND_WORDS = ".,;:!?\"'()[]“”‘’«»„"
_SENTENCE_MARKS = ".!?。！？…"
_CLOSERS = "'\"”’»)]"
_SENTENCE_INNER = re.compile(r"[.!?。！？]['\"”’»)\]]*\s+\S")
# Searched in the lower-cased line, and only when _url_gate lets it.
_URLISH = re.compile(r"https?:|www\.|\.(?:com|org|net|de|html?|php)\b|[@#]\w")
_SEPARATORS = re.compile(r"[|»›·•/>«‹<]")
_DATEISH = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}:\d{2}\b")
# What every _DATEISH match holds; several times faster to search for first.
_DATE_GATE = re.compile(r"\d[./:-]\d")
_FIRST = operator.itemgetter(0)


def _url_gate(folded: str) -> bool:
    """Whether the lower-cased line holds a string that every :data:`_URLISH` match
    needs (speed only: a regular expression search is many times slower)."""
    return (
        "http" in folded
        or "www." in folded
        or "@" in folded
        or "#" in folded
        or ".com" in folded
        or ".org" in folded
        or ".net" in folded
        or ".de" in folded
        or ".htm" in folded
        or ".php" in folded
    )


@cache
def _stop_words() -> tuple[dict[str, tuple[int, ...]], tuple[frozenset[str], ...]]:
    """For each stop word the languages (indices, in name order) it belongs to, and each
    language's stop words."""
    raw = resources.files("newsdiff.parse").joinpath("stopwords.json").read_text("utf-8")
    lists: dict[str, list[str]] = json.loads(raw)
    languages = sorted(lists)
    index: dict[str, tuple[int, ...]] = {}
    for number, language in enumerate(languages):
        for word in lists[language]:
            index[word] = (*index.get(word, ()), number)
    return index, tuple(frozenset(lists[language]) for language in languages)


def _language(
    folded: Sequence[str], counts: Iterable[int], index: dict[str, tuple[int, ...]], n: int
) -> int | None:
    """The index of the stop list (of ``n``) with the most hits among the page's distinct
    words (``folded``: lower-cased, with their ``counts``); ``None`` when none hits."""
    hits = [0] * n
    known = map(index.__contains__, folded)  # most words are in no stop list
    for word, count in itertools.compress(zip(folded, counts, strict=True), known):
        for language in index[word]:
            hits[language] += count
    most = max(hits, default=0)
    return hits.index(most) if most else None  # ties: the first language


def _words(line: str) -> list[str]:
    """The :data:`_WORD` matches of a stripped line, in no particular order (every
    feature counts them): most whitespace-separated tokens are a word once the
    punctuation around them is stripped, and only the others need the regular
    expression, several times slower per word."""
    cores = list(map(str.strip, line.split(), itertools.repeat(_AROUND_WORDS)))
    words = list(filter(str.isalpha, cores))
    if len(words) < len(cores):
        words += _WORD.findall(" ".join(itertools.filterfalse(str.isalpha, cores)))
    return words


def base_features(lines: Sequence[str], cues: Sequence[bool]) -> list[list[float]]:
    """:data:`BASE_NAMES` of the lines, one list per feature; ``cues[i]`` says whether
    the wording rules of :mod:`newsdiff.parse.kinds` name line ``i`` a boilerplate kind
    (one input among many).

    Each line is cut into words once (:func:`_words`) and searched by one regular
    expression for the sentences inside it; the rest are counts over those words and
    plain string tests (this runs on every line of every version). A page is read
    :data:`STRETCH` lines at a time, so that the words of only one stretch are held at
    once; its language is that of its first stretch.
    """
    index, stop_lists = _stop_words()
    stripped = [line.strip() for line in lines]
    repeats = Counter(stripped)
    columns: list[list[float]] = [[] for _ in BASE_NAMES[:-1]]
    stops: frozenset[str] | None = None
    for start in range(0, len(stripped), STRETCH):
        part = stripped[start : start + STRETCH]
        words_per_line = list(map(_words, part))
        counts = Counter(itertools.chain.from_iterable(words_per_line))
        distinct = list(counts)
        folded_words = list(map(str.lower, distinct))
        if stops is None:
            language = _language(folded_words, counts.values(), index, len(stop_lists))
            stops = frozenset() if language is None else stop_lists[language]
        # The stretch's words that are stop words, as written: each line is then
        # counted without lower-casing its words again.
        stop_forms = frozenset(itertools.compress(distinct, map(stops.__contains__, folded_words)))
        values = _line_features(part, words_per_line, stop_forms, repeats)
        for column, more in zip(columns, values, strict=True):
            column += more
    columns.append([1.0 if cue else 0.0 for cue in cues])  # the last name, "cue"
    return columns


def _line_features(
    stripped: Sequence[str],
    words_per_line: Sequence[list[str]],
    stop_forms: frozenset[str],
    repeats: Counter[str],
) -> list[list[float]]:
    """:data:`BASE_NAMES` of some lines of a page, all but the cue."""
    # Column by column, with ``map`` where it can: the same arithmetic as line by line,
    # without the interpreter's cost of a loop body per line.
    n_words = list(map(len, words_per_line))
    n_chars = list(map(len, stripped))
    word_chars = [sum(map(len, words)) for words in words_per_line]
    digits = [sum(map(len, filter(str.isdigit, words))) for words in words_per_line]
    nonspace = [n - s.count(" ") for n, s in zip(n_chars, stripped, strict=True)]
    per_word = [1.0 / n if n else 0.0 for n in n_words]
    per_char = [1.0 / n if n else 0.0 for n in nonspace]
    firsts = [s[:1] for s in stripped]
    lasts = [s.rstrip(_CLOSERS)[-1:] for s in stripped]
    mul = operator.mul

    def shares(counts: Iterable[float], per: list[float]) -> list[float]:
        return list(map(mul, counts, per))

    def flags(values: Iterable[object]) -> list[float]:
        return [1.0 if v else 0.0 for v in values]

    return [
        list(map(math.log1p, n_chars)),
        list(map(math.log1p, n_words)),
        shares(word_chars, per_word),
        shares(
            (sum(map(stop_forms.__contains__, words)) for words in words_per_line),
            per_word,
        ),
        shares(digits, per_char),
        shares((sum(map(str.isupper, words)) for words in words_per_line), per_word),
        shares(map(operator.sub, nonspace, word_chars), per_char),
        flags(last and last in _SENTENCE_MARKS for last in lasts),
        flags(s.endswith(":") for s in stripped),
        flags(s.endswith(("…", "...")) for s in stripped),
        flags(map(str.isupper, firsts)),
        flags(map(str.islower, firsts)),
        [math.log1p(len(_SENTENCE_INNER.findall(s))) for s in stripped],
        shares((s.count(",") for s in stripped), per_word),
        flags(_url_gate(f) and _URLISH.search(f) for f in map(str.lower, stripped)),
        [len(_SEPARATORS.findall(s)) / (n + 1) for s, n in zip(stripped, n_words, strict=True)],
        flags(
            d and _DATE_GATE.search(s) and _DATEISH.search(s)
            for s, d in zip(stripped, digits, strict=True)
        ),
        [math.log1p(repeats[s] - 1) for s in stripped],
        shares((sum(map(str.isupper, map(_FIRST, words))) for words in words_per_line), per_word),
        shares(map(operator.sub, word_chars, digits), per_char),
    ]


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Window:
    """The window of ``radius`` lines either side of each of ``n`` positions, clipped to
    the page: it starts at ``max(0, i - radius)`` and ends before
    ``min(n, i + radius + 1)``; ``counts``: the neighbours it holds (at least 1)."""

    n: int
    radius: int
    counts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        positions = list(range(self.n + 1))
        sizes = map(operator.sub, self.ends(positions), self.starts(positions))
        object.__setattr__(self, "counts", [size - 1 or 1 for size in sizes])

    def starts(self, values: list[T]) -> list[T]:
        """``values`` at each window's start: runs of consecutive positions, so slices."""
        n, radius = self.n, self.radius
        return [values[0]] * min(n, radius + 1) + values[1 : max(1, n - radius)]

    def ends(self, values: list[T]) -> list[T]:
        """``values`` at each window's end (exclusive)."""
        n, radius = self.n, self.radius
        inside = values[radius + 1 : n + 1]
        return inside + [values[n]] * (n - len(inside))

    def means(self, values: Sequence[float], running: list[float]) -> list[float]:
        """Mean of each value's neighbours within its window (the value itself left out),
        from the values' :func:`_running` sums. Whole-list operations (slices, and
        ``map`` with :mod:`operator`): this runs on every column."""
        sums = map(operator.sub, self.ends(running), self.starts(running))
        return list(map(operator.truediv, map(operator.sub, sums, values), self.counts))

    def means_at(
        self, values: Sequence[float], running: list[float], positions: Iterable[int]
    ) -> list[float]:
        """:meth:`means` at some positions only, each computed alone (the same
        arithmetic, so the same values to the last bit)."""
        n, radius = self.n, self.radius
        means = []
        for i in positions:
            lo, hi = max(0, i - radius), min(n, i + radius + 1)
            means.append((running[hi] - running[lo] - values[i]) / ((hi - lo - 1) or 1))
        return means


def _running(values: Sequence[float], before: float = 0.0) -> list[float]:
    """Running sums of the values from ``before`` (the page's running sum up to the
    first value: :func:`_sum_before`), for :meth:`Window.means`."""
    return list(itertools.accumulate(values, initial=before))


def _sum_before(values: Sequence[float], stop: int) -> float:
    """The running sum of the first ``stop`` values, added one by one from the page's
    first line: a stretch's window sums are then those of the whole page to the last
    bit (the trees' thresholds sit between values computed so)."""
    return reduce(operator.add, itertools.islice(values, stop), 0.0)


def _shifted(values: list[float], offset: int, fill: float) -> list[float]:
    """``out[i] = values[i + offset]``, ``fill`` beyond either end."""
    n = len(values)
    if offset > 0:
        return values[offset:] + [fill] * min(n, offset)
    return [fill] * min(n, -offset) + values[: max(0, n + offset)]


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def stage1_columns(base: Sequence[list[float]]) -> list[list[float]]:
    """Stage-1 inputs of a whole page, one list per input (``base`` is
    :func:`base_features` by column): each line's features, seen alone, against the
    page, and among its neighbours."""
    page = Page(base)
    return page.stage1(range(page.lines))


def stage2_columns(
    probs: list[float], base: Sequence[list[float]], stage1: Sequence[list[float]]
) -> list[list[float]]:
    """Stage-2 inputs of a whole page: the stage-1 inputs plus the stage-1
    probabilities around the line, where it stands against the largest block of
    likely-body lines, and the share of the page's likely-body text before and after
    it."""
    page = Page(base)
    return page.stage2(probs, page.around(probs), stage1, range(page.lines))


def _trimmed(columns: list[list[float]], cut: slice, whole: bool) -> list[list[float]]:
    return columns if whole else [column[cut] for column in columns]


class Page:
    """The model's inputs of one page, for a stretch of its lines at a time: values of
    the whole page (its median line, the rank of each line's length…) are computed
    once; a stretch's inputs from the lines around it (as far as the widest window)."""

    def __init__(self, base: Sequence[list[float]], needed: Container[int] | None = None) -> None:
        """``needed``: the stage-1 inputs (column indices) to compute, all when ``None``;
        the others are left empty (the shipped trees split on about two thirds)."""
        self.base = base
        self.needed = needed
        self.lines = n = len(base[0])
        chars, stops = base[0], base[3]
        self.median = _median(chars) if n else 0.0
        self.longest = max(chars, default=0.0)
        self.rank = [0.0] * n
        last = max(1, n - 1)
        for position, i in enumerate(sorted(range(n), key=chars.__getitem__)):
            self.rank[i] = position / last
        long_stops = [s for c, s in zip(chars, stops, strict=True) if c >= _LONG_LINE]
        self.long_stop = sum(long_stops) / len(long_stops) if long_stops else 0.0
        self.long_share = len(long_stops) / max(1, n)

    def _needs(self, column: int) -> bool:
        return self.needed is None or column in self.needed

    def stretches(self) -> list[range]:
        """The page's lines, :data:`STRETCH` at a time."""
        return [
            range(start, min(self.lines, start + STRETCH))
            for start in range(0, self.lines, STRETCH)
        ]

    def _around(self, rows: range, reach: int) -> tuple[int, int, slice, bool]:
        """The lines a stretch's inputs are computed from (``reach`` lines either side,
        within the page), where the stretch lies among them, and whether it is the
        whole page."""
        lo, hi = max(0, rows.start - reach), min(self.lines, rows.stop + reach)
        whole = lo == 0 and hi == self.lines and len(rows) == self.lines
        return lo, hi, slice(rows.start - lo, rows.stop - lo), whole

    def stage1(self, rows: range) -> list[list[float]]:
        """Stage-1 inputs of the lines ``rows``, one list per input."""
        lo, hi, cut, whole = self._around(rows, max(_RADII))
        base = [column[lo:hi] for column in self.base] if not whole else list(self.base)
        n, chars, stops = self.lines, base[0], base[3]
        median, longest, long_stop = self.median, self.longest, self.long_stop
        last = max(1, n - 1)
        columns = list(base)
        columns += (
            [c - median for c in chars],
            [c - longest for c in chars],
            self.rank[lo:hi],
            [s - long_stop for s in stops],
            [median] * (hi - lo),
            [self.long_share] * (hi - lo),
            [math.log1p(n)] * (hi - lo),
            [i / last for i in range(lo, hi)],
        )
        context = [base[k] for k in _CONTEXT]
        first = len(columns)
        shifts = itertools.product(_OFFSETS, context)
        columns += [
            _shifted(c, offset, _MISSING) if self._needs(first + j) else []
            for j, (offset, c) in enumerate(shifts)
        ]
        # Window means, radius by radius, from each context column's running sums.
        first = len(columns)
        means = list(itertools.product(_RADII, range(len(context))))
        wanted = [self._needs(first + j) for j in range(len(means))]
        used = {k for (_, k), want in zip(means, wanted, strict=True) if want}
        running = {k: _running(context[k], _sum_before(self.base[_CONTEXT[k]], lo)) for k in used}
        windows = {radius: Window(hi - lo, radius) for radius in _RADII}
        columns += [
            windows[radius].means(context[k], running[k]) if want else []
            for (radius, k), want in zip(means, wanted, strict=True)
        ]
        return _trimmed(columns, cut, whole)

    def around(self, probs: list[float]) -> Around:
        """What stage 2 sees of the whole page's stage-1 probabilities (``probs``)."""
        return Around(probs, [math.expm1(c) for c in self.base[0]])

    def stage2(
        self,
        probs: list[float],
        around: Around,
        stage1: Sequence[list[float]],
        rows: range,
        picked: Sequence[int] | None = None,
    ) -> list[list[float]]:
        """Stage-2 inputs of the lines ``rows``, or of only the lines ``picked``
        (positions within ``rows``): their stage-1 inputs (``stage1``, of ``rows``), the
        stage-1 probabilities of the lines near them (``probs``: the whole page's) and
        the page-wide ones (``around``). Computed line by line: stage 2 runs on the
        lines stage 1 is unsure of, a fraction of the page."""
        positions = range(len(rows)) if picked is None else picked
        lo, hi, _, _ = self._around(rows, max(_STAGE2_RADII))
        near = probs[lo:hi]
        m = len(near)
        logits = [_logit(p) for p in near]
        at = [rows.start - lo + i for i in positions]  # within ``near``
        columns = [[logits[j] for j in at]]
        columns += [
            [logits[j + offset] if 0 <= j + offset < m else -_LOGIT_CAP for j in at]
            for offset in _OFFSETS
        ]
        running = _running(near, _sum_before(probs, lo))
        columns += [Window(m, radius).means_at(near, running, at) for radius in _STAGE2_RADII]
        columns += around.columns([rows.start + i for i in positions])
        if picked is not None:
            stage1 = [[column[i] for i in picked] if column else column for column in stage1]
        return [*stage1, *columns]


class Around:
    """What stage 2 sees of the whole page's stage-1 probabilities: the largest block of
    likely-body lines, the nearest likely-body lines, the likely-body text before and
    after each line."""

    def __init__(self, probs: list[float], chars: Sequence[float]) -> None:
        self.start, self.end, mass = _largest_block(probs, chars)
        self.mass_share = mass / (sum(chars) or 1.0)
        self.likely = [i for i, p in enumerate(probs) if p >= 0.5]
        self.max_before = [0.0, *itertools.accumulate(probs[:-1], max)]
        self.max_after = [*reversed(list(itertools.accumulate(reversed(probs[1:]), max))), 0.0]
        # Where the line stands in the page's likely-body text: the shares of it before
        # and after the line (the article's opening, middle or end, whatever lies around).
        likely_chars = [p * c for p, c in zip(probs, chars, strict=True)]
        total = sum(likely_chars) or 1.0
        self.share_before = [b / total for b in itertools.accumulate(likely_chars, initial=0.0)]

    def _distance(self, i: int) -> tuple[float, float]:
        """log(1 + lines) to the nearest likely-body line before and after line ``i``
        (capped)."""
        likely, cap = self.likely, _DISTANCE_CAP
        k = bisect.bisect_left(likely, i)
        before = min(cap, i - likely[k - 1]) if k else cap
        k = bisect.bisect_right(likely, i)
        after = min(cap, likely[k] - i) if k < len(likely) else cap
        return math.log1p(before), math.log1p(after)

    def columns(self, rows: Sequence[int]) -> list[list[float]]:
        """The inputs of the lines ``rows`` (page positions), one list per input."""
        start, end = self.start, self.end
        distances = [self._distance(i) for i in rows]
        return [
            [1.0 if start <= i < end else 0.0 for i in rows],
            [math.log1p(start - i if i < start else max(0, i - end + 1)) for i in rows],
            [1.0 if i < start else 0.0 for i in rows],
            [self.mass_share] * len(rows),
            [math.log1p(end - start)] * len(rows),
            [d[0] for d in distances],
            [d[1] for d in distances],
            [self.max_before[i] for i in rows],
            [self.max_after[i] for i in rows],
            [self.share_before[i] for i in rows],
            [1.0 - self.share_before[i + 1] for i in rows],
        ]


def _logit(p: float) -> float:
    if p <= 0.0:
        return -_LOGIT_CAP
    if p >= 1.0:
        return _LOGIT_CAP
    return max(-_LOGIT_CAP, min(_LOGIT_CAP, math.log(p / (1.0 - p))))


def _largest_block(probs: Sequence[float], chars: Sequence[float]) -> tuple[int, int, float]:
    """The run of likely-body lines (gaps of up to :data:`BLOCK_GAP` lines allowed) with
    the most characters: its start, end (exclusive) and character count."""
    best = (0, 0, 0.0)
    n = len(probs)
    i = 0
    while i < n:
        if probs[i] < 0.5:
            i += 1
            continue
        mass, last, gap, k = 0.0, i, 0, i
        while k < n:
            if probs[k] >= 0.5:
                mass += chars[k]
                last, gap = k, 0
            else:
                gap += 1
                if gap > BLOCK_GAP:
                    break
            k += 1
        if mass > best[2]:
            best = (i, last + 1, mass)
        i = last + 1
    return best
