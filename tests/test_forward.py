"""Time runs forward in every view: a version earlier than the canonical is drawn from
it to the canonical, on the built-in story."""

from __future__ import annotations

import newsdiff
from newsdiff.demo import DEMO_ORDER, demo_versions
from newsdiff.models import ChangeKind, SpanOp
from newsdiff.render import SideBySide, Summary, render_text


def _story() -> newsdiff.Story:
    return newsdiff.collate(demo_versions(), order=DEMO_ORDER)


def test_an_earlier_version_is_drawn_towards_the_canonical() -> None:
    story = _story()
    rev = story.revisions["v1"]
    assert (rev.old_name, rev.new_name) == ("v5", "v1")  # the data: against the canonical
    drawn = rev.forward()
    assert (drawn.old_name, drawn.new_name) == ("v1", "v5")
    assert (drawn.old_role, drawn.new_role) == ("", "canonical")
    # v5's later paragraphs are added by v5, not removed by v1
    counts = rev.stats.counts
    assert drawn.stats.counts[ChangeKind.ADDED] == counts[ChangeKind.REMOVED]
    assert drawn.stats.counts[ChangeKind.REMOVED] == counts[ChangeKind.ADDED]
    assert drawn.stats.words_inserted == rev.stats.words_deleted
    # the same decisions, turned round: every paragraph of both versions is in one row
    assert sorted(p for c in drawn.changes for p in c.old_positions) == list(
        range(len(rev.new_article.paragraphs))
    )
    text = render_text(SideBySide(rev), width=100)
    assert text.startswith("v1 → v5 (canonical)")
    # the toll moves forward: v1's figure struck, the canonical's inserted
    assert "¶2 [-Twelve-] people were taken to" in text
    assert "¶2 {+Seventeen+} people were taken to" in text
    injured = next(
        c for c in drawn.changes if c.kind is ChangeKind.CHANGED and 1 in c.new_positions
    )
    assert [(s.op, s.text) for s in injured.spans if s.op is not SpanOp.EQUAL][:2] == [
        (SpanOp.DELETE, "Twelve"),
        (SpanOp.INSERT, "Seventeen"),
    ]


def test_summary_of_an_earlier_version_counts_what_came_later() -> None:
    text = render_text(Summary(_story().revisions["v2"]), width=100)
    assert text.startswith("v5 (canonical) against v2")
    assert "+171 words inserted, −60 deleted" in text


def test_a_later_version_and_a_truncated_copy_keep_the_canonical_first() -> None:
    story = newsdiff.collate(demo_versions(), order=["v1", "v4", "v3", "v5", "v2"])
    later = story.revisions["v2"]  # written after the canonical in this order
    assert later.forward() is later
    assert render_text(SideBySide(later), width=100).startswith("v5 (canonical) → v2")
    cut = story.revisions["v4"]  # v1 cut off: stops early, not "news v4 lacked"
    assert cut.forward() is cut
    assert "✂ the version stops here" in render_text(SideBySide(cut), width=100)


def test_json_keeps_the_canonical_as_the_old_side() -> None:
    story = _story()
    again = newsdiff.Story.model_validate_json(story.model_dump_json())
    assert again.revisions["v1"].old_name == "v5"
    assert again.revisions["v1"].forward().old_name == "v1"  # the order is stored


def test_the_story_page_links_cells_to_rows_of_the_turned_revisions() -> None:
    html = _story().to_html()
    assert "<summary>v1 → v5</summary>" in html
    assert "<summary>v5 → v4</summary>" in html
    for k in range(1, 8):
        link = f'href="#nd-v1-v1-c{k}"'
        if link in html:
            assert f'id="nd-v1-v1-c{k}"' in html
