"""Read a story folder's hand-made gold alignment (format: the story READMEs)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class GoldVersion:
    file: str
    text: str
    lines: list[str]
    entries: list[dict[str, Any]]


@dataclass(frozen=True)
class GoldStory:
    name: str
    canonical_file: str
    canonical_text: str
    canonical_lines: list[str]
    canonical_entries: list[dict[str, Any]]
    versions: list[GoldVersion]


def lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def load(folder: Path) -> GoldStory:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    canon_text = (folder / gold["canonical"]).read_text(encoding="utf-8")
    versions = []
    for file, data in gold["versions"].items():
        text = (folder / file).read_text(encoding="utf-8")
        versions.append(GoldVersion(file, text, lines_of(text), data["paragraphs"]))
    return GoldStory(
        folder.name,
        gold["canonical"],
        canon_text,
        lines_of(canon_text),
        gold["canonical_paragraphs"],
        versions,
    )


def stories(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "gold.json").is_file())
