"""Paragraph history and figure chains along a story's timeline."""

from __future__ import annotations

import pytest

import newsdiff
from newsdiff.demo import DEMO_ORDER, demo_versions
from newsdiff.history import paragraph_frame
from newsdiff.models import EditClass
from tests.test_timeline import kestrel


def _events(history: newsdiff.ParagraphHistory) -> list[tuple[str, str]]:
    return [(e.version, e.event.value) for e in history.events]


def test_every_paragraph_that_ever_appeared_has_its_history() -> None:
    history = kestrel().history
    assert [(p.first_seen, p.summary) for p in history.paragraphs] == [
        (
            "v1",
            "first in v1, changed in v2 (figure), changed in v3 (figure), changed in v4 (figure)",
        ),
        ("v1", "first in v1"),
        ("v1", "first in v1, removed in v4"),
        ("v2", "first in v2, changed in v4 (wording)"),
        ("v3", "first in v3"),
    ]
    owner = history.paragraphs[3]
    assert owner.text.startswith("The owner of the warehouse")
    assert owner.positions == {"v2": (2,), "v3": (2,), "v4": (2,)}
    change = owner.events[1]
    assert change.edit_classes == (EditClass.WORDING,)
    assert change.text == owner.last_text
    assert owner.last_text.endswith("open its records to investigators.")
    residents = history.paragraphs[2]
    assert residents.positions == {"v1": (2,), "v2": (3,), "v3": (3,)}
    assert history.paragraph("v3", 4).first_seen == "v3"
    with pytest.raises(KeyError):
        history.paragraph("v1", 9)


def test_figures_are_followed_across_versions() -> None:
    chains = kestrel().history.figures
    assert [c.text for c in chains] == [
        "headline: warehouse fire hurts: 3 → 7 → 12 (v1…v3)",
        "workers were hurt: 3 → 7 → 12 → 15 (v1…v4)",
    ]
    lede = chains[1]
    assert [(v.version, v.value, v.paragraph) for v in lede.values] == [
        ("v1", "3", 0),
        ("v2", "7", 0),
        ("v3", "12", 0),
        ("v4", "15", 0),
    ]


def test_a_paragraph_a_truncated_copy_leaves_out_comes_back() -> None:
    history = newsdiff.collate(demo_versions(), order=DEMO_ORDER).history
    coastguard = history.paragraph("v1", 8)
    assert _events(coastguard)[:3] == [
        ("v1", "appeared"),
        ("v4", "not-carried"),
        ("v3", "returned"),
    ]
    # the paragraphs v4 carries are never "first seen" later
    assert all(p.first_seen == "v1" for p in history.paragraphs if "v4" in p.positions)


def test_the_demo_figures() -> None:
    history = newsdiff.collate(demo_versions(), order=DEMO_ORDER).history
    texts = [c.text for c in history.figures]
    assert "people were taken to hospital: Twelve → Fourteen → Seventeen (v1…v2)" in texts
    assert "people who are still missing: four → three → two (v1…v2)" in texts
    assert "cost: $40 million → $55 million (v3…v5)" in texts


def test_a_removed_paragraph_that_comes_back_keeps_its_history() -> None:
    story = newsdiff.collate(
        {
            "a": "The council met on Monday.\n\nThe mayor left early.\n\nRoads stay shut.",
            "b": "The council met on Monday.\n\nRoads stay shut.",
            "c": "The council met on Monday.\n\nThe mayor left early, aides said.\n\nRoads stay shut.",
        }
    )
    mayor = story.history.paragraph("a", 1)
    assert _events(mayor) == [("a", "appeared"), ("b", "removed"), ("c", "returned")]
    assert mayor.summary == "first in a, removed in b, back in c (wording)"
    assert len(story.history.paragraphs) == 3


def test_the_history_round_trips_through_json() -> None:
    history = kestrel().history
    again = newsdiff.StoryHistory.model_validate_json(history.model_dump_json())
    assert again == history
    assert [r.significance for r in again.timeline] == [r.significance for r in history.timeline]


def test_json_whose_steps_are_not_the_time_order_is_refused() -> None:
    data = kestrel().history.model_dump(mode="json")
    data["steps"] = data["steps"][::-1]
    with pytest.raises(newsdiff.InvalidDataError, match="each version with the next"):
        newsdiff.StoryHistory.model_validate(data)


def test_paragraph_frame() -> None:
    pytest.importorskip("pandas")
    frame = paragraph_frame(kestrel())
    assert list(frame.columns) == [
        "paragraph",
        "first_seen",
        "version",
        "event",
        "positions",
        "edit_classes",
        "text",
    ]
    assert len(frame) == sum(len(p.events) for p in kestrel().history.paragraphs)
    removed = frame[frame.event == "removed"]
    assert removed[["paragraph", "version", "positions", "text"]].values.tolist() == [
        [2, "v4", "", ""]
    ]
    lede = frame[frame.paragraph == 0]
    assert lede.text.str.contains("at least 15 workers").tolist() == [False, False, False, True]
