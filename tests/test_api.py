"""The public surface: a test fails when it drifts, so changes to it are deliberate."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import newsdiff

PUBLIC = [
    "Article",
    "Block",
    "BlockKind",
    "Cell",
    "Change",
    "ChangeKind",
    "Edit",
    "EditAction",
    "EditClass",
    "EmptyInputError",
    "Event",
    "ExtraMissingError",
    "FieldChange",
    "FigureChain",
    "FigureValue",
    "InputError",
    "InvalidDataError",
    "Metadata",
    "NewsdiffError",
    "NoBodyError",
    "ParagraphEvent",
    "ParagraphHistory",
    "Presence",
    "Revision",
    "RevisionStats",
    "SettingError",
    "Span",
    "SpanOp",
    "Story",
    "StoryHistory",
    "StoryRow",
    "StoryVersion",
    "TimelineStep",
    "VersionError",
    "__version__",
    "collate",
    "compare",
    "parse",
    "save_html",
]


def test_public_names() -> None:
    assert newsdiff.__all__ == PUBLIC
    assert all(hasattr(newsdiff, name) for name in PUBLIC)


def test_every_error_is_a_newsdiff_error() -> None:
    for name in (
        "InputError",
        "EmptyInputError",
        "NoBodyError",
        "VersionError",
        "InvalidDataError",
        "SettingError",
        "ExtraMissingError",
    ):
        assert issubclass(getattr(newsdiff, name), newsdiff.NewsdiffError)


def _modules_with_examples() -> list[str]:
    """Every module of the package whose docstrings hold doctest examples."""
    names = [
        info.name
        for info in pkgutil.walk_packages(newsdiff.__path__, "newsdiff.")
        if not info.name.endswith("__main__")  # running it is the command itself
    ]
    return [
        name
        for name in ["newsdiff", *names]
        if ">>>" in Path(importlib.import_module(name).__file__ or "").read_text("utf-8")
    ]


@pytest.mark.parametrize("module", _modules_with_examples())
def test_docstring_examples_run(module: str) -> None:
    # The API reference shows these examples: every one of them runs.
    result = doctest.testmod(
        importlib.import_module(module), optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert result.failed == 0


def test_the_examples_of_the_core_modules_are_found() -> None:
    found = _modules_with_examples()
    assert {"newsdiff", "newsdiff.parse", "newsdiff.compare", "newsdiff.collate"} <= set(found)
    assert {"newsdiff.corpus", "newsdiff.archive.warc", "newsdiff.quality"} <= set(found)
