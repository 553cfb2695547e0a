"""The ``python -m newsdiff.quality`` command: one table per story, then the total."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsdiff.quality.gold import GoldStory, load, stories
from newsdiff.quality.score import Score, score_story, total

DEMO_STORY = Path(__file__).resolve().parent.parent / "demo" / "harbour-bridge"
"""The built-in story's folder, with its gold alignment (``gold.json``): always scored."""
DEFAULT_STORIES = Path("..") / "shared" / "stories"


def table(scores: dict[str, Score]) -> list[str]:
    """A Markdown table: links (TP, FP, FN, P, R, F1) and boilerplate F1 per system."""
    lines = [
        "| system | TP | FP | FN | precision | recall | link F1 | boilerplate F1 |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for score in scores.values():
        links, bp = score.links, score.boilerplate
        lines.append(
            f"| {score.system} | {links.tp} | {links.fp} | {links.fn} | "
            f"{links.precision:.3f} | {links.recall:.3f} | {links.f1:.3f} | "
            f"{f'{bp.f1:.3f}' if bp else '—'} |"
        )
    return lines


def _heading(story: GoldStory, scores: dict[str, Score]) -> str:
    gold = next(iter(scores.values())).links
    return (
        f"## {story.name}: {len(story.versions)} versions against {story.canonical_file}, "
        f"{gold.tp + gold.fn} gold links"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsdiff.quality [--stories DIR]``: print the scores as Markdown."""
    parser = argparse.ArgumentParser(
        prog="python -m newsdiff.quality",
        description="Score paragraph links and boilerplate detection against hand-made "
        "gold, for newsdiff and three line-diff baselines.",
    )
    parser.add_argument(
        "--stories",
        type=Path,
        default=DEFAULT_STORIES,
        help="a folder of gold story folders, scored with the built-in story "
        "(default ../shared/stories; skipped when absent)",
    )
    args = parser.parse_args(argv)
    folders = [DEMO_STORY, *stories(args.stories)]
    out = sys.stdout
    print("# newsdiff alignment quality\n", file=out)
    if len(folders) == 1:
        print(f"(no gold stories in {args.stories}: the built-in story only)\n", file=out)
    per_story = []
    for folder in folders:
        story = load(folder)
        scores = score_story(story)
        per_story.append(scores)
        print(_heading(story, scores) + "\n", file=out)
        print("\n".join(table(scores)) + "\n", file=out)
    if len(per_story) > 1:
        summed = total(per_story)
        links = next(iter(summed.values())).links
        print(f"## All {len(per_story)} stories: {links.tp + links.fn} gold links\n", file=out)
        print("\n".join(table(summed)) + "\n", file=out)
    return 0
