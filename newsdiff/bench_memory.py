"""Time and peak memory of one benchmark case, run once in a fresh process.

``python -m newsdiff.bench`` measures each large case (a 10,000-paragraph compare, a
20-version collate, the 100,000-paragraph pair) by starting
``python -m newsdiff.bench_memory CASE PARAGRAPHS [--versions N]``: a new Python
process that imports newsdiff, makes the case's inputs, makes the one call, and
prints one line of JSON (a :class:`Measured`). The call runs untraced, so the same
run gives its time and its memory.

**Peak** is the most resident memory (RSS) the process held from just before the
call until the call returned: the interpreter, the imported modules and the inputs
are in it, as they would be in a user's process; what only the making of the inputs
needed (parsing them, for the pre-parsed cases) is not. On Linux the kernel's
high-water mark of the process (``VmHWM``) is reset before the call
(``/proc/self/clear_refs``) and read after it; where it cannot be, the peak is
``ru_maxrss``, of the process's whole life, and :attr:`Measured.call_only` says
so. **Before** is the RSS just before the call, so ``peak − before`` is what the
call added at its highest; **after** is the RSS when it returned, its result still
held. Megabytes are 10⁶ bytes.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

from newsdiff import dmp
from newsdiff.bench_synthetic import one_word_pair, scale_inputs
from newsdiff.collate import collate
from newsdiff.compare import compare
from newsdiff.parse import parse


def _compare(paragraphs: int, versions: int) -> Callable[[], object]:
    old, new, _ = scale_inputs(paragraphs)
    return lambda: compare(old, new)


def _collate(paragraphs: int, versions: int) -> Callable[[], object]:
    texts = scale_inputs(paragraphs, versions)[2]
    return lambda: collate(texts)


def _parse_versions(paragraphs: int, versions: int) -> Callable[[], object]:
    texts = scale_inputs(paragraphs, versions)[2]
    return lambda: [parse(text) for text in texts.values()]


def _long(paragraphs: int, versions: int) -> Callable[[], object]:
    old, new = one_word_pair(paragraphs)
    return lambda: compare(old, new)


def _long_parsed(paragraphs: int, versions: int) -> Callable[[], object]:
    old, new = (parse(text) for text in one_word_pair(paragraphs))
    return lambda: compare(old, new)


def _long_parse(paragraphs: int, versions: int) -> Callable[[], object]:
    old, new = one_word_pair(paragraphs)
    return lambda: (parse(old), parse(new))


CASES: dict[str, Callable[[int, int], Callable[[], object]]] = {
    "compare": _compare,
    "collate": _collate,
    "parse-versions": _parse_versions,
    "long": _long,
    "long-parsed": _long_parsed,
    "long-parse": _long_parse,
}
"""Each case's inputs and call, from its size in paragraphs and its number of versions:

- ``compare``: a synthetic story and a 5 % edit of it, from text;
- ``collate``: ``versions`` 5 % edits of a synthetic story, from text;
- ``parse-versions``: the same versions parsed and kept (collate's parsing alone);
- ``long``: two versions one word apart (:func:`~newsdiff.bench_synthetic.one_word_pair`),
  from text; ``long-parsed`` the same two parsed before the call; ``long-parse``
  parsing them alone, both kept.
"""


@dataclass(frozen=True)
class Measured:
    """One call of one case: its wall-clock time and, where the platform tells,
    the process's resident memory (see the module's docstring)."""

    ms: float
    peak_mb: float | None = None
    before_mb: float | None = None
    after_mb: float | None = None
    call_only: bool = False
    """Whether the peak counts from just before the call (else: the process's life)."""

    @property
    def added_mb(self) -> float | None:
        """What the call added to the process at its highest: peak − before."""
        if self.peak_mb is None or self.before_mb is None:
            return None
        return self.peak_mb - self.before_mb


MB = 1e6


def _rss_now() -> float | None:
    """The process's resident memory now, where /proc says (Linux)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGESIZE") / MB


def _reset_peak() -> bool:
    """Reset the kernel's high-water mark of the process's RSS to what it holds now."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def _peak_rss() -> float | None:
    """The kernel's high-water mark of the process's RSS: on Linux the process's own
    (``VmHWM``), elsewhere ``ru_maxrss``, which counts over the process's whole life
    (and on Linux would include the parent's RSS when it was started)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / MB  # kB
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak * 1024 / MB  # bytes / KiB


def measure_here(case: str, paragraphs: int, versions: int = 0, *, memory: bool = True) -> Measured:
    """Make the case's inputs, then time its call once and, with ``memory``, read the
    process's memory around it: meant for a fresh process (:func:`measure` starts
    one). Without ``memory`` (``--no-memory``) the call is only timed."""
    call = CASES[case](paragraphs, versions)
    gc.collect()
    call_only = memory and _reset_peak()
    before = _rss_now()
    with dmp.using_backend("python"):
        start = time.perf_counter()
        result = call()
        ms = (time.perf_counter() - start) * 1000
    if not memory:
        return Measured(ms)
    after, peak = _rss_now(), _peak_rss()
    del result
    if peak is not None:
        # The kernel's RSS counters are summed lazily across CPUs, so two readings can
        # disagree by a few pages: the peak is at least what was read either side.
        peak = max(peak, *(m for m in (before, after) if m is not None))
    return Measured(ms, peak, before, after, call_only)


def measure(case: str, paragraphs: int, versions: int = 0, *, memory: bool = True) -> Measured:
    """Time one case, run once; with ``memory`` (the default) in a fresh Python process
    that also reads its memory, else in this process."""
    if not memory:
        return measure_here(case, paragraphs, versions, memory=False)
    command = [sys.executable, "-m", "newsdiff.bench_memory", case, str(paragraphs)]
    command += ["--versions", str(versions)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"the benchmark case {case!r} failed in its own process: {last}")
    return Measured(**json.loads(lines[-1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsdiff.bench_memory",
        description="Run one case of newsdiff's benchmark once in this process and print "
        "its time and peak memory as a line of JSON.",
    )
    parser.add_argument("case", choices=list(CASES))
    parser.add_argument("paragraphs", type=int, help="paragraphs of each version")
    parser.add_argument("--versions", type=int, default=0, help="versions (collate cases)")
    args = parser.parse_args(argv)
    print(json.dumps(asdict(measure_here(args.case, args.paragraphs, args.versions))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
