"""Text → lines: split on every line-break style, rejoin hard-wrapped paragraphs, set
aside crawler prefixes and wire datelines."""

from __future__ import annotations

import itertools
import re
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
# A wire dateline: "KYIV, Ukraine (AP) — ", "WASHINGTON (Reuters) - ", "LONDON — ".
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*)(?:,\s*[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*)*){0,2}"
    r"(?:\s*\([A-Za-z][\w .&-]{0,30}\))?)\s*(?:—|–|--|-)\s+"
)
_BLANK = re.compile(r"^\s*$")
# Hard wrapping is assumed only when no line is longer than this.
_WRAP_WIDTH = 100


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    line: int


def check_count(paragraphs: int) -> None:
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(
            f"the input has more than {MAX_PARAGRAPHS:,} paragraphs, the most one version may "
            f"have: newsdiff compares one article at a time; give it a single article, or "
            f"split the text"
        )


def paragraphs(text: str) -> list[Para]:
    lines = text.splitlines()
    hard_wrapped = (
        any(_BLANK.match(line) for line in lines)
        and max((len(line) for line in lines), default=0) <= _WRAP_WIDTH
        and any(not _BLANK.match(a) and not _BLANK.match(b) for a, b in itertools.pairwise(lines))
    )
    paras: list[Para] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines):
        if _BLANK.match(line):
            if current:
                paras.append(Para(" ".join(current), start))
                current = []
                check_count(len(paras))
            continue
        if not hard_wrapped:
            paras.append(Para(line.strip(), number))
            check_count(len(paras))
            continue
        if not current:
            start = number
        current.append(line.strip())
    if current:
        paras.append(Para(" ".join(current), start))
    return paras


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
        match = _DATELINE.match(block.text)
        if match and match.end() < len(block.text):
            blocks[position] = block.model_copy(
                update={"dateline": block.text[: match.end()], "text": block.text[match.end() :]}
            )
            return blocks, match.group(1).strip()
    return blocks, None
