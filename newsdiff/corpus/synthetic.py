"""Synthetic corpora for benchmarks, tests and examples, made from the built-in story.

Every story starts from one of the demo story's versions and goes through a few random
editorial steps per version: numbers updated, words swapped, sentences and paragraphs
added, paragraphs cut, moved, split and merged. The same seed gives the same corpus.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from newsdiff.corpus.records import StoryInput, VersionInput
from newsdiff.demo import demo_versions

SOURCES = ("kelby-gazette.example", "coastline-living.example", "northland7.example")
_START = datetime(2025, 6, 13, 18, 0, tzinfo=UTC)
_NUMBER = re.compile(r"\b\d+\b")
_WORD = re.compile(r"\b[a-z]{4,}\b")


def _paragraphs(data: bytes) -> list[str]:
    return [line.strip() for line in data.decode("utf-8").splitlines() if line.strip()]


class _Editor:
    def __init__(self, rng: random.Random, pool: list[str]) -> None:
        self.rng = rng
        self.pool = pool
        self.vocabulary = sorted({w for p in pool for w in _WORD.findall(p)})

    def edit(self, paras: list[str]) -> list[str]:
        paras = list(paras)
        steps = (
            self.number,
            self.word,
            self.sentence,
            self.add,
            self.cut,
            self.move,
            self.split,
            self.merge,
        )
        for _ in range(self.rng.randint(1, 4)):
            step = self.rng.choice(steps)
            if len(paras) > 3:
                paras = step(paras)
        return paras

    def _pick(self, paras: list[str]) -> int:
        return self.rng.randrange(len(paras))

    def number(self, paras: list[str]) -> list[str]:
        k = self._pick(paras)
        paras[k] = _NUMBER.sub(lambda m: str(int(m.group()) + self.rng.randint(1, 9)), paras[k], 1)
        return paras

    def word(self, paras: list[str]) -> list[str]:
        k = self._pick(paras)
        words = _WORD.findall(paras[k])
        if words:
            old = self.rng.choice(words)
            paras[k] = re.sub(rf"\b{old}\b", self.rng.choice(self.vocabulary), paras[k], count=1)
        return paras

    def sentence(self, paras: list[str]) -> list[str]:
        k = self._pick(paras)
        words = self.rng.sample(self.vocabulary, 8)
        paras[k] = f"{paras[k]} {' '.join(words).capitalize()}."
        return paras

    def add(self, paras: list[str]) -> list[str]:
        paras.insert(self.rng.randrange(len(paras) + 1), self.rng.choice(self.pool))
        return paras

    def cut(self, paras: list[str]) -> list[str]:
        del paras[self._pick(paras)]
        return paras

    def move(self, paras: list[str]) -> list[str]:
        para = paras.pop(self._pick(paras))
        paras.insert(self.rng.randrange(len(paras) + 1), para)
        return paras

    def split(self, paras: list[str]) -> list[str]:
        k = self._pick(paras)
        cut = paras[k].find(". ")
        if 0 < cut < len(paras[k]) - 2:
            paras[k : k + 1] = [paras[k][: cut + 1], paras[k][cut + 2 :]]
        return paras

    def merge(self, paras: list[str]) -> list[str]:
        k = self.rng.randrange(len(paras) - 1)
        paras[k : k + 2] = [f"{paras[k]} {paras[k + 1]}"]
        return paras


def synthetic_stories(stories: int, versions: int = 5, *, seed: int = 0) -> Iterator[StoryInput]:
    """``stories`` stories of ``versions`` versions each, derived from the demo story.

    >>> first = next(synthetic_stories(1, 3))
    >>> first.id, [v.id for v in first.versions]
    ('story-00000', ['v1', 'v2', 'v3'])
    """
    bases = [_paragraphs(data) for data in demo_versions().values()]
    pool = sorted({p for base in bases for p in base})
    for n in range(stories):
        rng = random.Random(f"{seed}:{n}")
        editor = _Editor(rng, pool)
        paras = editor.edit(rng.choice(bases))
        start = _START + timedelta(minutes=17 * n)
        made = []
        for k in range(1, versions + 1):
            made.append(
                VersionInput(
                    id=f"v{k}",
                    content="\n\n".join(paras) + "\n",
                    timestamp=(start + timedelta(hours=3 * k)).isoformat(),
                    source=rng.choice(SOURCES),
                )
            )
            paras = editor.edit(paras)
        yield StoryInput(id=f"story-{n:05d}", versions=tuple(made))
