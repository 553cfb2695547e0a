"""The HTML path on real pages: a fixed sample of ../shared/benchmarks/trafilatura-eval.

Scored the way ``eval_extraction.py`` scores snippets: the article text is every block
that is not boilerplate; a "with" snippet found in it (white space normalised) is a hit,
one missed a miss, a "without" snippet found a false hit. The floors sit a little under
what the sample measures (F1 .939, precision .916, recall .964 on 66 pages), so a
regression fails here before it reaches the full benchmark. Skipped when the benchmark
folder is absent (it holds third-party pages and is never copied into this repository).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsdiff import NewsdiffError, parse

BENCH = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "trafilatura-eval"
SAMPLE = slice(3, None, 15)  # 66 of the 990 pages
FLOOR_F1 = 0.92
FLOOR_RECALL = 0.94


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def pages() -> list[dict[str, Any]]:
    index = BENCH / "pages.jsonl"
    if not index.is_file():
        pytest.skip(f"benchmark pages not found at {BENCH}")
    pytest.importorskip("trafilatura")
    lines = index.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()][SAMPLE]


def _article_text(page_id: str) -> str:
    data = gzip.decompress((BENCH / "html" / f"{page_id}.html.gz").read_bytes())
    try:
        article = parse(data)
    except NewsdiffError:  # the benchmark's script-only page has no text at all
        return ""
    return _norm("\n".join(b.dateline + b.text for b in article.blocks if not b.is_boilerplate))


def test_snippet_scores_on_benchmark_pages(pages: list[dict[str, Any]]) -> None:
    hits = misses = false_hits = 0
    for page in pages:
        text = _article_text(str(page["id"]))
        wanted = [_norm(s) for s in page["with"]]
        unwanted = [_norm(s) for s in page["without"]]
        found = sum(s in text for s in wanted)
        hits += found
        misses += len(wanted) - found
        false_hits += sum(s in text for s in unwanted)
    precision = hits / (hits + false_hits)
    recall = hits / (hits + misses)
    f1 = 2 * precision * recall / (precision + recall)
    summary = f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} on {len(pages)} pages"
    assert f1 >= FLOOR_F1, summary
    assert recall >= FLOOR_RECALL, summary
