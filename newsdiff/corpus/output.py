"""Writing a corpus job's results: ``stories.jsonl`` and the flat ``changes.csv``.

``stories.jsonl`` holds one :class:`~newsdiff.corpus.StoryRecord` a line (the collated
:class:`~newsdiff.Story`, or the error), in corpus order. ``changes.csv`` has one row per
change of every revision (:data:`CHANGE_COLUMNS`), for pandas, DuckDB or a spreadsheet.

Resuming: a story's change rows are flushed before its line, so a story is done exactly
when its line is complete. On reopening, a torn last line is cut off and change rows of
stories without a line are dropped; the run then appends. ``run.json`` records what the
results were made from (the corpus, its format, the canonical rule), so a rerun with
another corpus or another rule is refused instead of mixing two runs in one folder.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, NamedTuple

from newsdiff.corpus.records import CorpusError, StoryRecord
from newsdiff.models import Change, EditClass, Revision

STORIES_FILE = "stories.jsonl"
CHANGES_FILE = "changes.csv"
RUN_FILE = "run.json"
RESULT_FILES = (STORIES_FILE, CHANGES_FILE, RUN_FILE)
# The end of a stories.jsonl line of a collated story, as StoryRecord writes it: lines
# that end otherwise are read whole to find their error.
_NO_ERROR = b',"error":null}\n'

RunRecord = Mapping[str, str | None]
"""What a run's results are made from: ``input`` (the corpus's absolute path, or
``None`` for stories given from Python), ``format`` and ``canonical``."""


class ChangeRow(NamedTuple):
    """One row of ``changes.csv``: one change of one version against the canonical."""

    story_id: str
    version: str
    timestamp: str | None
    source: str | None
    canonical: str
    change: int
    """position of the change in the revision (reading order of the version)"""
    kind: str
    edits: str
    """the classes of the change's edits, ';'-joined, least significant first"""
    substantive: bool
    """the change alters what the story says (not typography, spelling, a cut-off tail…)"""
    truncated: bool
    """the version stops here (a republication cut short)"""
    typography_only: bool
    similarity: float
    words_inserted: int
    words_deleted: int
    old_paragraphs: int
    new_paragraphs: int


CHANGE_COLUMNS: tuple[str, ...] = ChangeRow._fields
"""The columns of ``changes.csv``, ``changes.parquet`` and the DataFrames of
:mod:`newsdiff.corpus.frames`, in order: one row per change."""


def edit_classes(change: Change) -> tuple[str, ...]:
    """The classes of a change's edits, each once, from the least to the most significant
    (``typography`` … ``wording``)."""
    present = {edit.edit_class for edit in change.edits}
    return tuple(c.value for c in EditClass if c in present)


def revision_rows(
    revision: Revision,
    story_id: str,
    *,
    timestamp: str | None = None,
    source: str | None = None,
) -> list[ChangeRow]:
    """The change rows of one revision."""
    return [
        ChangeRow(
            story_id=story_id,
            version=revision.new_name,
            timestamp=timestamp,
            source=source,
            canonical=revision.old_name,
            change=n,
            kind=change.kind.value,
            edits=";".join(edit_classes(change)),
            substantive=change.substantive,
            truncated=change.truncated,
            typography_only=change.typography_only,
            similarity=round(change.similarity, 6),
            words_inserted=change.words_inserted,
            words_deleted=change.words_deleted,
            old_paragraphs=len(change.old),
            new_paragraphs=len(change.new),
        )
        for n, change in enumerate(revision.changes)
    ]


def change_rows(record: StoryRecord) -> list[ChangeRow]:
    """The change rows of one story record, revision by revision (none for a failed story)."""
    if record.story is None:
        return []
    info = {v.id: v for v in record.versions}
    rows: list[ChangeRow] = []
    for name, revision in record.story.revisions.items():
        version = info.get(name)
        rows += revision_rows(
            revision,
            record.story_id,
            timestamp=version.timestamp if version else None,
            source=version.source if version else None,
        )
    return rows


class StoryOutput(NamedTuple):
    """One story as the writer wants it: its line of stories.jsonl and its rows of
    changes.csv as encoded bytes, made in the worker so that the writer only writes."""

    story_id: str
    versions: int
    error: str | None
    line: bytes
    table: bytes


def story_output(record: StoryRecord) -> StoryOutput:
    """A record → what the writer writes for it."""
    table = io.StringIO(newline="")
    csv.writer(table).writerows([_csv_value(v) for v in row] for row in change_rows(record))
    return StoryOutput(
        story_id=record.story_id,
        versions=len(record.versions),
        error=record.error,
        line=record.model_dump_json().encode("utf-8") + b"\n",
        table=table.getvalue().encode("utf-8"),
    )


