"""Alignment quality against hand-made gold: ``python -m newsdiff.quality``.

It scores newsdiff's paragraph links and boilerplate detection, and the links of three
line-diff baselines (:mod:`~newsdiff.quality.baselines`), on the built-in story and on
every gold story under ``--stories`` (default ``../shared/stories``; skipped when
absent). Modules: :mod:`~newsdiff.quality.gold` (reading a gold folder),
:mod:`~newsdiff.quality.score` (what is counted) and
:mod:`~newsdiff.quality.report` (the command).

>>> from newsdiff.quality import DEMO_STORY, load, score_story
>>> score = score_story(load(DEMO_STORY), systems=["newsdiff"])["newsdiff"]
>>> round(score.links.f1, 3), round(score.boilerplate.f1, 3)
(1.0, 1.0)
"""

from newsdiff.quality.gold import GoldStory, load, stories
from newsdiff.quality.report import DEMO_STORY, main
from newsdiff.quality.score import SYSTEMS, Counts, Score, score_story, total

__all__ = [
    "DEMO_STORY",
    "SYSTEMS",
    "Counts",
    "GoldStory",
    "Score",
    "load",
    "main",
    "score_story",
    "stories",
    "total",
]
