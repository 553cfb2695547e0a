"""The Wayback Machine: every capture of one URL, as a story.

* :func:`wayback_captures` — list a URL's captures (the CDX API), keep the HTML pages
  captured with status 200, drop repeats by payload digest, and fetch each capture's
  original bytes (the ``id_`` form, not the archive's rewritten page).
* :func:`wayback_story` — the same, collated as a :class:`~newsdiff.Story` whose versions
  are named by capture time.
* :func:`wayback_session` — the HTTP session used: polite by default.

Requests go through EDGI's ``wayback`` client (the ``archive`` extra), which keeps to
the Internet Archive's published rate limits (0.4 listings and 8 pages a second, shared
by every session of the process) and retries failed requests with exponential backoff.
Answers are cached on disk (:mod:`newsdiff.archive.cache`): a rerun fetches nothing
twice. Failures come out as one-line :class:`WaybackError` messages.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from newsdiff.archive.cache import WaybackCache, default_cache_dir
from newsdiff.archive.capture import Capture, declared_html, drop_repeats, version_names
from newsdiff.collate import collate
from newsdiff.errors import ExtraMissingError, InputError, NewsdiffError
from newsdiff.models import Article, Story
from newsdiff.parse import decode
from newsdiff.parse.html import parse_html

__all__ = [
    "WAYBACK",
    "Collated",
    "WaybackCaptures",
    "WaybackError",
    "collate_captures",
    "wayback_captures",
    "wayback_date",
    "wayback_session",
    "wayback_story",
]

WAYBACK = "https://web.archive.org"
DEFAULT_LIMIT = 100
"""Distinct captures fetched unless told otherwise: a story's history, not a site's."""
RETRIES = 3
BACKOFF = 2.0
"""Seconds before the second retry; each further one waits twice as long (0, 2, 4 s)."""
TIMEOUT = 30.0


class WaybackError(NewsdiffError):
    """The Wayback Machine could not be asked, or would not answer: offline, rate-limited,
    the URL excluded, or never captured."""


def _wayback() -> Any:
    try:
        return importlib.import_module("wayback")
    except ImportError:
        raise ExtraMissingError.needs("the Wayback Machine", "archive", "wayback") from None


# --- the session ------------------------------------------------------------------------


def _unreachable(error: BaseException) -> bool:
    """A name that does not resolve: offline, or a typo. Retrying will not help."""
    text = str(error)
    return "NameResolutionError" in text or "Failed to resolve" in text


def wayback_session(
    archive: str = WAYBACK,
    *,
    retries: int = RETRIES,
    backoff: float = BACKOFF,
    timeout: float = TIMEOUT,
    rate_limit: bool = True,
) -> Any:
    """A ``wayback.WaybackSession``: the Internet Archive's rate limits unless
    ``rate_limit`` is false, ``retries`` retries with exponential ``backoff``, no retry
    when the archive's name does not resolve (offline).

    ``archive`` is the base URL of the Wayback Machine, or of another replay with its
    URL layout (``/cdx/search/cdx`` and ``/web/<time>id_/<url>``): a local replay, a mirror.
    """
    wayback = _wayback()
    requests = importlib.import_module("requests")

    base: Any = wayback.WaybackSession

    class Session(base):  # type: ignore[misc]
        def should_retry_error(self, error: BaseException) -> bool:
            return not _unreachable(error) and bool(super().should_retry_error(error))

    limits: dict[str, Any] = {}
    if not rate_limit:
        limits = {"search_calls_per_second": 0, "memento_calls_per_second": 0}
    session = Session(
        retries=retries,
        backoff=backoff,
        timeout=timeout,
        user_agent=f"newsdiff (+wayback/{wayback.__version__})",
        **limits,
    )
    base = archive.rstrip("/")
    if base != WAYBACK:
        session.mount(f"{WAYBACK}/", _redirect_adapter(requests, base))
    return session


def _redirect_adapter(requests: Any, base: str) -> Any:
    """A transport that sends what the client addresses to the Wayback Machine to
    another archive, and gives the answers the Wayback Machine's addresses back (the
    client reads capture times and URLs from them)."""

    transport: Any = requests.adapters.HTTPAdapter

    class Adapter(transport):  # type: ignore[misc]
        def send(self, request: Any, *args: Any, **kwargs: Any) -> Any:
            asked = request.url
            request.url = base + asked[len(WAYBACK) :]
            response = super().send(request, *args, **kwargs)
            response.url = asked
            location = response.headers.get("Location")
            if location and location.startswith(base):
                response.headers["Location"] = WAYBACK + location[len(base) :]
            return response

    return Adapter()


# --- errors -----------------------------------------------------------------------------


def _first_line(error: BaseException, limit: int = 160) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


@contextmanager
def _answers(url: str, archive: str) -> Iterator[None]:
    """Turn what the client and requests raise into one-line :class:`WaybackError`."""
    wayback = _wayback()
    exceptions = wayback.exceptions
    requests = importlib.import_module("requests")
    host = urlsplit(archive).netloc or archive
    try:
        yield
    except exceptions.RateLimitError as exc:
        wait = int(exc.retry_after or 60)
        raise WaybackError(
            f"{host} is limiting our requests (HTTP 429): wait {wait} s and run again; "
            "captures fetched so far are cached"
        ) from None
    except (exceptions.BlockedSiteError, exceptions.BlockedByRobotsError):
        raise WaybackError(f"{host} does not show captures of {url} (excluded)") from None
    except exceptions.WaybackRetryError as exc:
        cause = exc.__cause__ if exc.__cause__ is not None else exc
        tries = f"{exc.retries} retr{'y' if exc.retries == 1 else 'ies'}"
        raise WaybackError(
            f"{host} did not answer after {tries} ({_reason(cause)}); try again later"
        ) from None
    except requests.exceptions.RequestException as exc:
        raise WaybackError(f"cannot reach {host} ({_reason(exc)}); are you offline?") from None
    except exceptions.WaybackException as exc:
        raise WaybackError(f"{host} answered with an error: {_first_line(exc)}") from None


def _reason(error: BaseException) -> str:
    text = str(error)
    for needle, reason in (
        ("NameResolutionError", "its name does not resolve"),
        ("Failed to resolve", "its name does not resolve"),
        ("Connection refused", "connection refused"),
        ("timed out", "timed out"),
        ("Read timed out", "timed out"),
    ):
        if needle in text:
            return reason
    return _first_line(error, 100)


# --- dates ------------------------------------------------------------------------------

# 2025, 2025-03, 2025-03-06, 2025-03-06T18:02[:11][Z], or the same without separators.
_DATE = re.compile(
    r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2})(?:[T ]?(\d{2}):?(\d{2})(?::?(\d{2}))?)?)?)?Z?$"
)


def wayback_date(text: str) -> str:
    """A date as the CDX API takes it (1 to 14 digits, a prefix of ``YYYYMMDDhhmmss``):
    ``2025``, ``2025-03``, ``2025-03-06``, ``2025-03-06T18:02``, ``20250306180211``.

    >>> wayback_date("2025-03-06T18:02")
    '202503061802'
    """
    match = _DATE.match(text.strip())
    digits = "".join(part for part in match.groups() if part) if match else ""
    padded = digits + "0101000000"[max(0, len(digits) - 4) :]
    try:
        datetime.strptime(padded, "%Y%m%d%H%M%S")
    except ValueError:
        digits = ""
    if not digits:
        raise InputError(
            f"{text!r} is not a date: give 2025, 2025-03, 2025-03-06 or 2025-03-06T18:02"
        )
    return digits


# --- captures ---------------------------------------------------------------------------


@dataclass
class WaybackCaptures:
    """What :func:`wayback_captures` found: the captures, and the counts behind them."""

    url: str
    captures: list[Capture] = field(default_factory=list)
    listed: int = 0
    """captures the listing holds (every status and type)"""
    not_html: int = 0
    """listed captures that are not an HTML page captured with status 200"""
    duplicates: int = 0
    """captures whose payload digest equals the capture before"""
    beyond_limit: int = 0
    """distinct captures left out by the limit"""
    unplayable: int = 0
    """captures the archive lists but cannot play back"""
    fetched: int = 0
    """pages fetched from the archive in this call (the rest came from the cache)"""
    listed_at: str = ""
    """when the listing was made (ISO 8601): now, or the cached listing's time"""
    listing_cached: bool = False
    """the listing came from the cache (``refresh`` makes it again)"""

    def summary(self) -> str:
        """One line: how many captures, what was dropped, what was fetched."""
        line = f"{self.url}: {self.listed:,} captures listed, {len(self.captures):,} distinct pages"
        dropped = [
            (self.duplicates, "repeat" if self.duplicates == 1 else "repeats"),
            (self.not_html, "not HTML pages or not status 200"),
            (self.unplayable, "not playable"),
            (self.beyond_limit, "beyond --limit"),
        ]
        dropped_text = ", ".join(f"{n:,} {what}" for n, what in dropped if n)
        if dropped_text:
            line += f" (left out: {dropped_text})"
        cached = len(self.captures) - self.fetched
        line += f"; {self.fetched:,} fetched, {cached:,} from the cache"
        return line


