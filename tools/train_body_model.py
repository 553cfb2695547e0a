"""Fit the plain-text body model on a benchmark of real pages and write its data file.

    python tools/train_body_model.py ../shared/benchmarks/trafilatura-eval
        [--teacher-cache FILE] [--out newsdiff/parse/body_model.json] [--cv-only]

Needs the ``train`` extra (scikit-learn, numpy, wordfreq) and the ``html`` extra
(trafilatura, for the labels). Steps:

1. Lines: each page's flattened text (``text/ID.txt``) cut into lines exactly as
   :func:`newsdiff.parse` cuts it.
2. Labels: a line is body when it appears in trafilatura's extraction of the same
   page's HTML (whole line, a substring of 20 characters or more, or 70 % of its word
   trigrams): a dense teacher. The benchmark's own snippets override it where they
   speak: a line holding a "with" snippet is body, one holding a "without" snippet is
   not, and those lines weigh more.
3. Features: :mod:`newsdiff.parse.features` (the same code that runs in ``parse``).
4. Model: two stages of gradient-boosted trees (scikit-learn's
   ``HistGradientBoostingClassifier``): stage 1 on each line and its neighbours,
   stage 2 adds stage 1's out-of-fold probabilities around the line.
5. Cross-validation by site (``GroupKFold``, 5 folds: no site is in both the training
   and the test part); stage 2's training inputs come from an inner cross-validation
   (3 folds by site) inside each training part, so nothing of the test sites leaks in.
   Scored as the benchmark scores: snippet precision, recall and F1, for each stage
   with the shipped decision rule (:func:`newsdiff.parse.model.decide`) and for what
   ``parse`` makes of it.
6. The final model is fitted on all pages and written as JSON (the trees as flat
   arrays) for :mod:`newsdiff.parse.model`; the stop lists are rebuilt from wordfreq.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from unittest import mock

try:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.model_selection import GroupKFold
except ImportError as missing:
    raise SystemExit(f"{missing}: install the training extra, pip install -e '.[train]'") from None

from newsdiff.parse import features as feats
from newsdiff.parse import parse
from newsdiff.parse.kinds import cue_kinds
from newsdiff.parse.lines import paragraphs
from newsdiff.parse.model import (
    MIN_PAGE_LINES,
    Forest,
    Thresholds,
    decide,
    is_sure,
    probabilities,
)

PACKAGE = Path(__file__).resolve().parent.parent / "newsdiff" / "parse"
FOLDS = 5
SNIPPET_WEIGHT = 3
"""Weight of a line whose label comes from the benchmark's snippets (teacher lines: 1);
given as repeated rows (scikit-learn's trees fit ten times slower with sample weights)."""
INNER_FOLDS = 3
_COMMON: dict[str, Any] = {
    "learning_rate": 0.1,
    "min_samples_leaf": 40,
    "l2_regularization": 1.0,
    "early_stopping": False,
}
STAGE1: dict[str, Any] = {**_COMMON, "max_iter": 60, "max_depth": 3, "max_leaf_nodes": 8}
"""Stage 1 is kept small: it runs on every line and mostly sorts the obvious lines."""
STAGE2: dict[str, Any] = {**_COMMON, "max_iter": 100, "max_depth": 4, "max_leaf_nodes": 12}
"""Stage 2 gains most from more trees (.866 → .877 snippet F1 in exploration)."""
DEFAULT_THRESHOLDS = Thresholds(plain=0.45, cued=0.95)
PLAIN_GRID = (0.35, 0.4, 0.45, 0.5, 0.55)
CUED_GRID = (0.8, 0.9, 0.95, 0.99)
STOP_LANGUAGES = [
    "ar",
    "bg",
    "bn",
    "ca",
    "cs",
    "da",
    "de",
    "el",
    "en",
    "es",
    "fa",
    "fi",
    "fil",
    "fr",
    "he",
    "hi",
    "hu",
    "id",
    "is",
    "it",
    "ja",
    "ko",
    "lt",
    "lv",
    "mk",
    "ms",
    "nb",
    "nl",
    "pl",
    "pt",
    "ro",
    "ru",
    "sh",
    "sk",
    "sl",
    "sv",
    "ta",
    "tr",
    "uk",
    "ur",
    "vi",
    "zh",
]
STOP_WORDS_PER_LANGUAGE = 100
_SPACE = re.compile(r"\s+")


def norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@dataclass
class Page:
    id: str
    site: str
    text: str
    lines: list[str]
    labels: list[int]
    teacher: list[int]
    weights: list[int]
    with_: list[str]
    without: list[str]


def site_of(url: str) -> str:
    """The site a page comes from (``hard::host-words.html`` urls: the host part)."""
    if "::" in url:
        return url.split("::", 1)[1].split("-", 1)[0].removeprefix("www.")
    return url.split("//", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + 3]) for i in range(max(0, len(words) - 2))}


