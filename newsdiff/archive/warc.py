"""WARC files → HTML captures → one story per article.

* :func:`read_warc` — every HTML capture of a WARC file, in file order.
* :class:`WarcCorpus` — the captures of one or more WARC files grouped by article, in
  capture-time order, repeats dropped: a corpus of :class:`StoryInput` for
  :func:`newsdiff.corpus.collate_corpus` and ``newsdiff corpus crawl.warc.gz``.
* :class:`WarcTally` — what was read, and what was skipped and why.

Records are read with warcio (the ``archive`` extra): it undoes chunked transfer and
gzip/deflate/brotli content encoding, so pages come out as the browser saw them. A record
that cannot be read is counted and skipped; reading resumes at the next record that can.

Grouping needs every capture of an article, and a crawl interleaves articles, so a
:class:`WarcCorpus` reads its files twice: once to index the captures (URL, canonical
link, time, payload digest, where the record is: about 200 bytes a capture), once to read
each story's pages when the story is next. Memory holds the index, never the pages.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from newsdiff.archive.capture import (
    Capture,
    capture_story,
    declared_html,
    drop_repeats,
    is_html,
)
from newsdiff.archive.urls import canonical_link, url_key
from newsdiff.corpus.records import CorpusError, StoryInput
from newsdiff.errors import ExtraMissingError
from newsdiff.parse.html import MAX_HTML_CHARS

__all__ = ["WarcCorpus", "WarcTally", "read_warc"]

_CAPTURE_TYPES = ("response", "resource", "revisit")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20


@dataclass
class WarcTally:
    """Counts of what a WARC reading found. ``captures`` are the HTML pages kept; every
    other field but ``records`` and ``other`` counts records skipped, by reason."""

    records: int = 0
    """records read (every type)"""
    captures: int = 0
    """HTML captures kept as versions"""
    duplicates: int = 0
    """captures whose page is byte-identical to the capture before (and revisit records)"""
    not_html: int = 0
    """responses that are not HTML pages (images, scripts, feeds…)"""
    failed: int = 0
    """responses with an HTTP status other than 2xx (redirects, errors)"""
    truncated: int = 0
    """records cut short or malformed (no date, no http(s) URL), unreadable stretches"""
    too_large: int = 0
    """pages larger than newsdiff reads (20 million characters)"""
    unresolved: int = 0
    """revisit records whose original capture is not in the files read"""
    other: int = 0
    """records that are not captures: requests, metadata, warcinfo"""

    @property
    def skipped(self) -> int:
        """Captures and records skipped for any reason (duplicates included)."""
        return (
            self.duplicates
            + self.not_html
            + self.failed
            + self.truncated
            + self.too_large
            + self.unresolved
        )

    def summary(self) -> str:
        """One line: ``12 records, 4 captures kept; skipped 1 duplicate, 1 not HTML…``."""
        line = f"{self.records:,} records, {self.captures:,} HTML captures kept"
        reasons = [
            (self.duplicates, "duplicate"),
            (self.not_html, "not HTML"),
            (self.failed, "not 2xx"),
            (self.truncated, "truncated or malformed"),
            (self.too_large, "too large"),
            (self.unresolved, "revisit without its original"),
        ]
        skipped = [
            f"{n:,} {what}" + ("s" if what == "duplicate" and n > 1 else "")
            for n, what in reasons
            if n
        ]
        if skipped:
            line += "; skipped " + ", ".join(skipped)
        if self.other:
            records = "record" if self.other == 1 else "records"
            line += f"; {self.other:,} other {records} (requests, metadata)"
        return line


def _warcio() -> Any:
    try:
        return importlib.import_module("warcio.archiveiterator")
    except ImportError:
        raise ExtraMissingError.needs("reading WARC files", "archive", "warcio") from None


# --- records ----------------------------------------------------------------------------


def _next_start(handle: IO[bytes], position: int, marker: bytes) -> int | None:
    """Where the next record may start, at or after ``position``: the next gzip member,
    or the next ``WARC/1.`` line in an uncompressed file."""
    handle.seek(position)
    carry = b""
    base = position
    while chunk := handle.read(_SCAN_CHUNK):
        found = (carry + chunk).find(marker)
        if found >= 0:
            return base - len(carry) + found
        carry = chunk[-len(marker) :]
        base += len(chunk)
    return None


def _records(handle: IO[bytes], tally: WarcTally) -> Iterator[tuple[int, Any]]:
    """(offset, warcio record) for every readable record; an unreadable stretch counts
    once as truncated, and reading goes on at the next record found after it."""
    archive = _warcio()
    size = os.fstat(handle.fileno()).st_size
    marker = _GZIP_MAGIC if handle.read(2) == _GZIP_MAGIC[:2] else _WARC_MAGIC
    start: int | None = 0
    while start is not None and start < size:
        handle.seek(start)
        iterator = archive.ArchiveIterator(handle)
        try:
            for record in iterator:
                yield iterator.offset, record
        except Exception:  # warcio raises ArchiveLoadFailed, zlib, EOF and value errors
            pass
        else:
            handle.seek(iterator.offset)
            if not handle.read(_SCAN_CHUNK).strip():
                return  # the end of the file, or only blank lines after the last record
        # iterator.offset is where the record that could not be read starts
        tally.truncated += 1
        start = _next_start(handle, max(iterator.offset, start) + 1, marker)


def _warc_time(record: Any) -> datetime | None:
    raw = record.rec_headers.get_header("WARC-Date") or ""
    try:
        moment = datetime.fromisoformat(raw.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _read_payload(record: Any) -> bytes | None:
    """The record's payload, content-decoded; ``None`` when the record is cut short."""
    content: bytes = record.content_stream().read(MAX_HTML_CHARS + 1)
    while record.raw_stream.read(_SCAN_CHUNK):
        pass  # the rest of a page too large to keep, for the check below
    if getattr(record.raw_stream, "limit", 0) > 0:
        return None  # the block ends before its declared length
    return content


