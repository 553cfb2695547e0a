"""``newsdiff corpus IN --out OUT``: collate every story of a corpus in batch.

:func:`add_parser` adds the subcommand to the ``newsdiff`` command's subparsers and
:func:`run` carries it out. Exit status: 0 every story collated, 1 some stories failed
(each has an error record in ``stories.jsonl``), 2 a usage or input error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsdiff.corpus.formats import FORMATS, open_corpus
from newsdiff.corpus.job import CANONICAL_CHOICES, CHUNK_STORIES, default_workers, run_corpus
from newsdiff.corpus.output import CHANGES_FILE, RESULT_FILES, STORIES_FILE
from newsdiff.corpus.records import CorpusError
from newsdiff.corpus.tables import write_tables
from newsdiff.errors import NewsdiffError
from newsdiff.render.console import terminal
from newsdiff.text import plural

EXAMPLES = """examples:
  newsdiff corpus stories/ --out results/               folder tree: one folder per story
  newsdiff corpus versions.jsonl --out results/ --workers 2
  newsdiff corpus versions.parquet --out results/ --scheduler tcp://10.0.0.5:8786
  newsdiff corpus crawl.warc.gz --out results/          a web crawl: one story per article
  duckdb -c "SELECT kind, count(*) FROM 'results/changes.csv' GROUP BY kind"

