"""What a page says about itself: title, author, dates, canonical URL and site name.

Read from the structured data publishers put in their pages for search engines and
social networks: ``<meta>`` tags (Open Graph, ``article:*``, Dublin Core, ``itemprop``),
JSON-LD (schema.org ``NewsArticle`` and kin), ``<link rel="canonical">`` and
``<time itemprop="datePublished">``. Only a page that declares no publication date
at all is searched with htmldate (its quick search: meta tags, the URL, ``<time>``
elements and common date classes), with a fixed latest date so results do not
depend on the day they are computed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from types import ModuleType
from typing import Any

__all__ = ["PageFacts", "page_facts"]

_ARTICLE_TYPES = re.compile(r"article$|posting$|^report$|^review$|^recipe$", re.I)
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
_AUTHOR_KEYS = (
    "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author",
    "sailthru.author", "byl", "citation_author",
)  # fmt: skip
_SITE_KEYS = ("og:site_name", "application-name", "twitter:app:name:iphone")
_URL_KEYS = ("og:url", "twitter:url")
_PUBLISHED_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "datecreated",
    "date", "pubdate", "publishdate", "publish-date", "publish_date", "dc.date",
    "dc.date.issued", "dcterms.issued", "dcterms.created", "sailthru.date",
    "parsely-pub-date", "citation_publication_date", "article.published",
)  # fmt: skip
_UPDATED_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "last-modified",
    "dcterms.modified", "dc.date.modified", "article.updated",
)  # fmt: skip
_SPACE = re.compile(r"\s+")
_TITLE_SEPARATOR = re.compile(r"\s+(?:[|·•»:]{1,2}|[-–—])\s+")
_EARLIEST, _LATEST = 1990, 2199


@dataclass(frozen=True, slots=True)
class PageFacts:
    title: str | None = None
    author: str | None = None
    url: str | None = None
    site_name: str | None = None
    published: str | None = None
    updated: str | None = None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return _SPACE.sub(" ", value).strip() or None


def _meta_tags(root: Any) -> dict[str, str]:
    """``<meta>`` contents by property, name or itemprop (lower case), and the dates of
    elements marked ``itemprop="datePublished"`` or ``"dateModified"``; first one wins."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = _clean(meta.get("content"))
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            label = meta.get(attribute)
            if label:
                found.setdefault(label.strip().lower(), content)
    for element in root.xpath("//*[@itemprop='datePublished' or @itemprop='dateModified']"):
        value = _clean(element.get("datetime") or element.get("content"))
        if value is not None:
            found.setdefault(element.get("itemprop").lower(), value)
    return found


def _json_ld(root: Any) -> list[dict[str, Any]]:
    """JSON-LD objects, article-like ones first."""
    objects: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue  # broken JSON-LD is common; the page's other data still counts
        objects.extend(_objects(data))

    def article_like(obj: dict[str, Any]) -> bool:
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        return any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds)

    return sorted(objects, key=lambda obj: not article_like(obj))


def _objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 3:
        return
    if isinstance(data, list):
        for item in data:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        yield from _objects(data.get("@graph"), depth + 1)


def _names(value: Any) -> str | None:
    """A schema.org author or publisher (a string, a Person, or a list of them) as text."""
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value[:10]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    if isinstance(value, dict):
        return _clean(value.get("name"))
    return _clean(value)


def _from_json(objects: list[dict[str, Any]], field: str) -> Any:
    return next((obj[field] for obj in objects if obj.get(field)), None)


def iso_date(value: str | None) -> str | None:
    """A declared date as ISO 8601, as precise as it is given; ``None`` if unreadable.

    >>> iso_date("2024-01-17T06:02:00Z")
    '2024-01-17T06:02:00+0000'
    >>> iso_date("2023-09-12")
    '2023-09-12'
    """
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) <= 10:
            day = date.fromisoformat(text)
            return day.isoformat() if _EARLIEST <= day.year <= _LATEST else None
        moment = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        return None
    if not _EARLIEST <= moment.year <= _LATEST:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%S" + ("%z" if moment.tzinfo else ""))


def _first_date(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((found for label in keys if (found := iso_date(meta.get(label)))), None)


def _title(meta: dict[str, str], objects: list[dict[str, Any]], root: Any) -> str | None:
    for label in _TITLE_KEYS:
        if meta.get(label):
            return meta[label]
    headline = _clean(_from_json(objects, "headline"))
    if headline:
        return headline
    title = next(root.iter("title"), None)
    text = _clean(title.text_content() if title is not None else None)
    if text is None:
        return None
    # "Headline | Site name": the longest part is the headline.
    return max(_TITLE_SEPARATOR.split(text), key=len)


def _url(meta: dict[str, str], objects: list[dict[str, Any]], root: Any) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = _clean(link.get("href"))
            if href and href.startswith(("http://", "https://")):
                return href
    for label in _URL_KEYS:
        if meta.get(label, "").startswith(("http://", "https://")):
            return meta[label]
    page = _from_json(objects, "mainEntityOfPage") or _from_json(objects, "url")
    page = page.get("@id") if isinstance(page, dict) else page
    return page if isinstance(page, str) and page.startswith(("http://", "https://")) else None


def _author(meta: dict[str, str], objects: list[dict[str, Any]]) -> str | None:
    from_json = _names(_from_json(objects, "author"))
    if from_json:
        return from_json
    for label in _AUTHOR_KEYS:
        value = meta.get(label)
        # A profile URL or a single word (a site's handle) is not a byline.
        if value and " " in value and not value.startswith(("http://", "https://")):
            return value.removeprefix("By ").removeprefix("by ")
    return None


def page_facts(root: Any, htmldate: ModuleType) -> PageFacts:
    """The facts ``root``'s page declares about itself (see the module docstring)."""
    meta = _meta_tags(root)
    objects = _json_ld(root)
    published = iso_date(_clean(_from_json(objects, "datePublished"))) or _first_date(
        meta, _PUBLISHED_KEYS
    )
    updated = iso_date(_clean(_from_json(objects, "dateModified"))) or _first_date(
        meta, _UPDATED_KEYS
    )
    if published is None:
        published = _search_date(htmldate, root)
    if updated is not None and published is not None and updated <= published:
        updated = None  # not an update; ISO strings of one page compare in time order
    site = next((meta[label] for label in _SITE_KEYS if meta.get(label)), None)
    return PageFacts(
        title=_title(meta, objects, root),
        author=_author(meta, objects),
        url=_url(meta, objects, root),
        site_name=site or _names(_from_json(objects, "publisher")),
        published=published,
        updated=updated,
    )


def _search_date(htmldate: ModuleType, root: Any) -> str | None:
    try:
        found = htmldate.find_date(
            root,
            extensive_search=False,
            original_date=True,
            outputformat="%Y-%m-%dT%H:%M:%S%z",
            min_date=f"{_EARLIEST}-01-01",
            max_date=f"{_LATEST}-12-31",
        )
    except Exception:  # htmldate is best-effort; a date it cannot read is just absent
        return None
    if not isinstance(found, str):
        return None
    # htmldate pads a date it only knows to the day with midnight: keep what the page says.
    return found.removesuffix("T00:00:00")
