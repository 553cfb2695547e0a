"""Text → lines: split on every line-break style, rejoin the lines of one paragraph
(hard wrapping, sentences broken in two, a dateline alone above the lede), set aside
crawler prefixes and wire datelines."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from newsdiff.errors import InputError
from newsdiff.models import Block, BlockKind

MAX_PARAGRAPHS = 100_000
"""Most paragraphs (lines or blocks, boilerplate included) one version may have."""
# A crawler's metadata glued to the start of a line: " date 2024-02-06 Text…".
CRAWLER_PREFIX = re.compile(
    r"^\s*(?:date|published|updated|crawled|scraped|fetched|timestamp)\s*[:=]?\s*"
    r"(\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+|$)",
    re.IGNORECASE,
)
# A wire dateline: "KYIV, Ukraine (AP) — ", "WASHINGTON, Nov 30 (Reuters) - ", "LONDON — ",
# "Berlin (dpa) - ". A place in capitals, or in title case when an agency follows it.
_PLACE_PART = (
    r"(?:,\s*(?:[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*)*(?: \d{1,2})?|\d{1,2}\.? [A-Z]\w*\.?))"
)
_AGENCY = r"\([A-Za-z][\w .&/-]{0,30}\)"
_CAPS_PLACE = rf"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*{_PLACE_PART}{{0,2}}"
_TITLE_PLACE = rf"[A-Z][\w.'’\-]+(?: [A-Z][\w.'’\-]+)?{_PLACE_PART}{{0,2}}"
_DATELINE_NAME = rf"{_CAPS_PLACE}(?:\s*{_AGENCY})?|{_TITLE_PLACE}\s*{_AGENCY}"
_DASH = r"(?:—|–|--|-)"
DATELINE = re.compile(
    rf"^({_DATELINE_NAME})\s*{_DASH}\s+|^({_CAPS_PLACE}\s*{_AGENCY})\s+(?=[\"“‘'A-Z])"
)
# The same dateline alone on its line, before the lede ("WASHINGTON (Reuters)" may
# stand there without its dash).
_DATELINE_LINE = re.compile(rf"^(?:{_DATELINE_NAME})\s*{_DASH}$|^{_CAPS_PLACE}\s*{_AGENCY}$")
_DATELINE_CHARS = 80
# Hard wrapping is assumed only when no line is longer than this.
_WRAP_WIDTH = 100
WRAP_FILL = 0.85
"""In hard-wrapped text a line joins the one before when that line, with the new line's
first word, would have filled this share of the text's width."""
CARRY_MIN_WORDS = 8
"""Fewest words a line needs for the next line, starting in lower case, to carry on its
sentence: shorter lines are labels, menu items or list entries."""
_STOP = re.compile(r"[.!?:;…][\"'”’)\]»]*$")
_LIST_ITEM = re.compile(r"^([•▪◦‣●■□➤►*·|]|[-–—]\s|\d{1,3}[.)]\s)")
_WORD = re.compile(r"\w+")
_TAIL = re.compile(r"[^\W\d_]+$")
_HEAD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    line: int


def make_block(index: int, kind: BlockKind, text: str, line: int, prefix: str = "") -> Block:
    """A Block from the parser's own values. They are trusted, so it is not validated:
    validation is for data read from outside, and skipping it here keeps a block small
    (one field set shared by all blocks) and quick to make."""
    return Block.model_construct(
        index=index, kind=kind, text=text, prefix=prefix, dateline="", line=line
    )


def check_count(paragraphs: int) -> None:
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(
            f"the input has more than {MAX_PARAGRAPHS:,} paragraphs, the most one version may "
            f"have: newsdiff compares one article at a time; give it a single article, or "
            f"split the text"
        )


def paragraphs(text: str) -> list[Para]:
    """The text's paragraphs: its lines, with the lines of one paragraph joined back.

    A line joins the one before it when a wrapper broke it there (hard-wrapped text:
    the line before was full) or when it carries on a sentence the line before broke
    off (see :func:`_carries_on`). Short lines that had room to go on (tickers, menus,
    lists of links) stay apart. A wire dateline alone on its line joins the line after
    it, so that :func:`split_dateline` sets it aside from the lede.
    """
    lines = [line.strip() for line in text.splitlines()]
    width = max(map(len, lines), default=0)
    hard_wrapped = (
        "" in lines and width <= _WRAP_WIDTH and any(a and b for a, b in itertools.pairwise(lines))
    )
    vocabulary: Counter[str] | None = None
    paras: list[Para] = []
    current = previous = ""
    start = 0
    for number, line in enumerate(lines):
        previous, before = line, previous
        if current and _alone_dateline(current):
            # A dateline alone on its line belongs to the lede under it, as if inline.
            if not line:
                continue
            if not _LIST_ITEM.match(line) and not _alone_dateline(line):
                current += " " + line
                continue
        if current and line:
            if _carries_on(current, line):
                if vocabulary is None:
                    vocabulary = Counter(_WORD.findall(text.casefold()))
                current += _joint(current, line, vocabulary) + line
                continue
            if hard_wrapped and _wrapped(before, line, width):
                current += " " + line
                continue
        if current:
            paras.append(Para(current, start))
            check_count(len(paras))
        current, start = line, number
    if current:
        paras.append(Para(current, start))
        check_count(len(paras))
    return paras


def _alone_dateline(line: str) -> bool:
    return len(line) <= _DATELINE_CHARS and line[-1] in "—–-)" and bool(_DATELINE_LINE.match(line))


def _wrapped(before: str, line: str, width: int) -> bool:
    """Whether a wrapper broke the line ``before`` ahead of ``line``: the next word would
    not have fitted on it (with some slack for wrappers that count differently)."""
    head = line.split(maxsplit=1)[0]
    return len(before) + 1 + len(head) > WRAP_FILL * width and not _LIST_ITEM.match(line)


def _carries_on(before: str, line: str) -> bool:
    """Whether ``line`` goes on with a sentence of prose that ``before`` broke off: it
    starts in lower case, and ``before`` is long and ends without sentence punctuation."""
    return (
        line[0].islower()
        and not _STOP.search(before)
        and before.count(" ") + 1 >= CARRY_MIN_WORDS
        and not _LIST_ITEM.match(line)
    )


def _joint(before: str, line: str, vocabulary: Counter[str]) -> str:
    """What goes between two parts of a broken sentence: nothing when the break cut a
    word (the parts make a word that occurs elsewhere in the text), else a space."""
    tail = _TAIL.search(before)
    head = _HEAD.match(line)
    if tail is None or head is None:
        return " "
    return "" if vocabulary[(tail.group() + head.group()).casefold()] else " "


def split_dateline(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """Set aside the wire dateline of the lede (looked for in the first three body
    paragraphs), for text and HTML alike; returns the blocks and the dateline's name."""
    body_seen = 0
    for position, block in enumerate(blocks):
        if block.kind is not BlockKind.BODY:
            continue
        body_seen += 1
        if body_seen > 3:
            break
        match = DATELINE.match(block.text)
        if match and match.end() < len(block.text):
            blocks[position] = block.model_copy(
                update={"dateline": block.text[: match.end()], "text": block.text[match.end() :]}
            )
            return blocks, (match.group(1) or match.group(2)).strip()
    return blocks, None
