"""A quick smoke run of the benchmark at tiny sizes: it runs and reports, nothing is timed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff import bench


def test_benchmark_runs_at_tiny_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = bench.main(
        [
            "--stories",
            str(tmp_path / "absent"),
            "--sizes",
            "12,24",
            "--versions",
            "3",
            "--repeat",
            "1",
            "--no-baselines",
            "--benchmark",
            str(tmp_path / "absent"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "shared stories skipped" in out
    assert "built-in (harbour-bridge)" in out
    assert "| 12 |" in out
    assert "| 24 |" in out
    assert "## Targets" in out
    assert "parse(text), 5 seed-size versions" in out
    assert "the rule-only parse" in out


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
