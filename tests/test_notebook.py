"""The example notebook runs headless, and its outputs are the HTML views."""

from __future__ import annotations

import pytest

pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from tests.notebook_run import cell_outputs, executed, html_outputs, saved


def test_notebook_shows_revision_and_story_as_html() -> None:
    notebook = executed()
    outputs = html_outputs(notebook)
    assert len(outputs) == 3  # the Revision, the Story, the inline view with options
    revision, story, inline = outputs
    for html in (revision, story):
        assert html.startswith('<div class="nd"><style>')
        assert '<del class="nd-minor">Kowalczyk</del>' in html  # the canonical's word
        assert '<ins class="nd-minor">Kowalczik</ins>' in html  # the version's word
    assert "moved from v5 ¶5" in revision
    assert "nd-map" in story
    assert '<del class="nd-minor">Harbour</del>' in story  # v3's spelling, further down the story
    assert '<del class="nd-minor">Kowalczyk</del><ins class="nd-minor">Kowalczik</ins>' in inline
    assert "Bryn Tallis" not in inline  # folded away by context=1


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
