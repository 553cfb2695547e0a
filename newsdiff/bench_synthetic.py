"""Made-up stories for ``python -m newsdiff.bench``: deterministic, prose-shaped
paragraphs of pseudo-words, and versions of them with a share of paragraphs edited,
moved, added or removed. The benchmark and its fresh measuring processes
(:mod:`newsdiff.bench_memory`) make the same inputs from the same seed."""

from __future__ import annotations

import random
from collections.abc import Sequence

SEED = 2024
EDIT_SHARE = 0.05
WORDS_PER_PARAGRAPH = (15, 35)
LONG_WORDS = 12
"""Words in each paragraph of the long pair (:func:`one_word_pair`)."""


class Synthetic:
    """Deterministic made-up stories: prose-shaped paragraphs of pseudo-words."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
        self.vocab = sorted(
            {
                "".join(self.rng.choice(syllables) for _ in range(self.rng.randint(1, 4)))
                for _ in range(8_000)
            }
        )
        # Zipf-like: a few words are everywhere, most are rare, like real prose.
        self.weights = [1 / (rank + 1) for rank in range(len(self.vocab))]

    def paragraph(self, n: int | None = None) -> str:
        n = n or self.rng.randint(*WORDS_PER_PARAGRAPH)
        words = self.rng.choices(self.vocab, self.weights, k=n)
        cut = self.rng.randint(6, max(6, n - 6))
        first = " ".join(words[:cut]).capitalize()
        second = " ".join(words[cut:]).capitalize()
        return f"{first}, {self.rng.choice(self.vocab)} said. {second}."

    def story(self, paragraphs: int) -> list[str]:
        return [self.paragraph() for _ in range(paragraphs)]

    def edit(self, paragraph: str) -> str:
        words = paragraph.split(" ")
        for _ in range(self.rng.randint(1, 3)):
            k = self.rng.randrange(1, len(words) - 1)
            action = self.rng.random()
            if action < 0.5:
                words[k] = self.rng.choice(self.vocab)
            elif action < 0.75:
                words.insert(k, self.rng.choice(self.vocab))
            elif len(words) > 8:
                del words[k]
        return " ".join(words)

    def version(self, base: Sequence[str], share: float = EDIT_SHARE) -> list[str]:
        """``base`` with ``share`` of its paragraphs edited, moved, added or removed."""
        paras = list(base)
        ops = max(1, round(share * len(base)))
        for n in range(ops):
            kind = n % 4
            if kind == 0:
                k = self.rng.randrange(len(paras))
                paras[k] = self.edit(paras[k])
            elif kind == 1 and len(paras) > 1:
                moved = paras.pop(self.rng.randrange(len(paras)))
                paras.insert(self.rng.randrange(len(paras) + 1), moved)
            elif kind == 2:
                paras.insert(self.rng.randrange(len(paras) + 1), self.paragraph())
            elif len(paras) > 1:
                del paras[self.rng.randrange(len(paras))]
        return paras


def join(paragraphs: Sequence[str]) -> str:
    """Paragraphs as a plain-text version: a blank line between them."""
    return "\n\n".join(paragraphs) + "\n"


def scale_inputs(
    paragraphs: int, versions: int = 0, seed: int = SEED
) -> tuple[str, str, dict[str, str]]:
    """A story of ``paragraphs`` paragraphs and a 5 % edit of it (the pair ``compare``
    is timed on), and ``versions`` more 5 % edits named ``v01``, ``v02``, … (the
    versions ``collate`` gets). The pair is the same whatever ``versions`` is."""
    gen = Synthetic(seed)
    base = gen.story(paragraphs)
    old, new = join(base), join(gen.version(base))
    texts = {f"v{n:02}": join(gen.version(base)) for n in range(1, versions + 1)}
    return old, new, texts


def one_word_pair(paragraphs: int, seed: int = SEED) -> tuple[str, str]:
    """Two versions of ``paragraphs`` paragraphs of LONG_WORDS words, one word apart."""
    gen = Synthetic(seed)
    base = [gen.paragraph(LONG_WORDS) for _ in range(paragraphs)]
    middle = base[len(base) // 2].split(" ")
    middle[len(middle) // 2] = "amended"
    edited = [*base[: len(base) // 2], " ".join(middle), *base[len(base) // 2 + 1 :]]
    return join(base), join(edited)
