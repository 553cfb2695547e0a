"""Corpus mode: collate thousands of stories in batch, locally or on a Dask cluster.

Modules, in the order a corpus goes through them:

* :mod:`~newsdiff.corpus.formats` — read a folder tree, JSON Lines or Parquet, story by story;
* :mod:`~newsdiff.corpus.job` — collate every story, here, in worker processes or on Dask;
* :mod:`~newsdiff.corpus.output` — write ``stories.jsonl`` and ``changes.csv``, resumably;
* :mod:`~newsdiff.corpus.tables` — Parquet tables of stories, changes and spans;
* :mod:`~newsdiff.corpus.dask_backend` — the same job on ``dask.distributed``;
* :mod:`~newsdiff.corpus.frames` — pandas DataFrames of changes;
* :mod:`~newsdiff.corpus.synthetic` and :mod:`~newsdiff.corpus.bench` — a synthetic corpus
  and the throughput benchmark (``python -m newsdiff.corpus.bench``);
* :mod:`~newsdiff.corpus.cli` — the ``newsdiff corpus`` command.

>>> from newsdiff.corpus import collate_corpus, story_input
>>> stories = [story_input("s1", {"v1": "The bridge shut.", "v2": "The bridge shut today."})]
>>> [(r.story_id, r.story.canonical) for r in collate_corpus(stories)]
[('s1', 'v2')]

The optional pieces import their extras only when used: Dask (``newsdiff[dask]``),
pandas (``newsdiff[pandas]``), pyarrow for Parquet (``newsdiff[parquet]``).
"""

from newsdiff.corpus.formats import Corpus, iter_stories, open_corpus, story_input, write_jsonl
from newsdiff.corpus.frames import read_changes, records_frame, revision_frame, story_frame
from newsdiff.corpus.job import RunSummary, collate_corpus, collate_story, run_corpus
from newsdiff.corpus.output import CHANGE_COLUMNS, ChangeRow, change_rows, edit_classes
from newsdiff.corpus.records import (
    CorpusError,
    StoryInput,
    StoryRecord,
    VersionInfo,
    VersionInput,
)
from newsdiff.corpus.synthetic import synthetic_stories
from newsdiff.corpus.tables import SPAN_COLUMNS, STORY_COLUMNS, write_tables
from newsdiff.errors import ExtraMissingError

__all__ = [
    "CHANGE_COLUMNS",
    "SPAN_COLUMNS",
    "STORY_COLUMNS",
    "ChangeRow",
    "Corpus",
    "CorpusError",
    "ExtraMissingError",
    "RunSummary",
    "StoryInput",
    "StoryRecord",
    "VersionInfo",
    "VersionInput",
    "change_rows",
    "collate_corpus",
    "collate_story",
    "edit_classes",
    "iter_stories",
    "open_corpus",
    "read_changes",
    "records_frame",
    "revision_frame",
    "run_corpus",
    "story_frame",
    "story_input",
    "synthetic_stories",
    "write_jsonl",
    "write_tables",
]