def teacher_labels(lines: Sequence[str], teacher: str) -> list[int]:
    whole = {norm(t) for t in teacher.splitlines() if t.strip()}
    text = norm(teacher)
    grams = _trigrams(teacher)
    out: list[int] = []
    for line in lines:
        n = norm(line)
        if n in whole or (len(n) >= 20 and n in text):
            out.append(1)
            continue
        g = _trigrams(n)
        out.append(1 if g and len(g & grams) >= 0.7 * len(g) else 0)
    return out


def teachers(bench: Path, cache: Path | None) -> dict[str, str]:
    if cache is not None and cache.exists():
        loaded: dict[str, str] = json.loads(cache.read_text("utf-8"))
        return loaded
    import trafilatura

    out: dict[str, str] = {}
    for raw in (bench / "pages.jsonl").read_text("utf-8").splitlines():
        page = json.loads(raw)
        html = gzip.decompress((bench / "html" / f"{page['id']}.html.gz").read_bytes())
        try:
            out[page["id"]] = trafilatura.extract(html) or ""
        except Exception:  # a page trafilatura cannot read teaches nothing
            out[page["id"]] = ""
    if cache is not None:
        cache.write_text(json.dumps(out), "utf-8")
    return out


def load_pages(bench: Path, cache: Path | None) -> list[Page]:
    teacher = teachers(bench, cache)
    pages: list[Page] = []
    for raw in (bench / "pages.jsonl").read_text("utf-8").splitlines():
        meta = json.loads(raw)
        text = (bench / "text" / f"{meta['id']}.txt").read_text("utf-8")
        lines = [p.text for p in paragraphs(text)]
        if not lines:
            continue
        taught = teacher_labels(lines, teacher.get(meta["id"], ""))
        labels = list(taught)
        weights = [1] * len(lines)
        with_ = meta.get("with", [])
        without = meta.get("without", [])
        for i, line in enumerate(lines):
            n = norm(line)
            if any(norm(s) in n for s in without if norm(s)):
                labels[i], weights[i] = 0, SNIPPET_WEIGHT
            if any(norm(s) in n for s in with_ if norm(s)):
                labels[i], weights[i] = 1, SNIPPET_WEIGHT
        pages.append(
            Page(
                meta["id"],
                site_of(meta["url"]),
                text,
                lines,
                labels,
                taught,
                weights,
                with_,
                without,
            )
        )
    return pages


def snippet_scores(pages: Sequence[Page], keep: Sequence[Sequence[bool]]) -> tuple[float, ...]:
    """Snippet precision, recall and F1 as the benchmark's evaluation tool counts them."""
    tp = fp = fn = 0
    for page, mask in zip(pages, keep, strict=True):
        text = norm("\n".join(line for line, k in zip(page.lines, mask, strict=True) if k))
        found = sum(norm(s) in text for s in page.with_)
        tp += found
        fn += len(page.with_) - found
        fp += sum(norm(s) in text for s in page.without)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Data:
    pages: list[Page]
    base: list[list[list[float]]]
    x1: list[np.ndarray]
    y: list[np.ndarray]
    w: list[np.ndarray]


