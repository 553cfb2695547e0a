"""The plain-text parsing part of ``python -m newsdiff.bench``.

``parse(text)`` decides body-or-not with a fitted model (:mod:`newsdiff.parse.model`).
Its baseline, measured in the same run on the same texts, is the same ``parse(text)``
with that decision made by the rule-only pass of :mod:`newsdiff.parse.kinds` instead
(the way every version was parsed before the model; the HTML path still uses it):
everything else — line splitting, cues, kinds, datelines, the models — is the same
code, so the ratio is the model's own cost.

That ratio rises when the code both share gets faster. ``--parse-baseline DIR`` measures
against another version of newsdiff instead (a source checkout, e.g. the commit a target
was set on: ``git worktree add ../newsdiff-old COMMIT``): the same texts parsed by each
version in fresh processes, taking turns (:func:`against_checkout`).

Texts: the built-in story's versions and the seed stories' versions under
``../shared/stories`` (seed-size: tens to a hundred-odd lines), and when
``../shared/benchmarks/trafilatura-eval`` exists its flattened pages (ms per page).
"""

from __future__ import annotations

import importlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from unittest import mock

from newsdiff.parse import parse

DEFAULT_BENCHMARK = Path("..") / "shared" / "benchmarks" / "trafilatura-eval"
TARGET_SEED_RATIO = 1.5
"""``parse(text)`` on a seed-size version at most this many times the baseline's."""
ROUNDS = 5
"""Turns each version takes in :func:`against_checkout`."""
# Run in a fresh process: parse every text once to warm up, then time ``repeat`` passes.
_TIMER = """
import json, statistics, sys, time
import newsdiff
from newsdiff import parse
print(newsdiff.__file__)
texts = json.load(open(sys.argv[1], encoding="utf-8"))
for text in texts:
    parse(text)
times = []
for _ in range(int(sys.argv[2])):
    start = time.perf_counter()
    for text in texts:
        parse(text)
    times.append(time.perf_counter() - start)
print(statistics.median(times) * 1000)
"""


@contextmanager
def rule_only() -> Iterator[None]:
    """Within: ``parse(text)`` decides body-or-not by the rules alone (the baseline)."""
    # ``newsdiff.parse`` the attribute is the function; the module is patched.
    with mock.patch.object(importlib.import_module("newsdiff.parse"), "is_body", None):
        yield


def _total_ms(texts: Sequence[str], repeat: int) -> float:
    """Median over ``repeat`` runs of the time to parse all ``texts`` once."""
    times = []
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        for text in texts:
            parse(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


@dataclass(frozen=True)
class TextParseResult:
    versions: int
    lines: int
    model_ms: float
    """Parsing every seed-size version once, with the model."""
    rules_ms: float
    """The same with the rule-only body decision (the baseline)."""
    pages: int = 0
    page_model_ms: float = 0.0
    """Mean per benchmark page, with the model."""
    page_rules_ms: float = 0.0

    @property
    def ratio(self) -> float:
        return self.model_ms / self.rules_ms


def benchmark_pages(folder: Path) -> list[str]:
    """The flattened text of every page of an extraction benchmark (empty pages left out)."""
    texts = (folder / "text").glob("*.txt") if (folder / "text").is_dir() else ()
    return [t for t in (p.read_text("utf-8") for p in sorted(texts)) if t.strip()]


def bench_text_parse(versions: Sequence[str], pages: Sequence[str], repeat: int) -> TextParseResult:
    # Interleaved, so that a machine busy with something else slows both alike.
    model: list[float] = []
    rules: list[float] = []
    for _ in range(max(1, repeat)):
        model.append(_total_ms(versions, 1))
        with rule_only():
            rules.append(_total_ms(versions, 1))
    result = TextParseResult(
        versions=len(versions),
        lines=sum(len(parse(v).blocks) for v in versions),
        model_ms=statistics.median(model),
        rules_ms=statistics.median(rules),
    )
    if not pages:
        return result
    page_model = _total_ms(pages, 1)
    with rule_only():
        page_rules = _total_ms(pages, 1)
    return replace(
        result,
        pages=len(pages),
        page_model_ms=page_model / len(pages),
        page_rules_ms=page_rules / len(pages),
    )


@dataclass(frozen=True)
class CheckoutResult:
    source: Path
    """The other version's source checkout."""
    this_ms: float
    """Parsing every text once with this version (median over the rounds)."""
    that_ms: float
    ratio: float
    """Median over the rounds of this version's time over the other's."""


def _parse_ms(package_root: Path, texts_file: Path, repeat: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    done = subprocess.run(
        [sys.executable, "-c", _TIMER, str(texts_file), str(max(1, repeat))],
        env=env,
        cwd=texts_file.parent,  # not a folder whose own newsdiff would be imported first
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"parsing with the newsdiff under {package_root} failed: {last}")
    imported, *_, ms = done.stdout.strip().splitlines()
    if Path(imported).resolve().parent.parent != package_root.resolve():
        raise RuntimeError(f"the newsdiff under {package_root} was not the one imported")
    return float(ms)


def is_checkout(source: Path) -> bool:
    """Whether ``source`` holds a ``newsdiff`` package to time."""
    return (source / "newsdiff" / "__init__.py").is_file()


def against_checkout(
    source: Path, texts: Sequence[str], repeat: int, rounds: int = ROUNDS
) -> CheckoutResult:
    """``parse`` of ``texts`` by this newsdiff against the one in the source checkout
    ``source`` (a folder holding a ``newsdiff`` package): each version in its own fresh
    process, taking turns for ``rounds`` rounds, so that a machine busy with something
    else slows both alike."""
    if not is_checkout(source):
        raise ValueError(f"{source} holds no newsdiff package (newsdiff/__init__.py)")
    here = Path(__file__).resolve().parent.parent
    this: list[float] = []
    that: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        texts_file = Path(folder) / "texts.json"
        texts_file.write_text(json.dumps(list(texts)), "utf-8")
        for _ in range(max(1, rounds)):
            that.append(_parse_ms(source, texts_file, repeat))
            this.append(_parse_ms(here, texts_file, repeat))
    return CheckoutResult(
        source=source,
        this_ms=statistics.median(this),
        that_ms=statistics.median(that),
        ratio=statistics.median(a / b for a, b in zip(this, that, strict=True)),
    )


def report(result: TextParseResult, ms: Callable[[float], str]) -> list[str]:
    lines = [
        f"parse(text), {result.versions} seed-size versions ({result.lines:,} blocks): "
        f"{ms(result.model_ms)} ms with the body model, {ms(result.rules_ms)} ms rule-only "
        f"(baseline): {result.ratio:.2f}×",
    ]
    if result.pages:
        lines.append(
            f"parse(text), {result.pages} benchmark pages: "
            f"{result.page_model_ms:.1f} ms a page with the body model, "
            f"{result.page_rules_ms:.1f} ms rule-only"
        )
    return lines
