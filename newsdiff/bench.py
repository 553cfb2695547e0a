"""The speed-and-memory benchmark: ``python -m newsdiff.bench``.

One run on one machine, every figure measured side by side:

1. **Real stories.** Every ordered pair of versions of the built-in story and, when the
   folder exists, of each story under ``--stories`` (default ``../shared/stories``;
   skipped cleanly when absent). For each pair: :func:`newsdiff.compare` from text and
   from pre-parsed :class:`~newsdiff.Article` objects (median of ``--repeat`` runs),
   against two baselines run on the same raw texts:

   - *whole-text diff-match-patch* (the NewsDiffs approach): ``diff_main(old, new)``
     with its default line-mode speed-up and **``Diff_Timeout = 0``** (as newsdiff uses:
     a time limit would make the result depend on the machine), then
     ``diff_cleanupSemantic``;
   - ``difflib.HtmlDiff().make_table`` over the texts' lines.

2. **Scaling.** Synthetic stories of N paragraphs (default 100, 1,000 and 10,000;
   ~25 words each) and versions of them with 5 % of the paragraphs edited, moved,
   added or removed (in equal shares). Time and peak memory of ``compare`` (one pair)
   and, up to 1,000 paragraphs, of ``collate`` (``--versions`` versions, each its own
   5 % edit of the same base). Memory is measured once per case in a fresh process
   (:mod:`newsdiff.bench_memory`; see there for what "peak" means), and at 10,000
   paragraphs that run's time is the one reported.

3. **A long pair**: two versions of ``--long`` paragraphs (default 100,000, twelve
   words each) that differ in one word, against ``difflib.unified_diff`` over the same
   lines; time and peak memory from text and pre-parsed, and parsing alone, each
   run once in a fresh process.

4. **Number of changes**: one 10,000-paragraph story against versions with 0 to 1,000
   paragraphs edited, pre-parsed: what ``compare`` costs, and what working out every
   span, edit and total costs on top.

5. **HTML pages.** ``newsdiff.parse(page)`` against ``trafilatura.extract(page)`` on the
   same saved pages (bytes, as saved): a fixed sample of
   ``../shared/benchmarks/trafilatura-eval`` (every ``--page-sample``-th page of its
   ``pages.jsonl``) when the folder exists, else the built-in demo page and the test
   pages. Each page is timed ``min(--repeat, 3)`` times for each reader, the readers
   taking turns going first, and the fastest run of each counts. Skipped without the
   ``html`` extra.

6. **Parsing plain text**: ``parse(text)`` on seed-size versions against its rule-only
   baseline (or, with ``--parse-baseline DIR``, against the newsdiff of another source
   checkout), and ms per page of an extraction benchmark (:mod:`newsdiff.bench_text`).

7. **JSON size**: the collated built-in story and each shared story as JSON, and as a
   line of a corpus job's ``stories.jsonl``.

8. **Targets** from the performance issues, each marked met or not.

``--memory-targets`` runs only what the memory targets need, in minutes: section 3,
then ``collate`` of ``--versions`` versions of the largest of ``--sizes`` paragraphs
(20 × 10,000 by default) and the parsing of those versions alone, each once in a
fresh process, and their targets.

``compare`` returns the alignment; the word diff, edit classes and totals of each
change are worked out when first read. Real pairs are therefore timed twice: the call
alone, and the call plus every span, edit and total ("full").

Timing is wall-clock (:func:`time.perf_counter`); the diff backend is the pure-Python
one unless ``NEWSDIFF_DIFF_BACKEND`` says otherwise, and the ``fast`` backend gets its
own column when it is installed.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import gzip
import importlib.util
import itertools
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from diff_match_patch import diff_match_patch

from newsdiff import bench_text, dmp
from newsdiff.bench_memory import Measured, measure
from newsdiff.bench_synthetic import LONG_WORDS, SEED, Synthetic, join, one_word_pair, scale_inputs
from newsdiff.collate import collate
from newsdiff.compare import compare
from newsdiff.corpus.records import StoryRecord, VersionInfo
from newsdiff.demo import demo_page, demo_versions
from newsdiff.errors import NewsdiffError
from newsdiff.models import Article, Revision
from newsdiff.parse import parse

DEFAULT_STORIES = Path("..") / "shared" / "stories"
DEFAULT_PAGES = bench_text.DEFAULT_BENCHMARK
DEFAULT_PAGE_SAMPLE = 10
"""Every tenth benchmark page: 99 of trafilatura-eval's 990."""
TEST_PAGES = Path(__file__).resolve().parent.parent / "tests" / "pages"
DEFAULT_SIZES = (100, 1_000, 10_000)
SEED_PARAGRAPHS = 60
"""A seed-size version: about 60 paragraphs, about 1,500 words."""
COLLATE_MAX = 1_000
"""The scaling section collates sizes up to this: 20 versions of 10,000 paragraphs
take minutes, and are collated by ``--memory-targets``, which measures them."""