def build(pages: list[Page]) -> Data:
    base, x1 = [], []
    for page in pages:
        b = feats.base_features(page.lines, [k is not None for k in cue_kinds(page.lines)])
        base.append(b)
        x1.append(np.array(feats.stage1_columns(b), dtype=float).T)
    y = [np.array(p.labels) for p in pages]
    w = [np.array(p.weights) for p in pages]
    return Data(pages, base, x1, y, w)


def _fit(
    x: np.ndarray, y: np.ndarray, w: np.ndarray, params: dict[str, Any]
) -> HistGradientBoostingClassifier:
    model = HistGradientBoostingClassifier(random_state=0, **params)
    repeats = w.astype(int)
    model.fit(np.repeat(x, repeats, axis=0), np.repeat(y, repeats))
    return model


def _stack(parts: Sequence[np.ndarray], idx: Sequence[int]) -> np.ndarray:
    return np.concatenate([parts[i] for i in idx])


def _proba(model: HistGradientBoostingClassifier, x: np.ndarray) -> np.ndarray:
    p: np.ndarray = model.predict_proba(x)[:, 1]
    return p


def _x2(data: Data, i: int, probs: np.ndarray) -> np.ndarray:
    stage1 = [list(column) for column in data.x1[i].T.tolist()]
    return np.array(feats.stage2_columns(probs.tolist(), data.base[i], stage1), dtype=float).T


def fit_two_stage(
    data: Data, train: Sequence[int], groups: Sequence[str]
) -> tuple[HistGradientBoostingClassifier, HistGradientBoostingClassifier]:
    """Stage 1 on ``train``; stage 2 on stage-1 probabilities that are out-of-fold
    within ``train`` (inner folds by site)."""
    oof: dict[int, np.ndarray] = {}
    inner = GroupKFold(n_splits=INNER_FOLDS)
    train = list(train)
    for tr, te in inner.split(train, groups=[groups[i] for i in train]):
        pages_tr = [train[k] for k in tr]
        m = _fit(
            _stack(data.x1, pages_tr), _stack(data.y, pages_tr), _stack(data.w, pages_tr), STAGE1
        )
        for k in te:
            oof[train[k]] = _proba(m, data.x1[train[k]])
    stage1 = _fit(_stack(data.x1, train), _stack(data.y, train), _stack(data.w, train), STAGE1)
    x2 = [_x2(data, i, oof[i]) for i in train]
    stage2 = _fit(np.concatenate(x2), _stack(data.y, train), _stack(data.w, train), STAGE2)
    return stage1, stage2


def _as_parse_would(page: Page, probs: np.ndarray, thresholds: Thresholds) -> list[bool]:
    """Body or not for every line, as ``parse`` decides it from these probabilities:
    the whole of :func:`newsdiff.parse` with the model's decision replaced by the
    cue-aware threshold over ``probs`` (then the kinds pass and the structural rules)."""

    def body_model(lines: Sequence[str], cues: Sequence[bool]) -> list[bool] | None:
        if len(lines) < MIN_PAGE_LINES:
            return None
        return decide(probs.tolist(), cues, thresholds)

    with mock.patch.object(importlib.import_module("newsdiff.parse"), "is_body", body_model):
        article = parse(page.text)
    return [not block.is_boilerplate for block in article.blocks]


