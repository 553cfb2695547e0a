"""Which lines of a plain-text page are the article's body: a fitted model, run in pure Python.

Two stages of gradient-boosted decision trees (fitted with scikit-learn by
``tools/train_body_model.py``, shipped as ``body_model.json``). Stage 1 scores each
line from its own features and its neighbours' (:mod:`newsdiff.parse.features`);
stage 2 scores it again knowing stage 1's scores around it and where the page's
largest block of likely-body lines lies (only the lines stage 1 is unsure of: see
:data:`SURE`). A line is body when its probability reaches the model's threshold (a
higher one for a line whose wording names a kind of boilerplate: see
:class:`Thresholds`); texts shorter than :data:`MIN_PAGE_LINES` are left to the rules.

The data file is read once, on first use. Inference is plain float arithmetic in a
fixed order: the same input gives the same answer on any machine.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsdiff.parse import features

SURE = 0.2
"""Stage 1 is sure of a line whose probability is below this or above ``1 - SURE``: the
line keeps it, and stage 2 runs only on the others (a sixth of the lines of the
extraction benchmark's pages, a quarter of a news article's paragraphs). Out of fold
the whole ``parse`` scores .8814 with it, .8808 with stage 2 on the lines between 0.05
and 0.95 (``docs/extraction.md``)."""
MIN_PAGE_LINES = 8
"""Fewer lines than this are not a page (a note, a few paragraphs pasted in): the model,
fitted on whole pages, has no say and the rule-only pass decides."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Stage-2 probabilities from which a line is body, stored with the trees: the
    training script picks them where the whole of ``parse`` scores best on out-of-fold
    probabilities (every page scored by a model that never saw its site)."""

    plain: float
    cued: float
    """For a line whose wording names a kind of boilerplate (a caption opener, a summary
    box, a credit line…). The model learnt from trafilatura's extractions, which often
    keep such lines; in newsdiff they are boilerplate unless the rest of the evidence is
    strong. The cue raises the bar; it does not decide on its own."""


@dataclass(frozen=True, slots=True)
class Forest:
    """Trees as flat arrays: node ``k`` goes to ``left[k]`` when
    ``x[feature[k]] <= threshold[k]``, else to ``right[k]``; a leaf has ``feature[k] < 0``
    and adds ``value[k]`` to the score."""

    baseline: float
    roots: tuple[int, ...]
    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Forest:
        def ints(key: str) -> tuple[int, ...]:
            values = data[key]
            assert isinstance(values, list)
            return tuple(int(v) for v in values)

        def floats(key: str) -> tuple[float, ...]:
            values = data[key]
            assert isinstance(values, list)
            return tuple(float(v) for v in values)

        baseline = data["baseline"]
        assert isinstance(baseline, float | int)
        return cls(
            float(baseline),
            ints("roots"),
            ints("feature"),
            floats("threshold"),
            ints("left"),
            ints("right"),
            floats("value"),
        )

    def _expression(self, node: int) -> str:
        if self.feature[node] < 0:
            return repr(self.value[node])
        return (
            f"({self._expression(self.left[node])} "
            f"if x{self.feature[node]} <= {self.threshold[node]!r} "
            f"else {self._expression(self.right[node])})"
        )

    def scorer(self) -> Scorer:
        """The forest as one Python function of the inputs it splits on: each tree a
        nested conditional expression, summed in tree order. Several times faster than
        walking the arrays node by node; the source holds nothing but this file's
        numbers."""
        inputs = tuple(sorted({k for k in self.feature if k >= 0}))
        body = "".join(f"    s += {self._expression(root)}\n" for root in self.roots)
        arguments = ", ".join(f"x{k}" for k in inputs)
        source = f"def score({arguments}):\n    s = {self.baseline!r}\n{body}    return s\n"
        namespace: dict[str, Any] = {}
        exec(compile(source, "<body model>", "exec"), namespace)
        return Scorer(inputs, namespace["score"])


@dataclass(frozen=True, slots=True)
class Scorer:
    """A compiled forest: ``function`` takes one value of each of ``inputs`` (column
    indices, in order) and returns the score."""

    inputs: tuple[int, ...]
    function: Callable[..., float]


@cache
def _load() -> tuple[Scorer, Scorer, Thresholds]:
    raw = resources.files("newsdiff.parse").joinpath("body_model.json").read_text("utf-8")
    data = json.loads(raw)
    return (
        Forest.from_json(data["stage1"]).scorer(),
        Forest.from_json(data["stage2"]).scorer(),
        Thresholds(float(data["threshold"]), float(data["cued_threshold"])),
    )


@cache
def _needed() -> frozenset[int]:
    """The stage-1 inputs some tree splits on (stage 2 sees stage 1's inputs too)."""
    stage1, stage2, _ = _load()
    return frozenset(stage1.inputs) | frozenset(stage2.inputs)


def probabilities(scorer: Scorer, columns: Sequence[Sequence[float]]) -> list[float]:
    """P(body) of every row of ``columns`` (one list per input)."""
    if not scorer.inputs:  # a forest of single leaves: the same score for every row
        return [_sigmoid(scorer.function())] * len(columns[0])
    used = (columns[k] for k in scorer.inputs)
    # ``map`` over the used columns calls the scorer once per row without building rows.
    return [_sigmoid(score) for score in map(scorer.function, *used)]


def is_sure(probability: float) -> bool:
    """Whether stage 1's probability of a line is final (:data:`SURE`)."""
    return not SURE <= probability <= 1.0 - SURE


def _sigmoid(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-score)) if score > -700.0 else 0.0


def body_probabilities(lines: Sequence[str], cues: Sequence[bool]) -> list[float]:
    """P(body) of every line of one page, in order; ``cues[i]``: the wording rules name
    line ``i`` a boilerplate kind (an input, not a verdict)."""
    if not lines:
        return []
    stage1, stage2, _ = _load()
    page = features.Page(features.base_features(lines, cues), _needed())
    stretches = page.stretches()
    # A page of one stretch keeps its stage-1 inputs for stage 2; a longer page makes
    # them again, stretch by stretch, rather than hold them all at once.
    held = page.stage1(stretches[0]) if len(stretches) == 1 else None
    probs: list[float] = []
    for rows in stretches:
        probs += probabilities(stage1, held or page.stage1(rows))
    unsure = [i for i, p in enumerate(probs) if not is_sure(p)]
    if not unsure:
        return probs
    around = page.around(probs)
    final = list(probs)
    for rows in stretches:
        # The stretch's unsure lines, counted from its first line.
        first, stop = bisect.bisect_left(unsure, rows.start), bisect.bisect_left(unsure, rows.stop)
        picked = [i - rows.start for i in unsure[first:stop]]
        if picked:
            columns = page.stage2(probs, around, held or page.stage1(rows), rows, picked)
            for i, p in zip(picked, probabilities(stage2, columns), strict=True):
                final[rows.start + i] = p
    return final


def is_body(lines: Sequence[str], cues: Sequence[bool]) -> list[bool] | None:
    """Body or not, for every line of one page; ``None`` for a text too short to be a
    page (:data:`MIN_PAGE_LINES`)."""
    if len(lines) < MIN_PAGE_LINES:
        return None
    return decide(body_probabilities(lines, cues), cues)


def decide(
    probabilities: Sequence[float], cues: Sequence[bool], thresholds: Thresholds | None = None
) -> list[bool]:
    """Body or not from the model's probabilities and the lines' cues (``thresholds``:
    the model's own unless given)."""
    bar = thresholds or _load()[2]
    return [
        p >= (bar.cued if cue else bar.plain) for p, cue in zip(probabilities, cues, strict=True)
    ]
