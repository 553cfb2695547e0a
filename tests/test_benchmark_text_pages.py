"""parse(text) on a fixed sample of real pages (``../shared/benchmarks/trafilatura-eval``,
flattened to text), scored as the benchmark's evaluation tool scores them: "with"
snippets found are true positives, "without" snippets found false positives. A floor,
so that a regression of the plain-text body model fails here. Skipped when the
benchmark is absent (it is third-party text and not part of the repository)."""

from __future__ import annotations

import json
import re

import pytest

from newsdiff import parse

from .conftest import ROOT

BENCHMARK = ROOT.parent / "shared" / "benchmarks" / "trafilatura-eval"
EVERY = 10
"""The sample: every tenth page in the benchmark's own order (99 pages)."""
FLOOR_F1 = 0.88
FLOOR_PRECISION = 0.85
FLOOR_RECALL = 0.85

pytestmark = pytest.mark.skipif(
    not (BENCHMARK / "pages.jsonl").is_file(), reason="../shared/benchmarks absent"
)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_sampled_benchmark_pages_keep_their_article_text() -> None:
    pages = [
        json.loads(line)
        for line in (BENCHMARK / "pages.jsonl").read_text("utf-8").splitlines()[::EVERY]
    ]
    tp = fp = fn = 0
    for page in pages:
        text = (BENCHMARK / "text" / f"{page['id']}.txt").read_text("utf-8")
        if not text.strip():
            continue  # the benchmark's one page with no visible text
        article = parse(text)
        kept = _norm("\n".join(b.dateline + b.text for b in article.blocks if not b.is_boilerplate))
        found = sum(_norm(s) in kept for s in page["with"])
        tp += found
        fn += len(page["with"]) - found
        fp += sum(_norm(s) in kept for s in page["without"])
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    assert tp + fn > 200  # the sample is big enough to mean something
    assert precision >= FLOOR_PRECISION, (precision, recall, f1)
    assert recall >= FLOOR_RECALL, (precision, recall, f1)
    assert f1 >= FLOOR_F1, (precision, recall, f1)