# Targets from the issue.
TARGET_SEED_MS = 5.0
TARGET_WHOLE_TEXT_RATIO = 30.0
TARGET_BIG_S = 2.0
TARGET_BIG_MB = 200.0
TARGET_COLLATE_MS = 150.0
TARGET_LONG_RATIO = 5.0
"""The long pair: compare ≤ this × difflib.unified_diff of the same lines."""
TARGET_LONG_MB = 300.0
TARGET_SEED_RATIO = 100.0
"""A seed-size pair from text: ≥ this × faster than whole-text diff-match-patch."""
SEED_JSON_BEFORE = 304_722
"""Bytes of the seed story (ukraine-peacekeeping) collated, as JSON, before lean
revisions; the target is a fifth of it."""
TARGET_COLLATE_MB = 300.0
LONG_PARAGRAPHS = 100_000
CHANGE_COUNTS = (0, 1, 10, 100, 1_000)
CHANGES_PARAGRAPHS = 10_000
TARGET_HTML_RATIO = 1.3


# ---------------------------------------------------------------- measuring


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def fast_available() -> bool:
    return importlib.util.find_spec("fast_diff_match_patch") is not None


def whole_text_dmp(old: str, new: str) -> int:
    """The NewsDiffs approach: one character diff of the whole texts, semantic cleanup."""
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(old, new)
    engine.diff_cleanupSemantic(diffs)
    return len(diffs)


def html_diff(old: str, new: str) -> int:
    return len(difflib.HtmlDiff().make_table(old.splitlines(), new.splitlines()))


def unified_diff(old: str, new: str) -> int:
    return len(list(difflib.unified_diff(old.splitlines(), new.splitlines())))


def materialize(revision: Revision) -> Revision:
    """Work out everything a full view reads: every change's spans and edits, the totals."""
    for change in revision.changes:
        _ = change.spans, change.edits
    _ = revision.stats
    return revision


def compare_full(old: str | Article, new: str | Article) -> Revision:
    return materialize(compare(old, new))


# ---------------------------------------------------------------- real stories


@dataclass
class PairTimes:
    compare_text: float
    compare_parsed: float
    full_text: float
    whole_text: float
    html: float
    compare_fast: float | None


@dataclass
class StoryResult:
    name: str
    versions: int
    paragraphs: tuple[int, ...]
    words: tuple[int, ...]
    pairs: list[PairTimes] = field(default_factory=list)
    collate_ms: float = 0.0
    json_bytes: int = 0
    line_bytes: int = 0


def _text(source: str | bytes) -> str:
    return source.decode("utf-8") if isinstance(source, bytes) else source


def _pair(
    a: str, b: str, pa: Article, pb: Article, repeat: int, baselines: bool, fast: bool
) -> PairTimes:
    fast_ms = None
    if fast:
        with dmp.using_backend("fast"):
            fast_ms = _median_ms(lambda: compare(pa, pb), repeat)
    with dmp.using_backend("python"):
        return PairTimes(
            compare_text=_median_ms(lambda: compare(a, b), repeat),
            compare_parsed=_median_ms(lambda: compare(pa, pb), repeat),
            full_text=_median_ms(lambda: compare_full(a, b), repeat),
            whole_text=_median_ms(lambda: whole_text_dmp(a, b), 1) if baselines else 0.0,
            html=_median_ms(lambda: html_diff(a, b), 1) if baselines else 0.0,
            compare_fast=fast_ms,
        )


def bench_story(
    name: str, versions: Mapping[str, str | bytes], repeat: int, baselines: bool = True
) -> StoryResult:
    texts = [_text(t) for t in versions.values()]
    articles = [parse(t) for t in texts]
    result = StoryResult(
        name=name,
        versions=len(texts),
        paragraphs=tuple(len(a.paragraphs) for a in articles),
        words=tuple(len(t.split()) for t in texts),
    )
    fast = fast_available()
    for i, j in itertools.permutations(range(len(texts)), 2):
        result.pairs.append(
            _pair(texts[i], texts[j], articles[i], articles[j], repeat, baselines, fast)
        )
    with dmp.using_backend("python"):
        result.collate_ms = _median_ms(lambda: collate(dict(versions)), repeat)
    story = collate(dict(versions))
    result.json_bytes = len(story.model_dump_json().encode("utf-8"))
    record = StoryRecord(
        story_id=name, versions=tuple(VersionInfo(id=v) for v in versions), story=story
    )
    result.line_bytes = len(record.model_dump_json().encode("utf-8")) + 1
    return result


