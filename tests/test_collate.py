from __future__ import annotations

import pytest

import newsdiff
from newsdiff import Presence, VersionError
from newsdiff.demo import demo_versions

A = "The ferry resumed on Monday.\nFares stay the same until spring, the operator said."
B = "The ferry resumed on Monday morning.\nFares stay the same until spring, the operator said.\nThe mayor welcomed the news at a press conference on the quay."
C = "The ferry resumed on Monday morning.\nThe mayor welcomed the news at a press conference on the quay.\nTraders on the quay are hopeful."


def test_default_canonical_is_the_most_complete_version() -> None:
    story = newsdiff.collate({"a": A, "b": B, "c": C})
    assert story.canonical == "b"
    assert set(story.revisions) == {"a", "c"}


def test_canonical_can_be_named() -> None:
    story = newsdiff.collate({"a": A, "b": B, "c": C}, canonical="a")
    assert story.canonical == "a"
    assert story.revisions["b"].old_name == "a"


def test_sequences_are_named_in_order() -> None:
    story = newsdiff.collate([A, B])
    assert [v.name for v in story.versions] == ["v1", "v2"]


def test_story_table_lists_canonical_and_extra_paragraphs_in_reading_order() -> None:
    story = newsdiff.collate({"a": A, "b": B, "c": C}, canonical="b")
    rows = [
        (r.position, r.text[:22], {n: c.presence for n, c in r.cells.items()}) for r in story.rows
    ]
    assert rows == [
        (
            0,
            "The ferry resumed on M",
            {"b": Presence.CANONICAL, "a": Presence.CHANGED, "c": Presence.UNCHANGED},
        ),
        (
            1,
            "Fares stay the same un",
            {"b": Presence.CANONICAL, "a": Presence.UNCHANGED, "c": Presence.ABSENT},
        ),
        (
            2,
            "The mayor welcomed the",
            {"b": Presence.CANONICAL, "a": Presence.ABSENT, "c": Presence.UNCHANGED},
        ),
        (
            None,
            "Traders on the quay ar",
            {"b": Presence.ABSENT, "a": Presence.ABSENT, "c": Presence.ADDED},
        ),
    ]


def test_an_extra_paragraph_in_several_versions_shares_one_row() -> None:
    extra = "Traders on the quay are hopeful."
    story = newsdiff.collate({"a": A + "\n" + extra, "b": B, "c": C}, canonical="b")
    extra_rows = [r for r in story.rows if r.position is None]
    assert len(extra_rows) == 1
    assert {n for n, c in extra_rows[0].cells.items() if c.presence is Presence.ADDED} == {"a", "c"}


def test_bad_version_sets_are_clear_errors() -> None:
    with pytest.raises(VersionError, match="at least one"):
        newsdiff.collate({})
    with pytest.raises(VersionError, match="not one of the versions"):
        newsdiff.collate({"a": A}, canonical="z")
    with pytest.raises(VersionError, match="several versions"):
        newsdiff.collate(A)
    with pytest.raises(newsdiff.EmptyInputError, match="version 'b'"):
        newsdiff.collate({"a": A, "b": ""})


def test_demo_story_collates_with_every_kind_of_change() -> None:
    story = newsdiff.collate(demo_versions())
    assert story.canonical == "v5"
    kinds = {c.kind for rev in story.revisions.values() for c in rev.changes}
    assert kinds == set(newsdiff.ChangeKind)
    assert newsdiff.Story.model_validate_json(story.model_dump_json()) == story
