"""Parquet tables of a corpus job, and the DuckDB query docs/corpus.md shows over them."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from newsdiff.corpus import (
    CHANGE_COLUMNS,
    SPAN_COLUMNS,
    STORY_COLUMNS,
    CorpusError,
    run_corpus,
    story_input,
    write_tables,
)

ROOT = Path(__file__).resolve().parent.parent

FERRY = """A ferry capsized off Port Averly on Tuesday night, and at least {toll} people were killed, the coastguard said.

Divers searched the hull until dawn while relatives waited on the quay.

The harbour master said the ferry had been inspected in March.

The operator suspended its other crossings until further notice."""

QUAY = """The quay at Sendal reopened on Monday after six weeks of repairs.

The council said the work cost {cost} crowns, more than planned.

Fishing boats returned to their moorings by the afternoon."""


def _stories() -> list:  # type: ignore[type-arg]
    ferry = {f"v{n}": FERRY.format(toll=toll) for n, toll in enumerate([9, 12, 15, 17], 1)}
    ferry["v4"] += "\n\nAn inquiry into the sinking will open next month."  # the canonical
    quay = {"v1": QUAY.format(cost="2 million"), "v2": QUAY.format(cost="3 million")}
    return [
        story_input("ferry", ferry),
        story_input("quay", quay),
        story_input("empty", {"v1": "   ", "v2": "The quay reopened."}),
    ]


def _docs_query(out: Path) -> str:
    text = (ROOT / "docs" / "corpus.md").read_text(encoding="utf-8")
    query = re.search(r"<!-- the corpus tests run this query -->\n```sql\n(.*?)```", text, re.S)
    assert query is not None
    return query.group(1).replace("results/", f"{out}/")


def test_tables_match_the_job_and_the_docs_query_runs(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "results"
    run_corpus(_stories(), out)
    counts = write_tables(out)
    stories = pq.read_table(out / "stories.parquet").to_pylist()
    assert tuple(pq.read_schema(out / "stories.parquet").names) == STORY_COLUMNS
    assert [s["story_id"] for s in stories] == ["ferry", "quay", "empty"]
    assert stories[0]["canonical"] == "v4"
    assert stories[0]["substantive_changes"] >= 3
    assert stories[2]["error"].startswith("EmptyInputError")
    changes = pq.read_table(out / "changes.parquet")
    assert tuple(changes.schema.names) == CHANGE_COLUMNS
    with (out / "changes.csv").open(encoding="utf-8", newline="") as handle:
        assert changes.num_rows == len(list(csv.DictReader(handle))) == counts["changes.parquet"]
    spans = pq.read_table(out / "spans.parquet").to_pylist()
    assert tuple(pq.read_schema(out / "spans.parquet").names) == SPAN_COLUMNS
    figures = {(s["version"], s["op"], s["text"]) for s in spans if s["edit"] == "figure"}
    assert ("v1", "delete", "17") in figures
    assert ("v1", "insert", "9") in figures

    found = duckdb.sql(_docs_query(out)).fetchall()
    assert found == [("ferry", 3)]  # the quay's cost changed once, and is no death toll


def test_tables_need_the_job_results(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    with pytest.raises(CorpusError, match=r"stories\.jsonl: no such file"):
        write_tables(tmp_path)


def test_a_corrupt_results_line_is_a_corpus_error_and_leaves_no_table(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    run_corpus(_stories(), tmp_path)
    with (tmp_path / "stories.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"story_id": "torn", "versions": [], "story": {"canonical": 3}}\n')
    with pytest.raises(CorpusError, match=r"stories\.jsonl:4: "):
        write_tables(tmp_path)
    assert not list(tmp_path.glob("*.parquet*"))
