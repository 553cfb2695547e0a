"""diff-match-patch over sequences of hashable items, deterministically.

diff-match-patch diffs strings. To diff sequences of paragraphs or word tokens we
map each distinct item to one code point (the ``diff_linesToChars`` idea) and diff
the resulting strings. ``Diff_Timeout`` is always 0: a time limit would make the
result depend on the machine's speed.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Sequence
from enum import IntEnum
from typing import TypeVar

from diff_match_patch import diff_match_patch

T = TypeVar("T", bound=Hashable)

# Private-use planes first, then the rest of Unicode above the surrogates: every item
# needs one code point, and Python strings take any of them.
_CODE_RANGES = ((0xE000, 0xF900), (0xF0000, 0x10FFFE), (0x10000, 0xF0000), (0x100, 0xD800))
MAX_ITEMS = sum(stop - start for start, stop in _CODE_RANGES)


def code_point(n: int) -> str:
    for start, stop in _CODE_RANGES:
        if n < stop - start:
            return chr(start + n)
        n -= stop - start
    raise OverflowError("too many distinct items to diff")


class Op(IntEnum):
    DELETE = -1
    EQUAL = 0
    INSERT = 1


def _engine() -> diff_match_patch:
    # One engine per call keeps concurrent callers from sharing state.
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    return engine


def encode(a: Sequence[T], b: Sequence[T]) -> tuple[str, str, list[T]]:
    """Map items to code points; returns both strings and the code-point → item table."""
    codes: dict[T, str] = {}
    table: list[T] = []

    def code(item: T) -> str:
        found = codes.get(item)
        if found is None:
            found = codes[item] = code_point(len(table))
            table.append(item)
        return found

    return "".join(map(code, a)), "".join(map(code, b)), table


def diff(a: Sequence[T], b: Sequence[T], *, semantic: bool = False) -> Iterator[tuple[Op, int]]:
    """Diff two sequences: yields (op, length in items) runs that cover both in order.

    With ``semantic``, diff-match-patch's semantic cleanup merges tiny equalities into
    the edits around them, which reads better for prose.
    """
    sa, sb, _ = encode(a, b)
    engine = _engine()
    ops = engine.diff_main(sa, sb, False)
    if semantic:
        engine.diff_cleanupSemantic(ops)
    for op, chunk in ops:
        if chunk:
            yield Op(op), len(chunk)
