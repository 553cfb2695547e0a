"""A story folder's hand-made gold alignment: ``gold.json`` and the texts it names.

The format is described in the built-in story's README
(``newsdiff/demo/harbour-bridge/README.md``). The gold's unit is a line: the file split
on ``\\n``, each line stripped, empty lines dropped. Each line of the canonical and of
every version is judged boilerplate or not, and each version line that is article text
names the canonical line(s) it corresponds to and how (``relation``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsdiff.models import Article
from newsdiff.text import key

GOLD_FILE = "gold.json"


@dataclass(frozen=True)
class GoldVersion:
    file: str
    text: str
    lines: list[str]
    entries: list[dict[str, Any]]


@dataclass(frozen=True)
class GoldStory:
    """A story's hand-made gold alignment, as :func:`load` reads it from a folder: the
    canonical's file, text and lines with their gold entries, and the same for each
    other version."""

    name: str
    canonical_file: str
    canonical_text: str
    canonical_lines: list[str]
    canonical_entries: list[dict[str, Any]]
    versions: list[GoldVersion]


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def load(folder: Path) -> GoldStory:
    """The gold story in ``folder``; ``ValueError`` when a text does not match its gold."""
    gold = json.loads((folder / GOLD_FILE).read_text(encoding="utf-8"))

    def read(file: str, entries: list[dict[str, Any]]) -> tuple[str, list[str]]:
        text = (folder / file).read_text(encoding="utf-8")
        lines = lines_of(text)
        if len(lines) != len(entries):
            raise ValueError(
                f"{folder / file}: the gold lists {len(entries)} lines, not {len(lines)}"
            )
        return text, lines

    canon_text, canon_lines = read(gold["canonical"], gold["canonical_paragraphs"])
    versions = []
    for file, data in gold["versions"].items():
        text, lines = read(file, data["paragraphs"])
        versions.append(GoldVersion(file, text, lines, data["paragraphs"]))
    return GoldStory(
        folder.name,
        gold["canonical"],
        canon_text,
        canon_lines,
        gold["canonical_paragraphs"],
        versions,
    )


def stories(root: Path) -> list[Path]:
    """The story folders under ``root`` that hold a gold alignment (none if it is absent)."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / GOLD_FILE).is_file())


def gold_lines(article: Article, lines: list[str]) -> dict[int, int]:
    """Block index → gold line index. Blocks and lines are both in file order; a block
    maps to the next line with its source text (typography aside). A block that maps
    to no line (the parser joined hard-wrapped lines) is left out."""
    keys = [key(line) for line in lines]
    found: dict[int, int] = {}
    cursor = 0
    for block in article.blocks:
        wanted = key(block.source)
        at = next((n for n in range(cursor, len(lines)) if keys[n] == wanted), None)
        if at is not None:
            found[block.index] = at
            cursor = at + 1
    return found
