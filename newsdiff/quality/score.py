"""Scores against a gold alignment: paragraph links, and boilerplate detection.

Links. The gold links of a version are (version line, canonical line) for each of its
article lines (not boilerplate) and each canonical line it corresponds to, merges and
splits included. A system's links are every (version paragraph, canonical paragraph)
pair inside a change that links them (all kinds but added and removed). A predicted
link in the gold is a true positive, any other a false positive (a paragraph that maps
to no gold line counts as one too); a gold link not predicted is a false negative.
Version lines whose relation is loose by nature (``truncated-fragment``,
``paraphrase``, ``spun``) are left out of both. Precision, recall and F1 are
micro-averaged over every version of every story.

Boilerplate (newsdiff only). Every text of a story is parsed; a gold line is judged
article text when a block on it is body or a sub-heading, boilerplate otherwise. The
scores are for the class boilerplate against the gold's flags.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsdiff.compare import compare
from newsdiff.models import ChangeKind
from newsdiff.parse import parse
from newsdiff.quality.baselines import BASELINES, Links
from newsdiff.quality.gold import GoldStory, GoldVersion, gold_lines

NEWSDIFF = "newsdiff"
SYSTEMS = (NEWSDIFF, *BASELINES)
"""The names of the systems scored: newsdiff, then the line-diff baselines."""
LOOSE_RELATIONS = frozenset({"truncated-fragment", "paraphrase", "spun"})


@dataclass
class Counts:
    """True positives, false positives and false negatives, and the scores they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Links, gold: Links, unmapped: int = 0) -> None:
        """Count one story's links, ``predicted`` against ``gold``; ``unmapped`` more
        predicted links whose ends map to no gold line count as false."""
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold) + unmapped
        self.fn += len(gold - predicted)

    def __iadd__(self, other: Counts) -> Counts:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn
        return self

    @property
    def precision(self) -> float:
        """The share of predicted links that are right (1.0 when none was predicted)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """The share of gold links that were found (1.0 when there are none)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        wrong = self.fp + self.fn
        return 2 * self.tp / (2 * self.tp + wrong) if self.tp + wrong else 1.0


@dataclass
class Score:
    """One system's scores over some stories."""

    system: str
    links: Counts = field(default_factory=Counts)
    boilerplate: Counts | None = None

    def __iadd__(self, other: Score) -> Score:
        self.links += other.links
        if other.boilerplate is not None:
            self.boilerplate = self.boilerplate or Counts()
            self.boilerplate += other.boilerplate
        return self


def _gold_links(version: GoldVersion) -> tuple[Links, set[int]]:
    """The version's gold links, and its lines left out of the scores."""
    links: Links = set()
    loose: set[int] = set()
    for entry in version.entries:
        if entry["boilerplate"]:
            continue
        if entry["relation"] in LOOSE_RELATIONS:
            loose.add(entry["idx"])
            continue
        targets = [entry["canonical_idx"], *(entry.get("also_canonical_idx") or [])]
        links.update((entry["idx"], c) for c in targets if c is not None)
    return links, loose


def _newsdiff_links(story: GoldStory, version: GoldVersion) -> tuple[Links, int]:
    """newsdiff's links mapped to gold lines, and how many ends map to no line."""
    canon = parse(story.canonical_text)
    canon_at = gold_lines(canon, story.canonical_lines)
    revision = compare(canon, version.text)
    at = gold_lines(revision.new_article, version.lines)
    links: Links = set()
    unmapped = 0
    for change in revision.changes:
        if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            continue
        for new in change.new:
            for old in change.old:
                if new.index in at and old.index in canon_at:
                    links.add((at[new.index], canon_at[old.index]))
                else:
                    unmapped += 1
    return links, unmapped


def _boilerplate(text: str, lines: list[str], entries: Sequence[dict[str, Any]]) -> Counts:
    article = parse(text)
    at = gold_lines(article, lines)
    body = {at[b.index] for b in article.blocks if not b.is_boilerplate and b.index in at}
    judged = {(n, 0) for n in range(len(lines)) if n not in body}
    gold = {(e["idx"], 0) for e in entries if e["boilerplate"]}
    counts = Counts()
    counts.add(judged, gold)
    return counts


def score_story(story: GoldStory, systems: Iterable[str] = SYSTEMS) -> dict[str, Score]:
    """Each system's scores on one gold story."""
    scores: dict[str, Score] = {}
    for system in systems:
        score = Score(system)
        for version in story.versions:
            gold, loose = _gold_links(version)
            if system == NEWSDIFF:
                predicted, unmapped = _newsdiff_links(story, version)
            else:
                predicted, unmapped = BASELINES[system](story.canonical_lines, version.lines), 0
            score.links.add({(v, c) for v, c in predicted if v not in loose}, gold, unmapped)
        if system == NEWSDIFF:
            docs = [(story.canonical_text, story.canonical_lines, story.canonical_entries)]
            docs += [(v.text, v.lines, v.entries) for v in story.versions]
            score.boilerplate = Counts()
            for text, lines, entries in docs:
                score.boilerplate += _boilerplate(text, lines, entries)
        scores[system] = score
    return scores


def total(per_story: Iterable[dict[str, Score]]) -> dict[str, Score]:
    """Scores summed over stories (micro-averaged)."""
    summed: dict[str, Score] = {}
    for scores in per_story:
        for system, score in scores.items():
            summed.setdefault(system, Score(system))
            summed[system] += score
    return summed
