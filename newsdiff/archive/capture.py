"""A capture of a page, and what WARC files and the Wayback Machine share in turning
captures into a story's versions.

* :class:`Capture` — one archived HTML response: URL, capture time, the page's bytes.
* :func:`is_html` — is a response an HTML page (by its declared type, else its bytes)?
* :func:`drop_repeats` — captures in time order, less those whose payload is the same as
  the capture before (an unchanged page crawled again).
* :func:`version_names` — capture times as version names (``2025-06-13T18:40:00Z``).
* :func:`capture_story` — a story's captures as a corpus :class:`StoryInput`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Protocol, TypeVar

from newsdiff.corpus.records import StoryInput, VersionInput
from newsdiff.parse.html import looks_like_html

__all__ = [
    "Capture",
    "capture_story",
    "declared_html",
    "drop_repeats",
    "is_html",
    "version_names",
]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Capture:
    """One archived HTML response: the page as the site served it, and when.

    ``digest`` identifies the payload (captures with equal digests are byte-identical);
    ``canonical`` is the URL the page declares as its own, if any.
    """

    url: str
    time: datetime
    content: bytes = field(repr=False)
    digest: str
    content_type: str | None = None
    canonical: str | None = None

    @property
    def name(self) -> str:
        """The capture time as a version name: ``2025-06-13T18:40:00Z``."""
        return time_name(self.time)


def declared_html(content_type: str | None) -> bool | None:
    """Does a declared content type say HTML? ``None`` when there is none to go by (no
    type, or the catch-all ``application/octet-stream``)."""
    declared = (content_type or "").split(";", 1)[0].strip().lower()
    if not declared or declared == "application/octet-stream":
        return None
    return declared in _HTML_TYPES


# The HTML patterns of the WHATWG MIME Sniffing Standard ("identifying a resource with an
# unknown MIME type"): a tag a browser takes for HTML at the very start of the bytes.
_SNIFF_HTML = re.compile(
    rb"\A(?:\xef\xbb\xbf)?[\t\n\x0c\r ]*<(?:!doctype html|html|head|script|iframe|h1|div|font|"
    rb"table|a|style|title|b|body|br|p|!--)(?:[ >]|\Z)",
    re.I,
)


def is_html(content_type: str | None, content: bytes) -> bool:
    """Is this response an HTML page? Its declared type decides; without one, the start
    of the bytes does, as a browser sniffs it."""
    declared = declared_html(content_type)
    if declared is not None:
        return declared
    start = content[:4096]
    return bool(_SNIFF_HTML.match(start)) or looks_like_html(start.decode("utf-8", "replace"))


class _Payload(Protocol):
    @property
    def digest(self) -> str: ...


P = TypeVar("P", bound=_Payload)


def drop_repeats(captures: Iterable[P]) -> tuple[list[P], int]:
    """Captures (in time order) without those whose payload equals the one before;
    returns the kept captures and how many were dropped. A page that changes and later
    changes back keeps both changes: only repeats in a row are dropped."""
    kept: list[P] = []
    dropped = 0
    for capture in captures:
        if kept and kept[-1].digest == capture.digest:
            dropped += 1
        else:
            kept.append(capture)
    return kept, dropped


def time_name(moment: datetime) -> str:
    """A capture time in UTC to the second, ISO 8601: ``2025-06-13T18:40:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def version_names(times: Sequence[datetime]) -> list[str]:
    """Version names for captures in time order: the capture time, and ``#2``, ``#3``…
    after a time already taken (captures within the same second)."""
    names: list[str] = []
    taken: dict[str, int] = {}
    for moment in times:
        name = time_name(moment)
        taken[name] = taken.get(name, 0) + 1
        names.append(name if taken[name] == 1 else f"{name}#{taken[name]}")
    return names


def capture_story(story_id: str, captures: Sequence[Capture]) -> StoryInput:
    """A story of captures (in time order) as a corpus story: one HTML version per
    capture, named and timestamped by its capture time, its URL as the source."""
    names = version_names([c.time for c in captures])
    return StoryInput(
        id=story_id,
        versions=tuple(
            VersionInput(
                id=name,
                content=capture.content,
                html=True,
                timestamp=capture.time.astimezone(UTC).isoformat().replace("+00:00", "Z"),
                source=capture.url,
            )
            for name, capture in zip(names, captures, strict=True)
        ),
    )
