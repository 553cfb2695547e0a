"""How much of each visible piece of a page an extractor's output covers.

trafilatura returns the article as its own tree of paragraphs, headings, list items and
table cells. Those units rarely cut the page where newsdiff's pieces do (it joins lines
split by ``<br>`` and cells of a layout table, drops an inline link or an ad label from
the middle of a paragraph), so they are not looked up one by one. Both texts are
instead read as one stream of characters, white space and case folded away, and
the extractor's units are aligned onto the page's stream in order:

1. **anchors** — units long enough to be unambiguous, found whole, in order;
2. **the rest, between anchors** — short units, and long units that are not found
   whole, are looked for only in the gap between the anchors before and after them;
   a unit that is not found whole is matched as runs of consecutive words (what the
   extractor left out of the middle of a paragraph simply stays uncovered).

The result is, for each piece, the share of its characters the extractor kept and the
share it kept as a heading.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["Alignment", "Coverage", "Unit", "align", "units"]

ANCHOR_CHARS = 25
"""Shortest unit (in folded, space-free characters) matched anywhere in the page."""
MIN_RUN_CHARS = 12
"""Shortest run of words matched when a unit is not found whole: shorter runs ("of the")
would match anywhere."""

# trafilatura's elements that hold a unit of text of their own.
_UNIT_TAGS = frozenset({"p", "head", "item", "cell", "quote", "code"})


@dataclass(frozen=True, slots=True)
class Unit:
    text: str
    heading: bool


@dataclass(frozen=True, slots=True)
class Coverage:
    kept: float  # share of the piece's characters in the extractor's output
    heading: float  # share kept as (part of) a heading


# Characters that are not text: soft hyphens and zero-width marks an extractor may drop.
_NOT_TEXT = re.compile("[\xad\u200b\u200c\u200d\u2060\ufeff]")


def squeeze(text: str) -> str:
    """The text in one form for matching: both texts come from the same page, so only
    white space, case, Unicode composition and invisible characters may differ."""
    folded = "".join(text.split()).lower()
    if folded.isascii():
        return folded
    return unicodedata.normalize("NFC", _NOT_TEXT.sub("", folded))


def _name(element: Any) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def units(body: Any) -> list[Unit]:
    """trafilatura's output tree as units of text in reading order.

    A unit element holding other unit elements (a quote made of paragraphs, a cell
    holding a list) is a container: its parts are the units, and its own loose text is
    a unit of its own.
    """
    found: list[Unit] = []

    def add(text: str | None, heading: bool = False) -> None:
        if text and not text.isspace():
            found.append(Unit(text, heading))

    def walk(element: Any) -> None:
        name = _name(element)
        if name in _UNIT_TAGS and not any(
            _name(inner) in _UNIT_TAGS for inner in element.iterdescendants()
        ):
            add("".join(element.itertext()), name == "head")
            return
        add(element.text)
        for child in element:
            walk(child)
            add(child.tail)

    if body is not None:
        walk(body)
    return found


def _runs(stream: str, words: Sequence[str], lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """Spans of ``stream[lo:hi]`` matching runs of consecutive ``words``, in order."""
    i, at = 0, lo
    while i < len(words):
        best: tuple[int, int] | None = None
        j = i
        while j < len(words):
            if best is not None and stream.startswith(words[j], best[1], hi):
                best = (best[0], best[1] + len(words[j]))  # the run goes on where it is
            else:
                longer = "".join(words[i : j + 1])
                where = stream.find(longer, at, hi)
                if where < 0:
                    break
                best = (where, where + len(longer))
            j += 1
        if best is not None and best[1] - best[0] >= MIN_RUN_CHARS:
            yield best
            at, i = best[1], j
        else:
            i += 1


@dataclass(frozen=True, slots=True)
class Alignment:
    pieces: list[Coverage]  # one per piece of visible text
    unmatched: list[tuple[int, Unit]]
    """Units of the extractor's output that are not among the visible text (text a page
    holds only in its data, for a script to show), each with the number of pieces that
    come before it in reading order."""
    hidden: float  # share of the output's characters in those units


UNMATCHED_SHARE = 0.2
"""A unit is not among the visible text when less than this share of it is found."""


def align(pieces: Sequence[str], extracted: Sequence[Unit]) -> Alignment:
    """Align the extractor's ``extracted`` units onto the pieces of visible text (see the
    module docstring)."""
    keys = [squeeze(text) for text in pieces]
    starts: list[int] = []
    offset = 0
    for piece_key in keys:
        starts.append(offset)
        offset += len(piece_key)
    stream = "".join(keys)
    unit_keys = [squeeze(unit.text) for unit in extracted]
    spans: list[list[tuple[int, int]]] = [[] for _ in extracted]

    cursor = 0
    for k, unit_key in enumerate(unit_keys):
        if len(unit_key) < ANCHOR_CHARS:
            continue
        where = stream.find(unit_key, cursor)
        if where < 0:
            where = stream.find(unit_key)  # out of order: the extractor moved it
        if where >= 0:
            spans[k].append((where, where + len(unit_key)))
            cursor = max(cursor, where + len(unit_key))

    # The gap each remaining unit may match in: after the anchor before it, before the
    # anchor after it.
    before = [0] * len(extracted)
    after = [len(stream)] * len(extracted)
    last = 0
    for k in range(len(extracted)):
        before[k] = last
        if spans[k]:
            last = max(last, spans[k][-1][1])
    nxt = len(stream)
    for k in reversed(range(len(extracted))):
        after[k] = nxt
        if spans[k]:
            nxt = min(nxt, spans[k][0][0])
    for k, unit_key in enumerate(unit_keys):
        if spans[k] or not unit_key:
            continue
        lo, hi = (before[k], after[k]) if before[k] <= after[k] else (0, len(stream))
        where = stream.find(unit_key, lo, hi)
        if where >= 0:
            spans[k].append((where, where + len(unit_key)))
        elif len(unit_key) >= MIN_RUN_CHARS:
            words = [squeeze(word) for word in extracted[k].text.split()]
            spans[k].extend(_runs(stream, [w for w in words if w], lo, hi))

    unmatched: list[tuple[int, Unit]] = []
    reach = 0  # where the last matched unit ends in the stream
    hidden = 0
    for k, unit_key in enumerate(unit_keys):
        found = sum(end - start for start, end in spans[k])
        if found < UNMATCHED_SHARE * len(unit_key):
            unmatched.append((bisect.bisect_left(starts, reach), extracted[k]))
            hidden += len(unit_key)
        elif spans[k]:
            reach = spans[k][-1][1]

    kept = [0] * len(keys)
    heading = [0] * len(keys)
    for merged, is_heading in _merge(spans, extracted):
        start, end = merged
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        while i < len(keys) and starts[i] < end:
            overlap = min(end, starts[i] + len(keys[i])) - max(start, starts[i])
            if overlap > 0:
                kept[i] += overlap
                if is_heading:
                    heading[i] += overlap
            i += 1
    covered = [
        Coverage(kept[i] / len(k), heading[i] / len(k)) if k else Coverage(0.0, 0.0)
        for i, k in enumerate(keys)
    ]
    total = sum(len(unit_key) for unit_key in unit_keys)
    return Alignment(covered, unmatched, hidden / total if total else 0.0)


def _merge(
    spans: Sequence[Sequence[tuple[int, int]]], extracted: Sequence[Unit]
) -> list[tuple[tuple[int, int], bool]]:
    """The matched spans without overlaps (a stretch two units matched counts once)."""
    flat = sorted(
        (span, unit.heading)
        for unit_spans, unit in zip(spans, extracted, strict=True)
        for span in unit_spans
    )
    merged: list[tuple[tuple[int, int], bool]] = []
    reach = 0
    for (start, end), is_heading in flat:
        start = max(start, reach)
        if start < end:
            merged.append(((start, end), is_heading))
            reach = end
    return merged