def shared_stories(folder: Path) -> dict[str, dict[str, str]]:
    """Each sub-folder of ``folder`` with .txt files: name → version name → text."""
    stories: dict[str, dict[str, str]] = {}
    if not folder.is_dir():
        return stories
    for story in sorted(p for p in folder.iterdir() if p.is_dir()):
        files = sorted(story.glob("*.txt"))
        if len(files) >= 2:
            stories[story.name] = {f.stem: f.read_text(encoding="utf-8") for f in files}
    return stories


# ---------------------------------------------------------------- synthetic stories


@dataclass
class ScaleResult:
    paragraphs: int
    words: int
    parse_ms: float
    compare_text_ms: float
    compare_parsed_ms: float
    collate_ms: float
    versions: int
    compare_run: Measured | None = None
    """``compare`` from text, run once (:func:`newsdiff.bench_memory.measure`)."""
    collate_run: Measured | None = None
    """``collate`` from text, run once in a fresh process (sizes up to COLLATE_MAX)."""


def bench_scale(paragraphs: int, versions: int, repeat: int, memory: bool = True) -> ScaleResult:
    """Sizes up to COLLATE_MAX paragraphs are timed as medians in this process and
    collated; larger ones are timed once and not collated. With ``memory`` each call's
    peak comes from one run in a fresh process, and at the larger sizes that run's time
    is the one reported (no second run)."""
    small = paragraphs <= COLLATE_MAX
    old, new, texts = scale_inputs(paragraphs, versions if small else 0)
    po, pn = parse(old), parse(new)
    reps = repeat if small else 1
    compare_run = measure("compare", paragraphs, memory=memory) if memory or not small else None
    collate_run = measure("collate", paragraphs, versions) if memory and small else None
    with dmp.using_backend("python"):
        return ScaleResult(
            paragraphs=paragraphs,
            words=len(old.split()),
            parse_ms=_median_ms(lambda: parse(old), reps),
            compare_text_ms=(
                _median_ms(lambda: compare(old, new), reps)
                if compare_run is None or small
                else compare_run.ms
            ),
            compare_parsed_ms=_median_ms(lambda: compare(po, pn), reps),
            collate_ms=(
                _median_ms(lambda: collate(texts), reps if paragraphs <= 100 else 1)
                if small
                else float("nan")
            ),
            versions=versions,
            compare_run=compare_run,
            collate_run=collate_run,
        )


@dataclass
class LongResult:
    """The long pair: each call run once (in a fresh process unless ``--no-memory``)."""

    paragraphs: int
    chars: int
    difflib_ms: float
    text: Measured
    """``compare`` from text."""
    parsed: Measured
    """``compare`` of the two versions parsed beforehand."""
    parse: Measured
    """Parsing the two versions alone, both kept."""

    @property
    def text_ratio(self) -> float:
        return self.text.ms / self.difflib_ms

    @property
    def parsed_ratio(self) -> float:
        return self.parsed.ms / self.difflib_ms

    @property
    def parse_ratio(self) -> float:
        return self.parse.ms / self.difflib_ms


def bench_long(paragraphs: int, memory: bool = True) -> LongResult:
    old, new = one_word_pair(paragraphs)
    return LongResult(
        paragraphs=paragraphs,
        chars=len(old),
        difflib_ms=_median_ms(lambda: unified_diff(old, new), 3),
        text=measure("long", paragraphs, memory=memory),
        parsed=measure("long-parsed", paragraphs, memory=memory),
        parse=measure("long-parse", paragraphs, memory=memory),
    )


@dataclass
class CollateMemory:
    """``collate`` of ``versions`` versions of ``paragraphs`` paragraphs from text, and
    parsing those versions alone, each once in a fresh process."""

    paragraphs: int
    versions: int
    collate: Measured
    parse: Measured


def bench_collate_memory(paragraphs: int, versions: int) -> CollateMemory:
    return CollateMemory(
        paragraphs,
        versions,
        measure("collate", paragraphs, versions),
        measure("parse-versions", paragraphs, versions),
    )


@dataclass
class ChangesResult:
    changed: int
    compare_ms: float
    full_ms: float


def bench_changes(
    paragraphs: int, counts: Sequence[int], repeat: int, seed: int = SEED
) -> list[ChangesResult]:
    """One story against versions with ``count`` paragraphs edited, pre-parsed."""
    gen = Synthetic(seed)
    base = gen.story(paragraphs)
    old = parse(join(base))
    results = []
    for count in counts:
        edited = list(base)
        for k in sorted(gen.rng.sample(range(paragraphs), min(count, paragraphs))):
            edited[k] = gen.edit(edited[k])
        results.append(_changes(count, old, parse(join(edited)), repeat))
    return results


def _changes(count: int, old: Article, new: Article, repeat: int) -> ChangesResult:
    with dmp.using_backend("python"):
        return ChangesResult(
            changed=count,
            compare_ms=_median_ms(lambda: compare(old, new), repeat),
            full_ms=_median_ms(lambda: compare_full(old, new), repeat),
        )


