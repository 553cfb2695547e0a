"""Parquet tables of a corpus job's results, for DuckDB, pandas and polars (the
optional extra ``newsdiff[parquet]``).

:func:`write_tables` reads ``OUT/stories.jsonl`` (every line validated as a
:class:`StoryRecord`) and writes three tables beside it, one story at a time, so memory
stays flat however many stories there are:

* ``stories.parquet`` — one row per story (:data:`STORY_COLUMNS`);
* ``changes.parquet`` — one row per change, the columns of ``changes.csv``;
* ``spans.parquet`` — one row per span of the word diff of every change that is not
  unchanged (:data:`SPAN_COLUMNS`), with its text.

The tables are made afresh from the whole of ``stories.jsonl`` each time, so they
always match it, after a resumed run too.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from newsdiff.corpus.output import CHANGE_COLUMNS, STORIES_FILE, ChangeRow, change_rows
from newsdiff.corpus.records import CorpusError, StoryRecord, parse_timestamp
from newsdiff.errors import ExtraMissingError, InvalidDataError
from newsdiff.models import ChangeKind

STORIES_TABLE = "stories.parquet"
CHANGES_TABLE = "changes.parquet"
SPANS_TABLE = "spans.parquet"
_ROWS_PER_GROUP = 50_000


class StoryTableRow(NamedTuple):
    """One row of ``stories.parquet``."""

    story_id: str
    versions: int
    canonical: str | None
    """the canonical version's id (none for a failed story)"""
    error: str | None
    canonical_paragraphs: int
    substantive_changes: int
    """changes, over every revision, that alter what the story says"""
    words_inserted: int
    words_deleted: int


class SpanRow(NamedTuple):
    """One row of ``spans.parquet``: one span of one change's word diff."""

    story_id: str
    version: str
    change: int
    """the change's position in the revision, as in the changes table"""
    span: int
    """the span's position in the change"""
    op: str
    """equal, insert or delete"""
    edit: str | None
    """the edit class of an insert or delete span (figure, quote, wording…)"""
    old_paragraph: int | None
    """position of the span's paragraph among the canonical's paragraphs"""
    new_paragraph: int | None
    """position of the span's paragraph among the version's paragraphs"""
    text: str


STORY_COLUMNS: tuple[str, ...] = StoryTableRow._fields
"""The columns of ``stories.parquet``, in order: one row per story."""
SPAN_COLUMNS: tuple[str, ...] = SpanRow._fields
"""The columns of ``spans.parquet``, in order: one row per span of a change's word diff."""


def _arrow() -> tuple[Any, Any]:
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ExtraMissingError.needs("Parquet tables", "parquet", "pyarrow") from None


def _schemas(pa: Any) -> dict[str, Any]:
    text, count, flag = pa.string(), pa.int64(), pa.bool_()
    return {
        STORIES_TABLE: pa.schema(
            [("story_id", text), ("versions", count), ("canonical", text), ("error", text)]
            + [(c, count) for c in STORY_COLUMNS[4:]]
        ),
        CHANGES_TABLE: pa.schema(
            [(c, text) for c in ("story_id", "version")]
            + [("timestamp", pa.timestamp("us", tz="UTC")), ("source", text)]
            + [("canonical", text), ("change", count), ("kind", text), ("edits", text)]
            + [(c, flag) for c in ("substantive", "truncated", "typography_only")]
            + [("similarity", pa.float64())]
            + [(c, count) for c in CHANGE_COLUMNS[-4:]]
        ),
        SPANS_TABLE: pa.schema(
            [
                ("story_id", text),
                ("version", text),
                ("change", count),
                ("span", count),
                ("op", text),
                ("edit", text),
                ("old_paragraph", count),
                ("new_paragraph", count),
                ("text", text),
            ]
        ),
    }


def story_table_row(record: StoryRecord) -> StoryTableRow:
    story = record.story
    if story is None:
        return StoryTableRow(record.story_id, len(record.versions), None, record.error, 0, 0, 0, 0)
    revisions = story.revisions.values()
    return StoryTableRow(
        story_id=record.story_id,
        versions=len(record.versions),
        canonical=story.canonical,
        error=None,
        canonical_paragraphs=len(story.version(story.canonical).article.paragraphs),
        substantive_changes=sum(len(r.substantive_changes) for r in revisions),
        words_inserted=sum(r.stats.words_inserted for r in revisions),
        words_deleted=sum(r.stats.words_deleted for r in revisions),
    )