@dataclass(frozen=True)
class _Entry:
    """One HTML capture in the index: everything but its page."""

    order: int
    file: int
    offset: int
    """where the record holding the page starts (a revisit's: the record it repeats)"""
    url: str
    key: str
    """the URL's :func:`url_key`"""
    time: datetime
    digest: str
    content_type: str | None
    canonical: str | None


def _entries(paths: Sequence[Path], tally: WarcTally) -> Iterator[tuple[_Entry, bytes | None]]:
    """Every HTML 2xx capture of the files, in file order, with its page (``None`` for a
    revisit record: a capture whose payload equals an earlier one's, which it stands for,
    found by payload digest among the records before it)."""
    order = 0
    originals: dict[str, _Entry] = {}  # by WARC-Payload-Digest, across the files
    for number, path in enumerate(paths):
        records_before, unreadable_before = tally.records, tally.truncated
        with path.open("rb") as handle:
            for offset, record in _records(handle, tally):
                tally.records += 1
                http = record.http_headers
                if record.rec_type not in _CAPTURE_TYPES or (
                    record.rec_type == "response" and http is None  # not HTTP: dns: records
                ):
                    tally.other += 1
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                moment = _warc_time(record)
                key = url_key(url)
                if moment is None or key is None:
                    tally.truncated += 1
                    continue
                payload_digest = record.rec_headers.get_header("WARC-Payload-Digest") or ""
                if record.rec_type == "revisit":
                    original = originals.get(payload_digest)
                    if original is None:
                        tally.unresolved += 1
                        continue
                    entry = replace(original, order=order, url=url, key=key, time=moment)
                    order += 1
                    yield entry, None
                    continue
                if http is not None and not (http.get_statuscode() or "").startswith("2"):
                    tally.failed += 1
                    continue
                content_type = (http or record.rec_headers).get_header("Content-Type")
                if declared_html(content_type) is False:
                    tally.not_html += 1  # known without reading the payload
                    continue
                try:
                    content = _read_payload(record)
                except Exception:  # a corrupt chunked or compressed body
                    content = None
                if content is None:
                    tally.truncated += 1
                elif not is_html(content_type, content):
                    tally.not_html += 1
                elif len(content) > MAX_HTML_CHARS:
                    tally.too_large += 1
                else:
                    entry = _Entry(
                        order=order,
                        file=number,
                        offset=offset,
                        url=url,
                        key=key,
                        time=moment,
                        digest=hashlib.sha1(content).hexdigest(),
                        content_type=content_type,
                        canonical=canonical_link(content, url),
                    )
                    if payload_digest:
                        originals[payload_digest] = entry
                    order += 1
                    yield entry, content
        if tally.records == records_before and tally.truncated > unreadable_before:
            raise CorpusError(f"{path}: no WARC record could be read; is it a WARC file?")


