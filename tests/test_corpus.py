"""Corpus mode: reading formats, the job (in process and in worker processes), the
outputs, resuming, and the ``newsdiff corpus`` command."""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from itertools import count, islice
from pathlib import Path

import pytest

import newsdiff
import newsdiff.corpus
from newsdiff.cli import main as newsdiff_main
from newsdiff.corpus import (
    CHANGE_COLUMNS,
    CorpusError,
    StoryInput,
    StoryRecord,
    VersionInput,
    collate_corpus,
    collate_story,
    edit_classes,
    open_corpus,
    output,
    records,
    run_corpus,
    story_input,
    synthetic_stories,
    write_jsonl,
)
from newsdiff.corpus import cli as corpus_cli
from newsdiff.demo import demo_versions
from newsdiff.models import ChangeKind, EditClass


def _corpus_folder(root: Path) -> Path:
    """A folder tree: two stories (one nested), one with a version that has no text."""
    versions = demo_versions()
    bridge = root / "in" / "bridge"
    bridge.mkdir(parents=True)
    for name in ("v1", "v2", "v10"):
        source = {"v1": "v1", "v2": "v2", "v10": "v5"}[name]
        (bridge / f"{name}.txt").write_bytes(versions[source])
    (bridge / ".DS_Store").write_bytes(b"\0\0")
    council = root / "in" / "2025" / "council"
    council.mkdir(parents=True)
    (council / "early.txt").write_text("The council met.\n", encoding="utf-8")
    (council / "late.txt").write_text("The council met on Monday.\n", encoding="utf-8")
    empty = root / "in" / "empty"
    empty.mkdir()
    (empty / "a.txt").write_text("Some text here.\n", encoding="utf-8")
    (empty / "b.txt").write_text("   \n", encoding="utf-8")
    return root / "in"


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- reading ----------------------------------------------------------------------------


def test_folder_tree_stories_in_order(tmp_path: Path) -> None:
    corpus = open_corpus(_corpus_folder(tmp_path))
    assert corpus.format == "folder"
    stories = list(corpus.stories())
    assert [s.id for s in stories] == ["2025/council", "bridge", "empty"]
    assert [v.id for v in stories[1].versions] == ["v1", "v2", "v10"]  # numbers by value
    assert corpus.count_versions() == 7


def test_folder_of_files_is_one_story(tmp_path: Path) -> None:
    (tmp_path / "only").mkdir()
    (tmp_path / "only" / "a.txt").write_text("One.\n", encoding="utf-8")
    assert [s.id for s in open_corpus(tmp_path / "only").stories()] == ["only"]


