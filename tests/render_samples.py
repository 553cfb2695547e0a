"""Inputs for the rendering tests: the built-in story, and a small original story whose
text tries to inject script, images, links and rich markup into every output."""

from __future__ import annotations

from functools import cache

import newsdiff
from newsdiff.demo import DEMO_ORDER, demo_versions

HOSTILE_OLD = (
    "Harbour council meets <script>window.__pwned = 1</script> tonight, officials said.\n\n"
    'A reader wrote <img src=x onerror="window.__pwned = 2"> to the desk about the ferry.\n\n'
    'See <a href="javascript:window.__pwned = 3">the notice</a> and [bold]markup[/bold] here.\n\n'
    "The old quay will stay shut while divers check the pilings."
)
HOSTILE_NEW = (
    "Harbour council meets <script>window.__pwned = 1</script> on Tuesday, officials said.\n\n"
    'A reader wrote <img src=y onerror="window.__pwned = 4"> to the night desk about the ferry.\n\n'
    'See <a href="javascript:window.__pwned = 3">the notice</a> and [bold]markup[/bold] here.\n\n'
    "<script>window.__pwned = 5</script> A new paragraph says [red]nothing[/red] &amp; more."
)
# Version names reach the output too (from file names on the command line).
HOSTILE_NAMES = ("<b>early</b>", "late<script>window.__pwned = 6</script>")


@cache
def demo_story() -> newsdiff.Story:
    return newsdiff.collate(demo_versions())


def against_canonical(name: str) -> newsdiff.Revision:
    """Version ``name`` of the demo story against the canonical (v5), drawn canonical
    first, as :func:`newsdiff.compare` gives it: the story's own revisions of earlier
    versions are drawn forward in time (see tests/test_forward.py)."""
    rev = demo_story().revisions[name]
    return newsdiff.Revision.assemble(
        rev.old_name, rev.new_name, rev.old_article, rev.new_article, rev.alignment
    )


@cache
def demo_history() -> newsdiff.StoryHistory:
    return newsdiff.collate(demo_versions(), order=DEMO_ORDER).history


@cache
def hostile_revision() -> newsdiff.Revision:
    old, new = HOSTILE_NAMES
    return newsdiff.compare(HOSTILE_OLD, HOSTILE_NEW, old_name=old, new_name=new)


@cache
def hostile_story() -> newsdiff.Story:
    old, new = HOSTILE_NAMES
    return newsdiff.collate({old: HOSTILE_OLD, new: HOSTILE_NEW}, canonical=old)
