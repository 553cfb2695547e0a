"""A quick smoke run of the benchmark at tiny sizes: it runs and reports, nothing is timed."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from newsdiff import bench


def test_benchmark_runs_at_tiny_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = bench.main(
        [
            "--stories",
            str(tmp_path / "absent"),
            "--pages",
            str(tmp_path / "no-pages"),
            "--sizes",
            "12,24",
            "--versions",
            "3",
            "--repeat",
            "1",
            "--no-baselines",
            "--long",
            "300",
            "--changes-size",
            "50",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "shared stories skipped" in out
    assert "built-in (harbour-bridge)" in out
    assert "| 12 |" in out
    assert "| 24 |" in out
    assert "## Targets" in out
    assert "300-paragraph pair, one word apart" in out
    assert "| 10 |" in out  # paragraphs edited
    assert "collated ≤ 60,944 bytes of JSON" in out
    if importlib.util.find_spec("trafilatura") is not None:
        assert "built-in pages" in out
        assert "trafilatura.extract on the same pages" in out
    assert "parse(text), 5 seed-size versions" in out
    assert "the rule-only parse" in out


def test_benchmark_pages_are_a_fixed_sample(tmp_path: Path) -> None:
    (tmp_path / "html").mkdir()
    ids = [f"page{n}" for n in range(5)]
    (tmp_path / "pages.jsonl").write_text("".join(json.dumps({"id": i}) + "\n" for i in ids))
    for i in ids:
        (tmp_path / "html" / f"{i}.html.gz").write_bytes(gzip.compress(f"<p>{i}</p>".encode()))
    assert list(bench.sample_pages(tmp_path, 2)) == ["page0", "page2", "page4"]
    assert bench.sample_pages(tmp_path, 2)["page2"] == b"<p>page2</p>"
    assert bench.sample_pages(tmp_path / "absent", 2) == {}


def test_html_timing_compares_the_same_pages() -> None:
    pytest.importorskip("trafilatura")
    result = bench.bench_html(bench.builtin_pages(), repeat=1, source="built-in pages")
    assert result is not None
    assert result.pages >= 1
    assert result.parse_ms > 0
    assert result.extract_ms > 0
    target = bench.targets([], [], None, html=result)[-1]
    assert "trafilatura.extract" in target.name
    assert target.met is (result.ratio <= bench.TARGET_HTML_RATIO)


def test_shared_stories_are_read_from_a_folder(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The mayor spoke on Monday about the new bridge plans.\n")
    (story / "b.txt").write_text("The mayor spoke on Tuesday about the new bridge plans.\n")
    found = bench.shared_stories(tmp_path)
    assert list(found) == ["story"]
    result = bench.bench_story("story", found["story"], repeat=1)
    assert len(result.pairs) == 2
    assert all(p.whole_text > 0 and p.html > 0 for p in result.pairs)


def test_synthetic_versions_are_deterministic_and_edit_five_percent() -> None:
    base = bench.Synthetic(1).story(200)
    assert base == bench.Synthetic(1).story(200)
    version = bench.Synthetic(2).version(base)
    assert version != base
    assert abs(len(version) - len(base)) <= 5
