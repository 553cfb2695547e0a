"""Shared fixtures: the built-in example story and the team's real stories (when present),
and one headless Chromium for the browser tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.cdp_browser import Browser, chromium

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "long", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
DEMO_STORY = ROOT / "newsdiff" / "demo" / "harbour-bridge"
SHARED_STORIES = ROOT.parent / "shared" / "stories"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium, started once; the tests that use it skip where it is missing."""
    if chromium() is None:
        pytest.skip("chromium is not installed")
    with Browser() as b:
        yield b


@pytest.fixture(scope="session")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests keep their screenshots: ``$NEWSDIFF_SCREENSHOTS`` when set."""
    folder = os.environ.get("NEWSDIFF_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path
