"""The newsdiff command: views, options, files, stdin, errors and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsdiff.cli import main
from newsdiff.demo import demo_versions
from tests.render_samples import HOSTILE_NEW, HOSTILE_OLD


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    versions = demo_versions()
    old, new = tmp_path / "final.txt", tmp_path / "early.txt"
    old.write_bytes(versions["v5"])
    new.write_bytes(versions["v2"])
    return str(old), str(new)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("width", ["80", "120"])
def test_compare_defaults_to_side_by_side(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str], width: str
) -> None:
    code, out, err = run(["compare", *pair, "--width", width], capsys)
    assert code == 0, err
    assert "final (canonical) → early" in out
    assert "[-Kowalczyk-]" in out  # captured output has no colour: edits are marked
    assert "\x1b" not in out
    assert max(len(line) for line in out.split("\n")) <= int(width)


def test_views(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    _, inline, _ = run(["compare", *pair, "--view", "inline", "--context", "0"], capsys)
    assert "↕ moved from final ¶5" in inline
    _, summary, _ = run(["compare", *pair, "--view", "summary"], capsys)
    assert "88% of words kept" in summary
    _, raw, _ = run(["compare", *pair, "--view", "json"], capsys)
    assert json.loads(raw)["new_name"] == "early"
    _, legacy, _ = run(["compare", *pair, "--json"], capsys)
    assert legacy == raw


def test_substantive_only(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    _, everything, _ = run(["compare", *pair, "--view", "inline"], capsys)
    _, substantive, _ = run(["compare", *pair, "--view", "inline", "--substantive"], capsys)
    spelling_only = "Mayor Teodora [-Kowalczyk-]{+Kowalczik+}"
    assert spelling_only in everything
    assert spelling_only not in substantive
    assert "{+Questions over+}" in substantive  # a rewritten sub-heading
    assert "1 figure updated" in substantive  # the significance line


def test_typography_and_no_color(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    _, shown, _ = run(["compare", *pair, "--typography", "show", "--no-color"], capsys)
    _, hidden, _ = run(["compare", *pair, "--typography", "hide", "--no-color"], capsys)
    assert "typo-" in shown
    assert "typo-" not in hidden


def test_html_file(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "diff.html"
    code, out, err = run(["compare", *pair, "--html", str(target)], capsys)
    assert code == 0
    assert out == ""
    assert f"wrote {target}" in err
    assert '<del class="nd-minor">Kowalczyk</del>' in target.read_text(encoding="utf-8")


def test_stdin(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(Path(pair[1]).read_bytes())))
    code, out, _ = run(["compare", pair[0], "-", "--view", "summary"], capsys)
    assert code == 0
    assert out.startswith("stdin (Three dead as Port Averly")


def test_story_and_canonical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = []
    for name, data in demo_versions().items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        files.append(str(path))
    code, out, _ = run(["story", *files, "--canonical", "v2", "--width", "100"], capsys)
    assert code == 0
    assert "paragraph (v2 is canonical)" in out
    code, out, _ = run(["story", *files, "--show", "v3", "--context", "0"], capsys)
    assert "v5 (canonical) → v3" in out
    code, _, err = run(["story", *files, "--canonical", "nope"], capsys)
    assert code == 2
    assert err.count("\n") == 1


def test_demo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["demo", "--width", "100"], capsys)
    assert code == 0
    assert "5 versions of one story" in out
    code, out, _ = run(["demo", "--show", "all", "--context", "0"], capsys)
    assert out.count("(canonical) →") == 4


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: str(d / "missing.txt"), "no such file"),
        (lambda d: str(d), "is a folder"),
        (lambda d: _write(d / "bad.txt", b"\xff\xfe\x00"), "byte-order mark"),
        (lambda d: _write(d / "nul.bin", b"\x00\x01" * 200), "binary"),
        (lambda d: _write(d / "empty.txt", b"  \n"), "empty"),
    ],
)
def test_user_errors_exit_2_with_one_line(
    make: object, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert callable(make)
    bad = make(tmp_path)
    good = _write(tmp_path / "good.txt", b"The bridge closed on Friday night.")
    code, out, err = run(["compare", good, bad], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("newsdiff: error: ")
    assert err.count("\n") == 1
    assert message in err


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_bad_options_exit_2(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", *pair, "--view", "fancy"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["compare", *pair, "--context", "-1"])
    capsys.readouterr()
    assert main(["compare", "-", "-"]) == 2


def test_help_has_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["compare", "--help"])
    out = capsys.readouterr().out
    assert "examples:" in out
    assert "--view {side-by-side,inline,summary,json}" in out


def test_hostile_text_in_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = _write(tmp_path / "a.txt", HOSTILE_OLD.encode())
    new = _write(tmp_path / "b.txt", HOSTILE_NEW.encode())
    code, out, _ = run(["compare", old, new, "--width", "120"], capsys)
    assert code == 0
    assert "[bold]markup[/bold]" in out


def test_demo_page_compares_text_with_html(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("trafilatura")
    code, out, err = run(["demo", "--page", "--view", "summary", "--width", "100"], capsys)
    assert code == 0, err
    assert "no substantive change" in out
    assert "27  unchanged" in out


def test_corpus_command_is_wired(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "corpus" / "bridge"
    story.mkdir(parents=True)
    for name, text in demo_versions().items():
        (story / f"{name}.txt").write_bytes(text)
    code, _, err = run(
        [
            "corpus",
            str(tmp_path / "corpus"),
            "--out",
            str(tmp_path / "out"),
            "--workers",
            "1",
            "--no-progress",
        ],
        capsys,
    )
    assert code == 0, err
    assert (tmp_path / "out" / "stories.jsonl").read_text(encoding="utf-8").count("\n") == 1
