"""A story over time: time order, consecutive revisions, and the headline as a field."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import newsdiff
from newsdiff.models import ChangeKind, EditClass
from newsdiff.timeline import time_order

KESTREL = Path(__file__).parent / "stories" / "kestrel-fire"
GIVEN = ("v3", "v1", "v4", "v2")  # out of time order on purpose


@cache
def kestrel() -> newsdiff.Story:
    return newsdiff.collate({name: KESTREL / f"{name}.txt" for name in GIVEN})


def test_versions_are_put_in_time_order_by_their_dates() -> None:
    story = kestrel()
    assert [v.name for v in story.versions] == list(GIVEN)  # as given
    assert story.order == ("v1", "v2", "v3", "v4")
    assert story.in_time_order == ("v1", "v2", "v3", "v4")


def test_without_dates_on_every_version_the_given_order_is_the_time_order() -> None:
    story = newsdiff.collate({"b": "date 2026-01-02 The mayor spoke.", "a": "The mayor spoke."})
    assert story.order == ("b", "a")
    dated = newsdiff.collate(
        {"b": "date 2026-01-02 The mayor spoke.", "a": "date 2026-01-01 The mayor spoke."}
    )
    assert dated.order == ("a", "b")


def test_dates_from_page_metadata_come_before_the_crawler_date() -> None:
    def article(updated: str | None, date: str) -> newsdiff.Article:
        a = newsdiff.parse("The mayor spoke.")
        meta = a.metadata.model_copy(update={"updated": updated, "date": date})
        return a.model_copy(update={"metadata": meta})

    # x was captured later but last updated earlier than y
    x = article("2026-01-01T08:00:00+00:00", "2026-01-05")
    y = article("2026-01-02T08:00:00Z", "2026-01-03")
    assert time_order([("x", x), ("y", y)]) == ("x", "y")
    assert time_order([("y", y), ("x", x)]) == ("x", "y")


def test_order_overrides_the_dates() -> None:
    versions = {name: KESTREL / f"{name}.txt" for name in GIVEN}
    story = newsdiff.collate(versions, order=["v4", "v3", "v2", "v1"])
    assert story.order == ("v4", "v3", "v2", "v1")
    assert [(r.old_name, r.new_name) for r in story.timeline] == [
        ("v4", "v3"),
        ("v3", "v2"),
        ("v2", "v1"),
    ]


@pytest.mark.parametrize(
    ("order", "message"),
    [
        (["v1", "v2", "v3"], "leaves out 'v4'"),
        (["v1", "v2", "v3", "v4", "v9"], "'v9', which is not one of the versions"),
        (["v1", "v2", "v3", "v3", "v4"], "names 'v3' twice"),
        ("v1", "a list of version names"),
    ],
)
def test_a_wrong_order_is_a_version_error(order: list[str] | str, message: str) -> None:
    versions = {name: KESTREL / f"{name}.txt" for name in GIVEN}
    with pytest.raises(newsdiff.VersionError, match=message):
        newsdiff.collate(versions, order=order)


def test_timeline_compares_consecutive_versions_forward_in_time() -> None:
    steps = kestrel().timeline
    assert [(r.old_name, r.new_name) for r in steps] == [("v1", "v2"), ("v2", "v3"), ("v3", "v4")]
    kinds = [[c.kind for c in r.changes] for r in steps]
    U, C, A, R = ChangeKind.UNCHANGED, ChangeKind.CHANGED, ChangeKind.ADDED, ChangeKind.REMOVED
    assert kinds == [[C, U, A, U], [C, U, U, U, A], [C, U, C, R, U]]
    assert [r.significance for r in steps] == [
        "headline changed; 1 figure updated, 1 paragraph added",
        "headline changed; 1 figure updated, 1 paragraph added",
        "1 figure updated, 1 paragraph removed, 2 wording changes",
    ]


def test_the_headline_is_compared_word_by_word() -> None:
    first, second, third = kestrel().timeline
    headline = second.field("headline")
    assert headline is not None
    assert headline.kind is ChangeKind.CHANGED
    assert headline.old == "Kestrel Bay warehouse fire hurts 7"
    assert headline.new == "Kestrel Bay warehouse fire hurts 12; Quarry Road closed"
    assert [e.edit_class for e in headline.edits] == [EditClass.FIGURE]
    assert "".join(s.text for s in headline.spans if s.op.value != "insert") == headline.old
    assert "".join(s.text for s in headline.spans if s.op.value != "delete") == headline.new
    unchanged = third.field("headline")
    assert unchanged is not None
    assert unchanged.kind is ChangeKind.UNCHANGED
    byline = first.field("byline")
    assert byline is not None
    assert byline.kind is ChangeKind.UNCHANGED


def test_a_headline_only_one_side_has_is_shown_but_not_counted() -> None:
    rev = newsdiff.compare(
        "Ferry fares frozen for another year\nThe ferry company kept its fares.",
        "The ferry company kept its fares.",
    )
    headline = rev.field("headline")
    assert headline is not None
    assert headline.kind is ChangeKind.REMOVED
    assert rev.significance == "no substantive change"


def test_a_typographic_headline_edit_is_minor() -> None:
    rev = newsdiff.compare(
        "Mayor's 'last' budget passes\nThe council passed the budget on Monday.",
        "Mayor’s ‘last’ budget passes\nThe council passed the budget on Monday.",
    )
    assert rev.significance == "no substantive change: 1 typographic change"


def test_the_order_and_the_timeline_round_trip_through_json() -> None:
    story = kestrel()
    again = newsdiff.Story.model_validate_json(story.model_dump_json())
    assert again == story
    assert again.order == story.order
    assert [r.significance for r in again.timeline] == [r.significance for r in story.timeline]


def test_json_with_an_order_that_is_not_the_versions_is_refused() -> None:
    data = kestrel().model_dump(mode="json")
    data["order"] = ["v1", "v2"]
    with pytest.raises(newsdiff.InvalidDataError, match="order must name every version once"):
        newsdiff.Story.model_validate(data)
