"""Worked example: collate a small corpus from Python, then look at it with pandas.

    python examples/corpus/analyse.py [OUT]

Runs the corpus job on ``versions.jsonl`` beside this file (two stories, one version a
line) with two worker processes, writes the results to OUT (default: a temporary
folder), and prints a few tables a newsroom analyst might start from. Needs the
``pandas`` extra, and the ``html`` extra for the one HTML version.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from newsdiff.corpus import collate_corpus, read_changes, run_corpus

HERE = Path(__file__).resolve().parent


def main(out: Path) -> None:
    summary = run_corpus(HERE / "versions.jsonl", out, workers=2)
    print(f"{summary.stories} stories, {summary.versions} versions, {summary.failed} failed")

    changes = read_changes(out)  # one row per change, the columns of changes.csv
    print("\nChanges by kind:")
    print(changes.groupby("kind").size().to_string())

    print("\nEach version against its story's canonical (words inserted / deleted):")
    edited = changes[changes["kind"] != "unchanged"]
    per_version = edited.groupby(["story_id", "version", "canonical"])[
        ["words_inserted", "words_deleted"]
    ].sum()
    print(per_version.to_string())

    print("\nSubstantive changes by edit class (a change may have several):")
    substantive = changes[changes["substantive"]]
    classes = substantive.assign(edit=substantive["edits"].str.split(";")).explode("edit")
    print(classes.groupby("edit").size().to_string())

    # The iterator API gives the Story models themselves, here in this process.
    for record in collate_corpus(HERE / "stories"):
        if record.story is None:
            print(f"\n{record.story_id}: {record.error}")
            continue
        story = record.story
        print(f"\n{record.story_id}: canonical {story.canonical}, {len(story.rows)} paragraph rows")


if __name__ == "__main__":  # worker processes import this module: keep the guard
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            main(Path(folder))
