"""diff-match-patch over sequences of hashable items, deterministically.

diff-match-patch diffs strings. To diff sequences of paragraphs or word tokens we
map each distinct item to one code point (the ``diff_linesToChars`` idea) and diff
the resulting strings. ``Diff_Timeout`` is always 0: a time limit would make the
result depend on the machine's speed.

Two backends give the same runs:

- ``python`` (the default): the pure-Python ``diff-match-patch`` package, with its
  middle-snake search (:meth:`_Engine.diff_bisect`) restated without the per-step
  clock check, which a timeout of 0 never needs;
- ``fast``: the C++ ``fast-diff-match-patch`` package (``pip install 'newsdiff[fast]'``),
  several times faster on long inputs.

Pick one with the ``NEWSDIFF_DIFF_BACKEND`` environment variable (read at every call)
or the ``backend`` argument of :func:`diff`.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from enum import IntEnum
from typing import Any, TypeVar

from diff_match_patch import diff_match_patch

from newsdiff.errors import ExtraMissingError, SettingError

T = TypeVar("T", bound=Hashable)

# Private-use planes first, then the rest of Unicode above the surrogates: every item
# needs one code point, and Python strings take any of them.
_CODE_RANGES = ((0xE000, 0xF900), (0xF0000, 0x10FFFE), (0x10000, 0xF0000), (0x100, 0xD800))
MAX_ITEMS = sum(stop - start for start, stop in _CODE_RANGES)
_FIRST_RANGE = _CODE_RANGES[0][1] - _CODE_RANGES[0][0]

BACKENDS = ("python", "fast")
BACKEND_ENV = "NEWSDIFF_DIFF_BACKEND"


def code_point(n: int) -> str:
    if 0 <= n < _FIRST_RANGE:  # the common case, inlined
        return chr(0xE000 + n)
    for start, stop in _CODE_RANGES:
        if n < stop - start:
            return chr(start + n)
        n -= stop - start
    raise OverflowError("too many distinct items to diff")


class Op(IntEnum):
    DELETE = -1
    EQUAL = 0
    INSERT = 1


class _Engine(diff_match_patch):  # type: ignore[misc]
    """diff-match-patch with ``Diff_Timeout = 0`` and a leaner middle-snake search.

    :meth:`diff_bisect` is the library's own algorithm step for step (same snakes, same
    split points, so the same diffs; the backend tests check it against the original)
    with the deadline test per step dropped and lookups kept in local variables.
    """

    def __init__(self) -> None:
        super().__init__()
        self.Diff_Timeout = 0

    def diff_bisect(self, text1: str, text2: str, deadline: float) -> list[tuple[int, str]]:
        len1 = len(text1)
        len2 = len(text2)
        max_d = (len1 + len2 + 1) // 2
        v_offset = max_d
        v_length = 2 * max_d
        v1 = [-1] * v_length
        v1[v_offset + 1] = 0
        v2 = v1[:]
        delta = len1 - len2
        front = delta % 2 != 0
        k1start = k1end = k2start = k2end = 0
        for d in range(max_d):
            for k1 in range(-d + k1start, d + 1 - k1end, 2):
                k1_offset = v_offset + k1
                if k1 == -d or (k1 != d and v1[k1_offset - 1] < v1[k1_offset + 1]):
                    x1 = v1[k1_offset + 1]
                else:
                    x1 = v1[k1_offset - 1] + 1
                y1 = x1 - k1
                while x1 < len1 and y1 < len2 and text1[x1] == text2[y1]:
                    x1 += 1
                    y1 += 1
                v1[k1_offset] = x1
                if x1 > len1:
                    k1end += 2
                elif y1 > len2:
                    k1start += 2
                elif front:
                    k2_offset = v_offset + delta - k1
                    if (
                        0 <= k2_offset < v_length
                        and v2[k2_offset] != -1
                        and x1 >= len1 - v2[k2_offset]
                    ):
                        return self.diff_bisectSplit(text1, text2, x1, y1, deadline)  # type: ignore[no-any-return]
            for k2 in range(-d + k2start, d + 1 - k2end, 2):
                k2_offset = v_offset + k2
                if k2 == -d or (k2 != d and v2[k2_offset - 1] < v2[k2_offset + 1]):
                    x2 = v2[k2_offset + 1]
                else:
                    x2 = v2[k2_offset - 1] + 1
                y2 = x2 - k2
                while x2 < len1 and y2 < len2 and text1[-x2 - 1] == text2[-y2 - 1]:
                    x2 += 1
                    y2 += 1
                v2[k2_offset] = x2
                if x2 > len1:
                    k2end += 2
                elif y2 > len2:
                    k2start += 2
                elif not front:
                    k1_offset = v_offset + delta - k2
                    if 0 <= k1_offset < v_length and v1[k1_offset] != -1:
                        x1 = v1[k1_offset]
                        if x1 >= len1 - x2:
                            y1 = v_offset + x1 - k1_offset
                            return self.diff_bisectSplit(text1, text2, x1, y1, deadline)  # type: ignore[no-any-return]
        return [(self.DIFF_DELETE, text1), (self.DIFF_INSERT, text2)]


def encode(a: Sequence[T], b: Sequence[T]) -> tuple[str, str, list[T]]:
    """Map items to code points in order of first appearance (``a`` first); returns both
    strings and the code-point → item table."""
    codes: dict[T, str] = {}
    for item in a:
        if item not in codes:
            codes[item] = code_point(len(codes))
    for item in b:
        if item not in codes:
            codes[item] = code_point(len(codes))
    get = codes.__getitem__
    return "".join(map(get, a)), "".join(map(get, b)), list(codes)


@contextmanager
def using_backend(name: str) -> Iterator[None]:
    """Within the block, ``NEWSDIFF_DIFF_BACKEND`` is ``name`` (for benchmarks and tests:
    it sets the process environment, so it is not for concurrent use)."""
    before = os.environ.get(BACKEND_ENV)
    os.environ[BACKEND_ENV] = name
    try:
        yield
    finally:
        if before is None:
            del os.environ[BACKEND_ENV]
        else:
            os.environ[BACKEND_ENV] = before


def current_backend() -> str:
    """The backend :func:`diff` uses when none is given: ``NEWSDIFF_DIFF_BACKEND`` or
    ``python``."""
    name = os.environ.get(BACKEND_ENV) or "python"
    if name not in BACKENDS:
        raise SettingError(f"{BACKEND_ENV}={name!r}: expected one of {', '.join(BACKENDS)}")
    return name


_fast_diff: Callable[..., list[tuple[str, int]]] | None = None


def _fast() -> Callable[..., list[tuple[str, int]]]:
    global _fast_diff
    if _fast_diff is None:
        try:
            module = importlib.import_module("fast_diff_match_patch")
        except ImportError:  # pragma: no cover - depends on the environment
            raise ExtraMissingError.needs(
                "the 'fast' diff backend",
                "fast",
                f"fast-diff-match-patch; or unset {BACKEND_ENV}",
            ) from None
        _fast_diff = module.diff
    return _fast_diff


_FAST_OPS = {"-": Op.DELETE, "=": Op.EQUAL, "+": Op.INSERT}


def diff_strings(
    sa: str, sb: str, *, semantic: bool = False, backend: str | None = None
) -> list[tuple[Op, int]]:
    """Diff two strings: (op, length in code points) runs, empty runs left out."""
    name = backend or current_backend()
    if name == "fast":
        runs: Any = _fast()(
            sa,
            sb,
            timelimit=0,
            checklines=False,
            cleanup="Semantic" if semantic else "No",
            counts_only=True,
        )
        return [(_FAST_OPS[op], n) for op, n in runs if n]
    if name != "python":
        raise SettingError(f"unknown diff backend {name!r}: expected one of {', '.join(BACKENDS)}")
    # One engine per call keeps concurrent callers from sharing state.
    engine = _Engine()
    ops = engine.diff_main(sa, sb, False)
    if semantic:
        engine.diff_cleanupSemantic(ops)
    return [(Op(op), len(chunk)) for op, chunk in ops if chunk]


def diff(
    a: Sequence[T], b: Sequence[T], *, semantic: bool = False, backend: str | None = None
) -> Iterator[tuple[Op, int]]:
    """Diff two sequences: yields (op, length in items) runs that cover both in order.

    With ``semantic``, diff-match-patch's semantic cleanup merges tiny equalities into
    the edits around them, which reads better for prose. ``backend`` is ``"python"``
    or ``"fast"``; by default :func:`backend` decides. Both give the same runs.
    """
    sa, sb, _ = encode(a, b)
    yield from diff_strings(sa, sb, semantic=semantic, backend=backend)
