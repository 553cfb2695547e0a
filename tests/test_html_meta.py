"""newsdiff.parse.html_meta: what a page declares about itself."""

from __future__ import annotations

import pytest

from newsdiff.parse.html_meta import iso_date, page_facts

lxml_html = pytest.importorskip("lxml.html")
htmldate = pytest.importorskip("htmldate")


def facts(head: str, body: str = "<p>Text.</p>") -> dict[str, str | None]:
    root = lxml_html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    found = page_facts(root, htmldate)
    return {
        "title": found.title,
        "author": found.author,
        "url": found.url,
        "site": found.site_name,
        "published": found.published,
        "updated": found.updated,
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-01-17T06:02:00Z", "2024-01-17T06:02:00+0000"),
        ("2024-01-17T06:02:00.000+02:00", "2024-01-17T06:02:00+0200"),
        ("2024-01-17 06:02:00", "2024-01-17T06:02:00"),
        ("2023-09-12", "2023-09-12"),
        ("20230912", "2023-09-12"),
        ("  2023-09-12  ", "2023-09-12"),
        ("12 September 2023", None),  # not ISO: left to the date search
        ("1890-01-01", None),  # out of range
        ("", None),
        (None, None),
    ],
)
def test_iso_date(value: str | None, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_open_graph_and_article_tags() -> None:
    found = facts(
        '<meta property="og:title" content="Quay wall to be rebuilt">'
        '<meta property="og:site_name" content="Harbour News">'
        '<meta property="og:url" content="https://harbour.example/quay">'
        '<meta property="article:published_time" content="2024-06-03T08:00:00+01:00">'
        '<meta property="article:modified_time" content="2024-06-03T12:30:00+01:00">'
        '<meta name="author" content="Ada Crane">'
    )
    assert found == {
        "title": "Quay wall to be rebuilt",
        "author": "Ada Crane",
        "url": "https://harbour.example/quay",
        "site": "Harbour News",
        "published": "2024-06-03T08:00:00+0100",
        "updated": "2024-06-03T12:30:00+0100",
    }


def test_json_ld_wins_and_reads_graphs_and_lists() -> None:
    found = facts(
        '<meta name="author" content="Web Desk">'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "x"},'
        ' {"@type": ["NewsArticle"], "headline": "Quay wall", "datePublished": "2024-06-03",'
        ' "author": [{"name": "Ada Crane"}, {"name": "Ben Oduya"}, "Ada Crane"],'
        ' "publisher": {"@type": "Organization", "name": "Harbour News"},'
        ' "mainEntityOfPage": {"@id": "https://harbour.example/quay"}}]}</script>'
        '<script type="application/ld+json">{ broken json </script>'
    )
    assert found["author"] == "Ada Crane, Ben Oduya"
    assert found["site"] == "Harbour News"
    assert found["url"] == "https://harbour.example/quay"
    assert found["published"] == "2024-06-03"
    assert found["title"] == "Quay wall"


def test_title_canonical_link_and_body_dates() -> None:
    found = facts(
        "<title>Quay wall to be rebuilt | Harbour News</title>"
        '<link rel="canonical" href="https://harbour.example/quay">',
        '<p>Text.</p><time itemprop="datePublished" datetime="2024-06-03T08:00">3 June</time>',
    )
    assert found["title"] == "Quay wall to be rebuilt"
    assert found["url"] == "https://harbour.example/quay"
    assert found["published"] == "2024-06-03T08:00:00"


def test_an_update_is_later_than_the_publication() -> None:
    same = facts(
        '<meta property="article:published_time" content="2024-06-03T08:00:00Z">'
        '<meta property="article:modified_time" content="2024-06-03T08:00:00Z">'
    )
    assert same["updated"] is None


def test_no_byline_from_handles_or_profile_links() -> None:
    assert facts('<meta name="author" content="harbournews">')["author"] is None
    assert (
        facts('<meta property="article:author" content="https://x.example/ada">')["author"] is None
    )


def test_a_page_that_declares_no_date_is_searched() -> None:
    # No meta tag, no JSON-LD: the date search (htmldate) reads it from the page.
    found = facts("<title>Quay</title>", '<p class="date">Posted on 3 June 2024</p><p>Text.</p>')
    assert found["published"] == "2024-06-03"
    assert facts("<title>Quay</title>")["published"] is None
