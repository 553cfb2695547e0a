"""View options take an enum member or its string everywhere, and pages save as UTF-8."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsdiff
from newsdiff.demo import demo_versions
from newsdiff.errors import SettingError
from newsdiff.render import (
    NotebookView,
    SideBySide,
    Typography,
    ViewOptions,
    html_page,
    render_text,
    revision_page,
    save_html,
    story_page,
)
from tests.render_samples import against_canonical, demo_story


def test_strings_and_members_are_the_same_option() -> None:
    # Both spellings type-check under mypy --strict (this file is checked) and agree.
    by_name = ViewOptions(context=1, typography="hide")
    assert by_name == ViewOptions(context=1, typography=Typography.HIDE)
    assert by_name.typography is Typography.HIDE
    rev = against_canonical("v2")
    assert render_text(SideBySide(rev, by_name)) == render_text(
        SideBySide(rev, ViewOptions(context=1, typography=Typography.HIDE))
    )
    assert revision_page(rev, typography="hide") == revision_page(rev, typography=Typography.HIDE)
    assert story_page(demo_story(), typography="show") == story_page(
        demo_story(), typography=Typography.SHOW
    )
    by_name_cell = NotebookView(rev, typography="hide", context=1)._repr_mimebundle_()
    by_member_cell = NotebookView(rev, typography=Typography.HIDE, context=1)._repr_mimebundle_()
    assert by_name_cell["text/plain"] == by_member_cell["text/plain"]
    ids = re.compile(r'id="nd\d+-')  # element ids are unique per view
    assert ids.sub("", by_name_cell["text/html"]) == ids.sub("", by_member_cell["text/html"])


def test_a_wrong_value_lists_the_valid_ones() -> None:
    with pytest.raises(SettingError, match="typography='faint': expected one of 'show', 'dim'"):
        ViewOptions(typography="faint")
    with pytest.raises(SettingError, match="context must be 0 or more"):
        ViewOptions(context=-1)
    with pytest.raises(ValueError, match="width"):  # SettingError is a ValueError
        ViewOptions(width=5)


def test_substantive_implies_no_context_unless_given() -> None:
    assert ViewOptions(substantive=True).context == 0
    assert ViewOptions(substantive=True, context=2).context == 2


# A system whose default encoding cannot write article text, as a Windows code page
# cannot: the C locale without UTF-8 coercion makes open(path, "w") ASCII.
ASCII_LOCALE = {"LC_ALL": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0"}
WRITE = """
import sys
import newsdiff
from newsdiff.demo import demo_versions
rev = newsdiff.compare(demo_versions()["v5"], demo_versions()["v3"])
if sys.argv[2] == "save_html":
    newsdiff.save_html(rev, sys.argv[1], view="inline")
else:
    open(sys.argv[1], "w").write(rev.to_html(view="inline"))
"""


def _write(path: Path, how: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **ASCII_LOCALE}
    command = [sys.executable, "-c", WRITE, str(path), how]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def test_save_html_writes_utf8_whatever_the_locale(tmp_path: Path) -> None:
    assert "UnicodeEncodeError" in _write(tmp_path / "open.html", "open").stderr
    done = _write(tmp_path / "diff.html", "save_html")
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "diff.html").read_bytes()
    rev = newsdiff.compare(demo_versions()["v5"], demo_versions()["v3"])
    assert data.decode("utf-8") == revision_page(rev, view="inline")
    assert b"\r\n" not in data
    assert "“".encode() in data  # the article's typography survives


def test_save_html_takes_a_story_and_is_exported() -> None:
    assert newsdiff.save_html is save_html
    assert "save_html" in newsdiff.__all__
    assert html_page(demo_story()) == story_page(demo_story())


def test_save_html_of_a_story(tmp_path: Path) -> None:
    target = newsdiff.save_html(demo_story(), str(tmp_path / "story.html"), context=0)
    assert target == tmp_path / "story.html"
    assert target.read_text(encoding="utf-8") == story_page(demo_story(), context=0)
