"""The story view: heat map of paragraphs × versions, totals, navigation."""

from __future__ import annotations

import pytest
from rich.console import Console

import newsdiff
from newsdiff.models import ChangeKind
from newsdiff.render import Inline, SideBySide, StoryView, Summary, ViewOptions, render_text
from newsdiff.render.story import RevisionViewType
from tests.render_samples import demo_story


@pytest.mark.parametrize("width", [80, 120])
def test_heat_map_fits_and_reads_without_colour(width: int) -> None:
    text = render_text(StoryView(demo_story()), width=width)
    lines = text.split("\n")
    assert max(len(line) for line in lines) <= width
    header = next(line for line in lines if "paragraph (v5 is canonical)" in line)
    assert header.split()[-5:] == ["v1", "v2", "v3", "v4", "v5"]
    moved = next(line for line in lines if line.lstrip().startswith("5 ") and "1968" in line)
    assert moved.split()[-5:] == ["=", "↕", "~", "=", "■"]
    split = next(line for line in lines if line.lstrip().startswith("8 "))
    assert split.split()[-4] == "<"
    assert "moved" in text
    assert "not in the canonical" in text  # the legend
    assert "--show v1" in text  # how to open one version


def test_show_appends_the_side_by_side_view() -> None:
    text = render_text(StoryView(demo_story(), ViewOptions(context=0), show=["v2"]), width=100)
    # v2 came before the canonical: drawn forward in time, v2 first
    assert "v2 → v5 (canonical)" in text
    assert "moved to v5 ¶5" in text


def test_unknown_version_is_refused() -> None:
    with pytest.raises(KeyError, match="v9"):
        StoryView(demo_story(), show=["v9"])


def test_story_as_rich_renderable_shows_heat_map_and_every_version() -> None:
    console = Console(width=120, record=True, color_system=None)
    console.print(demo_story())
    text = console.export_text()
    assert "paragraph (v5 is canonical)" in text
    for name in ("v1", "v2", "v3"):
        assert f"{name} → v5 (canonical)" in text
    assert "v5 (canonical) → v4" in text  # a truncated copy: stops early, not turned round


def test_colour_cells() -> None:
    text = render_text(StoryView(demo_story()), width=100, color=True)
    assert "\x1b[" in text


def test_a_truncated_copy_stops_early_rather_than_losing_paragraphs() -> None:
    v4 = demo_story().revisions["v4"]  # v1 republished and cut off
    cut = v4.stats.truncated
    removed = v4.stats.counts[ChangeKind.REMOVED] - cut
    assert cut >= 2
    totals = next(
        line
        for line in render_text(StoryView(demo_story()), width=200).split("\n")
        if line.startswith("v5 → v4 ")
    )
    assert f"{removed} removed" in totals
    assert f"stops early: {cut} paragraphs not carried" in totals
    assert f"{removed + cut} removed" not in totals
    # A copy that is not cut off says nothing of the kind.
    v2 = next(
        line
        for line in render_text(StoryView(demo_story()), width=200).split("\n")
        if line.startswith("v2 → v5 ")
    )
    assert "stops early" not in v2


def test_counts_agree_with_their_nouns() -> None:
    one = newsdiff.collate({"only": "The bridge closed on Friday night."})
    assert "1 version of one story" in render_text(StoryView(one), width=100)
    assert "1 version of one story" in one.to_html()
    pair = newsdiff.collate({"a": "The bridge closed.", "b": "The bridge closed today."})
    text = render_text(SideBySide(pair.revisions["a"]), width=100)
    assert "a → b (canonical)" in text  # a was given first: drawn forward, a → b
    assert "+1 word inserted, −0 deleted" in text  # 'today' is the only difference
    words = newsdiff.compare("The bridge closed.", "The bridge closed today.")
    assert "+1 word inserted" in render_text(SideBySide(words), width=100)
    assert "+1</span> word inserted" in words.to_html()


@pytest.mark.parametrize("view", [Inline, Summary])
def test_shown_versions_use_the_view_asked_for(view: RevisionViewType) -> None:
    text = render_text(StoryView(demo_story(), show=["v2"], view=view), width=100)
    alone = render_text(view(demo_story().revisions["v2"], ViewOptions()), width=100)
    assert alone in text
