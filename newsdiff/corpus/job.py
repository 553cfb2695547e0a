"""The corpus job: collate every story, in this process, in worker processes, or on Dask.

* :func:`collate_story` — one :class:`StoryInput` → one :class:`StoryRecord`; never raises
  for a bad story: the error becomes the record.
* :func:`collate_corpus` — the iterator API: records in corpus order.
* :func:`run_corpus` — the batch job behind ``newsdiff corpus``: writes ``stories.jsonl``
  and ``changes.csv`` (:mod:`newsdiff.corpus.output`), resumes where a run stopped.

Work goes out in chunks of a few stories, at most a few chunks per worker ahead of the
writer, and results come back in corpus order: memory stays flat however long the corpus
is, and every backend writes the same bytes. Parallel work runs in processes (the job is
pure-Python CPU work, so threads would not scale).
"""

from __future__ import annotations

import multiprocessing
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from newsdiff.collate import collate
from newsdiff.corpus.formats import Corpus, CorpusSource, iter_stories, open_corpus
from newsdiff.corpus.output import CorpusWriter, RunRecord, StoryOutput, story_output
from newsdiff.corpus.records import (
    CorpusError,
    StoryInput,
    StoryRecord,
    VersionInfo,
    VersionInput,
    ordered,
)
from newsdiff.errors import VersionError
from newsdiff.models import Article
from newsdiff.parse import decode, parse
from newsdiff.parse.html import parse_html

if TYPE_CHECKING:
    from distributed import Client

Canonical = Literal["complete", "latest", "earliest"]
CANONICAL_CHOICES: tuple[Canonical, ...] = ("complete", "latest", "earliest")
CHUNK_STORIES = 4
"""Stories sent to a worker at a time: large enough to hide the hand-over, small enough
to keep both cores busy to the end."""
CHUNKS_AHEAD = 4
"""Chunks in flight per worker, beyond which the reader waits for the writer."""

T = TypeVar("T")


# --- one story --------------------------------------------------------------------------


def _article(version: VersionInput) -> Article:
    content = version.content
    if not version.html:
        return parse(content)
    return parse_html(content if isinstance(content, str) else decode(content))


def _info(version: VersionInput) -> VersionInfo:
    return VersionInfo(id=version.id, timestamp=version.timestamp, source=version.source)


def collate_story(story: StoryInput, canonical: Canonical = "complete") -> StoryRecord:
    """Collate one story's versions in collation order; a failure becomes the record's error.

    ``canonical``: ``complete`` — the most complete version (newsdiff's default);
    ``latest`` / ``earliest`` — the last / first version in collation order.
    """
    versions = story.versions
    where = ""  # the version being parsed, for the error message
    try:
        versions = ordered(versions)
        if story.problem is not None:
            raise CorpusError(story.problem)
        if not versions:
            raise VersionError("the story has no versions")
        names = [v.id for v in versions]
        if len(set(names)) != len(names):
            twice = sorted({n for n in names if names.count(n) > 1})
            raise VersionError(f"two versions are named {twice[0]!r}; version ids must be unique")
        articles: dict[str, Article] = {}
        for version in versions:
            where = f"version {version.id!r}: "
            articles[version.id] = _article(version)
        where = ""
        chosen = {"complete": None, "latest": names[-1], "earliest": names[0]}[canonical]
        story_model = collate(articles, canonical=chosen)
    except Exception as exc:  # one bad story must not stop a corpus: it becomes a record
        return StoryRecord(
            story_id=story.id,
            versions=tuple(_info(v) for v in versions),
            error=f"{type(exc).__name__}: {where}{exc}",
        )
    return StoryRecord(
        story_id=story.id, versions=tuple(_info(v) for v in versions), story=story_model
    )


def _collate_chunk(chunk: list[StoryInput], canonical: Canonical) -> list[StoryRecord]:
    return [collate_story(story, canonical) for story in chunk]


def _output_chunk(chunk: list[StoryInput], canonical: Canonical) -> list[StoryOutput]:
    return [story_output(collate_story(story, canonical)) for story in chunk]