def test_jsonl_groups_consecutive_versions(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    rows = [
        {"story_id": 7, "version_id": 2, "timestamp": "2025-06-14T09:00:00Z", "text": "B b."},
        {"story_id": 7, "version_id": 1, "timestamp": 1749805200, "text": "A a.", "source": "x"},
        {"story_id": "s2", "version_id": "p", "html": "<p>Hello there.</p><p>Bye now.</p>"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    stories = list(open_corpus(path).stories())
    assert [(s.id, [v.id for v in s.versions]) for s in stories] == [
        ("7", ["2", "1"]),
        ("s2", ["p"]),
    ]
    assert stories[0].versions[1].timestamp == "2025-06-13T09:00:00+00:00"
    assert stories[0].versions[1].source == "x"
    assert stories[1].versions[0].html
    assert open_corpus(path).count_versions() == 4  # lines, blank ones included: a hint


def test_jsonl_gzip_and_round_trip(tmp_path: Path) -> None:
    made = list(synthetic_stories(3, 2))
    plain = tmp_path / "c.jsonl"
    assert write_jsonl(made, plain) == 6
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert list(open_corpus(plain).stories()) == made
    assert list(open_corpus(packed).stories()) == made
    assert open_corpus(packed).count_versions() is None


def test_jsonl_bad_lines_become_error_stories(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"story_id": "a", "version_id": "1", "text": "One."}\n'
        "{not json\n"
        '{"story_id": "a", "version_id": "2"}\n'
        '["a list"]\n'
        '{"version_id": "1", "text": "x"}\n',
        encoding="utf-8",
    )
    stories = list(open_corpus(path).stories())
    problems = {s.id: s.problem for s in stories}
    assert problems["c.jsonl:2"] is not None
    assert "not valid JSON" in problems["c.jsonl:2"]
    assert problems["a"] == "line 3: version '2': give exactly one of 'text' and 'html'"
    assert problems["c.jsonl:4"] == "line 4: not a JSON object"
    assert "no story_id" in str(problems["c.jsonl:5"])


def test_jsonl_story_coming_back_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    rows = [("a", "1"), ("b", "1"), ("a", "2")]
    path.write_text(
        "".join(json.dumps({"story_id": s, "version_id": v, "text": "T."}) + "\n" for s, v in rows),
        encoding="utf-8",
    )
    with pytest.raises(CorpusError, match="line 3: story 'a' comes back"):
        list(open_corpus(path).stories())


def test_parquet_reads_like_jsonl(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    made = list(synthetic_stories(3, 2))
    rows = [
        {
            "story_id": s.id,
            "version_id": v.id,
            "timestamp": v.timestamp,
            "source": v.source,
            "text": v.content,
        }
        for s in made
        for v in s.versions
    ]
    path = tmp_path / "c.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    corpus = open_corpus(path)
    assert corpus.format == "parquet"
    assert corpus.count_versions() == 6
    assert list(corpus.stories()) == made


def test_open_corpus_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such file"):
        open_corpus(tmp_path / "missing")
    (tmp_path / "c.txt").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match="cannot tell the corpus format"):
        open_corpus(tmp_path / "c.txt")
    with pytest.raises(CorpusError, match="must be a folder"):
        open_corpus(tmp_path / "c.txt", "folder")
    assert open_corpus(tmp_path / "c.txt", "jsonl").format == "jsonl"


def test_version_order_timestamps_then_ids() -> None:
    versions = (
        VersionInput(id="v10", content="x"),
        VersionInput(id="late", content="x", timestamp="2025-06-14T10:00:00+02:00"),
        VersionInput(id="v2", content="x"),
        VersionInput(id="early", content="x", timestamp="2025-06-14T07:30:00"),
    )
    assert [v.id for v in records.ordered(versions)] == ["early", "late", "v2", "v10"]
    assert records.natural_key("a9") < records.natural_key("a10")


# --- the job ----------------------------------------------------------------------------


def test_collate_story_is_collate() -> None:
    versions = demo_versions()
    record = collate_story(story_input("bridge", versions))
    assert record.ok
    assert record.story == newsdiff.collate(versions)
    assert [v.id for v in record.versions] == list(versions)


def test_canonical_choices() -> None:
    story = story_input("s", {"a": "The bridge shut.", "b": "The bridge shut today, police said."})
    assert collate_story(story).story is not None
    assert collate_story(story, "earliest").story.canonical == "a"  # type: ignore[union-attr]
    assert collate_story(story, "latest").story.canonical == "b"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("story", "message"),
    [
        (StoryInput(id="none", versions=()), "VersionError: the story has no versions"),
        (
            StoryInput(
                id="twice",
                versions=(VersionInput(id="a", content="X."), VersionInput(id="a", content="Y.")),
            ),
            "VersionError: two versions are named 'a'",
        ),
        (story_input("blank", {"a": "Text.", "b": "  "}), "EmptyInputError: version 'b': "),
        (
            StoryInput(
                id="when",
                versions=(VersionInput(id="a", content="X.", timestamp="yesterday"),),
            ),
            "InputError: timestamp 'yesterday' is not ISO 8601",
        ),
        (StoryInput(id="p", versions=(), problem="line 3: broken"), "CorpusError: line 3: broken"),
    ],
)
def test_bad_story_becomes_an_error_record(story: StoryInput, message: str) -> None:
    record = collate_story(story)
    assert record.story is None
    assert record.error is not None
    assert record.error.startswith(message)
    assert StoryRecord.model_validate_json(record.model_dump_json()) == record


def _endless() -> Iterator[StoryInput]:
    for n in count():
        yield story_input(f"s{n}", {"a": "The bridge shut.", "b": f"The bridge shut {n} times."})


def test_collate_corpus_streams_with_worker_processes() -> None:
    # An endless corpus: the workers only ever get a bounded window of it.
    records_ = list(islice(collate_corpus(_endless(), workers=2, chunk_size=2), 5))
    assert [r.story_id for r in records_] == ["s0", "s1", "s2", "s3", "s4"]
    assert all(r.ok for r in records_)


def test_workers_write_the_same_bytes(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_jsonl(synthetic_stories(6, 3), corpus)
    one = run_corpus(corpus, tmp_path / "one")
    two = run_corpus(corpus, tmp_path / "two", workers=2, chunk_size=1)
    assert (one.stories, one.versions, one.failed) == (two.stories, two.versions, 0) == (6, 18, 0)
    for name in (output.STORIES_FILE, output.CHANGES_FILE):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


# --- outputs and resuming -----------------------------------------------------------------


def test_outputs(tmp_path: Path) -> None:
    summary = run_corpus(_corpus_folder(tmp_path), tmp_path / "out")
    assert (summary.stories, summary.versions, summary.failed) == (3, 7, 1)
    assert summary.failures == [("empty", summary.failures[0][1])]
    assert "EmptyInputError: version 'b'" in summary.failures[0][1]
    lines = _lines(tmp_path / "out" / output.STORIES_FILE)
    assert [line["story_id"] for line in lines] == ["2025/council", "bridge", "empty"]
    bridge = StoryRecord.model_validate(lines[1])
    assert bridge.story is not None
    assert bridge.story.canonical == "v10"
    assert [v.name for v in bridge.story.versions] == ["v1", "v2", "v10"]
    assert lines[2]["story"] is None
    with (tmp_path / "out" / output.CHANGES_FILE).open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert tuple(table[0]) == CHANGE_COLUMNS
    expected = sum(len(r.changes) for r in bridge.story.revisions.values()) + 1
    assert len(table) == expected
    council = table[0]
    assert council["story_id"] == "2025/council"
    assert council["version"] == "early"
    assert council["canonical"] == "late"
    assert council["kind"] == "changed"
    assert council["edits"] in {c.value for c in EditClass}  # "on Monday": one edit
    assert council["substantive"] == "true"
    assert council["typography_only"] == "false"
    assert (council["words_inserted"], council["words_deleted"]) == ("0", "2")
    assert {row["story_id"] for row in table} == {"2025/council", "bridge"}


def test_resume_after_an_interruption_gives_the_same_bytes(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    write_jsonl(synthetic_stories(5, 3), corpus)
    run_corpus(corpus, tmp_path / "fresh")
    stories_file = tmp_path / "fresh" / output.STORIES_FILE
    changes_file = tmp_path / "fresh" / output.CHANGES_FILE
    full_stories, full_changes = stories_file.read_bytes(), changes_file.read_bytes()
    # Cut the run off: three stories done, the fourth's line half written, its change
    # rows written and the last one torn.
    broken = tmp_path / "broken"
    broken.mkdir()
    lines = full_stories.splitlines(keepends=True)
    (broken / output.STORIES_FILE).write_bytes(b"".join(lines[:3]) + lines[3][:100])
    rows = full_changes.splitlines(keepends=True)
    fourth = [n for n, row in enumerate(rows) if row.startswith(b"story-00003,")]
    (broken / output.CHANGES_FILE).write_bytes(b"".join(rows[: fourth[-1]]) + rows[fourth[-1]][:9])
    (broken / output.RUN_FILE).write_bytes((tmp_path / "fresh" / output.RUN_FILE).read_bytes())
    seen: list[tuple[str, bool]] = []
    summary = run_corpus(
        corpus, broken, progress=lambda s, v, skipped, e: seen.append((s, skipped))
    )
    assert (summary.stories, summary.skipped) == (2, 3)
    assert seen[:3] == [("story-00000", True), ("story-00001", True), ("story-00002", True)]
    assert (broken / output.STORIES_FILE).read_bytes() == full_stories
    assert (broken / output.CHANGES_FILE).read_bytes() == full_changes
    again = run_corpus(corpus, broken)
    assert (again.stories, again.skipped) == (0, 5)
    with pytest.raises(CorpusError, match="already holds results"):
        run_corpus(corpus, broken, resume=False)


def test_story_id_given_twice(tmp_path: Path) -> None:
    story = story_input("s", {"a": "The bridge shut."})
    summary = run_corpus([story, story], tmp_path / "out")
    assert summary.failed == 1
    assert "story ids must be unique" in summary.failures[0][1]


def test_edit_classes_column() -> None:
    story = newsdiff.collate(demo_versions())
    changes = [c for r in story.revisions.values() for c in r.changes]
    order = [c.value for c in EditClass]
    seen: set[str] = set()
    for change in changes:
        classes = edit_classes(change)
        assert list(classes) == sorted(classes, key=order.index)
        assert set(classes) == {e.edit_class.value for e in change.edits}
        seen.update(classes)
    assert {"figure", "wording"} <= seen
    unchanged = next(c for c in changes if c.kind is ChangeKind.UNCHANGED and not c.edits)
    assert edit_classes(unchanged) == ()


# --- the command ------------------------------------------------------------------------


def _command(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="newsdiff")
    corpus_cli.add_parser(parser.add_subparsers(dest="command", required=True))
    return corpus_cli.run(parser.parse_args(["corpus", *args]))


def test_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    write_jsonl(synthetic_stories(4, 2), corpus)
    out = tmp_path / "out"
    assert _command([str(corpus), "--out", str(out), "--workers", "1"]) == 0
    err = capsys.readouterr().err
    assert "newsdiff: 4 stories (8 versions)" in err
    assert _command([str(corpus), "--out", str(out), "--workers", "1"]) == 0
    assert "4 already done" in capsys.readouterr().err
    assert _command([str(corpus), "--out", str(out), "--overwrite", "--workers", "1"]) == 0
    assert "newsdiff: 4 stories" in capsys.readouterr().err
    assert len(_lines(out / output.STORIES_FILE)) == 4


def test_command_reports_failed_stories(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = _command([str(_corpus_folder(tmp_path)), "--out", str(tmp_path / "o"), "--no-progress"])
    assert code == 1
    err = capsys.readouterr().err
    assert "1 failed" in err
    assert "failed: empty: EmptyInputError: version 'b'" in err


def test_command_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="exclude each other"):
        _command([str(tmp_path), "--out", "o", "--workers", "2", "--scheduler", "tcp://x:1"])
    with pytest.raises(CorpusError, match="no such file"):
        _command([str(tmp_path / "nothing.jsonl"), "--out", "o"])
    with pytest.raises(SystemExit):
        _command([str(tmp_path), "--out", "o", "--workers", "0"])


# --- docs and the synthetic corpus ----------------------------------------------------------


def test_synthetic_corpus_is_deterministic() -> None:
    first = list(synthetic_stories(4, 3, seed=1))
    assert first == list(synthetic_stories(4, 3, seed=1))
    assert first != list(synthetic_stories(4, 3, seed=2))
    assert all(r.ok for r in collate_corpus(first))


def test_bench_runs_and_agrees(capsys: pytest.CaptureFixture[str]) -> None:
    from newsdiff.corpus import bench

    assert bench.main(["--stories", "4", "--versions", "2", "--no-dask"]) == 0
    out = capsys.readouterr().out
    assert "outputs identical across runs: yes" in out
    assert "| 2 worker processes | 8 |" in out


# --- resuming safely --------------------------------------------------------------------


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = newsdiff_main(["corpus", *args, "--workers", "1", "--no-progress"])
    return code, capsys.readouterr().err


def test_results_of_another_corpus_are_not_resumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The three commands of docs/corpus.md, run in order with one --out.
    folder = _corpus_folder(tmp_path)
    jsonl = tmp_path / "versions.jsonl"
    write_jsonl(synthetic_stories(2, 2), jsonl)
    out = str(tmp_path / "results")
    assert _cli([str(folder), "--out", out], capsys)[0] == 1  # one story fails on purpose
    before = (tmp_path / "results" / output.STORIES_FILE).read_bytes()
    code, err = _cli([str(jsonl), "--out", out], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert f"holds results of {folder.resolve()} (folder), not of {jsonl.resolve()}" in err
    assert "--overwrite" in err
    assert (tmp_path / "results" / output.STORIES_FILE).read_bytes() == before
    code, err = _cli([str(jsonl), "--out", out, "--overwrite"], capsys)
    assert (code, err.count("failed")) == (0, 0)
    run = json.loads((tmp_path / "results" / output.RUN_FILE).read_text(encoding="utf-8"))
    assert run == {"input": str(jsonl.resolve()), "format": "jsonl", "canonical": "complete"}


def test_the_same_corpus_by_another_path_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = tmp_path / "versions.jsonl"
    write_jsonl(synthetic_stories(2, 2), jsonl)
    assert _cli([str(jsonl), "--out", str(tmp_path / "o")], capsys)[0] == 0
    monkeypatch.chdir(tmp_path)
    code, err = _cli(["versions.jsonl", "--out", "o"], capsys)
    assert code == 0
    assert "2 already done" in err


def test_results_of_another_canonical_rule_are_not_resumed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jsonl = tmp_path / "versions.jsonl"
    write_jsonl(synthetic_stories(2, 2), jsonl)
    out = str(tmp_path / "o")
    assert _cli([str(jsonl), "--out", out], capsys)[0] == 0
    code, err = _cli([str(jsonl), "--out", out, "--canonical", "latest"], capsys)
    assert code == 2
    assert "made with canonical 'complete', not 'latest'" in err


def test_a_rerun_says_that_earlier_failures_are_still_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder, out = str(_corpus_folder(tmp_path)), str(tmp_path / "o")
    assert _cli([folder, "--out", out], capsys)[0] == 1
    code, err = _cli([folder, "--out", out], capsys)
    assert code == 1
    assert "3 already done; 1 failed in an earlier run" in err
    assert "failed earlier: empty: EmptyInputError" in err
    assert "--overwrite" in err
    summary = run_corpus(folder, out)
    assert not summary.ok
    assert [story for story, _ in summary.failed_earlier] == ["empty"]


def test_stories_from_python_and_from_a_file_do_not_mix(tmp_path: Path) -> None:
    stories = list(synthetic_stories(2, 2))
    run_corpus(stories, tmp_path / "o")
    assert run_corpus(stories, tmp_path / "o").skipped == 2  # cannot tell: resumed
    jsonl = tmp_path / "versions.jsonl"
    write_jsonl(stories, jsonl)
    with pytest.raises(CorpusError, match="holds results of stories given from Python"):
        run_corpus(jsonl, tmp_path / "o")


UNGUARDED = """
from newsdiff.corpus import run_corpus, story_input

stories = [story_input(f"s{n}", {"a": "The bridge shut.", "b": "The bridge shut today."})
           for n in range(4)]
run_corpus(stories, "out", workers=2)
"""


def _run_script(folder: Path, code: str) -> subprocess.CompletedProcess[str]:
    script = folder / "job.py"
    script.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_script_without_a_main_guard_is_told_so(tmp_path: Path) -> None:
    done = _run_script(tmp_path, UNGUARDED)
    assert done.returncode != 0
    assert 'has no `if __name__ == "__main__":` guard' in done.stderr
    assert "stopped abruptly" not in done.stderr
    assert "bootstrapping phase" not in done.stderr  # multiprocessing's own message
    guard = 'if __name__ == "__main__":\n    run_corpus(stories'
    done = _run_script(tmp_path, UNGUARDED.replace("run_corpus(stories", guard))
    assert done.returncode == 0, done.stderr
    written = (tmp_path / "out" / output.STORIES_FILE).read_text(encoding="utf-8")
    assert len(written.splitlines()) == 4
