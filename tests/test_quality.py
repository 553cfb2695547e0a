"""Alignment quality: the scores, the baselines, and the README's figures they back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsdiff.quality
from newsdiff.quality import DEMO_STORY, Counts, load, main, score_story
from newsdiff.quality.baselines import BASELINES
from newsdiff.quality.gold import gold_lines, lines_of
from tests.conftest import ROOT

OLD = [
    "The bridge closed on Friday.",
    "Divers searched the harbour all night.",
    "The mayor spoke to reporters.",
    "Traffic was diverted to the ferry.",
]
NEW = [
    "The mayor spoke to reporters.",  # moved up
    "The bridge closed on Friday night.",  # edited
    "Divers searched the harbour all night.",
    "A new paragraph about something else entirely.",
]


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_baselines_link_equal_and_similar_lines(name: str) -> None:
    links = BASELINES[name](OLD, NEW)
    assert links & {(2, 1), (0, 2)}  # an unchanged line (the others may be taken as moved)
    assert all(0 <= v < len(NEW) and 0 <= c < len(OLD) for v, c in links)
    assert not any(v == 3 for v, _ in links)  # nothing links the new paragraph


def test_counts() -> None:
    counts = Counts()
    counts.add({(0, 0), (1, 1), (2, 5)}, {(0, 0), (1, 1), (3, 3)}, unmapped=1)
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 1)
    assert counts.precision == 0.5
    assert counts.f1 == pytest.approx(4 / 7)
    assert Counts().f1 == 1.0  # nothing to find, nothing found


def test_blocks_map_to_their_gold_lines() -> None:
    story = load(DEMO_STORY)
    article = newsdiff.parse(story.canonical_text)
    at = gold_lines(article, story.canonical_lines)
    assert len(at) == len(article.blocks)
    assert all(story.canonical_lines[at[b.index]].endswith(b.text) for b in article.blocks)
    assert lines_of(" a \r\n\n b\n") == ["a", "b"]


def test_readme_figures_are_what_the_command_measures() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    scores = score_story(load(DEMO_STORY))
    newsdiff_score = scores["newsdiff"]
    gold = newsdiff_score.links.tp + newsdiff_score.links.fn
    assert f"link F1 {newsdiff_score.links.f1:.3f} ({gold} gold links" in readme
    assert newsdiff_score.boilerplate is not None
    assert f"boilerplate F1 {newsdiff_score.boilerplate.f1:.3f}" in readme
    baselines = [s.links.f1 for name, s in scores.items() if name != "newsdiff"]
    assert f"{min(baselines):.2f}–{max(baselines):.2f} link F1" in readme
    assert "python -m newsdiff.quality" in readme


def test_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["--stories", str(tmp_path / "absent")]) == 0
    out = capsys.readouterr().out
    assert "the built-in story only" in out
    assert re.search(r"\| newsdiff \| 63 \| 0 \| 0 \| 1\.000 \| 1\.000 \| 1\.000 \| 1\.000 \|", out)
    assert out.count("| lines-difflib |") == 1