def span_rows(record: StoryRecord) -> Iterator[SpanRow]:
    """The spans of every change of a story that is not unchanged, revision by revision."""
    if record.story is None:
        return
    for name, revision in record.story.revisions.items():
        for n, change in enumerate(revision.changes):
            if change.kind is ChangeKind.UNCHANGED and not change.typography_only:
                continue
            for k, span in enumerate(change.spans):
                yield SpanRow(
                    story_id=record.story_id,
                    version=name,
                    change=n,
                    span=k,
                    op=span.op.value,
                    edit=span.edit_class.value if span.edit_class else None,
                    old_paragraph=None
                    if span.old_part is None
                    else change.old_positions[span.old_part],
                    new_paragraph=None
                    if span.new_part is None
                    else change.new_positions[span.new_part],
                    text=span.text,
                )


def _records(path: Path) -> Iterator[StoryRecord]:
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                yield StoryRecord.model_validate_json(line)
            except InvalidDataError as exc:
                raise CorpusError(f"{path}:{number}: {exc}") from None
            except ValueError as exc:  # not newsdiff's model: pydantic's own error
                problem = str(exc).splitlines()[0]
                raise CorpusError(f"{path}:{number}: not a story record ({problem})") from None


class _Table:
    """A Parquet file written in row groups, rows given one at a time."""

    def __init__(self, pa: Any, pq: Any, path: Path, schema: Any) -> None:
        self._pa = pa
        self._schema = schema
        self._rows: list[tuple[Any, ...]] = []
        self._writer = pq.ParquetWriter(str(path), schema)
        self.count = 0

    def add(self, rows: Iterable[tuple[Any, ...]]) -> None:
        self._rows.extend(rows)
        if len(self._rows) >= _ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        columns = list(zip(*self._rows, strict=True))
        arrays = [
            self._pa.array(list(values), type=f.type)
            for values, f in zip(columns, self._schema, strict=True)
        ]
        self._writer.write_table(self._pa.Table.from_arrays(arrays, schema=self._schema))
        self.count += len(self._rows)
        self._rows.clear()

    def close(self) -> None:
        self._flush()
        self._writer.close()

    def abandon(self) -> None:
        self._rows.clear()
        self._writer.close()


def _change_values(row: ChangeRow) -> tuple[Any, ...]:
    return row._replace(timestamp=_timestamp(row.timestamp))


def _timestamp(value: str | None) -> Any:
    return None if value is None else parse_timestamp(value)


def write_tables(out: str | os.PathLike[str]) -> dict[str, int]:
    """Write ``stories.parquet``, ``changes.parquet`` and ``spans.parquet`` into the
    output folder ``out`` from its ``stories.jsonl``; returns the rows of each table.

    >>> write_tables("results/")  # doctest: +SKIP
    {'stories.parquet': 1000, 'changes.parquet': 151234, 'spans.parquet': 80321}
    """
    pa, pq = _arrow()
    folder = Path(out)
    source = folder / STORIES_FILE
    if not source.is_file():
        raise CorpusError(f"{source}: no such file; run the corpus job into {folder} first")
    schemas = _schemas(pa)
    tables = {name: _Table(pa, pq, folder / f"{name}.partial", s) for name, s in schemas.items()}
    try:
        for record in _records(source):
            tables[STORIES_TABLE].add([story_table_row(record)])
            tables[CHANGES_TABLE].add(_change_values(r) for r in change_rows(record))
            tables[SPANS_TABLE].add(span_rows(record))
        for table in tables.values():
            table.close()
    except BaseException:
        for name, table in tables.items():
            table.abandon()
            (folder / f"{name}.partial").unlink(missing_ok=True)
        raise
    for name in tables:
        os.replace(folder / f"{name}.partial", folder / name)
    return {name: table.count for name, table in tables.items()}