A rerun with the same IN and --out skips the stories already written (--overwrite starts
again); OUT/run.json records IN, and another corpus is refused.
exit status: 0 done, 1 some stories failed, now or in an earlier run (error records in
stories.jsonl), 2 a usage or input error
"""
FAILURES_SHOWN = 5


def add_parser(subparsers: Any) -> None:
    """Add the ``corpus`` subcommand to an argparse subparsers object."""
    parser = subparsers.add_parser(
        "corpus",
        help="collate every story of a corpus (folder tree, JSON Lines, Parquet, WARC)",
        description="Collate every story of a corpus and write stories.jsonl (one story a\n"
        "line) and changes.csv (one row per change) into OUT.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "corpus", metavar="IN", help="a folder tree, .jsonl[.gz], .parquet or .warc[.gz]"
    )
    parser.add_argument("--out", metavar="OUT", required=True, help="folder for the results")
    parser.add_argument(
        "--workers",
        metavar="N",
        type=_positive,
        help=f"worker processes (default: every CPU, here {default_workers()})",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster at ADDRESS (needs newsdiff[dask])",
    )
    parser.add_argument("--format", choices=FORMATS, help="corpus format (default: from IN)")
    parser.add_argument(
        "--canonical",
        choices=CANONICAL_CHOICES,
        default="complete",
        help="each story's canonical: the most complete version (default), or the "
        "latest or earliest in time",
    )
    parser.add_argument(
        "--chunk", metavar="N", type=_positive, default=CHUNK_STORIES, help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="discard results already in OUT and start again"
    )
    parser.add_argument(
        "--parquet",
        action="store_true",
        help="also write stories.parquet, changes.parquet and spans.parquet into OUT "
        "(needs newsdiff[parquet])",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


class _StoriesColumn(ProgressColumn):
    """'1,204 stories · 38.2/s · 2 failed'."""

    def render(self, task: Task) -> Text:
        done = int(task.fields.get("stories", 0))
        failed = int(task.fields.get("failed", 0))
        elapsed = time.perf_counter() - float(task.fields.get("began", time.perf_counter()))
        rate = done / elapsed if elapsed > 0 else 0.0
        text = Text(f"{done:,} stories · {rate:,.1f}/s")
        if failed:
            text.append(f" · {failed:,} failed", style="red")
        return text


def run(args: argparse.Namespace) -> int:
    """Carry out ``newsdiff corpus``; returns the exit status. A corpus that cannot be
    read raises :class:`CorpusError` (a ``NewsdiffError``), whatever library failed."""
    try:
        return _run(args)
    except NewsdiffError:
        raise
    except (OSError, ValueError) as exc:  # a corrupt or mislabelled file: gzip, pyarrow, csv
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise CorpusError(
            f"{args.corpus}: cannot be read as a corpus ({problem}); check that it is the "
            f"format its name says and that {args.out} can be written"
        ) from exc


def _run(args: argparse.Namespace) -> int:
    if args.scheduler and args.workers:
        raise CorpusError("--workers and --scheduler exclude each other: the cluster has workers")
    corpus = open_corpus(args.corpus, args.format)
    warcs = None  # a crawl is read through a WarcCorpus kept here, for its skipped records
    if corpus.format == "warc":
        from newsdiff.archive.warc import WarcCorpus

        warcs = WarcCorpus(corpus.path)
    out = Path(args.out)
    if args.overwrite:
        for name in RESULT_FILES:
            (out / name).unlink(missing_ok=True)
    console = terminal(stderr=True)
    show = not args.no_progress and console.is_terminal
    client: Any = None  # a distributed.Client, whose methods are untyped
    if args.scheduler:
        from newsdiff.corpus.dask_backend import connect

        client = connect(args.scheduler)
    progress = Progress(
        TextColumn("versions"),
        BarColumn(bar_width=24),
        MofNCompleteColumn(),
        _StoriesColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        disable=not show,
    )
    try:
        with progress:
            total = corpus.count_versions() if show else None
            task = progress.add_task(
                "", total=total, stories=0, failed=0, began=time.perf_counter()
            )
            counts = {"stories": 0, "failed": 0}

            def advance(story_id: str, versions: int, skipped: bool, error: str | None) -> None:
                if not skipped:
                    counts["stories"] += 1
                    counts["failed"] += error is not None
                progress.update(
                    task, advance=versions, stories=counts["stories"], failed=counts["failed"]
                )

            summary = run_corpus(
                warcs or corpus,
                out,
                workers=args.workers or default_workers(),
                client=client,
                canonical=args.canonical,
                chunk_size=args.chunk,
                progress=advance if show else None,
            )
    finally:
        if client is not None:
            client.close()
    rate = summary.versions / summary.seconds if summary.seconds else 0.0
    line = (
        f"newsdiff: {plural(summary.stories, 'story', 'stories')} "
        f"({plural(summary.versions, 'version')}) in {summary.seconds:.1f} s, "
        f"{rate:,.0f} versions/s"
    )
    if summary.skipped:
        line += f"; {summary.skipped:,} already done"
    line += f"; {summary.failed:,} failed" if summary.failed else ""
    earlier = len(summary.failed_earlier)
    if earlier:
        line += f"; {earlier:,} failed in an earlier run"
    print(f"{line} → {out / STORIES_FILE}, {out / CHANGES_FILE}", file=sys.stderr)
    if args.parquet:
        rows = write_tables(out)
        tables = ", ".join(f"{out / name} ({n:,} rows)" for name, n in rows.items())
        print(f"newsdiff: tables → {tables}", file=sys.stderr)
    if warcs is not None:
        print(f"  {corpus.path.name}: {warcs.tally.summary()}", file=sys.stderr)
    _list_failures("failed", summary.failures, summary.failed)
    _list_failures("failed earlier", summary.failed_earlier, earlier)
    if earlier:
        print(
            f"  their error records are still in {out / STORIES_FILE}: --overwrite runs every "
            f"story again",
            file=sys.stderr,
        )
    return 0 if summary.ok else 1


def _list_failures(label: str, failures: list[tuple[str, str]], total: int) -> None:
    for story_id, error in failures[:FAILURES_SHOWN]:
        print(f"  {label}: {story_id}: {error}", file=sys.stderr)
    if total > FAILURES_SHOWN:
        print(f"  … and {total - FAILURES_SHOWN:,} more (see the error records)", file=sys.stderr)
