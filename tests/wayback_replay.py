"""A local stand-in for the Wayback Machine on a pytest-httpserver: it answers CDX
queries in the CDX server's text format and plays captures back in the ``id_`` form with
the headers the Wayback Machine sends (``Memento-Datetime``, ``Link``)."""

from __future__ import annotations

import hashlib
import re
from base64 import b32encode
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from werkzeug import Request, Response

from newsdiff.archive.urls import url_key


@dataclass(frozen=True)
class Listed:
    """One capture as the CDX server lists it, and the page it plays back (``None``:
    listed but not playable)."""

    timestamp: str
    url: str
    page: bytes | None
    mimetype: str = "text/html"
    status: str = "200"

    @property
    def digest(self) -> str:
        return b32encode(hashlib.sha1(self.page or b"").digest()).decode()

    def cdx_line(self) -> str:
        host_path = (url_key(self.url) or "").split("/", 1)
        host = ",".join(reversed(host_path[0].split(".")))
        urlkey = f"{host})/{host_path[1] if len(host_path) > 1 else ''}"
        length = str(len(self.page or b""))
        return " ".join(
            (urlkey, self.timestamp, self.url, self.mimetype, self.status, self.digest, length)
        )


_CAPTURE = re.compile(r"^/web/(\d{14})id_/(.+)$")


class Replay:
    """Serve ``captures`` on ``server``; ``cdx_status`` makes the listing fail."""

    def __init__(self, server: Any, captures: list[Listed]) -> None:
        self.server = server
        self.captures = captures
        self.cdx_status = 200
        server.expect_request("/cdx/search/cdx").respond_with_handler(self._cdx)
        server.expect_request(re.compile(r"^/web/.*")).respond_with_handler(self._capture)

    @property
    def url(self) -> str:
        return str(self.server.url_for("/")).rstrip("/")

    def requests(self, path: str) -> list[Request]:
        return [request for request, _ in self.server.log if request.path.startswith(path)]

    def _cdx(self, request: Request) -> Response:
        if self.cdx_status != 200:
            return Response("busy", status=self.cdx_status)
        lines = [c.cdx_line() for c in self.captures]
        for name, compare in (("from", str.__ge__), ("to", str.__le__)):
            bound = request.args.get(name)
            if bound:
                lines = [line for line in lines if compare(line.split(" ")[1][: len(bound)], bound)]
        return Response("".join(f"{line}\n" for line in lines), content_type="text/plain")

    def _capture(self, request: Request) -> Response:
        match = _CAPTURE.match(request.full_path.rstrip("?"))
        found = next(
            (
                c
                for c in self.captures
                if match and c.timestamp == match.group(1) and c.page is not None
            ),
            None,
        )
        if found is None or found.page is None:
            return Response("not in the archive", status=404)
        moment = datetime.strptime(found.timestamp, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        headers = {
            "Memento-Datetime": moment.strftime("%a, %d %b %Y %H:%M:%S GMT"),
            "Link": f'<{found.url}>; rel="original"',
            "X-Archive-Src": "replay.warc.gz",
        }
        return Response(found.page, status=200, content_type=found.mimetype, headers=headers)
