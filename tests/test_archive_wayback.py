"""The Wayback Machine path, against a local replay of recorded-format answers: listing,
repeats dropped by digest, original bytes fetched once (then from the cache), and
one-line errors when the archive cannot be asked."""

from __future__ import annotations

import socket
import time
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("wayback")
pytest.importorskip("pytest_httpserver")
pytest.importorskip("trafilatura")

from newsdiff.archive.wayback import (
    WaybackError,
    collate_captures,
    wayback_captures,
    wayback_session,
    wayback_story,
)
from newsdiff.cli import main
from tests.archive_pages import (
    EDITED_LEDE,
    LIBRARY_TITLE,
    LIBRARY_URL,
    LIBRARY_V1,
    LIBRARY_V2,
    LIBRARY_V3,
    page,
)
from tests.wayback_replay import Listed, Replay

V1 = page(LIBRARY_TITLE, LIBRARY_V1, canonical=LIBRARY_URL)
V2 = page(LIBRARY_TITLE, LIBRARY_V2, canonical=LIBRARY_URL)
V3 = page("Riverside Library reopens", LIBRARY_V3, canonical=LIBRARY_URL)
NAMES = ["2025-03-06T18:02:11Z", "2025-03-07T09:30:00Z", "2025-03-10T12:15:00Z"]


def listing() -> list[Listed]:
    return [
        Listed("20250306180211", LIBRARY_URL, V1),
        Listed("20250307060005", LIBRARY_URL, V1),  # the same page again
        Listed("20250307083000", LIBRARY_URL.replace("https", "http"), b"", status="301"),
        Listed("20250307093000", LIBRARY_URL, V2),
        Listed("20250308000000", LIBRARY_URL, b"{}", mimetype="application/json"),
        Listed("20250310121500", LIBRARY_URL, V3),
    ]


@pytest.fixture
def replay(httpserver: Any) -> Replay:
    return Replay(httpserver, listing())


def fetch(replay: Replay, cache: Path | bool, **options: Any) -> Any:
    session = wayback_session(replay.url, rate_limit=False, retries=0)
    return wayback_captures(
        LIBRARY_URL, archive=replay.url, cache=cache, session=session, **options
    )


def test_distinct_html_captures_in_time_order(replay: Replay, tmp_path: Path) -> None:
    found = fetch(replay, tmp_path)
    assert [c.name for c in found.captures] == NAMES
    assert [c.content for c in found.captures] == [V1, V2, V3]  # the original bytes
    assert (found.listed, found.duplicates, found.not_html, found.fetched) == (6, 1, 2, 3)
    assert found.summary() == (
        f"{LIBRARY_URL}: 6 captures listed, 3 distinct pages (left out: 1 repeat, "
        "2 not HTML pages or not status 200); 3 fetched, 0 from the cache"
    )
    (cdx,) = replay.requests("/cdx/")
    assert cdx.args["url"] == LIBRARY_URL
    assert cdx.args["collapse"] == "digest"  # the archive drops most repeats itself
    assert len(replay.requests("/web/")) == 3


def test_a_rerun_fetches_nothing(replay: Replay, tmp_path: Path) -> None:
    first = fetch(replay, tmp_path)
    before = len(replay.server.log)
    again = fetch(replay, tmp_path)
    assert len(replay.server.log) == before
    assert again.captures == first.captures
    assert (again.fetched, again.listing_cached) == (0, True)
    refreshed = fetch(replay, tmp_path, refresh=True)  # lists again; pages still cached
    assert len(replay.requests("/cdx/")) == 2
    assert len(replay.requests("/web/")) == 3
    assert refreshed.captures == first.captures


def test_without_a_cache_every_run_asks(replay: Replay) -> None:
    fetch(replay, False)
    fetch(replay, False)
    assert len(replay.requests("/cdx/")) == 2


def test_dates_and_limit(replay: Replay, tmp_path: Path) -> None:
    found = fetch(replay, tmp_path, from_date="2025-03-07", limit=1)
    (cdx,) = replay.requests("/cdx/")
    assert cdx.args["from"] == "20250307"
    # the first capture from then on: the first page again, a repeat only of what came before
    assert [c.name for c in found.captures] == ["2025-03-07T06:00:05Z"]
    assert found.beyond_limit == 2
    with pytest.raises(Exception, match="not a date"):
        fetch(replay, tmp_path, to_date="March")


def test_story_shows_the_edits(replay: Replay, tmp_path: Path) -> None:
    session = wayback_session(replay.url, rate_limit=False)
    story = wayback_story(LIBRARY_URL, archive=replay.url, cache=tmp_path, session=session)
    assert [v.name for v in story.versions] == NAMES
    against = NAMES[0] if story.canonical == NAMES[-1] else NAMES[-1]
    edited = [
        e.deleted + e.inserted
        for c in story.revisions[against].substantive_changes
        for e in c.edits
    ]
    assert any(EDITED_LEDE.split(",")[0] in text for text in edited), edited