def _csv_value(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _error_of(line: bytes) -> str | None:
    """The error of a complete stories.jsonl line, or None for a collated story."""
    if line.endswith(_NO_ERROR):
        return None
    error = json.loads(line).get("error")
    return error if isinstance(error, str) else None


def _describe(run: RunRecord) -> str:
    where = run.get("input")
    return f"{where} ({run.get('format')})" if where else "stories given from Python"


def _story_id(line: bytes) -> str:
    """The story id of a complete stories.jsonl line (the first field, as we write it)."""
    text = line.decode("utf-8")
    prefix = '{"story_id":'
    if text.startswith(prefix):
        value, _ = json.JSONDecoder().raw_decode(text, len(prefix))
    else:
        value = json.loads(text).get("story_id")
    if not isinstance(value, str):
        raise ValueError("no story_id")
    return value


class CorpusWriter:
    """Appends story outputs to ``OUT/stories.jsonl`` and ``OUT/changes.csv``.

    ``written`` holds the ids of stories already in the folder (after a resume) and of
    those written since; ``failed_before`` the (story id, error) of the error records
    found there. ``run`` is recorded in ``run.json``; resuming results made from another
    run record raises :class:`CorpusError`.
    """

    def __init__(self, out: Path, *, resume: bool = True, run: RunRecord | None = None) -> None:
        self.out = out
        self.resume = resume
        self.run = dict(run or {})
        self.written: set[str] = set()
        self.failed_before: list[tuple[str, str]] = []
        self._stories: IO[bytes] | None = None
        self._changes: IO[bytes] | None = None

    @property
    def stories_path(self) -> Path:
        return self.out / STORIES_FILE

    @property
    def changes_path(self) -> Path:
        return self.out / CHANGES_FILE

    @property
    def run_path(self) -> Path:
        return self.out / RUN_FILE

    def _check_run(self) -> None:
        """Refuse to resume results that were made from another corpus or rule."""
        try:
            before = json.loads(self.run_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise CorpusError(
                f"{self.out} holds results but no readable {RUN_FILE} saying what they were "
                f"made from; use another folder, or --overwrite to replace them"
            ) from None
        if any(before.get(field) != self.run.get(field) for field in ("input", "format")):
            raise CorpusError(
                f"{self.out} holds results of {_describe(before)}, not of "
                f"{_describe(self.run)}: use another folder, or --overwrite to replace them"
            )
        if before.get("canonical") != self.run.get("canonical"):
            raise CorpusError(
                f"{self.out} holds results made with canonical {before.get('canonical')!r}, "
                f"not {self.run.get('canonical')!r}: use another folder, or --overwrite to "
                f"replace them"
            )

    def __enter__(self) -> CorpusWriter:
        try:
            self.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CorpusError(f"{self.out}: cannot create the folder ({exc.strerror})") from None
        has_results = self.stories_path.exists() and self.stories_path.stat().st_size > 0
        if has_results and not self.resume:
            raise CorpusError(
                f"{self.out} already holds results; resume them or choose another folder"
            )
        if has_results:
            self._check_run()
            self._recover()
        else:
            self.changes_path.unlink(missing_ok=True)
            self.run_path.write_text(json.dumps(self.run, indent=1) + "\n", encoding="utf-8")
        self._stories = self.stories_path.open("ab")
        self._changes = self.changes_path.open("ab")
        if self._changes.tell() == 0:
            header = io.StringIO(newline="")
            csv.writer(header).writerow(CHANGE_COLUMNS)
            self._changes.write(header.getvalue().encode("utf-8"))
            self._changes.flush()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for handle in (self._changes, self._stories):
            if handle is not None:
                handle.close()

    def write(self, outputs: Iterable[StoryOutput]) -> None:
        """Write stories: every change row first, then the story lines."""
        if self._stories is None or self._changes is None:
            raise RuntimeError("CorpusWriter.write() outside its with block")
        batch = list(outputs)
        self._changes.write(b"".join(output.table for output in batch))
        self._changes.flush()
        self._stories.write(b"".join(output.line for output in batch))
        self._stories.flush()
        self.written.update(output.story_id for output in batch)

    def _recover(self) -> None:
        good = 0
        with self.stories_path.open("rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    break
                try:
                    story_id, error = _story_id(raw), _error_of(raw)
                except ValueError:
                    break
                self.written.add(story_id)
                if error is not None:
                    self.failed_before.append((story_id, error))
                good += len(raw)
        if good < self.stories_path.stat().st_size:
            os.truncate(self.stories_path, good)
        if not self.changes_path.exists():
            if self.written:
                raise CorpusError(
                    f"{self.out}: {STORIES_FILE} has results but {CHANGES_FILE} is missing; "
                    "start again in an empty folder"
                )
            return
        kept = self.changes_path.with_name(CHANGES_FILE + ".partial")
        with (
            self.changes_path.open(encoding="utf-8", newline="") as old,
            kept.open("w", encoding="utf-8", newline="") as new,
        ):
            reader, writer = csv.reader(old), csv.writer(new)
            header = next(reader, None)
            if header is not None and tuple(header) != CHANGE_COLUMNS:
                raise CorpusError(
                    f"{self.changes_path}: the columns differ from this version of newsdiff's; "
                    "start again in an empty folder"
                )
            writer.writerow(CHANGE_COLUMNS)
            try:
                for row in reader:
                    if len(row) == len(CHANGE_COLUMNS) and row[0] in self.written:
                        writer.writerow(row)
            except csv.Error:  # a row torn by the interruption: the story is redone
                pass
        os.replace(kept, self.changes_path)
