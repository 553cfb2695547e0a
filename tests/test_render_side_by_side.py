"""The side-by-side view, rendered into fixed-width consoles with and without colour."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from newsdiff.render import SideBySide, Typography, ViewOptions, render_text
from tests.render_samples import against_canonical, hostile_revision

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


@pytest.mark.parametrize("width", [80, 120])
def test_fits_the_width_and_marks_edits_without_colour(width: int) -> None:
    text = render_text(SideBySide(against_canonical("v2")), width=width)
    assert max(len(line) for line in lines(text)) <= width
    assert "\x1b" not in text
    assert "v5 (canonical) → v2" in text
    assert "[-Kowalczyk-]" in text
    assert "{+Kowalczik+}" in text
    assert "7 changed · 1 moved · 1 split · 2 added · 3 removed" in text


@pytest.mark.parametrize("width", [80, 120])
def test_colour_output_styles_edits_instead_of_marking_them(width: int) -> None:
    text = render_text(SideBySide(against_canonical("v2")), width=width, color=True)
    plain = ANSI.sub("", text)
    assert max(len(line) for line in lines(plain)) <= width
    assert "[-" not in plain
    assert "{+" not in plain
    # strike-through red for the deleted spelling, green for the inserted one
    assert re.search(r"\x1b\[[0-9;]*9[0-9;]*mKowalczyk", text)
    assert re.search(r"\x1b\[[0-9;]*32[0-9;]*mKowalczik", text)


def test_move_is_shown_once_with_both_positions() -> None:
    text = render_text(SideBySide(against_canonical("v2")), width=120)
    assert text.count("The bridge, which opened in 1968") == 2  # once a side, one row
    assert "moved to v2 ¶22" in text
    assert "moved from v5 ¶5" in text


def test_split_and_merge_are_one_row_with_all_paragraphs() -> None:
    split = render_text(SideBySide(against_canonical("v2")), width=120)
    assert "split" in split
    assert "¶7 Callum Fry" in split
    assert "¶8 “People were already" in split
    merged = render_text(SideBySide(against_canonical("v3")), width=120)
    assert "merged" in merged
    assert "¶17 Samir Haddou" in merged
    assert "¶18 [-“Bridges of this age" in merged


def test_added_and_removed_rows_leave_the_other_side_empty() -> None:
    text = render_text(SideBySide(against_canonical("v2")), width=120)
    row = next(line for line in lines(text) if "{+Shopkeepers" in line)
    assert row.startswith("added")
    assert row[10:60].strip() == ""  # nothing under the canonical's column
    removed = next(line for line in lines(text) if "[-Councillor Dev Ashworth" in line)
    assert removed.startswith("removed")


def test_context_folds_unchanged_rows() -> None:
    rev = against_canonical("v2")
    full = render_text(SideBySide(rev), width=100)
    folded = render_text(SideBySide(rev, ViewOptions(context=0)), width=100)
    assert "The ferry crew pulled six people" in full
    assert "The ferry crew pulled six people" not in folded
    assert "⋯ 3 unchanged paragraphs" in folded
    assert "[-Kowalczyk-]" in folded
    with_one = render_text(SideBySide(rev, ViewOptions(context=1)), width=100)
    assert len(lines(folded)) < len(lines(with_one)) < len(lines(full))


def test_typography_only_rows_dimmed_hidden_or_shown() -> None:
    rev = against_canonical("v2")
    dim = render_text(SideBySide(rev), width=100)
    assert "typo-" in dim
    assert "[-’-]" not in dim
    hidden = render_text(SideBySide(rev, ViewOptions(typography=Typography.HIDE)), width=100)
    assert "typo-" not in hidden
    shown = render_text(SideBySide(rev, ViewOptions(typography=Typography.SHOW)), width=100)
    assert "[-’-]{+'+}" in shown.replace("\n", "").replace(" ", "") or "[-’-]" in shown


def test_width_option_caps_the_view() -> None:
    text = render_text(SideBySide(against_canonical("v3"), ViewOptions(width=64)), width=120)
    assert max(len(line) for line in lines(text)) <= 64


def test_narrow_console_still_renders() -> None:
    text = render_text(SideBySide(against_canonical("v3")), width=50)
    assert max(len(line) for line in lines(text)) <= 50
    assert "Harbor" in text


def test_article_text_is_never_read_as_rich_markup() -> None:
    text = render_text(SideBySide(hostile_revision()), width=120)
    assert "[bold]markup[/bold]" in text
    assert "[red]nothing[/red]" in text
    assert "<script>window.__pwned" in text


def test_revision_is_a_rich_renderable_giving_the_side_by_side_view() -> None:
    rev = against_canonical("v2")
    console = Console(width=100, record=True, color_system=None)
    console.print(rev)
    via_rich = console.export_text()
    assert "moved from v5 ¶5" in via_rich
    assert isinstance(rev.__rich__(), SideBySide)
