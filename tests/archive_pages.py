"""Original article pages (fiction written for these tests) and the WARC files and
Wayback answers the archive tests build from them."""

from __future__ import annotations

import hashlib
import io
from base64 import b32encode
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

SITE = "https://www.lynmouth-echo.example"
LIBRARY_URL = f"{SITE}/news/riverside-library-reopens-4021"
FERRY_URL = f"{SITE}/news/ferry-timetable-cut-4022"

LIBRARY_V1 = [
    "The Riverside Library will reopen on Monday after eight months of repairs to its flooded basement, the town council said on Thursday evening.",
    "Contractors pumped out more than 40,000 litres of water and replaced the wiring on the ground floor, according to a statement from the council's property team.",
    "The children's section and the local history room will open first, with the reading room following later in the spring once new shelving arrives.",
    "Opening hours will stay as they were before the flood, from nine in the morning until six in the evening on weekdays and until one on Saturdays.",
]
LIBRARY_V2 = [
    "The Riverside Library will reopen on Monday after eight months of repairs to its flooded basement, the town council said on Thursday evening.",
    "Contractors pumped out more than 65,000 litres of water and replaced the wiring on the ground floor, according to a statement from the council's property team.",
    "The children's section and the local history room will open first, with the reading room following later in the spring once new shelving arrives.",
    "The repairs cost £310,000, most of it paid by the council's insurer, a spokesperson confirmed on Friday morning.",
    "Opening hours will stay as they were before the flood, from nine in the morning until six in the evening on weekdays and until one on Saturdays.",
]
LIBRARY_V3 = [
    "The Riverside Library reopened on Monday after eight months of repairs to its flooded basement, with a queue of families waiting at the doors before nine.",
    "Contractors pumped out more than 65,000 litres of water and replaced the wiring on the ground floor, according to a statement from the council's property team.",
    "The children's section and the local history room will open first, with the reading room following later in the spring once new shelving arrives.",
    "The repairs cost £310,000, most of it paid by the council's insurer, a spokesperson confirmed on Friday morning.",
    '"It feels like the heart of the town is beating again," said head librarian Moira Castell, who has worked at the branch for nineteen years.',
    "Opening hours will stay as they were before the flood, from nine in the morning until six in the evening on weekdays and until one on Saturdays.",
]
FERRY = [
    "The harbour ferry will run every forty minutes instead of every twenty from next month, the operator announced, blaming a shortage of trained crew.",
    "Passengers who use the early crossing to reach the industrial estate say the change will add half an hour to their journey to work each morning.",
    "The operator said it hoped to restore the full timetable by the autumn once six new deckhands finish their training course at the college.",
]
# The sentence that changes between the library's first and last captures.
EDITED_LEDE = "with a queue of families waiting at the doors before nine"