def seed_collate_ms(versions: int, repeat: int, seed: int = SEED) -> tuple[float, float]:
    """Collating ``versions`` seed-size synthetic versions: from text and pre-parsed."""
    gen = Synthetic(seed)
    base = gen.story(SEED_PARAGRAPHS)
    texts = {f"v{n:02}": join(gen.version(base)) for n in range(1, versions + 1)}
    articles: dict[str, Article] = {name: parse(t) for name, t in texts.items()}
    with dmp.using_backend("python"):
        return (
            _median_ms(lambda: collate(texts), repeat),
            _median_ms(lambda: collate(articles), repeat),
        )


# ---------------------------------------------------------------- HTML pages


def sample_pages(folder: Path, every: int) -> dict[str, bytes]:
    """Every ``every``-th page of a benchmark folder (``pages.jsonl`` and
    ``html/ID.html.gz``), id → page bytes; empty when the folder is absent."""
    index = folder / "pages.jsonl"
    if not index.is_file():
        return {}
    ids = [json.loads(line)["id"] for line in index.read_text("utf-8").splitlines() if line]
    return {
        page_id: gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        for page_id in ids[:: max(1, every)]
    }


def builtin_pages() -> dict[str, bytes]:
    """The demo story's saved page and the test pages (when run from a checkout)."""
    pages = {"harbour-bridge v5-page": demo_page()}
    if TEST_PAGES.is_dir():
        pages.update({p.name: p.read_bytes() for p in sorted(TEST_PAGES.glob("*.html"))})
    return pages


@dataclass
class HtmlResult:
    source: str
    pages: int
    parse_ms: float  # per page
    extract_ms: float

    @property
    def ratio(self) -> float:
        return self.parse_ms / self.extract_ms


def bench_html(pages: Mapping[str, bytes], repeat: int, source: str) -> HtmlResult | None:
    """``newsdiff.parse`` and ``trafilatura.extract`` on the same pages (None without
    trafilatura)."""
    if importlib.util.find_spec("trafilatura") is None:
        return None
    import trafilatura

    readers: tuple[Callable[[bytes], object], ...] = (parse, trafilatura.extract)
    totals = [0.0, 0.0]
    for n, page in enumerate(pages.values()):
        best = [float("inf"), float("inf")]
        for run in range(max(1, min(repeat, 3))):
            order = (0, 1) if (n + run) % 2 == 0 else (1, 0)  # take turns going first
            for which in order:
                start = time.perf_counter()
                with contextlib.suppress(NewsdiffError):  # a page without text still counts
                    readers[which](page)
                best[which] = min(best[which], time.perf_counter() - start)
        totals = [total + b for total, b in zip(totals, best, strict=True)]
    count = max(1, len(pages))
    return HtmlResult(source, len(pages), totals[0] * 1000 / count, totals[1] * 1000 / count)


# ---------------------------------------------------------------- report


