"""An on-disk cache of what the Wayback Machine answered, so a rerun asks nothing twice.

A capture never changes once archived, so pages are kept for good, one file each (named
by capture time and a hash of the URL). A listing of captures is kept too, with the time
it was made: later captures appear only when the listing is made again (``refresh``).
Files are written whole under a temporary name and then renamed, so an interrupted run
never leaves half a file behind.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

__all__ = ["WaybackCache", "default_cache_dir"]


def default_cache_dir() -> Path:
    """``$NEWSDIFF_CACHE``, else ``$XDG_CACHE_HOME/newsdiff``, else ``~/.cache/newsdiff``."""
    if os.environ.get("NEWSDIFF_CACHE"):
        return Path(os.environ["NEWSDIFF_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "newsdiff"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


class WaybackCache:
    """Listings and pages of one archive, under ``root/wayback/<archive host>/``."""

    def __init__(self, root: str | os.PathLike[str], archive: str) -> None:
        host = urlsplit(archive).netloc.replace(":", "_") or "archive"
        self.folder = Path(root) / "wayback" / host

    def _listing_path(self, query: dict[str, str]) -> Path:
        return self.folder / "listings" / f"{_hash(json.dumps(query, sort_keys=True))}.json"

    def listing(self, query: dict[str, str]) -> dict[str, Any] | None:
        """A listing saved for this query: ``{"listed": ISO time, "rows": [...]}``."""
        try:
            saved: dict[str, Any] = json.loads(self._listing_path(query).read_bytes())
        except (OSError, ValueError):
            return None
        return saved if saved.get("query") == query else None

    def save_listing(self, query: dict[str, str], listed: str, rows: list[list[str]]) -> None:
        document = {"query": query, "listed": listed, "rows": rows}
        _write(self._listing_path(query), json.dumps(document).encode())

    def _page_path(self, timestamp: str, url: str) -> Path:
        return self.folder / "pages" / f"{timestamp}-{_hash(url)}.html"

    def page(self, timestamp: str, url: str) -> bytes | None:
        """The page captured at ``timestamp`` (14 digits) of ``url``, if saved."""
        try:
            return self._page_path(timestamp, url).read_bytes()
        except OSError:
            return None

    def save_page(self, timestamp: str, url: str, content: bytes) -> None:
        _write(self._page_path(timestamp, url), content)
