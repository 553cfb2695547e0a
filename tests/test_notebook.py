"""The example notebook runs headless, and its outputs are the HTML views."""

from __future__ import annotations

import pytest

pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from tests.notebook_run import cell_outputs, executed, html_outputs, saved


def test_notebook_shows_revision_and_story_as_html() -> None:
    notebook = executed()
    outputs = html_outputs(notebook)
    # the Revision, the Story, the inline view with options, the story over time and its
    # paragraph DataFrame; then the web-archive stories
    assert len(outputs) == 7
    revision, story, inline, history, frame = outputs[:5]
    for html in (revision, story):
        assert html.startswith('<div class="nd"><style>')
        # v2 came before the canonical: drawn forward in time, from v2's word to v5's
        assert '<del class="nd-minor">Kowalczik</del>' in html  # the earlier word
        assert '<ins class="nd-minor">Kowalczyk</ins>' in html  # the canonical's word
    assert "moved to v5 ¶5" in revision
    assert "nd-map" in story
    assert '<ins class="nd-minor">Harbour</ins>' in story  # v3's spelling, further down the story
    assert '<del class="nd-minor">Kowalczik</del><ins class="nd-minor">Kowalczyk</ins>' in inline
    assert "Bryn Tallis" not in inline  # folded away by context=1
    assert "5 versions in time order" in history
    assert '<td class="nd-fv nd-new-value">$55 million</td>' in history
    assert "first in v1, not carried by v4, back in v3" in history
    assert "<table" in frame
    assert "returned" in frame


def test_notebook_text_outputs_have_no_ansi() -> None:
    notebook = executed()
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            assert output.get("output_type") != "error", output
            text = output.get("text", "") + output.get("data", {}).get("text/plain", "")
            assert "\x1b" not in text


def test_notebook_ships_with_the_outputs_it_gives() -> None:
    shipped = cell_outputs(saved())
    assert all(outputs for _, outputs in shipped[1:]), "run: python -m tests.notebook_run"
    assert shipped == cell_outputs(executed()), (
        "the saved outputs are out of date: python -m tests.notebook_run refreshes them"
    )


def test_notebook_reads_a_crawl_and_a_local_wayback_replay() -> None:
    pytest.importorskip("warcio")
    pytest.importorskip("wayback")
    notebook = executed()
    printed = "".join(
        output.get("text", "") for cell in notebook.cells for output in cell.get("outputs", [])
    )
    assert "9 records, 5 HTML captures kept; skipped 1 duplicate, 1 not HTML, 1 not 2xx" in printed
    assert "ferry-crews-walk-out ['2025-06-13T19:05:30Z', '2025-06-14T06:01:00Z']" in printed
    ferry, history = html_outputs(notebook)[5:]
    assert "2025-06-14T06:01:00Z" in ferry
    for capture in ("2025-06-13T19:05:00Z", "2025-06-15T08:40:00Z", "2025-06-15T21:15:00Z"):
        assert capture in history
    assert "2025-06-14T06:00:00Z" not in history  # the unchanged capture, dropped
