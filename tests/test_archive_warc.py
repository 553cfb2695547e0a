"""WARC input: captures read, grouped by article, ordered by time, repeats dropped, and
every unusable record skipped and counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("warcio")
pytest.importorskip("trafilatura")

from newsdiff.archive import WarcCorpus, WarcTally, read_warc
from newsdiff.archive.capture import drop_repeats, version_names
from newsdiff.archive.urls import canonical_link, url_key
from newsdiff.cli import main
from newsdiff.corpus import CorpusError, collate_corpus, open_corpus, run_corpus
from newsdiff.corpus.output import CHANGES_FILE, STORIES_FILE
from tests.archive_pages import (
    EDITED_LEDE,
    FERRY,
    FERRY_URL,
    LIBRARY_TITLE,
    LIBRARY_URL,
    LIBRARY_V1,
    LIBRARY_V3,
    Record,
    crawl_records,
    page,
    warc_bytes,
    write_crawl,
)

LIBRARY_TIMES = ["2025-03-06T18:02:11Z", "2025-03-07T09:30:00Z", "2025-03-10T12:15:00Z"]


@pytest.fixture(params=[True, False], ids=["gzip", "plain"])
def crawl(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    suffix = ".warc.gz" if request.param else ".warc"
    return write_crawl(tmp_path / f"crawl{suffix}", gzip=request.param)


def test_read_warc_yields_html_captures_in_file_order(crawl: Path) -> None:
    tally = WarcTally()
    captures = list(read_warc(crawl, tally))
    assert [c.name for c in captures] == [
        "2025-03-06T18:02:11Z",
        "2025-03-06T18:02:40Z",
        "2025-03-07T06:00:05Z",
        "2025-03-07T09:30:00Z",
        "2025-03-07T09:31:00Z",  # the revisit, standing for the ferry page it repeats
        "2025-03-10T12:15:00Z",
    ]
    assert captures[4].url == FERRY_URL
    assert captures[4].content == captures[1].content
    assert captures[0].canonical == LIBRARY_URL
    assert LIBRARY_V1[0].encode() in captures[0].content
    assert (tally.records, tally.captures) == (11, 6)  # the record cut short is not read
    assert (tally.not_html, tally.failed, tally.truncated) == (1, 1, 1)
    assert tally.other == 2  # warcinfo and request


def test_corpus_groups_orders_and_drops_repeats(crawl: Path) -> None:
    corpus = WarcCorpus(crawl)
    stories = list(corpus)
    assert [s.id for s in stories] == [LIBRARY_URL, FERRY_URL]
    library, ferry = stories
    assert [v.id for v in library.versions] == LIBRARY_TIMES
    assert [v.timestamp for v in library.versions] == LIBRARY_TIMES
    assert library.versions[1].source == f"{LIBRARY_URL}?utm_source=newsletter"
    assert all(v.html for v in library.versions)
    assert [v.id for v in ferry.versions] == ["2025-03-06T18:02:40Z"]
    tally = corpus.tally
    assert (tally.captures, tally.duplicates) == (4, 2)
    assert tally.skipped == 5  # 2 duplicates, 1 image, 1 not found, 1 truncated
    assert tally.summary() == (
        "11 records, 4 HTML captures kept; skipped 2 duplicates, 1 not HTML, 1 not 2xx, "
        "1 truncated or malformed; 2 other records (requests, metadata)"
    )


def test_collated_story_shows_the_edits(crawl: Path) -> None:
    records = list(collate_corpus(WarcCorpus(crawl)))
    assert [r.error for r in records] == [None, None]
    story = records[0].story
    assert story is not None
    assert [v.name for v in story.versions] == LIBRARY_TIMES
    first, last = LIBRARY_TIMES[0], LIBRARY_TIMES[-1]
    against = first if story.canonical == last else last
    edited = [
        edit.deleted + edit.inserted
        for change in story.revisions[against].substantive_changes
        for edit in change.edits
    ]
    assert any("queue of families" in text for text in edited), edited


def test_canonical_link_joins_captures_under_other_urls(tmp_path: Path) -> None:
    amp = f"{LIBRARY_URL}/amp"
    records = [
        Record(LIBRARY_URL, "2025-03-06T18:00:00Z", page(LIBRARY_TITLE, LIBRARY_V1)),
        Record(amp, "2025-03-06T19:00:00Z", page(LIBRARY_TITLE, LIBRARY_V3, canonical=LIBRARY_URL)),
    ]
    path = tmp_path / "amp.warc.gz"
    path.write_bytes(warc_bytes(records))
    assert [len(s.versions) for s in WarcCorpus(path)] == [2]
    by_url = list(WarcCorpus(path, use_canonical=False))
    assert [s.id for s in by_url] == [LIBRARY_URL, amp]


def test_several_files_are_one_crawl(tmp_path: Path) -> None:
    v1 = page(LIBRARY_TITLE, LIBRARY_V1)
    first, second = tmp_path / "crawl-00.warc.gz", tmp_path / "crawl-01.warc.gz"
    first.write_bytes(warc_bytes([Record(LIBRARY_URL, "2025-03-06T18:00:00Z", v1)]))
    second.write_bytes(
        warc_bytes(
            [
                Record(LIBRARY_URL, "2025-03-10T12:00:00Z", page(LIBRARY_TITLE, LIBRARY_V3)),
                Record(LIBRARY_URL, "2025-03-11T12:00:00Z", kind="revisit", repeats=v1),
            ]
        )
    )
    crawl = WarcCorpus([first, second])
    (story,) = crawl
    assert [v.id for v in story.versions] == [
        "2025-03-06T18:00:00Z",
        "2025-03-10T12:00:00Z",
        "2025-03-11T12:00:00Z",  # changed back: a revisit of the first file's capture
    ]
    assert (crawl.tally.unresolved, crawl.tally.duplicates) == (0, 0)
    (alone,) = WarcCorpus([second])  # without the first file, the revisit is unresolved
    assert alone.versions[-1].id == "2025-03-10T12:00:00Z"


def test_captures_in_the_same_second_get_distinct_names(tmp_path: Path) -> None:
    records = [
        Record(LIBRARY_URL, "2025-03-06T18:00:00Z", page(LIBRARY_TITLE, LIBRARY_V1)),
        Record(LIBRARY_URL, "2025-03-06T18:00:00.5Z", page(LIBRARY_TITLE, LIBRARY_V3)),
    ]
    path = tmp_path / "same-second.warc"
    path.write_bytes(warc_bytes(records, gzip=False))
    (story,) = WarcCorpus(path)
    assert [v.id for v in story.versions] == ["2025-03-06T18:00:00Z", "2025-03-06T18:00:00Z#2"]


def test_garbage_between_records_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    good = [Record(LIBRARY_URL, "2025-03-06T18:00:00Z", page(LIBRARY_TITLE, LIBRARY_V1))]
    late = [Record(FERRY_URL, "2025-03-07T18:00:00Z", page("Ferry", FERRY))]
    for gzip in (True, False):
        path = tmp_path / f"garbage-{gzip}.warc"
        path.write_bytes(
            warc_bytes(good, gzip=gzip) + b"\x00garbage\r\n\r\n" * 3 + warc_bytes(late, gzip=gzip)
        )
        tally = WarcTally()
        assert [c.url for c in read_warc(path, tally)] == [LIBRARY_URL, FERRY_URL]
        assert tally.truncated == 1


def test_a_file_that_is_not_a_warc_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.warc.gz"
    path.write_text("just some notes\n" * 100)
    with pytest.raises(CorpusError, match="no WARC record could be read"):
        list(read_warc(path))
    assert main(["corpus", str(path), "--out", str(tmp_path / "out")]) == 2
    assert "is it a WARC file?" in capsys.readouterr().err
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert list(read_warc(empty)) == []  # nothing to read is not an error


def test_corpus_command_on_a_warc(
    crawl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert main(["corpus", str(crawl), "--out", str(out), "--workers", "1"]) == 0
    lines = (out / "stories.jsonl").read_text().splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["story_id"] for r in records] == [LIBRARY_URL, FERRY_URL]
    assert [v["id"] for v in records[0]["versions"]] == LIBRARY_TIMES
    err = capsys.readouterr().err
    assert "2 stories (4 versions)" in err
    assert "skipped 2 duplicates, 1 not HTML, 1 not 2xx, 1 truncated or malformed" in err
    assert open_corpus(crawl).format == "warc"


def test_corpus_command_with_worker_processes_writes_the_same(crawl: Path, tmp_path: Path) -> None:
    outs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}"
        assert main(["corpus", str(crawl), "--out", str(out), "--workers", workers]) == 0
        outs.append((out / "stories.jsonl").read_bytes())
    assert outs[0] == outs[1]


def test_url_key_and_canonical_link() -> None:
    assert (
        url_key("HTTP://WWW.Example.org:80/a//b/?b=2&a=1&fbclid=x#c") == "example.org/a/b?a=1&b=2"
    )
    assert url_key("https://example.org:8443/a") == "example.org:8443/a"
    assert url_key("mailto:someone@example.org") is None
    assert url_key("https://[broken/") is None
    head = b"<head><meta property='og:url' content='https://example.org/a'><link rel=canonical href=/b></head>"
    assert canonical_link(head, "https://example.org/x") == "https://example.org/b"
    assert (
        canonical_link(head[:70] + b"</head>", "https://example.org/x") == "https://example.org/a"
    )
    assert (
        canonical_link(
            b'<link rel="canonical" href="https://example.org/">', "https://example.org/x"
        )
        is None
    )
    after_head = b"<head></head><body><link rel='canonical' href='/c'></body>"
    assert canonical_link(after_head, "https://example.org/x") is None


def test_drop_repeats_keeps_a_change_back() -> None:
    from datetime import UTC, datetime

    from newsdiff.archive import Capture

    def capture(hour: int, digest: str) -> Capture:
        return Capture(
            url=LIBRARY_URL, time=datetime(2025, 3, 6, hour, tzinfo=UTC), content=b"", digest=digest
        )

    kept, dropped = drop_repeats(
        [capture(1, "a"), capture(2, "a"), capture(3, "b"), capture(4, "a")]
    )
    assert [c.time.hour for c in kept] == [1, 3, 4]
    assert dropped == 1
    assert version_names([c.time for c in kept])[0] == "2025-03-06T01:00:00Z"


def test_crawl_fixture_is_what_the_tests_say() -> None:
    records = crawl_records()
    assert sum(r.url.startswith(LIBRARY_URL) and r.kind == "response" for r in records) == 5
    assert EDITED_LEDE in LIBRARY_V3[0]


def test_dask_run_writes_what_a_local_run_writes(tmp_path: Path) -> None:
    distributed: Any = pytest.importorskip("distributed")
    crawl = write_crawl(tmp_path / "crawl.warc.gz")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        remote = run_corpus(WarcCorpus(crawl), tmp_path / "dask", client=client, chunk_size=1)
    run_corpus(crawl, tmp_path / "local")
    assert (remote.stories, remote.versions, remote.failed) == (2, 4, 0)
    for name in (STORIES_FILE, CHANGES_FILE):
        assert (tmp_path / "dask" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()


def test_public_names() -> None:
    import newsdiff.archive

    assert newsdiff.archive.__all__ == [
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


def test_benchmark_reads_every_input_format(tmp_path: Path) -> None:
    from newsdiff.corpus.bench import reading_markdown, reading_rates
    from newsdiff.corpus.synthetic import synthetic_stories

    stories = list(synthetic_stories(3, 2))
    rates = reading_rates(stories, tmp_path)
    assert [(label, versions) for label, versions, _ in rates] == [
        ("folder tree", 6),
        ("JSON Lines", 6),
        ("WARC (HTML captures)", 6),
    ]
    assert "| WARC (HTML captures) | 6 |" in reading_markdown(rates)


BENCHMARK_PAGES = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "trafilatura-eval"
)


@pytest.mark.skipif(not BENCHMARK_PAGES.is_dir(), reason="the shared benchmark pages are absent")
def test_real_pages_come_back_whole_and_apart(tmp_path: Path) -> None:
    """Pages nobody on the team wrote, crawled without a declared content type: every one
    is taken for HTML, read back byte for byte, and no two articles are merged."""
    import gzip

    lines = (BENCHMARK_PAGES / "pages.jsonl").read_text().splitlines()
    pages = [json.loads(line) for line in lines[:300]]
    pages = [p for p in pages if url_key(p["url"]) is not None]
    contents = [
        gzip.decompress((BENCHMARK_PAGES / "html" / f"{p['id']}.html.gz").read_bytes())
        for p in pages
    ]
    records = [
        Record(
            p["url"],
            f"2025-01-01T{n // 3600:02d}:{n // 60 % 60:02d}:{n % 60:02d}Z",
            data,
            content_type="",
        )
        for n, (p, data) in enumerate(zip(pages, contents, strict=True))
    ]
    path = tmp_path / "real.warc"
    path.write_bytes(warc_bytes(records, gzip=False))
    captures = list(read_warc(path))
    assert [c.content for c in captures] == contents
    stories = list(WarcCorpus(path))
    assert len(stories) == len({url_key(p["url"]) for p in pages})
