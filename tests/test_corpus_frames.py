"""Corpus mode: pandas DataFrames of stories, revisions and a job's changes.csv."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

import newsdiff
from newsdiff.corpus import (
    CHANGE_COLUMNS,
    collate_corpus,
    read_changes,
    records_frame,
    revision_frame,
    run_corpus,
    story_frame,
    synthetic_stories,
)
from newsdiff.demo import demo_versions

pd: Any = pytest.importorskip("pandas")


def test_story_frame() -> None:
    story = newsdiff.collate(demo_versions())
    frame = story_frame(story, story_id="bridge")
    assert tuple(frame.columns) == CHANGE_COLUMNS
    assert len(frame) == sum(len(r.changes) for r in story.revisions.values())
    assert set(frame["version"]) == {"v1", "v2", "v3", "v4"}
    assert (frame["canonical"] == "v5").all()
    assert frame["similarity"].dtype == "float64"
    assert frame["typography_only"].dtype == "bool"
    by_kind = frame.groupby("kind")["words_inserted"].sum()
    assert by_kind["changed"] > 0
    revision = story.revisions["v2"]
    single = revision_frame(revision)
    assert len(single) == len(revision.changes)
    assert single["words_inserted"].sum() == revision.stats.words_inserted


def test_read_changes_matches_records_frame(tmp_path: Path) -> None:
    stories = list(synthetic_stories(5, 3))
    run_corpus(stories, tmp_path / "out")
    from_disk = read_changes(tmp_path / "out")
    in_memory = records_frame(collate_corpus(stories))
    pd.testing.assert_frame_equal(from_disk, in_memory)
    assert str(from_disk["timestamp"].dt.tz) == "UTC"
    assert from_disk["substantive"].dtype == "bool"
    assert (from_disk["edits"] != "").any()


def test_worked_example_runs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("trafilatura")  # one version of the example is an HTML page
    path = Path(__file__).resolve().parent.parent / "examples" / "corpus" / "analyse.py"
    spec = importlib.util.spec_from_file_location("corpus_example", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    out = capsys.readouterr().out
    assert "2 stories, 5 versions, 0 failed" in out
    assert "harbour-festival: EmptyInputError" in out
    assert "ferry-strike: canonical v3" in out