def _med(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _ms(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _ratio(value: float) -> str:
    return f"{value:,.0f}×" if value >= 10 else f"{value:.1f}×"


def story_table(results: Sequence[StoryResult]) -> list[str]:
    fast = any(p.compare_fast is not None for r in results for p in r.pairs)
    head = (
        "| story | pairs | paragraphs | words | compare, text (ms) | compare, parsed (ms) | "
        "full, text (ms) | "
        + ("compare, parsed, fast (ms) | " if fast else "")
        + "whole-text dmp (ms) | HtmlDiff (ms) | dmp ÷ compare | dmp ÷ full | "
        "HtmlDiff ÷ compare |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in results:
        p = r.pairs
        fast_cell = f"{_ms(_med([x.compare_fast or 0.0 for x in p]))} | " if fast else ""
        lines.append(
            f"| {r.name} | {len(p)} | {min(r.paragraphs)}–{max(r.paragraphs)} | "
            f"{min(r.words):,}–{max(r.words):,} | {_ms(_med([x.compare_text for x in p]))} | "
            f"{_ms(_med([x.compare_parsed for x in p]))} | {_ms(_med([x.full_text for x in p]))} | "
            f"{fast_cell}"
            + (
                f"{_ms(_med([x.whole_text for x in p]))} | {_ms(_med([x.html for x in p]))} | "
                f"{_ratio(_med([x.whole_text / x.compare_text for x in p]))} | "
                f"{_ratio(_med([x.whole_text / x.full_text for x in p]))} | "
                f"{_ratio(_med([x.html / x.compare_text for x in p]))} |"
                if any(x.whole_text for x in p)
                else "— | — | — | — | — |"
            )
        )
    return lines


PEAK_NOTE = (
    "Peak (MB): the most resident memory (RSS) of a fresh Python process that made the "
    "inputs and then only this call, counted from just before the call: interpreter, "
    "imports and inputs included. (+N): what the call added to it at its highest."
)
PEAK_NOTE_WHOLE_LIFE = (
    " On this platform the peak counts over the process's whole life, the making of "
    "the inputs included."
)


def _mb(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:,.0f}"


def _peak(run: Measured | None) -> str:
    """A cell: the peak and, in brackets, what the call added."""
    if run is None or run.peak_mb is None:
        return "—"
    added = run.added_mb
    return _mb(run.peak_mb) + ("" if added is None else f" (+{_mb(added)})")


def peak_note(runs: Sequence[Measured | None]) -> str:
    """What the peaks of ``runs`` mean (printed under each table of them)."""
    measured = [r for r in runs if r is not None and r.peak_mb is not None]
    if not measured:
        return "(memory not measured)"
    whole_life = any(not r.call_only for r in measured)
    return PEAK_NOTE + (PEAK_NOTE_WHOLE_LIFE if whole_life else "")


def scale_table(results: Sequence[ScaleResult]) -> list[str]:
    lines = [
        "| paragraphs | words | parse (ms) | compare, text (ms) | compare, parsed (ms) | "
        "µs / paragraph | compare peak (MB) | collate (ms) | collate peak (MB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        collate_ms = "—" if r.collate_ms != r.collate_ms else _ms(r.collate_ms)  # NaN: not run
        lines.append(
            f"| {r.paragraphs:,} | {r.words:,} | {_ms(r.parse_ms)} | {_ms(r.compare_text_ms)} | "
            f"{_ms(r.compare_parsed_ms)} | {r.compare_text_ms * 1000 / r.paragraphs:.0f} | "
            f"{_peak(r.compare_run)} | {collate_ms} | {_peak(r.collate_run)} |"
        )
    return lines


def long_table(r: LongResult) -> list[str]:
    return [
        "| | time (ms) | ÷ difflib | peak (MB) |",
        "|---|---:|---:|---:|",
        f"| `difflib.unified_diff` of the lines | {_ms(r.difflib_ms)} | 1.0× | — |",
        f"| parse both versions | {_ms(r.parse.ms)} | {_ratio(r.parse_ratio)} | {_peak(r.parse)} |",
        f"| `compare`, pre-parsed | {_ms(r.parsed.ms)} | {_ratio(r.parsed_ratio)} | "
        f"{_peak(r.parsed)} |",
        f"| `compare`, from text | {_ms(r.text.ms)} | {_ratio(r.text_ratio)} | {_peak(r.text)} |",
    ]


def collate_memory_table(r: CollateMemory) -> list[str]:
    def row(name: str, run: Measured) -> str:
        held = "—" if run.after_mb is None else _mb(run.after_mb)
        return f"| {name} | {_ms(run.ms)} | {_peak(run)} | {held} |"

    return [
        "| | time (ms) | peak (MB) | when it returned (MB) |",
        "|---|---:|---:|---:|",
        row(f"`collate`, from text ({r.versions} × {r.paragraphs:,} paragraphs)", r.collate),
        row(f"parsing the {r.versions} versions alone, all kept", r.parse),
    ]


def changes_table(results: Sequence[ChangesResult]) -> list[str]:
    lines = [
        "| paragraphs edited | compare (ms) | full (ms) | full ÷ compare |",
        "|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.changed:,} | {_ms(r.compare_ms)} | {_ms(r.full_ms)} | "
            f"{_ratio(r.full_ms / r.compare_ms)} |"
        )
    return lines


def json_table(results: Sequence[StoryResult]) -> list[str]:
    lines = [
        "| story | versions | collated JSON (bytes) | stories.jsonl line (bytes) |",
        "|---|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r.name} | {r.versions} | {r.json_bytes:,} | {r.line_bytes:,} |")
    return lines


@dataclass
class Target:
    name: str
    measured: str
    met: bool


def targets(
    stories: Sequence[StoryResult],
    scale: Sequence[ScaleResult],
    seed_collate: tuple[float, float] | None,
    long: LongResult | None = None,
    html: HtmlResult | None = None,
) -> list[Target]:
    found = lean_targets(stories, long)
    pairs = [p for r in stories for p in r.pairs]
    if pairs:
        text = _med([p.compare_text for p in pairs])
        parsed = _med([p.compare_parsed for p in pairs])
        found.append(
            Target(
                f"median compare of a real pair, pre-parsed ≤ {TARGET_SEED_MS:g} ms",
                f"{_ms(parsed)} ms",
                parsed <= TARGET_SEED_MS,
            )
        )
        found.append(
            Target(
                f"median compare of a real pair, from text ≤ {TARGET_SEED_MS:g} ms",
                f"{_ms(text)} ms",
                text <= TARGET_SEED_MS,
            )
        )
        ratio = _med([p.whole_text / p.compare_text for p in pairs if p.whole_text])
        if ratio == ratio:  # baselines ran
            found.append(
                Target(
                    f"≥ {TARGET_WHOLE_TEXT_RATIO:g}× faster than whole-text dmp (from text)",
                    _ratio(ratio),
                    ratio >= TARGET_WHOLE_TEXT_RATIO,
                )
            )
    big = [r for r in scale if r.paragraphs >= 10_000]
    for r in big:
        seconds = r.compare_text_ms / 1000
        found.append(
            Target(
                f"{r.paragraphs:,}-paragraph compare ≤ {TARGET_BIG_S:g} s",
                f"{seconds:.2f} s",
                seconds <= TARGET_BIG_S,
            )
        )
        peak = r.compare_run.peak_mb if r.compare_run else None
        if peak is not None:
            found.append(
                Target(
                    f"{r.paragraphs:,}-paragraph compare peak ≤ {TARGET_BIG_MB:g} MB",
                    f"{_peak(r.compare_run)} MB",
                    peak <= TARGET_BIG_MB,
                )
            )
    if len(scale) >= 2:
        first, last = scale[0], scale[-1]
        growth = (last.compare_text_ms / first.compare_text_ms) / (
            last.paragraphs / first.paragraphs
        )
        found.append(
            Target(
                "cost about linear in paragraphs (time per paragraph within 2× across sizes)",
                f"{growth:.2f}× per-paragraph cost at {last.paragraphs:,} vs {first.paragraphs:,}",
                0.5 <= growth <= 2.0,
            )
        )
    if seed_collate is not None:
        text_ms, parsed_ms = seed_collate
        found.append(
            Target(
                f"collate 20 seed-size versions ≤ {TARGET_COLLATE_MS:g} ms (from text)",
                f"{_ms(text_ms)} ms (pre-parsed {_ms(parsed_ms)} ms)",
                text_ms <= TARGET_COLLATE_MS,
            )
        )
    if html is not None:
        found.append(
            Target(
                f"parse(html) ≤ {TARGET_HTML_RATIO:g}× trafilatura.extract on the same pages",
                f"{html.ratio:.2f}× ({_ms(html.parse_ms)} vs {_ms(html.extract_ms)} ms a page, "
                f"{html.pages} pages, {html.source})",
                html.ratio <= TARGET_HTML_RATIO,
            )
        )
    return found


def lean_targets(
    stories: Sequence[StoryResult],
    long: LongResult | None,
    collate_memory: CollateMemory | None = None,
) -> list[Target]:
    """The targets of lean revisions: cost and bytes follow what changed."""
    found: list[Target] = []
    if long is not None:
        found.append(
            Target(
                f"{long.paragraphs:,}-paragraph pair, one word apart: compare ≤ "
                f"{TARGET_LONG_RATIO:g}× difflib.unified_diff, pre-parsed",
                _ratio(long.parsed_ratio),
                long.parsed_ratio <= TARGET_LONG_RATIO,
            )
        )
        found.append(
            Target(
                "… the same from text (parsing both versions included)",
                f"{_ratio(long.text_ratio)} (parsing alone {_ratio(long.parse_ratio)})",
                long.text_ratio <= TARGET_LONG_RATIO,
            )
        )
        parsed_peak, text_peak = long.parsed.peak_mb, long.text.peak_mb
        if parsed_peak is not None and text_peak is not None:
            found.append(
                Target(
                    f"… peak ≤ {TARGET_LONG_MB:g} MB (pre-parsed / from text)",
                    f"{_peak(long.parsed)} / {_peak(long.text)} MB (parsing alone "
                    f"{_peak(long.parse)} MB)",
                    max(parsed_peak, text_peak) <= TARGET_LONG_MB,
                )
            )
    seed = [r for r in stories if r.name == "ukraine-peacekeeping"] or stories[:1]
    for r in seed:
        ratios = [p.whole_text / p.compare_text for p in r.pairs if p.whole_text]
        if ratios:
            full = _med([p.whole_text / p.full_text for p in r.pairs if p.whole_text])
            found.append(
                Target(
                    f"{r.name}: pair from text ≥ {TARGET_SEED_RATIO:g}× faster than whole-text dmp",
                    f"{_ratio(_med(ratios))} (with every span and edit: {_ratio(full)})",
                    _med(ratios) >= TARGET_SEED_RATIO,
                )
            )
        limit = SEED_JSON_BEFORE // 5
        found.append(
            Target(
                f"{r.name} collated ≤ {limit:,} bytes of JSON",
                f"{r.json_bytes:,} bytes (stories.jsonl line {r.line_bytes:,})",
                r.json_bytes <= limit,
            )
        )
    peak = collate_memory.collate.peak_mb if collate_memory else None
    if collate_memory is not None and peak is not None:
        found.append(
            Target(
                f"collate {collate_memory.versions} × {collate_memory.paragraphs:,} "
                f"paragraphs ≤ {TARGET_COLLATE_MB:g} MB peak",
                f"{_peak(collate_memory.collate)} MB (parsing the versions alone "
                f"{_peak(collate_memory.parse)} MB)",
                peak <= TARGET_COLLATE_MB,
            )
        )
    return found


def environment() -> str:
    backends = "python" + (", fast" if fast_available() else "")
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} CPUs; diff backends installed: {backends}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsdiff.bench", description="newsdiff's speed-and-memory benchmark."
    )
    parser.add_argument(
        "--stories",
        type=Path,
        default=DEFAULT_STORIES,
        help="folder of story folders of .txt versions (skipped when absent)",
    )
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, DEFAULT_SIZES)),
        help="synthetic story sizes in paragraphs, comma-separated",
    )
    parser.add_argument(
        "--pages",
        type=Path,
        default=DEFAULT_PAGES,
        help="benchmark folder (pages.jsonl, html/, text/); built-in pages when absent",
    )
    parser.add_argument(
        "--page-sample",
        type=int,
        default=DEFAULT_PAGE_SAMPLE,
        help="time every N-th benchmark page",
    )
    parser.add_argument("--versions", type=int, default=20, help="versions to collate")
    parser.add_argument("--repeat", type=int, default=15, help="runs per timing (median)")
    parser.add_argument(
        "--no-baselines",
        action="store_true",
        help="skip the whole-text and HtmlDiff baselines (they are slow)",
    )
    parser.add_argument(
        "--no-memory",
        action="store_true",
        help="time every case in this process and measure no memory (no fresh processes)",
    )
    parser.add_argument(
        "--memory-targets",
        action="store_true",
        help="run only the memory targets: the long pair (--long) and collate of --versions "
        "versions of the largest of --sizes paragraphs, each case once in a fresh process",
    )
    parser.add_argument(
        "--long",
        type=int,
        default=LONG_PARAGRAPHS,
        help="paragraphs of the one-word-apart pair (0 skips it)",
    )
    parser.add_argument(
        "--parse-baseline",
        type=Path,
        help="a source checkout of another newsdiff version: parse(text) of the seed-size "
        "versions is timed against it (fresh processes, taking turns) instead of against "
        "the rule-only parse",
    )
    parser.add_argument(
        "--changes-size",
        type=int,
        default=CHANGES_PARAGRAPHS,
        help="paragraphs of the story edited 0, 1, 10, 100 and 1,000 times (0 skips it)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if args.memory_targets and args.no_memory:
        parser.error("--memory-targets measures memory: drop --no-memory")
    if args.parse_baseline and not bench_text.is_checkout(args.parse_baseline):
        parser.error(f"--parse-baseline: {args.parse_baseline} holds no newsdiff package")
    if args.memory_targets and not sizes:
        parser.error("--memory-targets collates versions of the largest of --sizes: give one")
    out = sys.stdout
    title = "# newsdiff benchmark" + (": memory targets" if args.memory_targets else "")
    print(title + "\n", file=out)
    print(environment() + "\n", file=out)
    if args.memory_targets:
        memory_targets(args.long, max(sizes), args.versions, out)
    else:
        everything(args, sizes, out)
    return 0


def memory_targets(long_paragraphs: int, paragraphs: int, versions: int, out: TextIO) -> None:
    """The long pair and the big collate, each case once in a fresh process, and the
    targets they answer."""
    long = _long_section(long_paragraphs, True, out)
    print(
        f"## Collate ({versions} versions × {paragraphs:,} paragraphs, from text)\n",
        file=out,
        flush=True,
    )
    collated = bench_collate_memory(paragraphs, versions)
    lines = collate_memory_table(collated)
    print("\n".join(lines) + "\n\n" + peak_note([collated.collate]) + "\n", file=out)
    _print_targets(lean_targets([], long, collated), out)


def _long_section(paragraphs: int, memory: bool, out: TextIO) -> LongResult | None:
    if not paragraphs:
        return None
    print(
        f"## A long pair ({paragraphs:,} paragraphs of {LONG_WORDS} words, one word apart)\n",
        file=out,
        flush=True,
    )
    long = bench_long(paragraphs, memory=memory)
    note = peak_note([long.text, long.parsed, long.parse])
    print("\n".join(long_table(long)) + "\n\n" + note + "\n", file=out)
    return long


def _print_targets(found: Sequence[Target], out: TextIO) -> None:
    print("## Targets\n", file=out)
    print("| target | measured | met |\n|---|---|---|", file=out)
    for t in found:
        print(f"| {t.name} | {t.measured} | {'yes' if t.met else 'no'} |", file=out)


def everything(args: argparse.Namespace, sizes: Sequence[int], out: TextIO) -> None:
    """Every section but the big collate of ``--memory-targets``."""
    baselines = not args.no_baselines
    memory = not args.no_memory
    print("## Real stories (every ordered pair; medians)\n", file=out, flush=True)
    stories = [bench_story("built-in (harbour-bridge)", demo_versions(), args.repeat, baselines)]
    shared = shared_stories(args.stories)
    if not shared:
        print(f"(shared stories skipped: no story folders in {args.stories})\n", file=out)
    for name, versions in shared.items():
        stories.append(bench_story(name, versions, args.repeat, baselines))
    print("\n".join(story_table(stories)) + "\n", file=out)
    collated = ", ".join(
        f"{r.name} {_ms(r.collate_ms)} ms ({r.versions} versions)" for r in stories
    )
    print(f"collate, from text: {collated}\n", file=out)

    print(
        "## Scaling (synthetic, 5 % of paragraphs edited, moved, added or removed)\n",
        file=out,
        flush=True,
    )
    scale = [bench_scale(n, args.versions, args.repeat, memory=memory) for n in sizes]
    print("\n".join(scale_table(scale)) + "\n", file=out)
    runs = [run for r in scale for run in (r.compare_run, r.collate_run)]
    print(peak_note(runs) + "\n", file=out)
    if any(n > COLLATE_MAX for n in sizes):
        print(
            f"(collate of more than {COLLATE_MAX:,} paragraphs not run here: "
            "`python -m newsdiff.bench --memory-targets` collates "
            f"{args.versions} versions of {max(sizes):,} paragraphs and measures it)\n",
            file=out,
        )
    seed = seed_collate_ms(args.versions, args.repeat)
    print(
        f"collate {args.versions} seed-size versions ({SEED_PARAGRAPHS} paragraphs): "
        f"{_ms(seed[0])} ms from text, {_ms(seed[1])} ms pre-parsed\n",
        file=out,
    )
    long = _long_section(args.long, memory, out)
    if args.changes_size:
        print(
            f"## Number of changes ({args.changes_size:,} paragraphs, pre-parsed)\n",
            file=out,
            flush=True,
        )
        counts = [c for c in CHANGE_COUNTS if c <= args.changes_size]
        changes = bench_changes(args.changes_size, counts, min(args.repeat, 3))
        print("\n".join(changes_table(changes)) + "\n", file=out)
    print("## HTML pages (newsdiff.parse and trafilatura.extract, same pages)\n", file=out)
    pages = sample_pages(args.pages, args.page_sample)
    source = f"every {args.page_sample}th page of {args.pages.name}"
    if not pages:
        print(f"(no benchmark pages in {args.pages}: the built-in pages instead)\n", file=out)
        pages, source = builtin_pages(), "built-in pages"
    html = bench_html(pages, args.repeat, source)
    if html is None:
        print("(HTML pages skipped: trafilatura is not installed, see docs/html.md)\n", file=out)
    else:
        print(
            "| pages | newsdiff.parse (ms/page) | trafilatura.extract (ms/page) | ratio |\n"
            "|---|---:|---:|---:|\n"
            f"| {html.pages} ({html.source}) | {_ms(html.parse_ms)} | {_ms(html.extract_ms)} | "
            f"{html.ratio:.2f}× |\n",
            file=out,
            flush=True,
        )
    print("## Parsing plain text\n", file=out, flush=True)
    seed_texts = [_text(t) for t in demo_versions().values()]
    seed_texts += [t for versions in shared.values() for t in versions.values()]
    text_parse = bench_text.bench_text_parse(
        seed_texts, bench_text.benchmark_pages(args.pages), args.repeat
    )
    print("\n".join(bench_text.report(text_parse, _ms)) + "\n", file=out)
    checkout = (
        bench_text.against_checkout(args.parse_baseline, seed_texts, args.repeat)
        if args.parse_baseline
        else None
    )
    if checkout is not None:
        print(
            f"parse(text), the same versions in fresh processes taking turns: "
            f"{_ms(checkout.this_ms)} ms, {_ms(checkout.that_ms)} ms with the newsdiff of "
            f"{checkout.source}: {checkout.ratio:.2f}×\n",
            file=out,
        )
    print("## JSON size (collated story)\n", file=out)
    print("\n".join(json_table(stories)) + "\n", file=out)
    found = targets(stories, scale, seed if args.versions == 20 else None, long, html)
    limit = bench_text.TARGET_SEED_RATIO
    baseline, ratio, measured = "the rule-only parse", text_parse.ratio, ""
    if checkout is not None:
        baseline, ratio = f"the parse of {checkout.source}", checkout.ratio
        measured = f" (the rule-only parse: {text_parse.ratio:.2f}×)"
    found.append(
        Target(
            f"parse(text) of seed-size versions ≤ {limit:g}× {baseline}",
            f"{ratio:.2f}×{measured}",
            ratio <= limit,
        )
    )
    _print_targets(found, out)


if __name__ == "__main__":
    raise SystemExit(main())
