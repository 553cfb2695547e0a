"""The documentation runs: every Python code block of the pages in DOCS.

The blocks of one page run in order in one namespace (a block may use the names an
earlier block made), with ``__name__ == "__main__"``, in a fresh temporary folder that
holds the repository's ``examples/`` (as a clone's root does), so a page reads like a
session a user could type. A fence may be indented inside a list item. A block whose
first line is a comment ``# needs: …`` needs something the tests do not have (a file of
your own, a cluster, the network); it is skipped, and the comment tells the reader what
it needs. To cover another page, add it to DOCS.

Below, one test for each promise of the docs that a newcomer relies on.
"""

from __future__ import annotations

import re
import textwrap
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import newsdiff
from newsdiff.cli import main
from tests.conftest import ROOT

DOCS = [
    ROOT / "README.md",
    *sorted((ROOT / "docs").rglob("*.md")),
    ROOT / "examples" / "corpus" / "README.md",
]
NEEDS = "# needs:"
# An indented fence (in a list item) has its code dedented by as much.
_FENCE = re.compile(r"^( *)```python\n(.*?)^\1```", re.M | re.S)


@dataclass(frozen=True)
class CodeBlock:
    page: Path
    line: int
    code: str

    @property
    def needs(self) -> str | None:
        """What the block needs to run, from its ``# needs:`` first line."""
        first = self.code.split("\n", 1)[0]
        return first.removeprefix(NEEDS).strip() if first.startswith(NEEDS) else None

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def code_blocks(page: Path) -> list[CodeBlock]:
    text = page.read_text(encoding="utf-8")
    return [
        CodeBlock(page, text.count("\n", 0, match.start()) + 1, textwrap.dedent(match.group(2)))
        for match in _FENCE.finditer(text)
    ]


BLOCKS = [block for page in DOCS for block in code_blocks(page)]


@dataclass
class _Session:
    """One page's namespace and folder, and how far through its blocks it has run."""

    folder: Path
    namespace: dict[str, Any] = field(default_factory=lambda: {"__name__": "__main__"})
    done: int = 0


_sessions: dict[Path, _Session] = {}


def _run(block: CodeBlock, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    exec(compile(block.code, block.name, "exec"), _sessions[block.page].namespace)


@pytest.mark.parametrize("block", BLOCKS, ids=[b.name for b in BLOCKS])
def test_code_block_runs(
    block: CodeBlock, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    if block.needs:
        pytest.skip(f"needs {block.needs}")
    if block.page not in _sessions:
        folder = tmp_path_factory.mktemp("docs")
        # The pages speak from the root of a clone, where examples/ is.
        (folder / "examples").symlink_to(ROOT / "examples")
        _sessions[block.page] = _Session(folder)
    session = _sessions[block.page]
    blocks = code_blocks(block.page)
    # Run the page's earlier blocks first when this one is run alone (-k).
    for earlier in blocks[session.done : blocks.index(block) + 1]:
        if not earlier.needs:
            _run(earlier, session.folder, monkeypatch)
    session.done = max(session.done, blocks.index(block) + 1)


def test_every_page_has_blocks_that_run() -> None:
    assert {b.page for b in BLOCKS if not b.needs} >= {ROOT / "README.md", ROOT / "docs/index.md"}


def test_the_needs_marker_is_seen() -> None:
    html = [b for b in BLOCKS if b.page.name == "html.md"]
    assert html
    assert html[0].needs == "story.html, a saved page of your own"


# --- promises a newcomer relies on ----------------------------------------------------


def _text(page: str) -> str:
    return " ".join((ROOT / page).read_text(encoding="utf-8").split())


def test_install_lines_work_from_a_clone() -> None:
    index = _text("docs/index.md")
    assert "pip install . " in index
    assert "not published yet" in index  # the index line is marked as future
    for page in DOCS:
        for line in page.read_text(encoding="utf-8").splitlines():
            if re.search(r"pip install newsdiff(\s|$)", line):
                pytest.fail(f"{page.name}: an unmarked install from an index: {line}")


def test_python_version_is_stated_as_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    assert "Python 3.11 or later" in _text("README.md")
    assert "Python 3.11 or later" in _text("docs/index.md")


def test_html_example_names_its_extra() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = next(line for line in readme.splitlines() if "late.html" in line)
    assert example.rstrip().endswith("(*)")
    assert "(*) Saved web pages need the `html` extra: `pip install '.[html]'`" in readme


def test_no_page_writes_html_in_the_system_encoding() -> None:
    for page in DOCS:
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"open\([^)]*\"w\"\)\.write\(", text.split("Write pages with")[0])
    assert "newsdiff.save_html(rev" in _text("README.md")


def test_the_corpus_example_reads_back_a_collated_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    example = ROOT / "examples" / "corpus"
    results = tmp_path / "results"
    args = ["corpus", str(example / "stories"), "--out", str(results), "--workers", "1"]
    assert main([*args, "--no-progress"]) == 1  # harbour-festival fails on purpose
    capsys.readouterr()
    (block,) = code_blocks(example / "README.md")
    assert block.needs == "results/ from the command above"
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    exec(compile(block.code, block.name, "exec"), namespace)
    assert isinstance(namespace["story"], newsdiff.Story)
    assert "EmptyInputError" in capsys.readouterr().out


def test_readme_links_the_pages_of_the_site() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    pages = [page.relative_to(ROOT).as_posix() for page in (ROOT / "docs").rglob("*.md")]
    # The reference's module pages are reached from its index; the alignment-quality
    # page shows the README's own section.
    linked_elsewhere = {"docs/quality.md"}
    unlinked = [
        page
        for page in pages
        if f"]({page}" not in readme
        and page not in linked_elsewhere
        and not (page.startswith("docs/reference/") and page != "docs/reference/index.md")
    ]
    assert not unlinked, f"README does not link {unlinked}"
