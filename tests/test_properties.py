"""Invariants of compare() over generated stories (hypothesis).

Run many more examples with HYPOTHESIS_PROFILE=long.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import assume, given
from hypothesis import strategies as st

import newsdiff
from newsdiff import ChangeKind, NewsdiffError, Revision
from newsdiff.text import key

WORDS = [
    "the",
    "council",
    "harbour",
    "bridge",
    "mayor",
    "said",
    "police",
    "divers",
    "ferry",
    "night",
    "rescue",
    "closed",
    "inquiry",
    "engineers",
    "cables",
    "report",
    "million",
    "people",
    "injured",
    "missing",
    "quay",
    "1968",
    "17",
]

sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)


@st.composite
def versions(draw: st.DrawFn) -> tuple[str, str]:
    """A story and an edited copy: paragraphs changed, dropped, added, moved, split."""
    old = draw(st.lists(paragraph, min_size=1, max_size=12))
    new = list(old)
    for _ in range(draw(st.integers(0, 5))):
        op = draw(st.sampled_from(["edit", "drop", "add", "move", "split", "merge", "quote"]))
        if not new:
            new.append(draw(paragraph))
            continue
        i = draw(st.integers(0, len(new) - 1))
        if op == "edit":
            words = new[i].split()
            k = draw(st.integers(0, len(words) - 1))
            words[k] = draw(st.sampled_from(WORDS))
            new[i] = " ".join(words)
        elif op == "drop" and len(new) > 1:
            del new[i]
        elif op == "add":
            new.insert(i, draw(paragraph))
        elif op == "move":
            new.insert(draw(st.integers(0, len(new) - 1)), new.pop(i))
        elif op == "split" and ". " in new[i]:
            head, tail = new[i].split(". ", 1)
            new[i : i + 1] = [head + ".", tail]
        elif op == "merge" and i + 1 < len(new):
            new[i : i + 2] = [new[i] + " " + new[i + 1]]
        elif op == "quote":
            new[i] = "“" + new[i].replace(" said", " said\u00a0") + "”"
    sep = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\r\n\r\n"]))
    return "\n\n".join(old), sep.join(new)


def _rebuilt(rev: Revision) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    old: list[tuple[int, str]] = []
    new: list[tuple[int, str]] = []
    for change in rev.changes:
        old += [(p.index, change.old_text(n)) for n, p in enumerate(change.old)]
        new += [(p.index, change.new_text(n)) for n, p in enumerate(change.new)]
    return sorted(old), sorted(new)


@given(versions())
def test_every_paragraph_is_rebuilt_exactly_once(pair: tuple[str, str]) -> None:
    rev = newsdiff.compare(*pair)
    old, new = _rebuilt(rev)
    assert old == [(p.index, p.text) for p in rev.old_article.paragraphs]
    assert new == [(p.index, p.text) for p in rev.new_article.paragraphs]


@given(versions())
def test_new_side_keeps_reading_order(pair: tuple[str, str]) -> None:
    rev = newsdiff.compare(*pair)
    order = [p.index for change in rev.changes for p in change.new]
    assert order == sorted(order)


@given(versions())
def test_identical_inputs_give_only_unchanged(pair: tuple[str, str]) -> None:
    rev = newsdiff.compare(pair[1], pair[1])
    assert {c.kind for c in rev.changes} == {ChangeKind.UNCHANGED}
    assert not any(c.typography_only for c in rev.changes)


MIRROR = {
    ChangeKind.ADDED: ChangeKind.REMOVED,
    ChangeKind.REMOVED: ChangeKind.ADDED,
    ChangeKind.SPLIT: ChangeKind.MERGED,
    ChangeKind.MERGED: ChangeKind.SPLIT,
}


def _links(rev: Revision, mirrored: bool = False) -> Counter[tuple[object, ...]]:
    out: Counter[tuple[object, ...]] = Counter()
    for c in rev.changes:
        old = tuple(p.index for p in c.old)
        new = tuple(p.index for p in c.new)
        kind = MIRROR.get(c.kind, c.kind) if mirrored else c.kind
        out[(kind, new, old) if mirrored else (kind, old, new)] += 1
    return out


def _distinct(text: str) -> bool:
    keys = [key(p.text) for p in newsdiff.parse(text).paragraphs]
    return len(keys) == len(set(keys))


@given(versions())
def test_compare_mirrors(pair: tuple[str, str]) -> None:
    """Swapping the sides swaps added/removed and split/merged, and nothing else.

    Paragraphs must be distinct: when one text repeats a paragraph word for word,
    which copy links where is a free choice and either side may make it."""
    assume(_distinct(pair[0]) and _distinct(pair[1]))
    forward = newsdiff.compare(*pair)
    backward = newsdiff.compare(pair[1], pair[0])
    assert _links(backward, mirrored=True) == _links(forward)


@given(versions())
def test_deterministic_and_json_round_trip(pair: tuple[str, str]) -> None:
    rev = newsdiff.compare(*pair)
    assert newsdiff.compare(*pair) == rev
    assert Revision.model_validate_json(rev.model_dump_json()) == rev


@given(st.text(), st.text())
def test_any_text_gives_a_revision_or_a_newsdiff_error(a: str, b: str) -> None:
    try:
        rev = newsdiff.compare(a, b)
    except NewsdiffError:
        return
    old, new = _rebuilt(rev)
    assert old == [(p.index, p.text) for p in rev.old_article.paragraphs]
    assert new == [(p.index, p.text) for p in rev.new_article.paragraphs]
    assert Revision.model_validate_json(rev.model_dump_json()) == rev


unicode_words = st.sampled_from(
    [
        "naïve",
        "e\u0301te\u0301",
        "👩\u200d👩\u200d👧",
        "👍🏽",
        "שלום",
        "مرحبا",
        "Zoë",
        "\u00a0",
        "—",
        "🇺🇦",
    ]
)


@given(st.lists(st.lists(unicode_words | st.sampled_from(WORDS), min_size=3), min_size=1))
def test_unicode_paragraphs_round_trip(paras: list[list[str]]) -> None:
    text = "\n\n".join(" ".join(p) + "." for p in paras)
    other = "\n\n".join(" ".join(reversed(p)) + "." for p in paras)
    try:
        rev = newsdiff.compare(text, other)
    except NewsdiffError:
        return
    old, new = _rebuilt(rev)
    assert old == [(p.index, p.text) for p in rev.old_article.paragraphs]
    assert new == [(p.index, p.text) for p in rev.new_article.paragraphs]
