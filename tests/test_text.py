from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsdiff.text import key, tokens, word_count, words


def test_key_folds_typography_but_not_words() -> None:
    assert key("“We’re here” — said\u00a0the  MAYOR ") == key('"We\'re here" - said the mayor')
    assert key("The ﬁrst vote") == key("The first vote")  # NFKC ligature
    assert key("Kowalczyk") != key("Kowalczik")


def test_words_of_a_key() -> None:
    assert words(key("Twelve people — 4 of them children.")) == (
        "twelve",
        "people",
        "4",
        "of",
        "them",
        "children",
    )


def test_tokens_keep_words_and_clusters_whole() -> None:
    assert list(tokens("Kowalczyk’s “bridge”")) == ["Kowalczyk", "’", "s", " ", "“", "bridge", "”"]
    assert list(tokens("cafe\u0301 👩\u200d👩\u200d👧 👍🏽")) == [
        "cafe\u0301",
        " ",
        "👩\u200d👩\u200d👧",
        " ",
        "👍🏽",
    ]


def test_word_count_ignores_punctuation() -> None:
    assert word_count("Twelve — people, 4 injured.") == 4


@given(st.text())
def test_tokens_rebuild_any_text(text: str) -> None:
    assert "".join(tokens(text)) == text
