"""Errors: one class for every missing optional extra, naming the extra to install."""

from __future__ import annotations

import builtins
import importlib
import pickle
from collections.abc import Callable
from typing import Any

import pytest

import newsdiff
from newsdiff import dmp
from newsdiff.corpus import dask_backend, formats, frames
from newsdiff.errors import ExtraMissingError, NewsdiffError
from newsdiff.parse import html


def _without(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    """Make importing ``module`` (and its submodules) fail, as when it is not installed."""
    real_import = builtins.__import__
    real_import_module = importlib.import_module

    def missing(name: str) -> bool:
        return name == module or name.startswith(module + ".")

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if missing(name):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import(name, *args, **kwargs)

    def fake_import_module(name: str, package: str | None = None) -> Any:
        if missing(name):
            raise ImportError(f"No module named {name!r}", name=name)
        return real_import_module(name, package)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    monkeypatch.setattr(importlib, "import_module", fake_import_module)


CASES: list[tuple[str, str, Callable[[], object]]] = [
    ("trafilatura", "html", lambda: html.parse_html("<html><body><p>Text.</p></body></html>")),
    ("fast_diff_match_patch", "fast", lambda: dmp.diff_strings("a", "b", backend="fast")),
    ("pandas", "pandas", lambda: frames.story_frame(newsdiff.collate(["A b.", "A c."]))),
    ("pyarrow", "parquet", formats._parquet),
    ("distributed", "dask", lambda: dask_backend.connect("tcp://127.0.0.1:1")),
]


@pytest.mark.parametrize(("module", "extra", "use"), CASES, ids=[c[1] for c in CASES])
def test_a_missing_extra_is_one_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, module: str, extra: str, use: Callable[[], object]
) -> None:
    monkeypatch.setattr(dmp, "_fast_diff", None)  # the fast backend caches its import
    _without(monkeypatch, module)
    with pytest.raises(ExtraMissingError) as info:
        use()
    error = info.value
    assert error.extra == extra
    assert f"pip install 'newsdiff[{extra}]'" in str(error)
    assert "\n" not in str(error)
    assert isinstance(error, NewsdiffError)
    assert isinstance(error, ImportError)


def test_the_error_survives_pickling() -> None:
    # Worker processes and Dask send errors back pickled.
    error = ExtraMissingError.needs("reading Parquet", "parquet", "pyarrow")
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), str(again), again.extra) == (ExtraMissingError, str(error), "parquet")


def test_one_class_everywhere() -> None:
    import newsdiff.corpus

    assert newsdiff.ExtraMissingError is newsdiff.corpus.ExtraMissingError is ExtraMissingError
    assert not hasattr(html, "HtmlSupportMissingError")
