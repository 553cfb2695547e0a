"""The package's metadata: license, authors, classifiers, changelog, one version."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib

import newsdiff
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_single_sourced() -> None:
    project = PYPROJECT["project"]
    assert "version" not in project
    assert "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "newsdiff.__version__"}
    assert importlib.metadata.version("newsdiff") == newsdiff.__version__


def test_the_license_the_metadata_declares_ships() -> None:
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License")
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    assert "LICENSE" in (importlib.metadata.metadata("newsdiff").get_all("License-File") or [])


def test_authors_and_classifiers() -> None:
    metadata = importlib.metadata.metadata("newsdiff")
    assert metadata["Author"] or metadata["Author-email"]
    classifiers = metadata.get_all("Classifier") or []
    requires = PYPROJECT["project"]["requires-python"].removeprefix(">=")
    assert f"Programming Language :: Python :: {requires}" in classifiers
    assert "Typing :: Typed" in classifiers  # py.typed ships
    assert (ROOT / "newsdiff" / "py.typed").is_file()


def test_the_changelog_keeps_a_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog\n")
    assert "[Keep a Changelog](https://keepachangelog.com/" in changelog
    sections = re.findall(r"^## \[([^\]]+)\]", changelog, re.M)
    assert sections[0] == "Unreleased"
    kinds = set(re.findall(r"^### (\w+)", changelog, re.M))
    assert kinds <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
    assert newsdiff.__version__ in changelog
