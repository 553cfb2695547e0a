"""Text helpers shared by every stage: comparison keys, tokenizers, counted nouns.

Normalization is for matching only; the raw text is always kept for display and
reconstruction. A *key* folds away what carries no meaning in a news text —
Unicode forms, quote and dash styles, zero-width characters, whitespace, case — so
two paragraphs that differ only in typography get the same key.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

_QUOTES_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u00b4`\u02bc"
_QUOTES_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

_FOLD = str.maketrans(
    {
        **dict.fromkeys(_QUOTES_SINGLE, "'"),
        **dict.fromkeys(_QUOTES_DOUBLE, '"'),
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_INVISIBLE, None),
    }
)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

# Marks that belong to the character before them: combining marks, variation
# selectors, emoji skin tones, and zero-width joiners with the character they join.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf-\u05c7\u0610-\u061a\u064b-\u065f"
    "\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
    "\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f\U000e0100-\U000e01ef"
)
_CLUSTER = rf"[^\s{_MARKS}][{_MARKS}]*(?:\u200d[^\s{_MARKS}]?[{_MARKS}]*)*"
# Word tokens for the word-level diff: a run of word characters (with their marks),
# a run of whitespace, or any other single character cluster. Concatenating the
# tokens gives back the text exactly.
_TOKEN = re.compile(rf"(?:\w[{_MARKS}]*(?:\u200d[{_MARKS}]*)?)+|\s+|{_CLUSTER}|[{_MARKS}\u200d]+")


# Paragraph texts recur across comparisons (the canonical against every version, every
# pair of a story), so the pure functions below keep a cache of recent results, bounded
# in entries and in size: texts longer than _CACHE_TEXT are computed afresh each time.
_CACHE = 4096
_CACHE_TEXT = 4096

R = TypeVar("R")


def cached_by_text(function: Callable[[str], R]) -> Callable[[str], R]:
    remembered = lru_cache(maxsize=_CACHE)(function)

    @wraps(function)
    def lookup(text: str) -> R:
        return remembered(text) if len(text) <= _CACHE_TEXT else function(text)

    return lookup


def fold(text: str) -> str:
    """``text`` with Unicode forms, quote and dash styles, invisible characters and
    whitespace folded away; case is kept."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).replace("''", '"')
    return _SPACE.sub(" ", folded).strip()


@cached_by_text
def key(text: str) -> str:
    """The comparison key of a paragraph: equal keys mean "same text, typography aside"."""
    return fold(text).casefold()


@cached_by_text
def words(text_key: str) -> tuple[str, ...]:
    """Word tokens of a key, for similarity."""
    return tuple(_WORD.findall(text_key))


@cached_by_text
def tokens(text: str) -> tuple[str, ...]:
    """Tokens of raw text for the word diff; ``"".join(tokens(t)) == t``."""
    return tuple(_TOKEN.findall(text))


@cached_by_text
def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def plural(n: int, one: str, many: str | None = None) -> str:
    """``n`` and the noun that agrees with it: ``plural(1, "version")`` is "1 version",
    ``plural(1_204, "story", "stories")`` is "1,204 stories"."""
    return f"{n:,} {one if n == 1 else (many or one + 's')}"
