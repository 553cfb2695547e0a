"""The plain-text body model: its features, its tree evaluation, and what parse makes of it."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff import parse
from newsdiff.models import BlockKind
from newsdiff.parse import features, model
from newsdiff.parse.kinds import classify
from newsdiff.parse.lines import paragraphs

GERMAN_PAGE = """Startseite
Politik
Wirtschaft
Sport
Kultur
Suche
Anmelden
Stadtrat beschließt neuen Radweg am Hafen
Von Anna Berger
Der Stadtrat hat am Dienstagabend mit großer Mehrheit beschlossen, dass entlang der Hafenstraße ein neuer Radweg gebaut wird. Die Arbeiten sollen im Frühjahr beginnen und bis zum Herbst abgeschlossen sein.
Nach Angaben der Verwaltung kostet das Vorhaben rund 1,2 Millionen Euro, von denen das Land etwa die Hälfte übernimmt. Die Opposition hatte eine günstigere Variante gefordert, konnte sich damit aber nicht durchsetzen.
Anwohner hatten sich in den vergangenen Monaten immer wieder über gefährliche Situationen an der Kreuzung beschwert. Eine Bürgerinitiative sammelte mehr als 3000 Unterschriften für den Umbau.
Die Bürgermeisterin sprach nach der Abstimmung von einem wichtigen Schritt für die Verkehrswende in der Stadt und kündigte weitere Projekte an.
Mehr zum Thema
Neue Buslinie ab Montag
Parkgebühren steigen
Impressum
Datenschutz
Kontakt
"""


def test_a_german_article_is_found_between_menu_and_footer() -> None:
    article = parse(GERMAN_PAGE)
    body = [b.text for b in article.blocks if b.is_body]
    assert len(body) == 4
    assert body[0].startswith("Der Stadtrat hat am Dienstagabend")
    assert body[-1].startswith("Die Bürgermeisterin")
    kinds = {b.text: b.kind for b in article.blocks}
    assert kinds["Startseite"].is_boilerplate
    assert kinds["Impressum"].is_boilerplate
    assert kinds["Stadtrat beschließt neuen Radweg am Hafen"] is BlockKind.HEADLINE


def test_a_forest_goes_left_on_less_or_equal() -> None:
    # One tree: x[1] <= 0.5 → leaf -2, else leaf +2; baseline 0.
    forest = model.Forest(
        0.0, (0,), (1, -1, -1), (0.5, 0.0, 0.0), (1, -1, -1), (2, -1, -1), (0.0, -2.0, 2.0)
    )
    probs = model.probabilities(forest.scorer(), [[9.0, 9.0, 9.0], [0.4, 0.5, 0.6]])
    expected = [1 / (1 + math.exp(2)), 1 / (1 + math.exp(2)), 1 / (1 + math.exp(-2))]
    assert probs == expected


def test_features_have_one_value_per_line_and_name() -> None:
    lines = ["Home | News", "The council met on Monday, and it voted.", "© 2024 example.com", ""]
    base = features.base_features(lines, [False, False, True, False])
    assert len(base) == len(features.BASE_NAMES)
    assert all(len(column) == len(lines) for column in base)
    named = dict(zip(features.BASE_NAMES, (column[1] for column in base), strict=True))
    assert named["sentence_end"] == 1.0
    assert named["stop_share"] > 0.3
    assert base[features.BASE_NAMES.index("urlish")] == [0.0, 0.0, 1.0, 0.0]
    assert base[features.BASE_NAMES.index("separators_per_word")][0] == 1 / 3
    assert base[features.BASE_NAMES.index("cue")] == [0.0, 0.0, 1.0, 0.0]
    stage1 = features.stage1_columns(base)
    stage2 = features.stage2_columns([0.1, 0.9, 0.2, 0.1], base, stage1)
    assert all(len(column) == len(lines) for column in stage1 + stage2)
    assert len(stage2) > len(stage1)


text_lines = st.lists(
    st.text(
        alphabet=st.characters(
            whitelist_categories=("L", "N", "P", "S", "Zs"), blacklist_characters="<"
        ),
        max_size=80,
    ),
    max_size=30,
)


@given(
    st.text(alphabet="aZé\u0301ß2٣²_ \t.,;'\"(«»-–/", max_size=40)
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=60)
)
def test_words_are_the_word_pattern_matches(line: str) -> None:
    # The fast path (split, strip punctuation, keep the alphabetic tokens) finds exactly
    # what the regular expression finds.
    assert sorted(features._words(line)) == sorted(features._WORD.findall(line))


def test_the_inputs_the_trees_use_are_those_of_all_inputs() -> None:
    lines = [line for line in GERMAN_PAGE.splitlines() if line]
    base = features.base_features(lines, [False] * len(lines))
    every = features.stage1_columns(base)
    needed = {1, 40, len(every) - 1}
    page = features.Page(base, needed)
    some = page.stage1(range(page.lines))
    assert all(some[k] == every[k] for k in needed)
    # The neighbours' values and window means that no tree uses are left empty.
    assert sum(1 for column in some if column) < len(every) - 60


@given(st.integers(0, 40), st.integers(0, 30))
def test_windows_are_clipped_to_the_page(n: int, radius: int) -> None:
    window = features.Window(n, radius)
    positions = list(range(n + 1))
    los, his = window.starts(positions), window.ends(positions)
    assert los == [max(0, i - radius) for i in range(n)]
    assert his == [min(n, i + radius + 1) for i in range(n)]
    assert window.counts == [max(1, hi - lo - 1) for lo, hi in zip(los, his, strict=True)]


def test_stage_two_runs_only_where_stage_one_is_unsure() -> None:
    lines = [line for line in GERMAN_PAGE.splitlines() if line]
    cues = [False] * len(lines)
    stage1, _, _ = model._load()
    first = model.probabilities(
        stage1, features.stage1_columns(features.base_features(lines, cues))
    )
    final = model.body_probabilities(lines, cues)
    assert any(model.is_sure(p) for p in first)
    assert not all(map(model.is_sure, first))
    assert all(f == p for f, p in zip(final, first, strict=True) if model.is_sure(p))
    assert any(f != p for f, p in zip(final, first, strict=True) if not model.is_sure(p))


def test_stage_two_inputs_of_some_lines_are_those_of_all_lines() -> None:
    lines = [line for line in GERMAN_PAGE.splitlines() if line] * 3
    base = features.base_features(lines, [False] * len(lines))
    page = features.Page(base)
    stage1 = page.stage1(range(page.lines))
    probs = [(i * 0.37) % 1.0 for i in range(page.lines)]
    around = page.around(probs)
    every = page.stage2(probs, around, stage1, range(page.lines))
    # A stretch in the middle of the page, and some of its lines.
    rows, picked = range(10, 40), [0, 3, 4, 17, 29]
    some = page.stage2(probs, around, [c[10:40] for c in stage1], rows, picked)
    assert some == [[column[10 + i] for i in picked] for column in every]
    # Line by line, the window means are those of the whole-column computation.
    means = every[len(stage1) + 1 + len(features._OFFSETS) :][: len(features._STAGE2_RADII)]
    running = features._running(probs)
    for radius, column in zip(features._STAGE2_RADII, means, strict=True):
        window = features.Window(page.lines, radius)
        assert column == window.means(probs, running)


def test_a_long_page_is_scored_stretch_by_stretch(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [line for line in GERMAN_PAGE.splitlines() if line] * 20
    cues = [False] * len(lines)
    whole = model.body_probabilities(lines, cues)
    monkeypatch.setattr(features, "STRETCH", 37)
    stretches = features.Page(features.base_features(lines, cues)).stretches()
    assert [i for rows in stretches for i in rows] == list(range(len(lines)))
    assert len(stretches) > 5
    parts = model.body_probabilities(lines, cues)
    assert parts == whole  # to the last bit: the trees split on exact values


@given(text_lines)
def test_every_line_gets_one_probability(lines: list[str]) -> None:
    probs = model.body_probabilities(lines, [False] * len(lines))
    assert len(probs) == len(lines)
    assert all(0.0 <= p <= 1.0 for p in probs)
    assert probs == model.body_probabilities(lines, [False] * len(lines))


@given(text_lines)
def test_parse_keeps_every_line_in_exactly_one_block(lines: list[str]) -> None:
    text = "\n".join(lines)
    if not text.strip():
        return
    article = parse(text)
    expected = [p.text for p in paragraphs(text)]
    assert [b.source for b in article.blocks] == expected


def test_prose_that_ends_the_text_after_the_body_stays_body() -> None:
    lines = [
        "Home",
        "News",
        "Council votes for a new cycle lane",
        "The council voted on Tuesday evening to build a cycle lane along the harbour road.",
        "Work is due to start in the spring and to be finished by the autumn, officials said.",
        "Residents had complained for months about dangerous crossings near the harbour.",
        "The mayor called the vote an important step and promised more projects soon.",
        "“We have waited long enough for this,” one resident said after the meeting ended.",
    ]

    def doubts_the_end(page: Sequence[str], cues: Sequence[bool]) -> list[bool]:
        return [i >= 3 and line[-1] == "." and line[0] != "“" for i, line in enumerate(page)]

    kinds = classify(lines, doubts_the_end)
    assert kinds[-1] is BlockKind.BODY
    # Boilerplate after it: the doubt stands.
    kinds = classify([*lines, "Related stories"], doubts_the_end)
    assert kinds[-2].is_boilerplate
