"""compare, collate and parse are safe to call from several threads at once.

Each thread's results must equal what one thread alone computes, byte for byte in
JSON, whichever diff backend is in use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest

import newsdiff
from newsdiff import dmp
from newsdiff.demo import demo_versions
from tests.test_reliability import HTML_LOOKING, SCRIPTS, edited, paragraphs

THREADS = 8


def _pairs() -> list[tuple[str | bytes, str | bytes]]:
    versions = list(demo_versions().values())
    long = paragraphs(400, seed=31)
    pairs: list[tuple[str | bytes, str | bytes]] = [
        (versions[i], versions[j]) for i in range(len(versions)) for j in range(len(versions))
    ]
    pairs += [
        ("\n\n".join(long), "\n\n".join(edited(long, seed=32))),
        (SCRIPTS, SCRIPTS.replace("👍🏽", "👎")),
        (HTML_LOOKING, HTML_LOOKING.upper()),
        ("\n\n".join(long[:50]), "\n\n".join(reversed(long[:50]))),
    ]
    return pairs


def _hammer(work: list[Callable[[], str]]) -> list[str]:
    """Run every job in THREADS threads at once, released together by a barrier."""
    barrier = threading.Barrier(THREADS)

    def run(offset: int) -> list[tuple[int, str]]:
        barrier.wait()
        order = list(range(len(work)))
        order = order[offset:] + order[:offset]  # each thread starts somewhere else
        return [(n, work[n]()) for n in order]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(run, range(THREADS)))
    return [json for per_thread in results for _, json in sorted(per_thread)]


@pytest.mark.parametrize("backend", dmp.BACKENDS)
def test_compare_from_many_threads(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if backend == "fast":
        pytest.importorskip("fast_diff_match_patch")
    monkeypatch.setenv(dmp.BACKEND_ENV, backend)
    pairs = _pairs()
    expected = [newsdiff.compare(a, b).model_dump_json() for a, b in pairs]
    jobs: list[Callable[[], str]] = [
        lambda a=a, b=b: newsdiff.compare(a, b).model_dump_json()  # type: ignore[misc]
        for a, b in pairs
    ]
    assert _hammer(jobs) == expected * THREADS


def test_collate_and_parse_from_many_threads() -> None:
    versions = demo_versions()
    story = newsdiff.collate(versions).model_dump_json()
    articles = [newsdiff.parse(v).model_dump_json() for v in versions.values()]
    jobs: list[Callable[[], str]] = [lambda: newsdiff.collate(versions).model_dump_json()]
    jobs += [
        lambda v=v: newsdiff.parse(v).model_dump_json()  # type: ignore[misc]
        for v in versions.values()
    ]
    assert _hammer(jobs) == [story, *articles] * THREADS


def test_errors_from_many_threads() -> None:
    """Bad input in one thread raises there and leaves the others' results alone."""
    good = ("The ferry sailed on time.", "The ferry sailed late.")
    expected = newsdiff.compare(*good).model_dump_json()

    def bad() -> str:
        try:
            newsdiff.compare(b"\x00\x01\x02\x03" * 100, "The ferry sailed.")
        except newsdiff.InputError as exc:
            return type(exc).__name__
        return "no error"

    jobs: list[Callable[[], str]] = [lambda: newsdiff.compare(*good).model_dump_json(), bad]
    assert _hammer(jobs) == [expected, "InputError"] * THREADS