# --- running chunks ---------------------------------------------------------------------


def _chunks(stories: Iterable[StoryInput], size: int) -> Iterator[list[StoryInput]]:
    it = iter(stories)
    while chunk := list(islice(it, size)):
        yield chunk


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean single-threaded process (no fork of a process
    # running a progress bar or a Dask client), and quickly after the first.
    if sys.platform != "win32":
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])  # workers start with newsdiff imported
        return context
    return multiprocessing.get_context("spawn")


def default_workers() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _check_not_starting_a_worker() -> None:
    """Stop a worker process that is importing the main script, quietly.

    Worker processes start with ``forkserver`` or ``spawn``, and both import the main
    script first. A script that runs the corpus job without an ``if __name__ ==
    "__main__":`` guard starts it again in every worker, before the worker has started;
    multiprocessing would then raise a long RuntimeError in each worker, after the job
    had already opened the output folder. The parent process reports the real cause
    (:func:`_pool_broke`).
    """
    # multiprocessing's own test for "still starting" (spawn._check_not_importing_main).
    if getattr(multiprocessing.current_process(), "_inheriting", False):
        raise SystemExit(1)


_GUARD = re.compile(r"""^\s*if\s+__name__\s*==\s*["']__main__["']\s*:""", re.M)


def _pool_broke(started: bool) -> CorpusError:
    """Why the worker pool broke, as far as can be told from here: before any worker
    started, and from a main script without a ``__main__`` guard, it is the guard."""
    script = getattr(sys.modules.get("__main__"), "__file__", None)
    if not started and script:
        try:
            guarded = bool(_GUARD.search(Path(script).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            guarded = True
        if not guarded:
            return CorpusError(
                f"worker processes could not start: each one imports the main script "
                f'({script}), which has no `if __name__ == "__main__":` guard and so starts '
                f"the corpus job again; put the work under that guard"
            )
        return CorpusError(
            f"worker processes stopped while starting, before any story (they import the "
            f"main script, {script}: see the error above); nothing was written"
        )
    return CorpusError(
        "a worker process stopped abruptly (out of memory, or killed); "
        "run again to resume where it stopped"
    )


def _started(flag: Any) -> None:
    """Run in each worker process once it has started (the pool's initializer)."""
    flag.set()


def _process_map(
    work: Callable[[list[StoryInput]], list[T]], chunks: Iterator[list[StoryInput]], workers: int
) -> Iterator[list[T]]:
    context = _context()
    started = context.Event()
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_started, initargs=(started,)
    )
    pending: deque[Future[list[T]]] = deque()
    try:
        for chunk in chunks:
            pending.append(pool.submit(work, chunk))
            if len(pending) >= workers * CHUNKS_AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise _pool_broke(started.is_set()) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def map_chunks(
    work: Callable[[list[StoryInput]], list[T]],
    chunks: Iterator[list[StoryInput]],
    *,
    workers: int = 1,
    client: Client | None = None,
) -> Iterator[list[T]]:
    """Apply ``work`` to every chunk, results in chunk order: here (one worker), in worker
    processes, or on a Dask cluster through ``client``."""
    if client is not None:
        from newsdiff.corpus.dask_backend import dask_map

        return dask_map(work, chunks, client)
    if workers <= 1:
        return map(work, chunks)
    return _process_map(work, chunks, workers)


def collate_corpus(
    source: CorpusSource,
    *,
    workers: int = 1,
    client: Client | None = None,
    canonical: Canonical = "complete",
    chunk_size: int = CHUNK_STORIES,
) -> Iterator[StoryRecord]:
    """Collate every story of a corpus; records come in corpus order.

    >>> from newsdiff.corpus import collate_corpus, story_input
    >>> stories = [story_input("s1", {"v1": "The bridge shut.", "v2": "The bridge shut today."})]
    >>> [(r.story_id, r.story.canonical) for r in collate_corpus(stories)]
    [('s1', 'v2')]

    ``source`` is a path (folder, ``.jsonl``, ``.parquet``), a :class:`Corpus` or an
    iterable of :class:`StoryInput`. ``workers`` > 1 uses that many processes;
    ``client`` (a ``dask.distributed.Client``) runs the stories on its cluster instead.
    """
    if workers > 1:
        _check_not_starting_a_worker()
    work = partial(_collate_chunk, canonical=canonical)
    chunks = _chunks(iter_stories(source), chunk_size)
    for records in map_chunks(work, chunks, workers=workers, client=client):
        yield from records


# --- the batch job ----------------------------------------------------------------------


@dataclass
class RunSummary:
    """What a :func:`run_corpus` call did."""

    stories: int = 0
    versions: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(story id, error) of the first failed stories (at most :data:`FAILURES_KEPT`)."""
    failed_earlier: list[tuple[str, str]] = field(default_factory=list)
    """(story id, error) of the error records an earlier run left in the output folder:
    those stories were skipped, and are still failed."""

    @property
    def ok(self) -> bool:
        """Whether every story of the output folder is collated (none failed, now or in
        an earlier run)."""
        return self.failed == 0 and not self.failed_earlier


FAILURES_KEPT = 20
# Called once per story: (story id, versions, skipped, error or None).
Progress = Callable[[str, int, bool, str | None], Any]


def _run_record(source: CorpusSource, canonical: Canonical) -> RunRecord:
    """What ``run.json`` records: the corpus (by absolute path), its format, the rule."""
    if isinstance(source, Corpus):
        where = str(source.path.resolve())
        return {"input": where, "format": source.format, "canonical": canonical}
    return {"input": None, "format": None, "canonical": canonical}


def run_corpus(
    source: CorpusSource,
    out: str | os.PathLike[str],
    *,
    workers: int = 1,
    client: Client | None = None,
    canonical: Canonical = "complete",
    chunk_size: int = CHUNK_STORIES,
    resume: bool = True,
    progress: Progress | None = None,
) -> RunSummary:
    """Collate a corpus into the folder ``out``: ``stories.jsonl`` (one
    :class:`StoryRecord` a line) and ``changes.csv`` (one row per change).

    With ``resume`` (the default) stories already in ``out`` are skipped and the new ones
    appended, so an interrupted run picks up where it stopped; without it ``out`` must
    not hold results yet. ``out`` records what it was made from (``run.json``): resuming
    with another corpus or another ``canonical`` raises :class:`CorpusError`. Failed
    stories are written as error records; the run goes on. Error records left by an
    earlier run stay (their stories are skipped) and are listed in
    :attr:`RunSummary.failed_earlier`.
    """
    if workers > 1:
        _check_not_starting_a_worker()
    if isinstance(source, str | os.PathLike):
        source = open_corpus(source)
    summary = RunSummary()
    start = time.perf_counter()
    with CorpusWriter(Path(out), resume=resume, run=_run_record(source, canonical)) as writer:
        summary.failed_earlier = writer.failed_before
        seen: set[str] = set()

        def todo() -> Iterator[StoryInput]:
            for story in iter_stories(source):
                if story.id in writer.written:
                    summary.skipped += 1
                    if progress is not None:
                        progress(story.id, len(story.versions), True, None)
                    continue
                if story.id in seen:
                    problem = "the story id came earlier in the corpus; story ids must be unique"
                    story = StoryInput(id=story.id, versions=story.versions, problem=problem)
                seen.add(story.id)
                yield story

        work = partial(_output_chunk, canonical=canonical)
        chunks = _chunks(todo(), chunk_size)
        for outputs in map_chunks(work, chunks, workers=workers, client=client):
            writer.write(outputs)
            for output in outputs:
                summary.stories += 1
                summary.versions += output.versions
                if output.error is not None:
                    summary.failed += 1
                    if len(summary.failures) < FAILURES_KEPT:
                        summary.failures.append((output.story_id, output.error))
                if progress is not None:
                    progress(output.story_id, output.versions, False, output.error)
    summary.seconds = time.perf_counter() - start
    return summary
