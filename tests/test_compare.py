from __future__ import annotations

import pytest

import newsdiff
from newsdiff import ChangeKind, NoBodyError, SpanOp

OLD = """PORT AVERLY (FP) — The harbour bridge will stay shut until March, officials said on Friday.
Twelve people were hurt when a section of the deck fell on Thursday evening.
“We owe the city answers,” Mayor Teodora Kowalczyk said.
Share
"""
NEW = """The harbour bridge will stay shut until March, officials said on Friday.
Seventeen people were hurt when a section of the deck fell on Thursday evening.
"We owe the city answers," Mayor Teodora Kowalczyk said.
Engineers will start a full survey of the piers next week.
"""


def test_revision_reports_each_kind_of_change() -> None:
    rev = newsdiff.compare(OLD, NEW, old_name="early", new_name="late")
    assert (rev.old_name, rev.new_name) == ("early", "late")
    assert [c.kind for c in rev.changes] == [
        ChangeKind.UNCHANGED,  # the dateline alone is not an edit
        ChangeKind.CHANGED,
        ChangeKind.UNCHANGED,  # quotes only
        ChangeKind.ADDED,
    ]
    assert [c.typography_only for c in rev.changes] == [False, False, True, False]


def test_changed_paragraph_has_word_spans_and_similarity() -> None:
    change = newsdiff.compare(OLD, NEW).changes[1]
    assert 0.8 < change.similarity < 1.0
    edits = [(s.op, s.text) for s in change.spans if s.op is not SpanOp.EQUAL]
    assert edits == [(SpanOp.DELETE, "Twelve"), (SpanOp.INSERT, "Seventeen")]
    assert (change.words_deleted, change.words_inserted) == (1, 1)


def test_stats() -> None:
    stats = newsdiff.compare(OLD, NEW).stats
    assert stats.counts[ChangeKind.UNCHANGED] == 2
    assert stats.counts[ChangeKind.ADDED] == 1
    assert stats.counts[ChangeKind.MOVED] == 0
    assert stats.words_inserted == 1 + 11
    assert stats.words_deleted == 1
    assert stats.typography_only == 1
    assert 0.7 < stats.similarity < 1.0


def test_boilerplate_is_kept_on_the_articles_but_not_aligned() -> None:
    rev = newsdiff.compare(OLD, NEW)
    assert [b.text for b in rev.old_article.boilerplate] == ["Share"]
    assert all(not p.is_boilerplate for c in rev.changes for p in (*c.old, *c.new))


def test_parsed_articles_are_accepted() -> None:
    assert newsdiff.compare(newsdiff.parse(OLD), NEW) == newsdiff.compare(OLD, NEW)


def test_a_side_without_article_text_is_a_clear_error() -> None:
    with pytest.raises(NoBodyError, match=r"'new' version has no article text.*share"):
        newsdiff.compare(OLD, "Share\nAdvertisement\n")


def test_empty_side_is_a_clear_error() -> None:
    with pytest.raises(newsdiff.EmptyInputError):
        newsdiff.compare(OLD, "  \n ")