_Row = list[str]  # timestamp (14 digits), original URL, MIME type, status, digest


def _listing(
    client: Any, url: str, query: dict[str, str], cache: WaybackCache | None, refresh: bool
) -> tuple[str, list[_Row], bool]:
    """(when listed, rows, whether from the cache)."""
    saved = None if cache is None or refresh else cache.listing(query)
    if saved is not None:
        return str(saved["listed"]), [list(map(str, row)) for row in saved["rows"]], True
    rows = [
        [
            record.timestamp.strftime("%Y%m%d%H%M%S"),
            record.original,
            record.mimetype,
            "" if record.statuscode is None else str(record.statuscode),
            record.digest,
        ]
        for record in client.search(
            url, from_date=query.get("from"), to_date=query.get("to"), collapse="digest"
        )
    ]
    listed = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if cache is not None:
        cache.save_listing(query, listed, rows)
    return listed, rows, False


@dataclass(frozen=True)
class _Listed:
    row: _Row

    @property
    def digest(self) -> str:
        return self.row[4]


Progress = Callable[[int, int], object]
"""Called as pages are fetched: (pages done, pages to fetch)."""


def wayback_captures(
    url: str,
    *,
    from_date: str | None = None,
    to_date: str | None = None,
    limit: int | None = DEFAULT_LIMIT,
    cache: str | os.PathLike[str] | bool | None = True,
    refresh: bool = False,
    archive: str = WAYBACK,
    session: Any = None,
    progress: Progress | None = None,
) -> WaybackCaptures:
    """The distinct HTML captures of ``url`` in the Wayback Machine, oldest first.

    >>> found = wayback_captures("https://example.org/news/a", from_date="2025")  # doctest: +SKIP
    >>> [c.name for c in found.captures]                                          # doctest: +SKIP
    ['2025-03-06T18:02:11Z', '2025-03-07T09:30:00Z']

    ``from_date`` / ``to_date`` bound the capture times (any prefix of
    ``YYYYMMDDhhmmss``, or ISO dates: :func:`wayback_date`); ``limit`` keeps the first N
    distinct captures (``None``: all). Repeats — a capture whose payload digest equals
    the one before — are left out before anything is fetched. ``cache`` is a folder,
    ``True`` for :func:`~newsdiff.archive.cache.default_cache_dir`, or ``False`` / ``None``
    for none; ``refresh`` lists the captures again instead of reusing a cached listing.
    Raises :class:`WaybackError` (one line) when the archive cannot be asked.
    """
    wayback = _wayback()
    if not url.strip():
        raise InputError("give the URL of the article to look up")
    query = {"url": url.strip()}
    for name, value in (("from", from_date), ("to", to_date)):
        if value is not None:
            query[name] = wayback_date(value)
    store = None
    if cache is not False and cache is not None:
        root = default_cache_dir() if cache is True else cache
        store = WaybackCache(root, archive)
    found = WaybackCaptures(url=query["url"])
    own_session = session is None
    client = wayback.WaybackClient(session or wayback_session(archive))
    try:
        with _answers(query["url"], archive):
            found.listed_at, rows, found.listing_cached = _listing(
                client, query["url"], query, store, refresh
            )
            found.listed = len(rows)
            pages = [
                _Listed(row)
                for row in rows
                if row[3] == "200" and declared_html(row[2]) is not False
            ]
            found.not_html = len(rows) - len(pages)
            pages.sort(key=lambda listed: listed.row[0])
            distinct, found.duplicates = drop_repeats(pages)
            if limit is not None and len(distinct) > limit:
                found.beyond_limit = len(distinct) - limit
                distinct = distinct[:limit]
            for done, listed in enumerate(distinct):
                capture = _capture(wayback, client, listed.row, store, found)
                if capture is not None:
                    found.captures.append(capture)
                if progress is not None:
                    progress(done + 1, len(distinct))
    finally:
        if own_session:
            client.close()
    return found


