"""The built-in story: what demo_versions() gives, and in which order."""

from __future__ import annotations

from newsdiff.demo import demo_page, demo_versions


def test_versions_come_by_name_as_the_docstring_says() -> None:
    versions = demo_versions()
    assert list(versions) == ["v1", "v2", "v3", "v4", "v5"]
    assert "ordered by name" in (demo_versions.__doc__ or "")
    assert "order they were written" not in (demo_versions.__doc__ or "")
    assert all(isinstance(data, bytes) and data for data in versions.values())


def test_the_page_is_the_canonical_as_html() -> None:
    assert demo_page().lstrip().lower().startswith(b"<!doctype html")
