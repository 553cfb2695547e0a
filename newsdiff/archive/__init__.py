"""Versions from web archives: WARC files and the Wayback Machine.

* :mod:`~newsdiff.archive.urls` — which captures are the same article (URL keys,
  canonical links);
* :mod:`~newsdiff.archive.capture` — a capture, repeats dropped, versions named by time;
* :mod:`~newsdiff.archive.warc` — WARC files: :func:`read_warc` and :class:`WarcCorpus`
  (``newsdiff corpus crawl.warc.gz``).

Reading WARC files needs the ``archive`` extra (``pip install 'newsdiff[archive]'``).
"""

from newsdiff.archive.capture import Capture
from newsdiff.archive.urls import canonical_link, url_key
from newsdiff.archive.warc import WarcCorpus, WarcTally, read_warc

__all__ = [
    "Capture",
    "WarcCorpus",
    "WarcTally",
    "canonical_link",
    "read_warc",
    "url_key",
]