def _capture(
    wayback: Any, client: Any, row: _Row, store: WaybackCache | None, found: WaybackCaptures
) -> Capture | None:
    timestamp, original, mimetype, _, digest = row
    content = None if store is None else store.page(timestamp, original)
    if content is None:
        try:
            memento = client.get_memento(original, timestamp=timestamp, mode=wayback.Mode.original)
        except (wayback.exceptions.MementoPlaybackError, wayback.exceptions.NoMementoError):
            found.unplayable += 1
            return None
        with memento:
            content = bytes(memento.content)
        found.fetched += 1
        if store is not None:
            store.save_page(timestamp, original, content)
    moment = datetime.strptime(timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    return Capture(url=original, time=moment, content=content, digest=digest, content_type=mimetype)


# --- the story --------------------------------------------------------------------------


@dataclass(frozen=True)
class Collated:
    """A story collated from captures, and the captures left out of it."""

    story: Story
    unreadable: list[tuple[str, str]]
    """(capture, why) for captures without an article to read (an error page, an empty
    page)"""
    unchanged: list[str]
    """captures whose article text is the same as the capture before (the page around it
    changed: an advert, a list of most-read stories)"""


def collate_captures(
    captures: list[Capture], canonical: str | None = None, *, keep_unchanged: bool = False
) -> Collated:
    """Collate captures (in time order) as a story whose versions are named by capture
    time. ``canonical`` is a version name, ``latest``, ``earliest``, or ``None`` for the
    most complete version. A capture whose article text (its body paragraphs and
    sub-headings) is the same as the capture before is left out unless
    ``keep_unchanged``."""
    articles: dict[str, Article] = {}
    unreadable: list[tuple[str, str]] = []
    unchanged: list[str] = []
    previous: tuple[str, ...] | None = None
    for name, capture in zip(version_names([c.time for c in captures]), captures, strict=True):
        try:
            article = parse_html(decode(capture.content))
        except NewsdiffError as exc:
            unreadable.append((name, _first_line(exc)))
            continue
        text = tuple(block.text for block in article.paragraphs)
        if text == previous and not keep_unchanged:
            unchanged.append(name)
            continue
        articles[name], previous = article, text
    if not articles:
        raise WaybackError("no capture holds an article that newsdiff can read")
    names = list(articles)
    chosen = {"latest": names[-1], "earliest": names[0]}.get(canonical or "", canonical)
    return Collated(collate(articles, canonical=chosen), unreadable, unchanged)


def wayback_story(
    url: str, *, canonical: str | None = None, keep_unchanged: bool = False, **options: Any
) -> Story:
    """Every distinct capture of ``url`` in the Wayback Machine, collated as a story
    whose versions are named by capture time (``2025-03-06T18:02:11Z``); ``canonical``
    and ``keep_unchanged`` as for :func:`collate_captures`, ``options`` as for
    :func:`wayback_captures`.

    >>> story = wayback_story("https://example.org/news/story", limit=20)  # doctest: +SKIP
    >>> story  # in a notebook: the heat map, then every version          # doctest: +SKIP
    """
    found = wayback_captures(url, **options)
    if not found.captures:
        raise WaybackError(f"no HTML captures of {found.url} in the archive")
    return collate_captures(found.captures, canonical, keep_unchanged=keep_unchanged).story
