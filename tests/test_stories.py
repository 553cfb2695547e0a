"""Data-driven story tests: every version of every gold story against its canonical.

The built-in example story always runs; the team's real stories in ../shared/stories
run when that folder is present and are skipped otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.mark import ParameterSet

import newsdiff
from newsdiff import ChangeKind
from newsdiff.quality.gold import GoldStory, gold_lines, load, stories
from tests.conftest import DEMO_STORY, SHARED_STORIES

FOLDERS: list[Path | ParameterSet] = [DEMO_STORY, *stories(SHARED_STORIES)]
if len(FOLDERS) == 1:
    FOLDERS.append(
        pytest.param(SHARED_STORIES, marks=pytest.mark.skip(reason="../shared/stories absent"))
    )

# What a gold relation means as a change kind.
EXPECTED_KIND = {
    "identical": ChangeKind.UNCHANGED,
    "typography": ChangeKind.UNCHANGED,
    "dateline": ChangeKind.UNCHANGED,
    "edited": ChangeKind.CHANGED,
    "truncated": ChangeKind.CHANGED,
    "moved": ChangeKind.MOVED,
    "split": ChangeKind.SPLIT,
    "merged": ChangeKind.MERGED,
    "added": ChangeKind.ADDED,
}


def _gold_index(article: newsdiff.Article, lines: list[str]) -> dict[int, int]:
    """Block index → gold line index; every block is one gold line."""
    found = gold_lines(article, lines)
    missing = [b.source for b in article.blocks if b.index not in found]
    assert not missing, f"blocks not found in gold: {missing}"
    return found


@pytest.fixture(scope="module", params=FOLDERS, ids=lambda p: Path(p).name)
def story(request: pytest.FixtureRequest) -> GoldStory:
    return load(request.param)


def test_boilerplate_matches_gold(story: GoldStory) -> None:
    docs = [(story.canonical_text, story.canonical_lines, story.canonical_entries)]
    docs += [(v.text, v.lines, v.entries) for v in story.versions]
    for text, lines, entries in docs:
        article = newsdiff.parse(text)
        where = _gold_index(article, lines)
        judged = {where[b.index]: b.is_boilerplate for b in article.blocks}
        expected = {e["idx"]: e["boilerplate"] for e in entries}
        assert judged == expected


def test_links_and_kinds_match_gold(story: GoldStory) -> None:
    canon = newsdiff.parse(story.canonical_text)
    canon_where = _gold_index(canon, story.canonical_lines)
    for version in story.versions:
        rev = newsdiff.compare(canon, version.text)
        where = _gold_index(rev.new_article, version.lines)
        links: set[tuple[int, int]] = set()
        kinds: dict[int, ChangeKind] = {}
        for change in rev.changes:
            for q in change.new:
                kinds[where[q.index]] = change.kind
                links.update((where[q.index], canon_where[p.index]) for p in change.old)
        gold_links: set[tuple[int, int]] = set()
        gold_kinds: dict[int, ChangeKind] = {}
        for e in version.entries:
            if e["boilerplate"]:
                continue
            gold_kinds[e["idx"]] = EXPECTED_KIND[e["relation"]]
            targets = [e["canonical_idx"], *(e.get("also_canonical_idx") or [])]
            gold_links.update((e["idx"], c) for c in targets if c is not None)
        assert links == gold_links, version.file
        assert kinds == gold_kinds, version.file


def test_typography_flag_matches_gold(story: GoldStory) -> None:
    canon = newsdiff.parse(story.canonical_text)
    for version in story.versions:
        rev = newsdiff.compare(canon, version.text)
        where = _gold_index(rev.new_article, version.lines)
        relation = {e["idx"]: e["relation"] for e in version.entries}
        for change in rev.changes:
            if change.kind is ChangeKind.UNCHANGED:
                expected = relation[where[change.new[0].index]] == "typography"
                assert change.typography_only == expected, change.new[0].text


def test_removed_paragraphs_are_the_canonical_ones_no_version_links(story: GoldStory) -> None:
    canon = newsdiff.parse(story.canonical_text)
    canon_where = _gold_index(canon, story.canonical_lines)
    for version in story.versions:
        rev = newsdiff.compare(canon, version.text)
        linked = {
            c
            for e in version.entries
            if not e["boilerplate"]
            for c in [e["canonical_idx"], *(e.get("also_canonical_idx") or [])]
            if c is not None
        }
        removed = {
            canon_where[p.index]
            for ch in rev.changes
            if ch.kind is ChangeKind.REMOVED
            for p in ch.old
        }
        body = {e["idx"] for e in story.canonical_entries if not e["boilerplate"]}
        assert removed == body - linked, version.file