def out_of_fold(data: Data) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Stage-1 and stage-2 probabilities of every page from models fitted on the other
    folds (folds by site: no site is in both parts)."""
    groups = [p.site for p in data.pages]
    stage1: list[np.ndarray] = [np.zeros(0) for _ in data.pages]
    stage2: list[np.ndarray] = [np.zeros(0) for _ in data.pages]
    for fold, (train, test) in enumerate(
        GroupKFold(n_splits=FOLDS).split(data.pages, groups=groups)
    ):
        started = time.perf_counter()
        models = fit_two_stage(data, train, groups)
        for i in test:
            stage1[i] = _proba(models[0], data.x1[i])
            stage2[i] = _proba(models[1], _x2(data, i, stage1[i]))
        print(f"fold {fold + 1}/{FOLDS}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return stage1, stage2


def parse_scores(data: Data, probs: Sequence[np.ndarray], bar: Thresholds) -> tuple[float, ...]:
    """Snippet scores of the whole of ``parse`` with the model's decision taken from
    ``probs`` at the thresholds ``bar``."""
    keep = [_as_parse_would(page, p, bar) for page, p in zip(data.pages, probs, strict=True)]
    return snippet_scores(data.pages, keep)


def choose_thresholds(data: Data, probs: Sequence[np.ndarray]) -> Thresholds:
    """The thresholds at which the whole of ``parse`` scores best on out-of-fold
    probabilities: the plain one first (the cued one at its default), then the cued one."""
    best = DEFAULT_THRESHOLDS
    for field, grid in (("plain", PLAIN_GRID), ("cued", CUED_GRID)):
        scored = {v: parse_scores(data, probs, replace(best, **{field: v}))[2] for v in grid}
        print(
            f"{field} threshold: " + ", ".join(f"{v:g} → {f:.4f}" for v, f in scored.items()),
            file=sys.stderr,
        )
        best = replace(best, **{field: max(grid, key=lambda v: (scored[v], -abs(v - 0.5)))})
    return best


def cross_validate(
    data: Data, oof_cache: Path | None
) -> tuple[dict[str, tuple[float, ...]], Thresholds]:
    """The cross-validated scores (by site) and the thresholds chosen out of fold."""
    if oof_cache is not None and oof_cache.exists():
        with np.load(oof_cache) as saved:
            stage1 = [saved[f"s1_{i}"] for i in range(len(data.pages))]
            stage2 = [saved[f"s2_{i}"] for i in range(len(data.pages))]
    else:
        stage1, stage2 = out_of_fold(data)
        if oof_cache is not None:
            arrays = {f"s1_{i}": a for i, a in enumerate(stage1)}
            arrays |= {f"s2_{i}": a for i, a in enumerate(stage2)}
            np.savez_compressed(oof_cache, **arrays)
    # As ``parse`` runs the model: a line stage 1 is sure of keeps its probability.
    stage2 = [
        np.where([is_sure(p) for p in p1.tolist()], p1, p2)
        for p1, p2 in zip(stage1, stage2, strict=True)
    ]
    bar = choose_thresholds(data, stage2)
    cue = feats.BASE_NAMES.index("cue")
    cues = [[c == 1.0 for c in base[cue]] for base in data.base]
    teacher = [[bool(v) for v in p.teacher] for p in data.pages]
    scores = {
        "trafilatura's lines (the teacher: a ceiling)": snippet_scores(data.pages, teacher),
        "stage 1 alone": snippet_scores(
            data.pages, [decide(p.tolist(), c, bar) for p, c in zip(stage1, cues, strict=True)]
        ),
        "stage 2": snippet_scores(
            data.pages, [decide(p.tolist(), c, bar) for p, c in zip(stage2, cues, strict=True)]
        ),
        f"parse (stage 2, kinds, structure; thresholds {bar.plain:g} / {bar.cued:g})": (
            parse_scores(data, stage2, bar)
        ),
    }
    return scores, bar


def _export_trees(model: HistGradientBoostingClassifier) -> dict[str, Any]:
    """The fitted trees as flat arrays: node ``k`` of the forest goes left when
    ``x[feature[k]] <= threshold[k]``; a leaf has ``feature == -1`` and its value."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        offset = len(feature)
        roots.append(offset)
        for node in nodes:
            if node["is_leaf"]:
                feature.append(-1)
                threshold.append(0.0)
                left.append(-1)
                right.append(-1)
                value.append(float(node["value"]))
            else:
                feature.append(int(node["feature_idx"]))
                threshold.append(float(node["num_threshold"]))
                left.append(offset + int(node["left"]))
                right.append(offset + int(node["right"]))
                value.append(0.0)
    baseline = float(np.ravel(model._baseline_prediction)[0])
    return {
        "baseline": baseline,
        "roots": roots,
        "feature": feature,
        "threshold": threshold,
        "left": left,
        "right": right,
        "value": value,
    }


