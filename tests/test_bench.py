"""A quick smoke run of the benchmark at tiny sizes: it runs and reports, nothing is timed."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from newsdiff import bench, bench_memory, bench_synthetic, bench_text


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
            "--no-memory",
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
    assert "(memory not measured)" in out


def test_memory_targets_measure_each_case_in_a_fresh_process(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = bench.main(["--memory-targets", "--sizes", "40", "--versions", "3", "--long", "200"])
    out = capsys.readouterr().out
    assert code == 0
    assert "## Real stories" not in out  # only the memory targets
    assert "200-paragraph pair, one word apart" in out
    assert "collate 3 × 40 paragraphs ≤ 300 MB peak" in out
    assert "parsing the 3 versions alone" in out
    assert "fresh Python process" in out


def test_a_fresh_process_reports_time_and_resident_memory() -> None:
    run = bench_memory.measure("long-parsed", 50)
    assert run.ms > 0
    if sys.platform == "linux":
        assert run.peak_mb is not None
        assert run.before_mb is not None
        assert run.call_only  # the high-water mark counts from just before the call
        # An interpreter with newsdiff imported holds some tens of MB; the call adds little.
        assert 10 < run.before_mb <= run.peak_mb
        assert run.added_mb is not None
        assert run.added_mb < 20
    assert bench_memory.measure("long", 50, memory=False).peak_mb is None


def test_a_failing_case_is_a_clear_error() -> None:
    with pytest.raises(RuntimeError, match="'no-such-case' failed in its own process"):
        bench_memory.measure("no-such-case", 10)


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
    base = bench_synthetic.Synthetic(1).story(200)
    assert base == bench_synthetic.Synthetic(1).story(200)
    version = bench_synthetic.Synthetic(2).version(base)
    assert version != base
    assert abs(len(version) - len(base)) <= 5


def test_parse_is_timed_against_another_checkout(tmp_path: Path) -> None:
    here = Path(bench_text.__file__).resolve().parent.parent
    texts = ["A short note.\n\nThe council met on Monday and voted to rebuild the bridge."]
    result = bench_text.against_checkout(here, texts, repeat=1, rounds=1)
    assert result.this_ms > 0
    assert result.that_ms > 0
    assert result.ratio == result.this_ms / result.that_ms  # one round
    with pytest.raises(ValueError, match="holds no newsdiff package"):
        bench_text.against_checkout(tmp_path, texts, repeat=1)
    (tmp_path / "newsdiff").mkdir()
    (tmp_path / "newsdiff" / "__init__.py").write_text("def parse(text): raise KeyError(text)\n")
    with pytest.raises(RuntimeError, match="failed: KeyError"):
        bench_text.against_checkout(tmp_path, texts, repeat=1, rounds=1)
    with pytest.raises(SystemExit):
        bench.main(["--parse-baseline", str(tmp_path / "absent")])
