"""newsdiff.parse.html_coverage: aligning an extractor's text onto a page's pieces."""

from __future__ import annotations

import pytest

from newsdiff.parse.html_coverage import Unit, align, squeeze, units

LONG = "The harbour board voted on Tuesday to rebuild the north quay wall before winter."
OTHER = "Work will start in October and take about eleven weeks, the board said."


def kept(pieces: list[str], extracted: list[Unit]) -> list[float]:
    return [round(c.kept, 2) for c in align(pieces, extracted).pieces]


def test_whole_units_cover_their_pieces() -> None:
    pieces = ["Home", LONG, "Share", OTHER, "© 2024"]
    assert kept(pieces, [Unit(LONG, False), Unit(OTHER, False)]) == [0, 1, 0, 1, 0]


def test_a_unit_spanning_pieces_covers_each() -> None:
    # The page split a paragraph with <br>; the extractor joined it.
    first, second = LONG.split(" to rebuild ")
    pieces = ["Home", first, "to rebuild " + second, "Share"]
    assert kept(pieces, [Unit(LONG, False)]) == [0, 1, 1, 0]


def test_white_space_case_and_soft_hyphens_do_not_matter() -> None:
    pieces = [LONG]
    assert kept(pieces, [Unit("  " + LONG.upper().replace(" ", "\n  ") + " ", False)]) == [1]
    assert kept(["Mit\xadtel\xadal\xadter " + OTHER], [Unit("Mittelalter " + OTHER, False)]) == [1]


def test_text_the_extractor_cut_from_a_paragraph_stays_uncovered() -> None:
    # An ad label inside the paragraph on the page, gone from the extractor's text.
    page = "The harbour board voted on Tuesday Advertisement to rebuild the north quay wall."
    extracted = "The harbour board voted on Tuesday to rebuild the north quay wall."
    share = align([page], [Unit(extracted, False)]).pieces[0].kept
    assert 0.7 < share < 1.0


def test_short_units_match_only_between_their_neighbours() -> None:
    # "Share" is also a menu item before the article: only the one inside it is covered.
    pieces = ["Share", LONG, "Share", OTHER]
    extracted = [Unit(LONG, False), Unit("Share", False), Unit(OTHER, False)]
    assert kept(pieces, extracted) == [0, 1, 1, 1]


def test_headings() -> None:
    pieces = ["Next steps", LONG]
    result = align(pieces, [Unit("Next steps", True), Unit(LONG, False)]).pieces
    assert [c.heading for c in result] == [1.0, 0.0]


def test_text_not_on_the_page_is_reported_in_reading_order() -> None:
    hidden = "This paragraph lives only in the page's data, for a script to show."
    result = align(["Home", LONG, "Footer"], [Unit(LONG, False), Unit(hidden, False)])
    assert [(position, unit.text) for position, unit in result.unmatched] == [(2, hidden)]
    assert result.hidden == pytest.approx(len(squeeze(hidden)) / len(squeeze(LONG + hidden)))
    assert align(["Home"], []).hidden == 0.0


def test_units_of_an_extractor_tree() -> None:
    etree = pytest.importorskip("lxml.etree")

    body = etree.fromstring(
        "<body><head>Next steps</head><p>One <hi>two</hi><lb/>three</p>"
        "<quote><p>Quoted one.</p><p>Quoted two.</p></quote><list><item>Item</item></list>"
        "loose tail</body>"
    )
    assert [(u.text, u.heading) for u in units(body)] == [
        ("Next steps", True),
        ("One twothree", False),
        ("Quoted one.", False),
        ("Quoted two.", False),
        ("Item", False),
        ("loose tail", False),
    ]
    assert units(None) == []
