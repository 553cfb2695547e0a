"""The two diff backends give identical results, and the pure-Python engine matches
the diff-match-patch library it restates."""

from __future__ import annotations

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import given, settings
from hypothesis import strategies as st

import newsdiff
from newsdiff import dmp
from newsdiff.demo import demo_versions
from newsdiff.errors import SettingError
from newsdiff.worddiff import word_diff

fast = pytest.importorskip("fast_diff_match_patch", reason="the fast extra is not installed")

_ITEMS = st.lists(st.sampled_from("abcde "), max_size=80)
_PROSE = st.text(alphabet=st.sampled_from(list("ab cd.,\u2019\u00e9\u0301 Zz")), max_size=120)


def _reference(a: str, b: str, semantic: bool) -> list[tuple[dmp.Op, int]]:
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    ops = engine.diff_main(a, b, False)
    if semantic:
        engine.diff_cleanupSemantic(ops)
    return [(dmp.Op(op), len(chunk)) for op, chunk in ops if chunk]


@settings(max_examples=400)
@given(_ITEMS, _ITEMS, st.booleans())
def test_backends_agree_with_the_library(a: list[str], b: list[str], semantic: bool) -> None:
    sa, sb, _ = dmp.encode(a, b)
    expected = _reference(sa, sb, semantic)
    assert dmp.diff_strings(sa, sb, semantic=semantic, backend="python") == expected
    assert dmp.diff_strings(sa, sb, semantic=semantic, backend="fast") == expected


@settings(max_examples=200)
@given(st.lists(_PROSE, max_size=3), st.lists(_PROSE, max_size=3))
def test_word_diff_is_the_same_on_both_backends(old: list[str], new: list[str]) -> None:
    with dmp.using_backend("python"):
        slow = word_diff(old, new)
    with dmp.using_backend("fast"):
        quick = word_diff(old, new)
    assert quick == slow


def test_the_built_in_story_is_identical_on_both_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(dmp.BACKEND_ENV, "python")
    slow = newsdiff.collate(demo_versions()).model_dump_json()
    monkeypatch.setenv(dmp.BACKEND_ENV, "fast")
    quick = newsdiff.collate(demo_versions()).model_dump_json()
    assert quick == slow


def test_code_points_beyond_the_basic_plane_count_as_one() -> None:
    a = ["x"] * 7000 + ["tail"]
    b = ["x"] * 6999 + ["new", "tail"]
    assert list(dmp.diff(a, b, backend="fast")) == list(dmp.diff(a, b, backend="python"))


def test_unknown_backend_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(dmp.BACKEND_ENV, "turbo")
    with pytest.raises(SettingError, match="NEWSDIFF_DIFF_BACKEND"):
        list(dmp.diff(["a"], ["b"]))
    with pytest.raises(SettingError, match="unknown diff backend"):
        list(dmp.diff(["a"], ["b"], backend="turbo"))


def test_python_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(dmp.BACKEND_ENV, raising=False)
    assert dmp.current_backend() == "python"
