from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdiff import worddiff
from newsdiff.models import Span, SpanOp
from newsdiff.worddiff import word_diff


def _side(spans: tuple[Span, ...], skip: SpanOp, part: str, n: int) -> str:
    return "".join(s.text for s in spans if s.op is not skip and getattr(s, part + "_part") == n)


def test_changed_words_are_whole_words() -> None:
    spans = word_diff(["Twelve people were injured."], ["Seventeen people were injured."])
    assert [(s.op, s.text) for s in spans] == [
        (SpanOp.DELETE, "Twelve"),
        (SpanOp.INSERT, "Seventeen"),
        (SpanOp.EQUAL, " people were injured."),
    ]


def test_spelling_variant_is_one_word_not_a_letter() -> None:
    spans = word_diff(["Mayor Kowalczyk said."], ["Mayor Kowalczik said."])
    changed = [s.text for s in spans if s.op is not SpanOp.EQUAL]
    assert changed == ["Kowalczyk", "Kowalczik"]


def test_merge_keeps_each_paragraph_apart() -> None:
    old = ["The span fell at dusk.", "Two cars went into the water."]
    new = ["The span fell at dusk and two cars went into the water."]
    spans = word_diff(old, new)
    assert _side(spans, SpanOp.INSERT, "old", 0) == old[0]
    assert _side(spans, SpanOp.INSERT, "old", 1) == old[1]
    assert _side(spans, SpanOp.DELETE, "new", 0) == new[0]


def test_added_and_removed_paragraphs_are_one_span() -> None:
    assert [(s.op, s.new_part) for s in word_diff([], ["A new quote."])] == [(SpanOp.INSERT, 0)]
    assert [(s.op, s.old_part) for s in word_diff(["Gone."], [])] == [(SpanOp.DELETE, 0)]


paragraphs = st.lists(st.text(min_size=0, max_size=40), min_size=0, max_size=3)


@given(paragraphs, paragraphs)
def test_spans_rebuild_every_paragraph(old: list[str], new: list[str]) -> None:
    spans = word_diff(old, new)
    for n, text in enumerate(old):
        assert _side(spans, SpanOp.INSERT, "old", n) == text
    for n, text in enumerate(new):
        assert _side(spans, SpanOp.DELETE, "new", n) == text


@given(paragraphs, paragraphs)
def test_sentence_first_diff_of_long_texts_rebuilds_every_paragraph(
    old: list[str], new: list[str]
) -> None:
    # A tiny budget sends every pair through the sentence-first path.
    budget = worddiff.WORD_DIFF_BUDGET
    worddiff.WORD_DIFF_BUDGET = 4
    try:
        spans = word_diff(old, new)
    finally:
        worddiff.WORD_DIFF_BUDGET = budget
    for n, text in enumerate(old):
        assert _side(spans, SpanOp.INSERT, "old", n) == text
    for n, text in enumerate(new):
        assert _side(spans, SpanOp.DELETE, "new", n) == text


def test_long_paragraph_edits_are_found_sentence_by_sentence() -> None:
    sentences = [f"Sentence {n} tells of pier {n} and its cables." for n in range(3000)]
    old = " ".join(sentences)
    sentences[1500] = "Sentence 1500 tells of a new survey."
    spans = word_diff([old], [" ".join(sentences)])
    changed = [s.text for s in spans if s.op is not SpanOp.EQUAL]
    assert changed == ["pier 1500 and its cables", "a new survey"]
