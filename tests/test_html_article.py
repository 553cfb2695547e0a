"""newsdiff.parse.html_article: which pieces of a page are its article.

The pieces here are built by hand, with trafilatura's verdict given as coverage, so each
test checks one correction rule on its own.
"""

from __future__ import annotations

from newsdiff.models import BlockKind
from newsdiff.parse.html_article import article_verdicts, prose_left_out
from newsdiff.parse.html_coverage import Coverage
from newsdiff.parse.html_visible import Hint, Piece

KEPT = Coverage(1.0, 0.0)
DROPPED = Coverage(0.0, 0.0)
PROSE = (
    "The harbour board voted on Tuesday to rebuild the north quay wall before the winter "
    "storms, after divers found that the old stones had shifted by almost a metre."
)
MORE = (
    "Work will start in October and is expected to take about eleven weeks, the board said, "
    "with boats moved to the south quay while the wall is rebuilt."
)
# Element positions: 1 is the article's wrapper, 2 and up are boxes inside it.
WRAPPER = 1


def piece(
    text: str, *hints: tuple[int, BlockKind, int], tag: str = "p", links: float = 0.0
) -> Piece:
    return Piece(text, 0, tag, tuple(Hint(d, k, e) for d, k, e in hints), links)


def body(n: int, *wrapper: tuple[int, BlockKind, int]) -> list[Piece]:
    return [piece(f"{PROSE} ({i})", *wrapper) for i in range(n)]


def test_trafilatura_decides_by_default() -> None:
    pieces = [piece(PROSE), piece(MORE), piece("Share")]
    assert article_verdicts(pieces, [KEPT, KEPT, DROPPED]) == [BlockKind.BODY, BlockKind.BODY, None]


def test_headings_and_the_h1() -> None:
    pieces = [piece("Quay wall to be rebuilt", tag="h1"), piece("The vote", tag="h2"), piece(PROSE)]
    kept = [KEPT, Coverage(1.0, 1.0), KEPT]
    assert article_verdicts(pieces, kept) == [
        BlockKind.HEADLINE,
        BlockKind.SUBHEADING,
        BlockKind.BODY,
    ]


def test_a_named_box_inside_the_article_is_set_aside() -> None:
    wrapper = (2, BlockKind.SUMMARY, WRAPPER)  # "entry-summary" around the whole article
    pieces = [
        *body(4, wrapper),
        piece("Share this story on Facebook or by email", (1, BlockKind.SHARE, 2), wrapper),
        piece("Get the harbour newsletter every Friday", (2, BlockKind.NEWSLETTER, 3), wrapper),
        piece(MORE, wrapper),
    ]
    verdicts = article_verdicts(pieces, [KEPT] * len(pieces))
    assert verdicts == [BlockKind.BODY] * 4 + [None, None, BlockKind.BODY]


def test_an_element_holding_most_of_the_article_is_its_container_whatever_its_name() -> None:
    # The failure this rule prevents: every paragraph in a "summary", "byline",
    # "related", "promo" or "footer"-named wrapper labelled boilerplate.
    for kind in (BlockKind.SUMMARY, BlockKind.BYLINE, BlockKind.PROMO, BlockKind.SHARE):
        for distance in (0, 1, 3):
            pieces = body(5, (distance, kind, WRAPPER))
            assert article_verdicts(pieces, [KEPT] * 5) == [BlockKind.BODY] * 5, (kind, distance)


def test_far_or_ambiguous_names_do_not_set_text_aside() -> None:
    pieces = [
        *body(4),
        piece(MORE, (1, BlockKind.CAPTION, 2)),  # a caption class two levels up: too far
        piece(MORE, (0, BlockKind.RELATED, 3)),  # sites call article parts "related" too
        piece(MORE, (4, BlockKind.SHARE, 4)),  # a share box four levels up: too far
    ]
    assert article_verdicts(pieces, [KEPT] * 7) == [BlockKind.BODY] * 7


def test_a_piece_that_names_itself_is_set_aside() -> None:
    pieces = [*body(4), piece("Councillors met on Tuesday.", (0, BlockKind.SUMMARY, 2))]
    assert article_verdicts(pieces, [KEPT] * 5)[-1] is None


def test_a_link_in_a_named_box_is_set_aside_under_any_name() -> None:
    pieces = [*body(4), piece("Comments (3)", (1, BlockKind.COMMENTS, 2), links=1.0)]
    assert article_verdicts(pieces, [KEPT] * 5)[-1] is None
    pieces = [*body(4), piece("Comments (3)", (1, BlockKind.COMMENTS, 2), links=0.0)]
    assert article_verdicts(pieces, [KEPT] * 5)[-1] is BlockKind.BODY


def test_the_lede_trafilatura_left_out_is_recovered() -> None:
    pieces = [
        piece("Home › News"),
        piece(PROSE),  # the lede, in an element of its own
        piece("By Ada Crane", (0, BlockKind.BYLINE, 2)),
        piece("3 June 2024", (0, BlockKind.TIMESTAMP, 3)),
        piece(MORE),
    ]
    verdicts = article_verdicts(pieces, [DROPPED, DROPPED, DROPPED, DROPPED, KEPT])
    assert verdicts == [None, BlockKind.BODY, None, None, BlockKind.BODY]


def test_only_prose_right_before_the_article_is_recovered() -> None:
    label = piece("Most read")
    short = piece("Quay wall to be rebuilt.")
    named = piece(PROSE, (1, BlockKind.PROMO, 2))
    linked = piece(PROSE, links=0.9)
    unfinished = piece(PROSE.removesuffix("."))
    for lede in (short, named, linked, unfinished):
        pieces = [lede, piece(MORE)]
        assert article_verdicts(pieces, [DROPPED, KEPT])[0] is None, lede
    # Three other pieces between: too far.
    pieces = [piece(PROSE), label, label, label, piece(MORE)]
    assert article_verdicts(pieces, [DROPPED] * 4 + [KEPT])[0] is None


def test_a_heading_that_introduces_article_text_is_recovered() -> None:
    pieces = [*body(2), piece("What happens next", tag="h3"), piece(MORE)]
    verdicts = article_verdicts(pieces, [KEPT, KEPT, DROPPED, KEPT])
    assert verdicts[2] is BlockKind.SUBHEADING
    # Not one that introduces a box, nor one in a named box.
    pieces = [*body(2), piece("More on this story", tag="h3"), piece("Quay closes", links=1.0)]
    assert article_verdicts(pieces, [KEPT, KEPT, DROPPED, DROPPED])[2] is None
    pieces = [*body(2), piece("Related", (1, BlockKind.RELATED, 2), tag="h3"), piece(MORE)]
    assert article_verdicts(pieces, [KEPT, KEPT, DROPPED, KEPT])[2] is None


def test_prose_left_out_counts_long_sentences_only() -> None:
    pieces = [piece(PROSE), piece(MORE), piece("Home"), piece("Read more about the harbour")]
    assert prose_left_out(pieces, [KEPT, DROPPED, DROPPED, DROPPED]) == len(MORE)
