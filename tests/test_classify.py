"""Edit classification on original examples, one class at a time."""

from __future__ import annotations

import pytest

import newsdiff
from newsdiff import ChangeKind
from newsdiff.classify import classify_edit
from newsdiff.models import EditAction, EditClass


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("“", '"', EditClass.TYPOGRAPHY),
        ("—", " - ", EditClass.TYPOGRAPHY),
        ("ﬁ", "fi", EditClass.TYPOGRAPHY),
        ("Mayor", "mayor", EditClass.SPELLING),
        (",", "", EditClass.PUNCTUATION),
        (";", ".", EditClass.PUNCTUATION),
        ("Kowalczyk", "Kowalczik", EditClass.SPELLING),
        ("adviser", "advisor", EditClass.SPELLING),
        ("harbour", "harbor", EditClass.SPELLING),
        ("organisation", "organization", EditClass.SPELLING),
        ("centre", "center", EditClass.SPELLING),
        ("travelled", "traveled", EditClass.SPELLING),
        ("U.S.", "US", EditClass.SPELLING),
        ("12", "17", EditClass.FIGURE),
        ("Twelve", "Seventeen", EditClass.FIGURE),
        ("$40 million", "$55 million", EditClass.FIGURE),
        ("", "more than two dozen ", EditClass.FIGURE),
        ("met", "meet", EditClass.WORDING),
        ("Tallis", "Marsh", EditClass.ENTITY),
        ("the police chief", "Inspector Dana Wolde", EditClass.ENTITY),
        ("would", "will", EditClass.WORDING),
        ("", "“We will rebuild it,” she said. ", EditClass.QUOTE),
    ],
)
def test_classes(old: str, new: str, expected: EditClass) -> None:
    assert classify_edit(old, new, "The council said ", "The council said ") == expected


def test_edit_inside_a_quotation_is_a_quote_change() -> None:
    before = "“We are still treating this as a "
    assert classify_edit("rescue", "recovery", before, before) is EditClass.QUOTE


def test_change_edits_and_spans_carry_classes() -> None:
    rev = newsdiff.compare(
        "Twelve people were hurt, the harbour authority said.",
        "Seventeen people were hurt, the harbor authority said.",
    )
    change = rev.changes[0]
    assert [(e.edit_class, e.action) for e in change.edits] == [
        (EditClass.FIGURE, EditAction.REPLACED),
        (EditClass.SPELLING, EditAction.REPLACED),
    ]
    assert change.edits[0].old_figures == ("twelve",)
    assert change.edits[0].new_figures == ("seventeen",)
    labelled = {s.text: s.edit_class for s in change.spans if s.op != "equal"}
    assert labelled == {
        "Twelve": EditClass.FIGURE,
        "Seventeen": EditClass.FIGURE,
        "harbour": EditClass.SPELLING,
        "harbor": EditClass.SPELLING,
    }
    assert change.substantive
    assert rev.stats.edits == {EditClass.SPELLING: 1, EditClass.FIGURE: 1}


def test_added_quote_paragraph() -> None:
    rev = newsdiff.compare(
        "The bridge will stay shut until March, officials said.",
        "The bridge will stay shut until March, officials said.\n“We owe the city answers,” the mayor said.",
    )
    added = rev.changes[-1]
    assert added.kind is ChangeKind.ADDED
    assert [(e.edit_class, e.action) for e in added.edits] == [(EditClass.QUOTE, EditAction.ADDED)]
    assert rev.significance == "1 quote added"


def test_significance_line() -> None:
    old = "Twelve people were hurt on Friday.\nThe harbour authority will review every pier.\nFerries run every 20 minutes."
    new = "Seventeen people were hurt on Friday.\nThe harbor authority will review every pier.\nFerries run every 20 minutes.\nA memorial service is planned for Sunday."
    rev = newsdiff.compare(old, new)
    assert rev.significance == "1 figure updated, 1 paragraph added; also 1 spelling variant"


def test_typography_and_line_breaks_only_is_no_substantive_change() -> None:
    old = "The “new” bridge opened in 1968 — it carries 40,000 cars a day.\n\nIt was last inspected in 2023."
    new = 'The "new" bridge opened in 1968 - it carries 40,000\u00a0cars a day.\r\nIt was last inspected in 2023.'
    rev = newsdiff.compare(old, new)
    assert not rev.substantive
    assert rev.substantive_changes == ()
    assert rev.significance == "no substantive change: 3 typographic changes"


def test_spelling_and_reflow_only_is_no_substantive_change() -> None:
    old = "The harbour authority met on Monday. It agreed to a full review of every pier."
    new = "The harbor authority met on Monday.\nIt agreed to a full review of every pier."
    rev = newsdiff.compare(old, new)
    assert [c.kind for c in rev.changes] == [ChangeKind.SPLIT]
    assert not rev.substantive


SENTENCES = [
    "The harbour bridge will stay shut until March, officials said on Friday.",
    "Seventeen people were taken to hospital after a section of the deck fell.",
    "Divers searched the water through the night with help from ferry crews.",
    "The bridge opened in 1968 and carries about 40,000 vehicles a day.",
    "Engineers had warned last year that two of the piers needed repairs.",
    "The council will meet on Monday to set up an independent inquiry.",
]


def test_truncated_copy_marks_the_missing_tail() -> None:
    full = "\n".join(SENTENCES)
    cut = "\n".join(SENTENCES[:3])
    rev = newsdiff.compare(full, cut)
    tail = [c for c in rev.changes if c.kind is ChangeKind.REMOVED]
    assert len(tail) == 3
    assert all(c.truncated for c in tail)
    assert rev.stats.truncated == 3
    assert not rev.substantive
    assert rev.significance == "stops early (3 paragraphs not carried)"


def test_copy_cut_mid_sentence() -> None:
    full = "\n".join(SENTENCES)
    cut = "\n".join([*SENTENCES[:2], "Divers searched the water through the"])
    rev = newsdiff.compare(full, cut)
    assert rev.changes[2].truncated
    assert rev.stats.truncated == 3


def test_earlier_write_lacking_later_paragraphs_is_not_truncated() -> None:
    full = "\n".join(SENTENCES)
    early = "\n".join([SENTENCES[0].replace("March", "February"), *SENTENCES[1:3]])
    rev = newsdiff.compare(full, early)
    assert rev.stats.truncated == 0
    assert rev.stats.counts[ChangeKind.REMOVED] == 3


def test_collate_finds_a_copy_cut_from_another_version() -> None:
    early = "\n".join([SENTENCES[0].replace("March", "February"), *SENTENCES[1:4]])
    excerpt = "\n".join([SENTENCES[0].replace("March", "February"), *SENTENCES[1:3]])
    story = newsdiff.collate({"early": early, "excerpt": excerpt, "final": "\n".join(SENTENCES)})
    assert story.revisions["excerpt"].stats.truncated == 3
    assert story.revisions["early"].stats.truncated == 0