def _paths(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> list[Path]:
    if isinstance(paths, str | os.PathLike):
        return [Path(paths)]
    return [Path(p) for p in paths]


class _Pages:
    """Reads a capture's page back from its record, by offset."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.handles = [path.open("rb") for path in paths]

    def capture(self, entry: _Entry, content: bytes | None = None) -> Capture:
        if content is None:
            handle = self.handles[entry.file]
            handle.seek(entry.offset)
            record = next(iter(_warcio().ArchiveIterator(handle)))
            content = record.content_stream().read(MAX_HTML_CHARS + 1)
        return Capture(
            url=entry.url,
            time=entry.time,
            content=content,
            digest=entry.digest,
            content_type=entry.content_type,
            canonical=entry.canonical,
        )

    def close(self) -> None:
        for handle in self.handles:
            handle.close()


def read_warc(path: str | os.PathLike[str], tally: WarcTally | None = None) -> Iterator[Capture]:
    """Every HTML capture (2xx response) of a WARC file (``.warc`` or ``.warc.gz``), in
    file order; a revisit record comes back as the capture it repeats, with its own URL
    and time.

    >>> for capture in read_warc("crawl.warc.gz"):               # doctest: +SKIP
    ...     print(capture.name, capture.url, len(capture.content))

    Skipped records (not HTML, not 2xx, truncated…) are counted in ``tally`` if given;
    none stops the reading, but a file in which no record at all can be read raises
    :class:`~newsdiff.corpus.CorpusError`. Needs the ``archive`` extra (warcio).
    """
    counts = tally if tally is not None else WarcTally()
    paths = _paths(path)
    pages = _Pages(paths)
    try:
        for entry, content in _entries(paths, counts):
            counts.captures += 1
            yield pages.capture(entry, content)
    finally:
        pages.close()


# --- grouping ---------------------------------------------------------------------------


class _Groups:
    """Union–find over URL keys: a capture joins its URL and its canonical URL."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        while key != root:  # path compression
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the same roots whatever the join order


class WarcCorpus:
    """The captures of one or more WARC files as a corpus: one story per article.

    >>> from newsdiff.corpus import collate_corpus
    >>> warcs = WarcCorpus("crawl.warc.gz")                         # doctest: +SKIP
    >>> for record in collate_corpus(warcs, workers=2): ...          # doctest: +SKIP
    >>> print(warcs.tally.summary())                                # doctest: +SKIP

    Captures of an article are those whose URLs are the same after :func:`url_key`
    (scheme, ``www.``, tracking parameters and fragments aside), joined by the canonical
    URL pages declare (``use_canonical=False`` groups by URL alone). Stories come in the
    order of their first capture in the files; a story's versions are its captures in
    time order, each named by its capture time, less captures whose page is
    byte-identical to the capture before. ``tally`` is complete once the stories have
    been read.
    """

    def __init__(
        self,
        paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
        *,
        use_canonical: bool = True,
    ) -> None:
        self.paths = _paths(paths)
        self.use_canonical = use_canonical
        self.tally = WarcTally()

    def __iter__(self) -> Iterator[StoryInput]:
        return self.stories()

    def _groups(self, entries: list[_Entry]) -> list[list[_Entry]]:
        groups = _Groups()
        for entry in entries:
            groups.find(entry.key)
            canonical = url_key(entry.canonical) if entry.canonical else None
            if self.use_canonical and canonical is not None:
                groups.join(entry.key, canonical)
        members: dict[str, list[_Entry]] = {}
        for entry in entries:  # file order: stories in the order of their first capture
            members.setdefault(groups.find(entry.key), []).append(entry)
        return list(members.values())

    def stories(self) -> Iterator[StoryInput]:
        """One :class:`StoryInput` per article, pages read from the files as it comes."""
        self.tally = WarcTally()
        entries = [entry for entry, _ in _entries(self.paths, self.tally)]
        pages = _Pages(self.paths)
        try:
            for group in self._groups(entries):
                ordered = sorted(group, key=lambda e: (e.time, e.order))
                kept, dropped = drop_repeats(ordered)
                self.tally.duplicates += dropped
                self.tally.captures += len(kept)
                # named by its latest capture's canonical URL, else that capture's URL
                latest = ordered[-1]
                story_id = (latest.canonical if self.use_canonical else None) or latest.url
                yield capture_story(story_id, [pages.capture(e) for e in kept])
        finally:
            pages.close()
