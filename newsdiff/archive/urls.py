"""Which captures are the same article: URL normalisation and the page's canonical link.

* :func:`url_key` — a URL reduced to what names the article: no scheme, no ``www.``, no
  default port, no fragment, no tracking parameters, the remaining query sorted.
* :func:`canonical_link` — the URL a page declares as its own (``<link rel="canonical">``,
  else ``og:url``), read from the page's bytes without parsing the page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

__all__ = ["canonical_link", "url_key"]

# Query parameters that track a click rather than name a page.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl|"
    r"ocid|cmpid|ito|at_\w+|smid|sr_share|ref_src|share)$",
    re.I,
)
_DEFAULT_PORTS = {"http": "80", "https": "443"}


def url_key(url: str) -> str | None:
    """The article a URL names, as a comparable key; ``None`` for what is not an http(s)
    URL.

    >>> url_key("https://www.Example.org:443/news/story/?utm_source=x&b=2&a=1#top")
    'example.org/news/story?a=1&b=2'
    >>> url_key("http://example.org/news/story") == url_key("https://example.org/news/story/")
    True
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if scheme not in _DEFAULT_PORTS or not host:
        return None
    host = host.removeprefix("www.")
    if port is not None and str(port) != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    query = sorted(
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _TRACKING.match(name)
    )
    return host + path + (f"?{urlencode(query)}" if query else "")


# <link …> and <meta …> tags; attributes are read one by one, in any order and quoting.
_TAG = re.compile(rb"<(link|meta)\b([^>]{0,2000})>", re.I)
_ATTRIBUTE = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_HEAD_END = re.compile(rb"</head\s*>|<body\b", re.I)
_SCAN_BYTES = 262_144
"""How far into a page the canonical link is looked for: heads with inline scripts and
styles can be long, but the link is never past the head."""


def _attributes(raw: bytes) -> dict[bytes, str]:
    return {
        name.lower(): (a or b or c).decode("utf-8", "replace").strip()
        for name, a, b, c in _ATTRIBUTE.findall(raw)
    }


def canonical_link(page: bytes, base: str) -> str | None:
    """The canonical URL a page declares, made absolute against ``base``; ``None`` when
    it declares none, or declares its site's home page (a common template mistake that
    would make every article one).

    >>> page = b'<html><head><link href="/news/bridge-shut" rel="canonical"></head>'
    >>> canonical_link(page, "https://example.org/news/bridge-shut?page=2")
    'https://example.org/news/bridge-shut'
    """
    head = page[:_SCAN_BYTES]
    end = _HEAD_END.search(head)
    if end is not None:
        head = head[: end.start()]
    found: str | None = None
    for tag, raw in _TAG.findall(head):
        lowered = raw.lower()
        if b"canonical" not in lowered and b"og:url" not in lowered:
            continue  # most tags: no need to read their attributes
        attributes = _attributes(raw)
        if tag.lower() == b"link":
            if "canonical" in attributes.get(b"rel", "").lower().split():
                found = attributes.get(b"href")
                break
        elif found is None and attributes.get(b"property", "").lower() == "og:url":
            found = attributes.get(b"content")
    if not found:
        return None
    url = urljoin(base, found)
    key = url_key(url)
    if key is None or "/" not in key:  # not http(s), or the home page
        return None
    return url
