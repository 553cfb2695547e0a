"""The built-in example story: original fiction written for newsdiff (see its README)."""

from __future__ import annotations

from importlib import resources

STORY = "harbour-bridge"
DEMO_ORDER = ("v1", "v4", "v3", "v2", "v5")
"""The versions in time order: v1 (Friday night), v4 (v1 republished, captured
2025-06-14), v3 (Saturday), v2 (Sunday morning), v5 (Sunday, the latest write)."""


def demo_versions() -> dict[str, bytes]:
    """The example story's versions, name → raw bytes, ordered by name: ``v1`` … ``v5``.

    Names are not times: ``v1`` was written first and ``v5`` last, but ``v3`` (Saturday)
    came before ``v2`` (Sunday morning), and ``v4`` is ``v1`` republished and cut off
    (the story's README tells each version's origin).
    """
    folder = resources.files(__package__).joinpath(STORY)
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".txt"))
    return {name.removesuffix(".txt"): folder.joinpath(name).read_bytes() for name in names}


def demo_page() -> bytes:
    """The canonical version (``v5``) as a saved news-site page, for the HTML reader."""
    return resources.files(__package__).joinpath(STORY, "v5-page.html").read_bytes()