def test_a_capture_that_cannot_be_played_is_left_out(httpserver: Any, tmp_path: Path) -> None:
    replay = Replay(httpserver, [*listing(), Listed("20250311000000", LIBRARY_URL, None)])
    found = fetch(replay, tmp_path)
    assert [c.name for c in found.captures] == NAMES
    assert found.unplayable == 1


def test_an_unreadable_capture_is_left_out_of_the_story(replay: Replay, tmp_path: Path) -> None:
    captures = fetch(replay, tmp_path).captures
    empty = captures[1].__class__(
        url=LIBRARY_URL, time=captures[1].time, content=b"<html></html>", digest="x"
    )
    collated = collate_captures([captures[0], empty, captures[2]], "earliest")
    assert [v.name for v in collated.story.versions] == [NAMES[0], NAMES[2]]
    assert [name for name, _ in collated.unreadable] == [NAMES[1]]
    assert collated.story.canonical == NAMES[0]
    assert collate_captures(captures, "latest").story.canonical == NAMES[-1]


def test_a_new_page_around_the_same_article_is_left_out(
    httpserver: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_weather = V3.replace(b"Sport</a>", b'Sport</a> <a href="/weather">Weather</a>')
    replay = Replay(
        httpserver,
        [*listing(), Listed("20250311000000", LIBRARY_URL, with_weather)],
    )
    found = fetch(replay, tmp_path)
    assert len(found.captures) == 4  # four distinct payloads…
    collated = collate_captures(found.captures)
    assert collated.unchanged == ["2025-03-11T00:00:00Z"]  # …but three distinct articles
    assert [v.name for v in collated.story.versions] == NAMES
    kept = collate_captures(found.captures, keep_unchanged=True)
    assert len(kept.story.versions) == 4
    args = ["wayback", LIBRARY_URL, "--archive", replay.url, "--cache", str(tmp_path)]
    assert main([*args, "--view", "json"]) == 0
    assert "left out 1 captures whose article text is the same" in capsys.readouterr().err


def test_rate_limited(replay: Replay, tmp_path: Path) -> None:
    replay.cdx_status = 429
    with pytest.raises(WaybackError, match=r"limiting our requests \(HTTP 429\)") as caught:
        fetch(replay, tmp_path)
    assert "\n" not in str(caught.value)


def test_server_errors_are_retried_then_reported(replay: Replay, tmp_path: Path) -> None:
    replay.cdx_status = 503
    session = wayback_session(replay.url, rate_limit=False, retries=2, backoff=0.01)
    with pytest.raises(WaybackError, match="answered with an error: 503") as caught:
        wayback_captures(LIBRARY_URL, archive=replay.url, cache=tmp_path, session=session)
    assert len(replay.requests("/cdx/")) == 3  # the first try and two retries
    assert "\n" not in str(caught.value)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_offline(tmp_path: Path) -> None:
    archive = f"http://127.0.0.1:{_closed_port()}"
    session = wayback_session(archive, rate_limit=False, retries=1, backoff=0.01)
    with pytest.raises(WaybackError, match="connection refused") as caught:
        wayback_captures(LIBRARY_URL, archive=archive, cache=tmp_path, session=session)
    assert "\n" not in str(caught.value)


def test_a_name_that_does_not_resolve_fails_at_once(tmp_path: Path) -> None:
    start = time.perf_counter()
    with pytest.raises(WaybackError, match=r"cannot reach archive\.invalid"):
        wayback_captures(LIBRARY_URL, archive="http://archive.invalid", cache=tmp_path)
    assert time.perf_counter() - start < 10  # no retries with backoff


def test_command(replay: Replay, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html = tmp_path / "history.html"
    args = ["wayback", LIBRARY_URL, "--archive", replay.url, "--cache", str(tmp_path / "c")]
    assert main([*args, "--html", str(html)]) == 0
    assert "Riverside Library" in html.read_text()
    assert all(name in html.read_text() for name in NAMES)
    assert 'class="nd-map nd-tall"' in html.read_text()  # capture times stand on end
    err = capsys.readouterr().err
    assert "6 captures listed, 3 distinct pages" in err
    assert main([*args, "--view", "summary", "--no-color", "--width", "100"]) == 0
    out, err = capsys.readouterr()
    assert "listing cached on" in err
    assert NAMES[-1] in out
    with pytest.raises(SystemExit):
        main(["wayback", LIBRARY_URL, "--from", "soon"])
    assert "is not a date" in capsys.readouterr().err


def test_command_with_nothing_captured(
    httpserver: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    replay = Replay(httpserver, [])
    args = ["wayback", LIBRARY_URL, "--archive", replay.url, "--no-cache", "--from", "2025"]
    assert main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert (
        err[-1]
        == f"newsdiff: error: no HTML captures of {LIBRARY_URL} between 2025 and now to show"
    )
