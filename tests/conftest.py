"""Shared fixtures: the built-in example story and the team's real stories (when present)."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile("default", max_examples=60, deadline=None)
settings.register_profile(
    "long", max_examples=2_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
DEMO_STORY = ROOT / "newsdiff" / "demo" / "harbour-bridge"
SHARED_STORIES = ROOT.parent / "shared" / "stories"
