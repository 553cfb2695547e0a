"""Write harbour-crawl.warc.gz: a small crawl of a made-up news site, for the examples.

The pages are original fiction: the built-in demo story (``newsdiff.demo``) and the
ferry-strike story of ``examples/corpus``, each line of a version a paragraph of a page.
The crawl holds what real crawls hold: three captures of the bridge story as it was
rewritten (one of them twice, unchanged), two of the ferry story, a request record, an
image and a page that was not found. Run it again to rebuild the same bytes:

    python examples/archive/make_crawl.py
"""

from __future__ import annotations

import io
from html import escape
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsdiff.demo import demo_versions

HERE = Path(__file__).resolve().parent
SITE = "https://www.kelby-gazette.example"
BRIDGE_URL = f"{SITE}/news/harbour-bridge-collapse"
FERRY_URL = f"{SITE}/news/ferry-crews-walk-out"


def page(text: bytes, url: str) -> bytes:
    lines = [escape(line.strip()) for line in text.decode("utf-8").splitlines() if line.strip()]
    body = "\n".join(f"<p>{line}</p>" for line in lines[1:])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{lines[0]} | Kelby Gazette</title>
<link rel="canonical" href="{url}"></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
</header>
<main><article><h1>{lines[0]}</h1>
{body}
</article></main>
<footer><p>© 2025 Kelby Gazette. All rights reserved.</p></footer></body></html>
""".encode()


def main() -> None:
    demo = demo_versions()
    ferry = HERE.parent / "corpus" / "stories" / "ferry-strike"
    bridge = [page(demo[name], BRIDGE_URL) for name in ("v1", "v2", "v5")]
    strike = [page((ferry / f"{name}.txt").read_bytes(), FERRY_URL) for name in ("v1", "v3")]
    html = "text/html; charset=utf-8"
    old_page, later_ferry = f"{SITE}/news/old-page", f"{FERRY_URL}?utm_source=home"
    plain_http = BRIDGE_URL.replace("https://www.", "http://")
    records: list[tuple[str, str, str, bytes, str]] = [
        # (kind, URL, date, payload, HTTP status)
        ("request", BRIDGE_URL, "2025-06-13T19:05:00Z", b"", ""),
        ("response", BRIDGE_URL, "2025-06-13T19:05:00Z", bridge[0], "200 OK"),
        ("response", f"{SITE}/img/bridge.jpg", "2025-06-13T19:05:01Z", bytes(64), "200 OK"),
        ("response", FERRY_URL, "2025-06-13T19:05:30Z", strike[0], "200 OK"),
        ("response", BRIDGE_URL, "2025-06-14T06:00:00Z", bridge[0], "200 OK"),
        ("response", old_page, "2025-06-14T06:00:10Z", b"Not found", "404 Not Found"),
        ("response", later_ferry, "2025-06-14T06:01:00Z", strike[1], "200 OK"),
        ("response", BRIDGE_URL, "2025-06-15T08:40:00Z", bridge[1], "200 OK"),
        ("response", plain_http, "2025-06-15T21:15:00Z", bridge[2], "200 OK"),
    ]
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n, (kind, url, date, payload, status) in enumerate(records):
        if kind == "request":
            host = [("Host", SITE.removeprefix("https://"))]
            http = StatusAndHeaders(f"GET {url} HTTP/1.1", host, is_http_request=True)
        else:
            content_type = "image/jpeg" if url.endswith(".jpg") else html
            http = StatusAndHeaders(status, [("Content-Type", content_type)], "HTTP/1.1")
        record = writer.create_warc_record(
            url, kind, payload=io.BytesIO(payload), length=len(payload), http_headers=http
        )
        record.rec_headers.replace_header("WARC-Date", date)
        record.rec_headers.replace_header(
            "WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>"
        )
        writer.write_record(record)
    (HERE / "harbour-crawl.warc.gz").write_bytes(out.getvalue())


if __name__ == "__main__":
    main()
