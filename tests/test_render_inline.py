"""The inline (redline) view at fixed widths."""

from __future__ import annotations

import pytest

from newsdiff.render import Inline, ViewOptions, render_text
from tests.render_samples import against_canonical, hostile_revision


@pytest.mark.parametrize("width", [80, 120])
def test_redline_in_one_column(width: int) -> None:
    text = render_text(Inline(against_canonical("v3")), width=width)
    assert max(len(line) for line in text.split("\n")) <= width
    assert "[-Harbour-]{+Harbor+}" in text
    assert "merged" in text
    assert "from v5 ¶17 + ¶18" in text


def test_moves_splits_and_removals_say_where_they_were() -> None:
    text = render_text(Inline(against_canonical("v2"), ViewOptions(context=0)), width=100)
    assert "↕ moved from v5 ¶5" in text
    assert "from v5 ¶8" in text
    assert "v5 ¶23  [-Councillor Dev Ashworth" in text
    assert "The ferry crew pulled" not in text


def test_colour_output_has_no_marks() -> None:
    text = render_text(Inline(against_canonical("v3")), width=100, color=True)
    assert "\x1b[" in text
    assert "{+Harbor+}" not in text


def test_markup_in_article_text_stays_literal() -> None:
    text = render_text(Inline(hostile_revision()), width=120)
    assert "[bold]markup[/bold]" in text
