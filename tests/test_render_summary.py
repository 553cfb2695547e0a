"""The summary view: counts, words, and each real change on a line."""

from __future__ import annotations

import pytest

from newsdiff.models import ChangeKind
from newsdiff.render import Summary, render_text
from tests.render_samples import against_canonical


@pytest.mark.parametrize("width", [80, 120])
def test_counts_words_and_compact_changes(width: int) -> None:
    text = render_text(Summary(against_canonical("v2")), width=width)
    assert max(len(line) for line in text.split("\n")) <= width
    assert "v2 against v5 (canonical)" in text
    # v5 has no headline (it opens with a caption): v2's is shown as only v2's
    assert "headline {+Three dead as Port Averly harbour bridge collapses+}  (only in v2)" in text
    for count in (" 7  changed", " 1  moved", " 1  split", " 2  added", " 3  removed"):
        assert count in text
    assert "+60 words inserted, −171 deleted; 88% of words kept" in text
    assert "¶4→4 Mayor Teodora [-Kowalczyk-]{+Kowalczik+}" in text
    assert "¶5→22 The bridge, which opened in 1968" in text
    # unchanged paragraphs are not listed
    assert "The ferry crew pulled six" not in text


def test_long_edits_are_shortened() -> None:
    text = render_text(Summary(against_canonical("v1")), width=100)
    rows = [line for line in text.split("\n") if line.startswith(("changed", "removed"))]
    assert rows
    assert "…" in text


def test_a_truncated_copy_counts_what_it_does_not_carry() -> None:
    v4 = against_canonical("v4")
    text = render_text(Summary(v4), width=100)
    assert f"{v4.stats.truncated}  not carried: the version stops early" in text
    removed = v4.stats.counts[ChangeKind.REMOVED] - v4.stats.truncated
    assert f" {removed}  removed" in text
