"""`newsdiff history` and the views of a story over time (terminal, notebook, HTML)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsdiff
from newsdiff.cli import main
from newsdiff.render import HistoryView, NotebookView, render_text
from tests.render_samples import demo_history, hostile_story
from tests.test_timeline import GIVEN, KESTREL, kestrel

FILES = [str(KESTREL / f"{name}.txt") for name in GIVEN]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_history_command_shows_timeline_figures_and_paragraphs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["history", *FILES, "--width", "100"], capsys)
    assert code == 0, err
    assert "4 versions in time order" in out
    lines = [line.rstrip() for line in out.split("\n")]
    assert "1 v1 2026-03-02T06:10  Fire at Kestrel Bay warehouse; 3 hurt" in lines
    assert "  ↓  headline changed; 1 figure updated, 1 paragraph added" in lines
    assert any(
        line.split() == ["workers", "were", "hurt", "¶1", "3", "7", "12", "15"] for line in lines
    )
    assert "first in v2, changed in v4 (wording)" in out
    assert max(len(line) for line in lines) <= 100


def test_history_show_and_order(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        ["history", *FILES, "--order", "v4,v3,v2,v1", "--show", "v1", "--width", "100"], capsys
    )
    assert code == 0
    assert "v2 (2026-03-02T09:30) (earlier) → v1 (2026-03-02T06:10)" in out
    assert "(canonical) →" not in out


def test_history_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["history", *FILES, "--json"], capsys)
    assert code == 0
    history = newsdiff.StoryHistory.model_validate_json(out)
    assert history == kestrel().history
    data = json.loads(out)
    assert [s["new_name"] for s in data["steps"]] == ["v2", "v3", "v4"]
    assert [p["first_seen"] for p in data["paragraphs"]] == ["v1", "v1", "v1", "v2", "v3"]
    assert [len(c["values"]) for c in data["figures"]] == [3, 4]


def test_history_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "history.html"
    code, out, err = run(["history", *FILES, "--html", str(target)], capsys)
    assert code == 0
    assert out == ""
    assert f"wrote {target}" in err
    html = target.read_text(encoding="utf-8")
    assert "4 versions in time order" in html
    assert '<td class="nd-fv nd-new-value">15</td>' in html
    assert 'href="#nd1-s-v2"' in html or "-s-v2" in html


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--order", "v1,v2"], "--order v1,v2: order leaves out 'v3', 'v4'"),
        (["--order", "v1,v2,v3,v5"], "order names 'v5', which is not one of the versions"),
        (["--show", "v1"], "--show: 'v1' is not a version after the first"),
    ],
)
def test_history_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["history", *FILES, *argv], capsys)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1


def test_demo_shows_the_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["demo", "--width", "100"], capsys)
    assert code == 0
    lines = [line.rstrip() for line in out.split("\n")]
    start = lines.index("5 versions in time order")
    names = [line.split()[1] for line in lines[start + 1 :] if line[:1].isdigit()]
    assert names == ["v1", "v4", "v3", "v2", "v5"]
    assert "  ↓  stops early (4 paragraphs not carried)" in lines


def test_terminal_history_view_of_the_demo() -> None:
    text = render_text(HistoryView(demo_history()), width=100)
    assert "31 paragraphs over time" in text
    assert "first in v1, not carried by v4," in text
    assert text.count("back in v3") == 4
    assert max(len(line) for line in text.split("\n")) <= 100


def test_hostile_text_is_escaped_in_the_history() -> None:
    history = hostile_story().history
    html = history.to_html()
    assert "<script>window" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    text = render_text(HistoryView(history), width=100)
    assert "1 <b>early</b>" in text  # markup in names and text is shown, never obeyed
    assert "late<script>window.__pwned = 6</script>" in text


def test_notebook_shows_a_history() -> None:
    bundle = NotebookView(kestrel().history)._repr_mimebundle_()
    assert "4 versions in time order" in bundle["text/html"]
    assert "4 versions in time order" in bundle["text/plain"]
    assert "\x1b" not in bundle["text/plain"]
