"""HTML export and the notebook hooks: structure, escaping, plain-text fallback."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from newsdiff.models import Presence
from newsdiff.render.html import revision_html
from tests.render_samples import against_canonical, demo_story, hostile_revision, hostile_story


class Tags(HTMLParser):
    """Every start tag and attribute of a page, as a browser would parse it."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(page)
    return parser.tags


def test_revision_page_is_standalone_and_marks_edits() -> None:
    page = against_canonical("v2").to_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in page
    assert '<del class="nd-minor">Kowalczyk</del>' in page
    assert '<ins class="nd-minor">Kowalczik</ins>' in page
    assert "moved from v5 ¶5" in page
    assert not re.search(r"(src|href)=\"?(https?:)?//", page)  # loads nothing


def test_inline_page() -> None:
    page = against_canonical("v3").to_html(view="inline", context=0)
    assert '<del class="nd-minor">Harbour</del><ins class="nd-minor">Harbor</ins>' in page
    assert "unchanged paragraph" in page


def test_story_page_links_every_cell_to_its_row() -> None:
    story = demo_story()
    page = story.to_html()
    ids = set(re.findall(r'id="([^"]+)"', page))
    links = re.findall(r'href="#([^"]+)"', page)
    carried = sum(
        cell.presence not in (Presence.ABSENT, Presence.CANONICAL, Presence.TRUNCATED)
        for row in story.rows
        for cell in row.cells.values()
    )
    assert len(links) == carried + len(story.revisions)  # every cell, every version name
    assert all(link in ids for link in links)
    assert page.count("<details open") == 4


def test_article_text_and_names_are_escaped() -> None:
    for page in (hostile_revision().to_html(), hostile_story().to_html()):
        tags = parse(page)
        names = {tag for tag, _ in tags}
        assert "script" not in names
        assert "img" not in names
        assert "b" not in names
        for _, attrs in tags:
            assert not any(k.startswith("on") for k in attrs)
            assert not any((v or "").startswith("javascript:") for v in attrs.values())
        assert "&lt;script&gt;window.__pwned" in page
        assert "[bold]markup[/bold]" in page
        assert "&amp;amp;" in page  # an entity in article text is shown, not decoded


def test_notebook_bundle_has_html_and_plain_text_without_ansi() -> None:
    rev = against_canonical("v2")
    bundle = rev._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert bundle["text/html"].startswith('<div class="nd"><style>')
    assert '<del class="nd-minor">Kowalczyk</del>' in bundle["text/html"]
    assert "\x1b" not in bundle["text/plain"]
    assert "[-Kowalczyk-]" in bundle["text/plain"]
    story = demo_story()._repr_mimebundle_()
    assert "nd-map" in story["text/html"]
    assert "\x1b" not in story["text/plain"]


def test_fragments_on_one_page_get_distinct_ids() -> None:
    rev = against_canonical("v2")
    first, second = revision_html(rev), revision_html(rev)
    assert set(re.findall(r'id="([^"]+)"', first)).isdisjoint(re.findall(r'id="([^"]+)"', second))
