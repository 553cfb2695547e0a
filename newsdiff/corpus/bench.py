"""Benchmark of the corpus job: ``python -m newsdiff.corpus.bench [--stories N]``.

Writes a synthetic JSON Lines corpus (:mod:`newsdiff.corpus.synthetic`), then runs the
whole job on it (read, collate, write ``stories.jsonl`` and ``changes.csv``) with 1
worker (in process), with 2 worker processes, and on a Dask ``LocalCluster`` of 2 worker
processes, each in a fresh child process. It prints throughput in versions per second,
the speed-up over 1 worker, the peak memory of the run's whole process tree (sum of
resident sizes, sampled every 50 ms; needs psutil, which ``distributed`` brings) and how
many CPUs other processes kept busy meanwhile (a shared machine makes figures low: use
``--repeat N`` to keep each configuration's fastest of N runs). It checks that every run
wrote the same bytes, and prints the table as Markdown for the docs.

Then it times reading alone (no collating, ``--reading`` for this part only): the same
stories as a folder tree, as JSON Lines and as a WARC file of HTML captures (one per
version, needs the ``archive`` extra), in versions read per CPU second of the reading
process (CPU time, so that other work on a shared machine does not count).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from newsdiff.corpus.formats import iter_stories, write_jsonl
from newsdiff.corpus.job import run_corpus
from newsdiff.corpus.output import STORIES_FILE
from newsdiff.corpus.records import StoryInput
from newsdiff.corpus.synthetic import synthetic_stories

DEFAULT_STORIES = 1_000
BUSY_CPUS = 0.2
"""Other processes using more CPU than this during a run make its figures unreliable."""


@dataclass(frozen=True)
class Result:
    label: str
    seconds: float
    stories: int
    versions: int
    failed: int
    peak_mb: float | None
    others: float | None
    """CPUs other processes kept busy during the run, on average"""
    digest: str
    startup: float = 0.0

    @property
    def rate(self) -> float:
        return self.versions / self.seconds


def _one(corpus: str, out: str, backend: str, workers: int) -> dict[str, float]:
    """Run the job once in this process (the child), return its figures."""
    startup = 0.0
    if backend == "dask":
        distributed: Any = importlib.import_module("distributed")
        begin = time.perf_counter()
        with (
            distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
            ) as cluster,
            distributed.Client(cluster) as client,
        ):
            startup = time.perf_counter() - begin
            summary = run_corpus(corpus, out, client=client, resume=False)
    else:
        summary = run_corpus(corpus, out, workers=workers, resume=False)
    return {
        "seconds": summary.seconds,
        "stories": summary.stories,
        "versions": summary.versions,
        "failed": summary.failed,
        "startup": startup,
    }


def _tree_rss(psutil: Any, process: Any, cpu: dict[int, float]) -> int:
    """Resident memory of a process and all its descendants, in bytes; notes each one's
    CPU seconds in ``cpu``."""
    total = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error):
            total += int(p.memory_info().rss)
            times = p.cpu_times()
            cpu[p.pid] = max(cpu.get(p.pid, 0.0), times.user + times.system)
    return total


def _cpu(process: Any) -> float:
    times = process.cpu_times()
    return float(times.user + times.system)


def _busy_seconds(psutil: Any) -> float:
    """CPU seconds the whole machine has spent busy since it booted."""
    times = psutil.cpu_times()
    return float(times.user + times.system + getattr(times, "nice", 0.0))


def _measure(label: str, corpus: Path, out: Path, backend: str, workers: int) -> Result:
    command = [
        sys.executable,
        "-m",
        "newsdiff.corpus.bench",
        "--one",
        str(corpus),
        str(out),
        backend,
        str(workers),
    ]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak: int | None = None
    others: float | None = None
    try:
        psutil: Any = importlib.import_module("psutil")
    except ImportError:
        psutil = None
    if psutil is not None:
        watched = psutil.Process(child.pid)
        peak = 0
        cpu: dict[int, float] = {}  # CPU seconds of each process of the run, last seen
        me = psutil.Process()  # this process's own sampling is not "other" work
        began, busy, mine = time.perf_counter(), _busy_seconds(psutil), _cpu(me)
        while child.poll() is None:
            with contextlib.suppress(psutil.Error):
                peak = max(peak, _tree_rss(psutil, watched, cpu))
            time.sleep(0.05)
        wall = time.perf_counter() - began
        ours = sum(cpu.values()) + _cpu(me) - mine
        others = max(0.0, (_busy_seconds(psutil) - busy - ours) / wall)
    stdout, _ = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"bench: the {label} run failed (exit {child.returncode})")
    figures = json.loads(stdout.strip().splitlines()[-1])
    digest = hashlib.sha256((out / STORIES_FILE).read_bytes()).hexdigest()[:16]
    return Result(
        label=label,
        seconds=figures["seconds"],
        stories=int(figures["stories"]),
        versions=int(figures["versions"]),
        failed=int(figures["failed"]),
        peak_mb=None if peak is None else peak / 2**20,
        others=others,
        digest=digest,
        startup=figures["startup"],
    )


def markdown(results: Sequence[Result]) -> str:
    base = results[0].rate
    lines = [
        "| run | versions | seconds | versions/s | speed-up | peak memory | other CPU use |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        memory = "n/a" if r.peak_mb is None else f"{r.peak_mb:,.0f} MB"
        others = "n/a" if r.others is None else f"{r.others:.2f} CPUs"
        lines.append(
            f"| {r.label} | {r.versions:,} | {r.seconds:.1f} | {r.rate:,.0f} | "
            f"{r.rate / base:.2f}× | {memory} | {others} |"
        )
    return "\n".join(lines)


# --- reading alone ------------------------------------------------------------------------


def _write_folder(stories: Sequence[StoryInput], root: Path) -> None:
    for story in stories:
        folder = root / story.id
        folder.mkdir(parents=True, exist_ok=True)
        for version in story.versions:
            content = version.content
            data = content.encode() if isinstance(content, str) else content
            (folder / f"{version.id}.txt").write_bytes(data)


def _write_warc(stories: Sequence[StoryInput], path: Path) -> bool:
    """Each version as an HTML page captured at its timestamp; False without warcio."""
    try:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter
    except ImportError:
        return False
    from html import escape
    from io import BytesIO

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for story in stories:
            url = f"https://news.example/{story.id}"
            for version in story.versions:
                content = version.content
                text = content if isinstance(content, str) else content.decode()
                paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.splitlines() if p)
                page = (
                    f'<!DOCTYPE html><html><head><link rel="canonical" href="{url}"></head>'
                    f"<body><article>{paragraphs}</article></body></html>"
                ).encode()
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
                record = writer.create_warc_record(
                    url, "response", payload=BytesIO(page), length=len(page), http_headers=http
                )
                record.rec_headers.replace_header("WARC-Date", version.timestamp or "")
                writer.write_record(record)
    return True


def reading_rates(
    stories: Sequence[StoryInput], work: Path, repeat: int = 1
) -> list[tuple[str, int, float]]:
    """(input, versions read, fewest CPU seconds of ``repeat``) for each input format."""
    inputs = [("folder tree", work / "tree"), ("JSON Lines", work / "read.jsonl")]
    _write_folder(stories, inputs[0][1])
    write_jsonl(stories, inputs[1][1])
    if _write_warc(stories, work / "read.warc.gz"):
        inputs.append(("WARC (HTML captures)", work / "read.warc.gz"))
    rates = []
    for label, path in inputs:
        best = float("inf")
        for _ in range(repeat):
            begin = time.process_time()
            versions = sum(len(story.versions) for story in iter_stories(path))
            best = min(best, time.process_time() - begin)
        rates.append((label, versions, best))
    return rates


def reading_markdown(rates: Sequence[tuple[str, int, float]]) -> str:
    lines = ["| input | versions | CPU seconds | versions/s |", "|---|---:|---:|---:|"]
    for label, versions, seconds in rates:
        rate = versions / seconds if seconds else float("inf")
        lines.append(f"| {label} | {versions:,} | {seconds:.2f} | {rate:,.0f} |")
    return "\n".join(lines)


def _print_reading(args: argparse.Namespace, work: Path, console: Console) -> None:
    console.print("reading alone, no collating …")
    stories = list(synthetic_stories(args.stories, args.versions, seed=args.seed))
    print()
    print(reading_markdown(reading_rates(stories, work, args.repeat)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsdiff.corpus.bench",
        description="Throughput of the corpus job on a synthetic corpus.",
    )
    parser.add_argument("--stories", type=int, default=DEFAULT_STORIES, help="default 1000")
    parser.add_argument("--versions", type=int, default=5, help="versions per story (5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask LocalCluster run")
    parser.add_argument(
        "--repeat",
        metavar="N",
        type=int,
        default=1,
        help="run each configuration N times, interleaved, and keep the fastest (1)",
    )
    parser.add_argument("--keep", metavar="DIR", help="keep the corpus and outputs in DIR")
    parser.add_argument(
        "--reading", action="store_true", help="time reading the input formats only"
    )
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        corpus, out, backend, workers = args.one
        print(json.dumps(_one(corpus, out, backend, int(workers))))
        return 0
    console = Console(stderr=True)
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="newsdiff-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.reading:
            _print_reading(args, work, console)
            return 0
        corpus = work / "corpus.jsonl"
        count = write_jsonl(synthetic_stories(args.stories, args.versions, seed=args.seed), corpus)
        console.print(f"corpus: {args.stories:,} stories, {count:,} versions → {corpus}")
        runs = [("1 worker", "local", 1), ("2 worker processes", "local", 2)]
        if not args.no_dask:
            runs.append(("Dask, 2 worker processes", "dask", 2))
        best: dict[str, Result] = {}
        for attempt in range(1, args.repeat + 1):
            for n, (label, backend, workers) in enumerate(runs):
                console.print(f"running: {label} ({attempt}/{args.repeat}) …")
                out = work / f"out-{n}"
                shutil.rmtree(out, ignore_errors=True)
                result = _measure(label, corpus, out, backend, workers)
                others = "" if result.others is None else f", others used {result.others:.2f} CPUs"
                console.print(
                    f"  {result.seconds:.1f} s, {result.rate:,.0f} versions/s{others}",
                    highlight=False,
                )
                if result.others is not None and result.others > BUSY_CPUS:
                    console.print(
                        f"[yellow]warning: other processes kept {result.others:.1f} CPUs busy "
                        "during this run: its figures are low[/]"
                    )
                if label not in best or result.seconds < best[label].seconds:
                    best[label] = result
                if not args.keep:
                    shutil.rmtree(out, ignore_errors=True)
        results = [best[label] for label, _, _ in runs]
        table = Table(title=f"newsdiff corpus: {args.stories:,} stories × {args.versions} versions")
        columns = ("run", "versions/s", "speed-up", "seconds", "peak memory", "others", "output")
        for column in columns:
            table.add_column(column, justify="left" if column in ("run", "output") else "right")
        for r in results:
            table.add_row(
                r.label,
                f"{r.rate:,.0f}",
                f"{r.rate / results[0].rate:.2f}×",
                f"{r.seconds:.1f}",
                "n/a" if r.peak_mb is None else f"{r.peak_mb:,.0f} MB",
                "n/a" if r.others is None else f"{r.others:.1f} CPU",
                r.digest[:8],
            )
        Console().print(table)
        for r in results:
            if r.startup:
                print(f"{r.label}: cluster start-up {r.startup:.1f} s (not in the time above)")
        same = len({r.digest for r in results}) == 1
        print("outputs identical across runs:", "yes" if same else "NO")
        print()
        print(markdown(results))
        _print_reading(args, work, console)
        return 0 if same and not any(r.failed for r in results) else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
