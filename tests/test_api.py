"""The public surface: a test fails when it drifts, so changes to it are deliberate."""

from __future__ import annotations

import doctest
import importlib

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


@pytest.mark.parametrize(
    "module", ["newsdiff", "newsdiff.parse", "newsdiff.compare", "newsdiff.collate"]
)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0
    assert result.failed == 0