def page(title: str, paragraphs: Sequence[str], *, canonical: str | None = None) -> bytes:
    """An article page of a made-up local news site, with the usual boilerplate."""
    link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{escape(title)} | Lynmouth Echo</title>
{link}</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>{escape(title)}</h1>
<p class="byline">By Harriet Quayle</p>
{body}
</article></main>
<footer><p>© 2025 Lynmouth Echo. All rights reserved.</p></footer>
</body></html>""".encode()


@dataclass(frozen=True)
class Record:
    """A WARC record to write: a response (``status`` and ``content_type`` for its HTTP
    headers), or a ``request``, ``revisit`` or ``warcinfo`` record."""

    url: str
    date: str
    payload: bytes = b""
    kind: str = "response"
    status: str = "200 OK"
    content_type: str = "text/html; charset=utf-8"
    repeats: bytes | None = None
    """for a revisit: the payload it repeats"""


def payload_digest(payload: bytes) -> str:
    return "sha1:" + b32encode(hashlib.sha1(payload).digest()).decode()


def warc_bytes(records: Sequence[Record], *, gzip: bool = True) -> bytes:
    """A WARC file of the records, written by warcio, with fixed record ids."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for n, r in enumerate(records):
        headers = {
            "WARC-Date": r.date,
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-{n:012d}>",
        }
        if r.kind == "warcinfo":
            record = writer.create_warcinfo_record("crawl.warc.gz", {"software": "tests"})
        elif r.kind == "request":
            http = StatusAndHeaders(f"GET {r.url} HTTP/1.1", [("Host", "x")], is_http_request=True)
            record = writer.create_warc_record(
                r.url, "request", payload=io.BytesIO(b""), length=0, http_headers=http
            )
        elif r.kind == "revisit":
            assert r.repeats is not None
            http = StatusAndHeaders(r.status, [("Content-Type", r.content_type)], "HTTP/1.1")
            record = writer.create_revisit_record(
                r.url, payload_digest(r.repeats), r.url, r.date, http_headers=http
            )
        else:
            http = StatusAndHeaders(
                r.status,
                [("Content-Type", r.content_type), ("Content-Length", str(len(r.payload)))],
                "HTTP/1.1",
            )
            record = writer.create_warc_record(
                r.url,
                "response",
                payload=io.BytesIO(r.payload),
                length=len(r.payload),  # a known length: warcio writes no temporary file
                http_headers=http,
            )
        for name, value in headers.items():
            record.rec_headers.replace_header(name, value)
        writer.write_record(record)
    return out.getvalue()


LIBRARY_TITLE = "Riverside Library to reopen after flood repairs"
FERRY_TITLE = "Ferry timetable cut as crew shortage bites"


def crawl_records() -> list[Record]:
    """A crawl of the site: three distinct captures and one repeat of the library story
    (one of them under a tracking-parameter URL), the ferry story (over plain http, then
    a revisit record of the same page by its canonical URL), an image, a request record,
    a page that was not found, and a capture cut short at the end of the file."""
    v1 = page(LIBRARY_TITLE, LIBRARY_V1, canonical=LIBRARY_URL)
    v2 = page(LIBRARY_TITLE, LIBRARY_V2, canonical=LIBRARY_URL)
    v3 = page("Riverside Library reopens", LIBRARY_V3, canonical=LIBRARY_URL)
    ferry = page(FERRY_TITLE, FERRY, canonical=FERRY_URL)
    return [
        Record("", "2025-03-06T18:00:00Z", kind="warcinfo"),
        Record(LIBRARY_URL, "2025-03-06T18:02:11Z", kind="request"),
        Record(LIBRARY_URL, "2025-03-06T18:02:11Z", v1),
        Record(FERRY_URL.replace("https://www.", "http://"), "2025-03-06T18:02:40Z", ferry),
        Record(
            f"{SITE}/img/library.jpg",
            "2025-03-06T18:02:41Z",
            b"\xff\xd8\xff\xe0" + bytes(200),
            content_type="image/jpeg",
        ),
        Record(
            f"{SITE}/news/old-story-1999",
            "2025-03-06T18:03:00Z",
            b"<html><body>Not found</body></html>",
            status="404 Not Found",
        ),
        # a later crawl: the library page again, unchanged, then edited twice
        Record(LIBRARY_URL, "2025-03-07T06:00:05Z", v1),
        Record(f"{LIBRARY_URL}?utm_source=newsletter", "2025-03-07T09:30:00Z", v2),
        Record(FERRY_URL, "2025-03-07T09:31:00Z", kind="revisit", repeats=ferry),
        Record(LIBRARY_URL, "2025-03-10T12:15:00Z", v3),
        Record(LIBRARY_URL, "2025-03-11T08:00:00Z", page(LIBRARY_TITLE, [*LIBRARY_V3, *FERRY])),
    ]


def write_crawl(path: Path, *, gzip: bool = True) -> Path:
    """The crawl as a WARC file whose last record is cut short."""
    records = crawl_records()
    data = warc_bytes(records, gzip=gzip)
    last = warc_bytes(records[-1:], gzip=gzip)
    path.write_bytes(data[: len(data) - len(last) // 2])
    return path
