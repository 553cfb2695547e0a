"""newsdiff.parse.html_visible: a page's visible text as pieces, with their hints."""

from __future__ import annotations

import pytest

from newsdiff.errors import InputError
from newsdiff.models import BlockKind
from newsdiff.parse.html_visible import Piece, clean_text, element_hint, visible_pieces

lxml_html = pytest.importorskip("lxml.html")


def pieces(body: str, max_elements: int = 10_000) -> list[Piece]:
    root = lxml_html.document_fromstring(
        f"<html><head><title>t</title></head><body>{body}</body></html>"
    )
    return visible_pieces(root, max_elements)


def kinds(piece: Piece) -> list[tuple[int, str]]:
    return [(h.distance, h.kind.value) for h in piece.hints]


def test_blocks_lines_and_invisible_elements() -> None:
    found = pieces(
        "<p>One <b>bold</b> line<br>and a second</p><script>var x = '<p>no</p>';</script>"
        "<ul><li>Item</li></ul><style>p{}</style><svg><text>no</text></svg><div>Last</div>"
    )
    assert [p.text for p in found] == ["One bold line", "and a second", "Item", "Last"]
    assert [p.tag for p in found] == ["p", "p", "li", "div"]


def test_hints_nearest_first_with_distances() -> None:
    found = pieces(
        '<footer><div class="social-links"><p><a href="#">Follow us</a></p></div></footer>'
        '<div class="entry-content"><p>Text</p></div>'
    )
    assert kinds(found[0]) == [(1, "share"), (2, "footer")]
    assert kinds(found[1]) == []
    # Each hint names its element: the same element, the same identity.
    assert found[0].hints[0].element != found[0].hints[1].element


def test_inline_elements_with_a_role_of_their_own() -> None:
    found = pieces(
        '<div><span class="byline">By <a rel="author" href="#">Ada Crane</a></span>'
        '<time datetime="2024-06-03">3 June</time></div>'
        '<p>Read <a class="share" href="#">this</a> inside a paragraph.</p>'
    )
    assert [(p.text, p.hints[0].kind.value if p.hints else None) for p in found] == [
        ("By Ada Crane", "byline"),
        ("3 June", "timestamp"),
        ("Read this inside a paragraph.", None),
    ]


def test_text_before_a_block_inside_an_inline_box_keeps_its_own_hints() -> None:
    # An ad box (inline, with a block inside) interrupting a paragraph's text: the text
    # before it belongs to the paragraph, not to the ad.
    found = pieces(
        '<div>Konkret heißt das <span class="ad-slot"><div>Anzeige</div></span> mehr.</div>'
    )
    assert [(p.text, kinds(p)) for p in found] == [
        ("Konkret heißt das", []),
        ("Anzeige", [(1, "advertisement")]),
        ("mehr.", []),
    ]


def test_link_share() -> None:
    found = pieces('<p><a href="#">Comments (3)</a></p><p>Half <a href="#">link</a></p><p>None</p>')
    assert [round(p.link_share, 2) for p in found] == [1.0, 0.5, 0.0]


def test_text_is_clean() -> None:
    assert clean_text("  Mit\xadtel\xadal\xadter \n\t uses  soft hyphens ") == (
        "Mittelalter uses soft hyphens"
    )
    assert clean_text("Cafe\u0301") == "Café"  # NFC
    found = pieces("<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp></ruby>字を読む</p>")
    assert [p.text for p in found] == ["漢字を読む"]


def test_source_lines() -> None:
    root = lxml_html.document_fromstring(
        "<html><body>\n<p>One</p>\n<p>Two<br>\nThree</p></body></html>"
    )
    assert [(p.text, p.line) for p in visible_pieces(root, 100)] == [
        ("One", 1),
        ("Two", 2),
        ("Three", 3),
    ]


def test_too_many_elements() -> None:
    with pytest.raises(InputError, match="more than 10 elements"):
        pieces("<p>x</p>" * 20, max_elements=10)


@pytest.mark.parametrize(
    ("attributes", "expected"),
    [
        ('class="share-bar"', BlockKind.SHARE),
        ('class="readMore"', BlockKind.RELATED),  # camelCase is two words
        ('class="read-more-link"', BlockKind.RELATED),
        ('class="ad-slot"', BlockKind.ADVERTISEMENT),
        ('class="adslot"', BlockKind.ADVERTISEMENT),
        ('class="header-ads"', BlockKind.ADVERTISEMENT),
        ('class="loading shadow"', None),  # "ad" inside a word is not an ad
        ('class="post-date"', BlockKind.TIMESTAMP),
        ('class="article-body"', None),
        ('id="comments"', BlockKind.COMMENTS),
        ('class="editors-note"', BlockKind.CORRECTION),
        ('class="cookie-consent newsletter"', BlockKind.COOKIE),  # the more specific first
        ('role="navigation"', BlockKind.NAVIGATION),
        ('class="entry-content"', None),
        ("", None),
    ],
)
def test_element_hints(attributes: str, expected: BlockKind | None) -> None:
    element = lxml_html.fragment_fromstring(f"<div {attributes}>x</div>")
    assert element_hint(element, "div", in_article=False) is expected


def test_tag_hints_and_the_story_header() -> None:
    nav = lxml_html.fragment_fromstring("<nav>x</nav>")
    header = lxml_html.fragment_fromstring("<header>x</header>")
    assert element_hint(nav, "nav", in_article=False) is BlockKind.NAVIGATION
    assert element_hint(header, "header", in_article=False) is BlockKind.NAVIGATION
    assert element_hint(header, "header", in_article=True) is None
