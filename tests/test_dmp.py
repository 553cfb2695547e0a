from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdiff import dmp


def _apply(a: list[str], b: list[str]) -> tuple[list[str], list[str]]:
    """Rebuild both sides from the diff runs."""
    old: list[str] = []
    new: list[str] = []
    i = j = 0
    for op, n in dmp.diff(a, b):
        if op is not dmp.Op.INSERT:
            old += a[i : i + n]
            i += n
        if op is not dmp.Op.DELETE:
            new += b[j : j + n]
            j += n
    return old, new


def test_diff_of_paragraph_lists_finds_the_shared_run() -> None:
    a = ["lede", "quote", "figures", "closing"]
    b = ["new lede", "quote", "figures", "closing", "extra"]
    ops = list(dmp.diff(a, b))
    assert (dmp.Op.EQUAL, 3) in ops


@given(st.lists(st.sampled_from("abcde")), st.lists(st.sampled_from("abcde")))
def test_diff_covers_both_sequences(a: list[str], b: list[str]) -> None:
    assert _apply(a, b) == (a, b)


def test_code_points_avoid_surrogates_and_cover_many_items() -> None:
    points = {dmp.code_point(n) for n in range(0, dmp.MAX_ITEMS, 997)}
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in points)
    assert dmp.MAX_ITEMS > 1_000_000
