"""The newsdiff command: views, options, files, stdin, errors and exit codes."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsdiff
from newsdiff.cli import main, version_names
from newsdiff.demo import demo_versions
from newsdiff.models import ChangeKind
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
    assert out.startswith("stdin against final (canonical)")
    assert "{+Three dead as Port Averly harbour bridge collapses+}  (only in stdin)" in out


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
    assert "v3 → v5 (canonical)" in out  # given before the canonical: drawn forward in time
    code, _, err = run(["story", *files, "--canonical", "nope"], capsys)
    assert code == 2
    assert err.count("\n") == 1


def test_demo(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["demo", "--width", "100"], capsys)
    assert code == 0
    assert "5 versions of one story" in out
    code, out, _ = run(["demo", "--show", "all", "--context", "0", "--width", "100"], capsys)
    # in time order v1, v4, v3, v2, v5: the earlier versions are drawn forward, towards
    # the canonical; v4, a truncated copy, stops early against it
    assert out.count("→ v5 (canonical)\n") == 3
    assert out.count("v5 (canonical) → v4 (2025-06-14)\n") == 1


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


# --- the first hour: version, python -m, one-line errors, NO_COLOR, names --------------


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"newsdiff {newsdiff.__version__}\n"


def test_python_m_newsdiff_is_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsdiff", "--version"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout) == (0, f"newsdiff {newsdiff.__version__}\n")
    bad = subprocess.run(
        [sys.executable, "-m", "newsdiff", "compare"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 2
    assert bad.stderr.count("\n") == 1


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["compare"],
        ["compare", "a.txt", "b.txt", "--view", "fancy"],
        ["compare", "a.txt", "b.txt", "--context", "-1"],
        ["story", "a.txt", "--width", "10"],
        ["corpus", "stories/"],
        ["demo", "--bogus"],
    ],
)
def test_usage_errors_are_one_line(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("newsdiff")
    assert ": error: " in err
    assert "--help" in err  # where to read more


@pytest.mark.parametrize(
    ("argv", "named"),
    [(["compare", "--bogus"], "--bogus"), (["story", "--frob=2"], "--frob=2")],
)
def test_a_mistyped_option_is_named_before_missing_arguments(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    err = capsys.readouterr().err
    assert f"unrecognized arguments: {named}" in err
    assert "required" not in err


@pytest.mark.parametrize("how", ["NO_COLOR", "--no-color"])
def test_no_color_means_no_ansi_styling_at_all(
    pair: tuple[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    how: str,
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal
    _, coloured, _ = run(["compare", *pair, "--view", "summary"], capsys)
    assert "\x1b[" in coloured  # the test can tell
    if how == "NO_COLOR":
        monkeypatch.setenv("NO_COLOR", "1")
        args = ["compare", *pair, "--view", "summary"]
    else:
        args = ["compare", *pair, "--view", "summary", "--no-color"]
    for extra in ([], ["--view", "inline"], ["--view", "side-by-side"]):
        _, plain, _ = run([*args, *extra], capsys)
        assert "\x1b" not in plain
        assert "[-Kowalczyk-]" in plain  # edits stay visible as marks
    _, story, _ = run(["demo", *args[3:]], capsys)
    assert "\x1b" not in story


def test_an_empty_no_color_is_not_set(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("NO_COLOR", "")  # no-color.org: only a non-empty value counts
    _, out, _ = run(["compare", *pair, "--view", "summary"], capsys)
    assert "\x1b[" in out


def test_substantive_applies_to_json(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, everything, _ = run(["compare", *pair, "--view", "json"], capsys)
    _, only, _ = run(["compare", *pair, "--view", "json", "--substantive"], capsys)
    full = newsdiff.Revision.model_validate_json(everything)
    shown = newsdiff.Revision.model_validate_json(only)
    assert shown.changes == full.substantive_changes
    assert 0 < len(shown.changes) < len(full.changes)
    assert shown.stats.counts[ChangeKind.UNCHANGED] == 0  # only what changed the story
    _, story_json, _ = run(["demo", "--json", "--substantive"], capsys)
    story = newsdiff.Story.model_validate_json(story_json)
    assert all(c.substantive for r in story.revisions.values() for c in r.changes)


@pytest.fixture
def demo_files(tmp_path: Path) -> list[str]:
    files = []
    for name, data in demo_versions().items():
        path = tmp_path / f"{name}.txt"
        path.write_bytes(data)
        files.append(str(path))
    return files


@pytest.mark.parametrize(
    ("choice", "expected"), [("latest", "v5"), ("earliest", "v1"), ("complete", "v5"), ("v3", "v3")]
)
def test_story_canonical_keywords(
    demo_files: list[str], capsys: pytest.CaptureFixture[str], choice: str, expected: str
) -> None:
    files = demo_files if choice != "latest" else [*demo_files[1:], demo_files[0]]
    expected = "v1" if choice == "latest" else expected  # the last file given
    code, out, err = run(["story", *files, "--canonical", choice, "--json"], capsys)
    assert code == 0, err
    assert newsdiff.Story.model_validate_json(out).canonical == expected


def test_a_version_named_like_a_keyword_wins(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    versions = demo_versions()
    latest, other = tmp_path / "latest.txt", tmp_path / "other.txt"
    latest.write_bytes(versions["v1"])
    other.write_bytes(versions["v2"])
    code, out, _ = run(
        ["story", str(other), str(latest), "--canonical", "earliest", "--json"], capsys
    )
    assert code == 0
    assert newsdiff.Story.model_validate_json(out).canonical == "other"
    _, out, _ = run(["story", str(latest), str(other), "--canonical", "latest", "--json"], capsys)
    assert newsdiff.Story.model_validate_json(out).canonical == "latest"  # the version's name


def _headers(args: list[str]) -> list[str]:
    """The header of each version's view in the demo: the versions before the canonical
    drawn forward in time (v4, a truncated copy, against the canonical)."""
    if "summary" in args:
        return [
            *(f"v5 (canonical) against {n}" for n in ("v1", "v2", "v3")),
            "v4 (2025-06-14) against v5",
        ]
    return [*(f"{n} → v5 (canonical)" for n in ("v1", "v2", "v3")), "v5 (canonical) → v4"]


@pytest.mark.parametrize(
    "args",
    [
        ["--view", "summary"],
        ["--view", "inline"],
        ["--context", "0"],
        ["--substantive"],
        ["--typography", "hide"],
    ],
)
def test_view_options_without_show_show_every_version(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    _, bare, _ = run(["demo", "--width", "120"], capsys)
    code, out, _ = run(["demo", "--width", "120", *args], capsys)
    assert code == 0
    _, one, _ = run(["demo", "--width", "120", "--show", "v2", *args], capsys)
    for n, shown in enumerate(_headers(args)):
        assert shown not in bare
        assert out.count(shown) == 1
        assert one.count(shown) == (n == 1)


def test_view_applies_to_shown_versions(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["demo", "--show", "v2", "--view", "summary", "--width", "100"], capsys)
    assert "v5 (canonical) against v2" in out  # forward in time: what v5 changed in v2
    assert "+171 words inserted, −60 deleted" in out


def test_files_with_one_stem_are_named_by_their_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    versions = demo_versions()
    for folder, name in (("a", "v2"), ("b", "v5")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_bytes(versions[name])
    a, b = str(tmp_path / "a" / "story.txt"), str(tmp_path / "b" / "story.txt")
    code, out, err = run(["compare", a, b, "--view", "summary", "--width", "200"], capsys)
    assert code == 0, err
    assert out.startswith("b/story against a/story")
    code, out, err = run(["story", a, b, "--json"], capsys)
    assert [v.name for v in newsdiff.Story.model_validate_json(out).versions] == [
        "a/story",
        "b/story",
    ]
    code, out, _ = run(["compare", f"early={a}", f"late={b}", "--view", "summary"], capsys)
    assert out.startswith("late against early")


def test_a_text_and_its_page_are_told_apart(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("trafilatura")
    pages = Path(__file__).parent / "pages"
    code, out, err = run(
        ["compare", str(pages / "gazette.txt"), str(pages / "gazette.html"), "--json"], capsys
    )
    assert code == 0, err
    rev = newsdiff.Revision.model_validate_json(out)
    assert (rev.old_name, rev.new_name) == ("gazette.txt", "gazette.html")


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["x/a.txt", "x/b.txt"], ["a", "b"]),
        (["x/story.txt", "x/story.html"], ["story.txt", "story.html"]),
        (["x/a/story.txt", "x/b/story.txt", "x/c/other.txt"], ["a/story", "b/story", "other"]),
        (["p/a/story.txt", "q/a/story.txt"], ["p/a/story", "q/a/story"]),
        (["early=x/story.txt", "x/story.txt"], ["early", "story"]),
        (["-", "x/a.txt"], ["stdin", "a"]),
        (["story=-", "x/story.txt"], ["story", "story.txt"]),
    ],
)
def test_version_names(args: list[str], names: list[str]) -> None:
    assert [name for name, _ in version_names(args)] == names
    assert [path for _, path in version_names(args)] == [a.partition("=")[2] or a for a in args]


def test_one_version_at_most_from_standard_input(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["compare", "-", "-"], ["compare", "a=-", "b=-"], ["story", "x.txt", "-", "-"]):
        code, _, err = run(args, capsys)
        assert code == 2
        assert "only one version can be read from standard input" in err


def test_a_version_named_complete_wins_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    versions = demo_versions()
    (tmp_path / "complete.txt").write_bytes(versions["v1"])
    (tmp_path / "full.txt").write_bytes(versions["v5"])
    files = [str(tmp_path / "complete.txt"), str(tmp_path / "full.txt")]
    _, out, _ = run(["story", *files, "--canonical", "complete", "--json"], capsys)
    assert newsdiff.Story.model_validate_json(out).canonical == "complete"


def test_a_file_given_twice_needs_names(
    capsys: pytest.CaptureFixture[str], pair: tuple[str, str]
) -> None:
    code, _, err = run(["story", pair[0], pair[0]], capsys)
    assert code == 2
    assert "name them with NAME=FILE" in err
    code, _, err = run(["story", f"one={pair[0]}", f"two={pair[0]}", "--json"], capsys)
    assert code == 0, err


def test_a_file_whose_name_holds_an_equals_sign(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "a=b.txt"
    odd.write_bytes(demo_versions()["v2"])
    code, out, err = run(["compare", str(odd), str(odd), "--json"], capsys)
    assert code == 2  # the same file twice: the names clash
    code, out, err = run(["compare", f"x={odd}", str(odd), "--json"], capsys)
    assert code == 0, err
    assert newsdiff.Revision.model_validate_json(out).new_name == "a=b"
