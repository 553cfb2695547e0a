"""A local stand-in for the Wayback Machine: serve the captures of a WARC file the way
the Wayback Machine serves its own, so ``newsdiff wayback`` can run without the network.

It answers the CDX API (``/cdx/search/cdx?url=…&from=…&to=…``, one capture a line in the
CDX server's text format) and plays captures back in the ``id_`` form
(``/web/<14-digit time>id_/<url>``, the page as the site served it, with the
``Memento-Datetime`` and ``Link`` headers the Wayback Machine sends).

    python examples/archive/replay.py examples/archive/harbour-crawl.warc.gz --port 8765
    newsdiff wayback https://www.kelby-gazette.example/news/harbour-bridge-collapse \\
        --archive http://127.0.0.1:8765 --no-cache

From Python: ``server = serve(path)`` starts it in a background thread; ``server.url``
is its address and ``server.shutdown()`` stops it.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import re
import threading
from base64 import b32encode
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from newsdiff.archive import Capture, read_warc, url_key

_PLAYBACK = re.compile(r"^/web/(\d{14})id_/(.+)$")


def _stamp(capture: Capture) -> str:
    return capture.time.strftime("%Y%m%d%H%M%S")


def _cdx_line(capture: Capture) -> str:
    host, _, path = (url_key(capture.url) or "").partition("/")
    urlkey = ",".join(reversed(host.split("."))) + ")/" + path
    digest = b32encode(hashlib.sha1(capture.content).digest()).decode()
    mimetype = (capture.content_type or "text/html").split(";")[0]
    fields = (urlkey, _stamp(capture), capture.url, mimetype, "200", digest)
    return " ".join((*fields, str(len(capture.content))))


class Replay(ThreadingHTTPServer):
    """The server: the WARC file's HTML captures, ready to list and play back."""

    def __init__(self, warc: str | Path, port: int = 0) -> None:
        self.captures = sorted(read_warc(warc), key=lambda c: c.time)
        super().__init__(("127.0.0.1", port), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    server: Replay

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/cdx/search/cdx":
            query = {name: values[0] for name, values in parse_qs(parts.query).items()}
            wanted = url_key(query.get("url", ""))
            start, end = query.get("from", ""), query.get("to", "")
            lines = [
                _cdx_line(c)
                for c in self.server.captures
                if url_key(c.url) == wanted
                and _stamp(c)[: len(start)] >= start
                and (not end or _stamp(c)[: len(end)] <= end)
            ]
            self._send(200, "".join(f"{line}\n" for line in lines).encode(), "text/plain")
            return
        match = _PLAYBACK.match(self.path)
        wanted = (match.group(1), url_key(match.group(2))) if match else None
        for capture in self.server.captures:
            if (_stamp(capture), url_key(capture.url)) == wanted:
                headers = {
                    "Memento-Datetime": capture.time.strftime("%a, %d %b %Y %H:%M:%S GMT"),
                    "Link": f'<{capture.url}>; rel="original"',
                }
                self._send(200, capture.content, capture.content_type or "text/html", headers)
                return
        self._send(404, b"not in the archive", "text/plain")

    def _send(
        self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet: the examples print what newsdiff says, not each request


def serve(warc: str | Path, port: int = 0) -> Replay:
    """Start replaying ``warc`` in a background thread; returns the running server."""
    server = Replay(warc, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve a WARC file like the Wayback Machine.")
    parser.add_argument("warc", help="a .warc or .warc.gz file")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    server = Replay(args.warc, args.port)
    print(f"replaying {len(server.captures)} captures at {server.url} (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
