"""Versions from web archives: WARC files and the Wayback Machine.

* :mod:`~newsdiff.archive.urls` — which captures are the same article (URL keys,
  canonical links);
* :mod:`~newsdiff.archive.capture` — a capture, repeats dropped, versions named by time;
* :mod:`~newsdiff.archive.warc` — WARC files: :func:`read_warc` and :class:`WarcCorpus`
  (``newsdiff corpus crawl.warc.gz``);
* :mod:`~newsdiff.archive.wayback` — the Wayback Machine: :func:`wayback_story` and
  :func:`wayback_captures` (``newsdiff wayback URL``), with
  :mod:`~newsdiff.archive.cache`, its on-disk cache;
* :mod:`~newsdiff.archive.cli` — the ``newsdiff wayback`` command.

Both need the ``archive`` extra (``pip install 'newsdiff[archive]'``): warcio, EDGI's
wayback client, and the HTML reader.
"""

from newsdiff.archive.capture import Capture
from newsdiff.archive.urls import canonical_link, url_key
from newsdiff.archive.warc import WarcCorpus, WarcTally, read_warc
from newsdiff.archive.wayback import (
    Collated,
    WaybackCaptures,
    WaybackError,
    collate_captures,
    wayback_captures,
    wayback_story,
)

__all__ = [
    "Capture",
    "Collated",
    "WarcCorpus",
    "WarcTally",
    "WaybackCaptures",
    "WaybackError",
    "canonical_link",
    "collate_captures",
    "read_warc",
    "url_key",
    "wayback_captures",
    "wayback_story",
]