def _check_export(model: HistGradientBoostingClassifier, x: np.ndarray) -> dict[str, Any]:
    """The exported trees, after checking that the run-time code reproduces
    scikit-learn's probabilities on ``x``."""
    exported = _export_trees(model)
    forest = Forest.from_json(json.loads(json.dumps(exported)))
    ours = np.array(probabilities(forest.scorer(), x.T.tolist()))
    worst = float(np.abs(ours - _proba(model, x)).max())
    if worst > 1e-6:
        raise SystemExit(f"the exported trees disagree with scikit-learn by {worst:.2g}")
    return exported


def fit_final(data: Data, bar: Thresholds) -> dict[str, Any]:
    groups = [p.site for p in data.pages]
    stage1, stage2 = fit_two_stage(data, range(len(data.pages)), groups)
    sample = range(0, len(data.pages), 10)
    x1 = np.concatenate([data.x1[i] for i in sample])
    x2 = np.concatenate([_x2(data, i, _proba(stage1, data.x1[i])) for i in sample])
    return {
        "about": (
            "Body model for plain text: two stages of gradient-boosted trees over "
            "newsdiff.parse.features; fitted by tools/train_body_model.py."
        ),
        "threshold": bar.plain,
        "cued_threshold": bar.cued,
        "stage1": _check_export(stage1, x1),
        "stage2": _check_export(stage2, x2),
    }


def stop_lists() -> dict[str, list[str]]:
    from wordfreq import top_n_list

    out: dict[str, list[str]] = {}
    for language in STOP_LANGUAGES:
        words = [w for w in top_n_list(language, 1000) if w.isalpha()]
        out[language] = words[:STOP_WORDS_PER_LANGUAGE]
    return out


def _table(scores: dict[str, tuple[float, ...]]) -> Iterator[str]:
    yield "| model | P | R | F1 |"
    yield "|---|---|---|---|"
    for name, (p, r, f) in scores.items():
        yield f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", type=Path, help="benchmark folder (pages.jsonl, html/, text/)")
    parser.add_argument("--teacher-cache", type=Path, help="JSON file caching trafilatura's output")
    parser.add_argument("--out", type=Path, default=PACKAGE / "body_model.json")
    parser.add_argument("--cv-only", action="store_true", help="report, write nothing")
    parser.add_argument(
        "--no-cv",
        action="store_true",
        help="fit and write with the default thresholds, skip the report",
    )
    parser.add_argument(
        "--oof-cache", type=Path, help="NPZ file caching the out-of-fold probabilities"
    )
    parser.add_argument(
        "--cued-threshold",
        type=float,
        help="write this bar for cued lines instead of the one chosen (the shipped model: 0.9,"
        " so that no cued summary line of the seed stories reads as body)",
    )
    args = parser.parse_args(argv)
    if not args.cv_only:
        stops = stop_lists()
        (PACKAGE / "stopwords.json").write_text(
            json.dumps(stops, ensure_ascii=False, sort_keys=True) + "\n", "utf-8"
        )
        feats._stop_words.cache_clear()
    pages = load_pages(args.bench, args.teacher_cache)
    data = build(pages)
    print(f"{len(pages)} pages, {sum(len(p.lines) for p in pages)} lines", file=sys.stderr)
    bar = DEFAULT_THRESHOLDS
    if not args.no_cv:
        scores, bar = cross_validate(data, args.oof_cache)
        print("\n".join(_table(scores)))
    if args.cued_threshold is not None:
        bar = replace(bar, cued=args.cued_threshold)
    if not args.cv_only:
        model = fit_final(data, bar)
        args.out.write_text(json.dumps(model, separators=(",", ":")) + "\n", "utf-8")
        print(f"wrote {args.out} ({args.out.stat().st_size / 1000:.0f} kB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
