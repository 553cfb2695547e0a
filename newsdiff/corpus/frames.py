"""pandas DataFrames of changes, for notebook analysis (the optional extra ``newsdiff[pandas]``).

Every frame has the columns of ``changes.csv`` (:data:`~newsdiff.corpus.CHANGE_COLUMNS`),
one row per change, with ``timestamp`` as a UTC datetime:

* :func:`revision_frame` — one :class:`~newsdiff.Revision`;
* :func:`story_frame` — every revision of a :class:`~newsdiff.Story`;
* :func:`records_frame` — the stories of a corpus job (:class:`StoryRecord` objects);
* :func:`read_changes` — a job's ``changes.csv`` from disk.

>>> import newsdiff
>>> from newsdiff.corpus import story_frame
>>> story = newsdiff.collate({"a": "The bridge closed.", "b": "The bridge closed on Monday."})
>>> story_frame(story, story_id="bridge")[["version", "kind", "words_inserted"]]
  version     kind  words_inserted
0       a  changed               0
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsdiff.corpus.output import (
    CHANGE_COLUMNS,
    CHANGES_FILE,
    ChangeRow,
    change_rows,
    revision_rows,
)
from newsdiff.corpus.records import StoryRecord, VersionInfo
from newsdiff.errors import ExtraMissingError
from newsdiff.models import Revision, Story

# pandas ships no type information of its own: frames are typed loosely.
DataFrame = Any

_TYPES = {
    "change": "int64",
    "substantive": "bool",
    "truncated": "bool",
    "typography_only": "bool",
    "similarity": "float64",
    "words_inserted": "int64",
    "words_deleted": "int64",
    "old_paragraphs": "int64",
    "new_paragraphs": "int64",
}


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ExtraMissingError.needs("DataFrames", "pandas") from None


def _frame(rows: Iterable[ChangeRow]) -> DataFrame:
    pd = _pandas()
    frame = pd.DataFrame.from_records(list(rows), columns=list(CHANGE_COLUMNS))
    return _typed(frame)


def _typed(frame: DataFrame) -> DataFrame:
    pd = _pandas()
    for column in ("story_id", "version", "source", "canonical", "kind", "edits"):
        frame[column] = frame[column].astype("string")
    frame["edits"] = frame["edits"].fillna("")
    frame["timestamp"] = pd.to_datetime(frame["timestamp"], utc=True, format="ISO8601")
    return frame.astype(_TYPES)


def revision_frame(revision: Revision, *, story_id: str = "") -> DataFrame:
    """One row per change of ``revision``."""
    return _frame(revision_rows(revision, story_id))


def story_frame(story: Story, *, story_id: str = "") -> DataFrame:
    """One row per change of every revision of ``story``, revision by revision."""
    record = StoryRecord(
        story_id=story_id,
        versions=tuple(VersionInfo(id=v.name) for v in story.versions),
        story=story,
    )
    return _frame(change_rows(record))


def records_frame(records: Iterable[StoryRecord]) -> DataFrame:
    """One row per change of every collated story in ``records`` (failed ones have none)."""
    return _frame(row for record in records for row in change_rows(record))


def read_changes(out: str | os.PathLike[str]) -> DataFrame:
    """The ``changes.csv`` of a corpus job's output folder (or the file itself)."""
    path = Path(out)
    if path.is_dir():
        path = path / CHANGES_FILE
    pd = _pandas()
    frame = pd.read_csv(
        path,
        dtype={"edits": "string", "source": "string"},
        keep_default_na=False,
        na_values={"timestamp": [""], "source": [""]},
    )
    return _typed(frame)
