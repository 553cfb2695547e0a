"""Bad, hostile and huge input: newsdiff never crashes, hangs or loses text.

One test per kind of input listed in ``docs/limits.md``. The huge cases run scaled
down by default; the full sizes (1 MB paragraph, 10 MB article, 100,000 paragraphs,
5,000 repeats) are marked ``slow`` and run with ``pytest -m slow`` or
``NEWSDIFF_SLOW=1``. Run the hypothesis properties longer with
``HYPOTHESIS_PROFILE=long``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from rich.console import Console

import newsdiff
from newsdiff import (
    Article,
    ChangeKind,
    EmptyInputError,
    InputError,
    InvalidDataError,
    NewsdiffError,
    NoBodyError,
    Revision,
)
from newsdiff.cli import main
from newsdiff.corpus import cli as corpus_cli
from newsdiff.parse import MAX_INPUT_CHARS, MAX_PARAGRAPHS
from newsdiff.parse.decode import _CONTROL
from newsdiff.parse.html import looks_like_html
from newsdiff.render import Inline, SideBySide, StoryView, Summary
from newsdiff.render.html import revision_page

SLOW = bool(os.environ.get("NEWSDIFF_SLOW"))


@pytest.fixture(autouse=True)
def _slow_only_on_demand(request: pytest.FixtureRequest) -> None:
    marked = request.node.get_closest_marker("slow") is not None
    asked = "slow" in (request.config.getoption("markexpr") or "")
    if marked and not (asked or SLOW):
        pytest.skip("slow: run with -m slow or NEWSDIFF_SLOW=1")


# ---------------------------------------------------------------- helpers

_R = random.Random(20251122)
_VOCAB = [
    "council",
    "harbour",
    "ferry",
    "quay",
    "divers",
    "inspectors",
    "mayor",
    "engineers",
    "tide",
    "cables",
    "reopened",
    "closed",
    "said",
    "warned",
    "million",
    "residents",
    "night",
    "storm",
    "report",
    "inquiry",
] + [f"w{n}" for n in range(3_000)]


def sentence(rng: random.Random, words: int = 14) -> str:
    return " ".join(rng.choice(_VOCAB) for _ in range(words)).capitalize() + "."


def paragraphs(count: int, words: int = 14, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [sentence(rng, words) for _ in range(count)]


def edited(paras: list[str], seed: int = 2) -> list[str]:
    """A later version: a few paragraphs edited, dropped, added and moved."""
    rng = random.Random(seed)
    out = list(paras)
    for _ in range(max(1, len(out) // 40)):
        i = rng.randrange(len(out))
        op = rng.choice(["edit", "drop", "add", "move"])
        if op == "edit":
            words = out[i].split()
            words[rng.randrange(len(words))] = "amended"
            out[i] = " ".join(words)
        elif op == "drop" and len(out) > 1:
            del out[i]
        elif op == "add":
            out.insert(i, sentence(rng))
        else:
            out.insert(rng.randrange(len(out)), out.pop(i))
    return out


def _visible(text: str) -> str:
    return "".join(text.split())


def assert_lossless(source: str, article: Article) -> None:
    """Every non-space character of ``source`` is in some block, in order."""
    kept = "".join(b.source for b in article.blocks)
    assert _visible(kept) == _visible(source)


def assert_rebuilds(rev: Revision) -> None:
    """The changes' spans rebuild every paragraph of both sides exactly, once each."""
    old: list[tuple[int, str]] = []
    new: list[tuple[int, str]] = []
    for change in rev.changes:
        old += [(p.index, change.old_text(n)) for n, p in enumerate(change.old)]
        new += [(p.index, change.new_text(n)) for n, p in enumerate(change.new)]
    assert sorted(old) == [(p.index, p.text) for p in rev.old_article.paragraphs]
    assert sorted(new) == [(p.index, p.text) for p in rev.new_article.paragraphs]


def best_time(old: str, new: str, runs: int = 2) -> float:
    """The fastest of a few runs of compare, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        newsdiff.compare(old, new)
        best = min(best, time.perf_counter() - start)
    return best


# ---------------------------------------------------------------- empty, no body


@pytest.mark.parametrize(
    "source", ["", " ", "\n\n\t  \n", "\r\n\u2028\u00a0\u3000", b"", b"\xef\xbb\xbf \n", b"\t\r\n"]
)
def test_empty_and_whitespace_only(source: str | bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty or whitespace only"):
        newsdiff.parse(source)
    with pytest.raises(EmptyInputError):
        newsdiff.compare(source, "The ferry sailed on time.")
    with pytest.raises(EmptyInputError):
        newsdiff.collate({"a": "The ferry sailed on time.", "b": source})


def test_no_body_only_boilerplate_is_labelled_not_dropped() -> None:
    page = (
        "Home › News › Local\n\nShare this article\n\nLeave a comment\n\n"
        "Sign up for our morning newsletter\n\n© 2025 Harbour Gazette. All rights reserved."
    )
    art = newsdiff.parse(page)
    assert art.paragraphs == ()
    assert all(b.is_boilerplate for b in art.blocks)
    assert_lossless(page, art)
    with pytest.raises(NoBodyError, match="no article text") as info:
        newsdiff.compare(page, "The ferry sailed on time.", old_name="front")
    assert "'front'" in str(info.value)
    assert "check that the input is the article" in str(info.value)


# ---------------------------------------------------------------- huge inputs


def _one_paragraph(size: int) -> tuple[str, str, str]:
    """A paragraph of about ``size`` characters, an edited copy and a shuffled copy."""
    rng = random.Random(size)
    sents: list[str] = []
    while sum(map(len, sents)) + len(sents) < size:
        sents.append(sentence(rng))
    text = " ".join(sents)
    edit = list(sents)
    edit[len(edit) // 3] = "The inquiry reported on Friday."
    del edit[len(edit) // 2]
    rng.shuffle(sents)
    return text, " ".join(edit), " ".join(sents)


@pytest.mark.parametrize(
    "size", [200_000, pytest.param(1_000_000, marks=pytest.mark.slow)], ids=["200KB", "1MB"]
)
def test_single_very_long_paragraph(size: int) -> None:
    text, edit, shuffled = _one_paragraph(size)
    rev = newsdiff.compare(text, edit)
    assert [c.kind for c in rev.changes] == [ChangeKind.CHANGED]
    assert rev.stats.similarity > 0.99
    assert_rebuilds(rev)
    rev = newsdiff.compare(text, shuffled)
    assert_rebuilds(rev)


@pytest.mark.parametrize(
    ("count", "words"),
    [(1_500, 100), pytest.param(15_000, 100, marks=pytest.mark.slow)],
    ids=["1MB", "10MB"],
)
def test_huge_article(count: int, words: int) -> None:
    paras = paragraphs(count, words)
    old, new = "\n\n".join(paras), "\n\n".join(edited(paras))
    assert len(old) <= MAX_INPUT_CHARS
    rev = newsdiff.compare(old, new)
    assert_rebuilds(rev)
    assert rev.stats.counts[ChangeKind.UNCHANGED] > count * 0.9
    unrelated = "\n\n".join(paragraphs(count, words, seed=99))
    assert_rebuilds(newsdiff.compare(old, unrelated))


@pytest.mark.parametrize(
    "count", [10_000, pytest.param(MAX_PARAGRAPHS, marks=pytest.mark.slow)], ids=["10k", "100k"]
)
def test_many_paragraphs(count: int) -> None:
    paras = paragraphs(count, words=8)
    rev = newsdiff.compare("\n".join(paras), "\n".join(edited(paras)[:count]))
    # Every line is a block (pseudo-words without stop words may read as boilerplate
    # to the body model; none is dropped).
    assert len(rev.old_article.blocks) == count
    assert_rebuilds(rev)


def test_over_the_paragraph_limit_is_an_input_error() -> None:
    lines = "\n".join(f"Line {n} of the log." for n in range(MAX_PARAGRAPHS + 1))
    with pytest.raises(InputError, match=f"more than {MAX_PARAGRAPHS:,} paragraphs"):
        newsdiff.parse(lines)


@pytest.mark.parametrize("kind", [str, bytes])
def test_over_the_size_limit_is_an_input_error(kind: type) -> None:
    source = "a" * (MAX_INPUT_CHARS + 1)
    with pytest.raises(InputError, match=f"the limit is {MAX_INPUT_CHARS:,}"):
        newsdiff.parse(source if kind is str else source.encode())


REPEATED = "The same paragraph comes round again and again."


def _repetition_cases(n: int) -> dict[str, tuple[str, str]]:
    same = [REPEATED] * n
    one = list(same)
    one[n // 2] = "One paragraph in the middle is different."
    other = "A second repeated paragraph sits between."
    return {
        "same": ("\n\n".join(same), "\n\n".join(same)),
        "one changed": ("\n\n".join(same), "\n\n".join(one)),
        "interleaved": ("\n\n".join(same), "\n\n".join([REPEATED, other] * (n // 2))),
        "random": ("\n\n".join(same), "\n\n".join(paragraphs(n, seed=5))),
        "fewer": ("\n\n".join(same), "\n\n".join(same[: n // 3])),
    }


@pytest.mark.parametrize("n", [1_000, pytest.param(5_000, marks=pytest.mark.slow)])
def test_identical_paragraphs(n: int) -> None:
    for name, (old, new) in _repetition_cases(n).items():
        rev = newsdiff.compare(old, new)
        assert_rebuilds(rev)
        # A page of one line repeated reads partly as boilerplate to the body model
        # (repeated lines usually are); every body paragraph is linked all the same.
        assert len(rev.new_article.blocks) == len(new.split("\n\n"))
        if name == "same":
            assert rev.stats.counts[ChangeKind.UNCHANGED] == len(rev.new_article.paragraphs)
        if name == "one changed":
            assert rev.stats.counts[ChangeKind.UNCHANGED] == len(rev.new_article.paragraphs) - 1


@pytest.mark.slow
def test_repetition_is_not_quadratic() -> None:
    """Four times the repeats may take about four times as long, not sixteen."""
    for name in ("one changed", "interleaved", "random"):
        small, large = _repetition_cases(1_250)[name], _repetition_cases(5_000)[name]
        t_small, t_large = best_time(*small), best_time(*large)
        assert t_large < 9 * max(t_small, 0.05), (name, t_small, t_large)


def test_two_unrelated_articles() -> None:
    old = "\n\n".join(paragraphs(300, seed=11))
    new = "\n\n".join(paragraphs(300, seed=12))
    rev = newsdiff.compare(old, new)
    assert_rebuilds(rev)
    kinds = {c.kind for c in rev.changes}
    assert kinds <= {ChangeKind.ADDED, ChangeKind.REMOVED, ChangeKind.CHANGED, ChangeKind.MOVED}
    assert rev.stats.similarity < 0.5


_IN_A_SUBPROCESS = """
import hashlib, sys
import newsdiff
from newsdiff.demo import demo_versions
from tests.test_reliability import _repetition_cases, edited, paragraphs, SCRIPTS

pairs = [tuple(demo_versions().values())[i : i + 2] for i in range(4)]
pairs += list(_repetition_cases(300).values())
long = paragraphs(300, seed=41)
pairs += [("\\n\\n".join(long), "\\n\\n".join(edited(long, seed=42))), (SCRIPTS, SCRIPTS[::-1])]
digest = hashlib.sha256()
for old, new in pairs:
    digest.update(newsdiff.compare(old, new).model_dump_json().encode())
digest.update(newsdiff.collate(demo_versions()).model_dump_json().encode())
print(digest.hexdigest())
"""


def test_same_result_in_processes_with_different_hash_seeds() -> None:
    digests = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", _IN_A_SUBPROCESS],
            env=env,
            cwd=Path(__file__).resolve().parent.parent,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1


# ---------------------------------------------------------------- bytes and encodings

ARTICLE = (
    "Café owners on the quay said the ferry’s new timetable – from Monday – suits them.\n\n"
    "« Nous sommes ravis », said Zoë Müller, who runs the kiosk by the slipway.\n\n"
    "The council will review the fares in the spring."
)
LATIN1_ARTICLE = ARTICLE.replace("’", "'").replace("–", "-")


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("utf-8", ARTICLE),
        ("utf-8-sig", ARTICLE),
        ("utf-16", ARTICLE),
        ("utf-16-le", ARTICLE),
        ("utf-16-be", ARTICLE),
        ("utf-32", ARTICLE),
        ("utf-32-le", ARTICLE),
        ("latin-1", LATIN1_ARTICLE),
        ("cp1252", ARTICLE),
    ],
)
def test_bytes_in_any_common_encoding(encoding: str, text: str) -> None:
    art = newsdiff.parse(text.encode(encoding))
    assert [b.text for b in art.blocks] == [b.text for b in newsdiff.parse(text).blocks]
    assert_lossless(text, art)


def test_bytes_not_valid_in_their_declared_encoding() -> None:
    # Not UTF-8: read as Windows-1252 / Latin-1, not refused.
    text = b"Caf\xe9 owners on the quay were pleased with the new timetable."
    assert newsdiff.parse(text).blocks[0].text.startswith("Café")
    # UTF-16 text starting with NUL begins FF FE 00 00, which is also UTF-32's mark.
    nul_first = "\x00The ferry sailed on time."
    assert newsdiff.parse(nul_first.encode("utf-16")).blocks[0].text == nul_first
    # A UTF-16 byte-order mark on bytes that are not UTF-16: refused, saying why.
    with pytest.raises(InputError, match="byte-order mark"):
        newsdiff.parse(b"\xff\xfeA\x00B")


@pytest.mark.parametrize("size", [64, 4_096, 1_000_000])
def test_binary_bytes_are_refused(size: int) -> None:
    data = random.Random(size).randbytes(size)
    with pytest.raises(InputError, match="looks like binary data"):
        newsdiff.parse(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20,
        b"\x00" * 1_000,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" * 30,
    ],
    ids=["png", "nul", "zip"],
)
def test_file_formats_are_refused(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        newsdiff.compare(data, "The ferry sailed on time.")


def test_html_page_not_valid_in_its_declared_charset() -> None:
    pytest.importorskip("trafilatura")
    page = (
        b'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Quay</title></head><body>'
        b"<article><h1>Quay reopens</h1><p>Caf\xe9 owners on the quay were pleased with the "
        b"new ferry timetable, which starts on Monday.</p><p>The council will review the "
        b"fares in the spring, a spokeswoman said on Friday.</p></article></body></html>"
    )
    art = newsdiff.parse(page)
    assert any("Café owners" in b.text for b in art.paragraphs)


# ---------------------------------------------------------------- odd characters


def test_nul_and_control_characters_stay_in_the_text() -> None:
    old = "The council\x00 met on Monday\x07 to discuss the \x1b[31mferry\x1b[0m timetable."
    new = "The council\x00 met on Tuesday\x07 to discuss the \x1b[31mferry\x1b[0m timetable."
    rev = newsdiff.compare(old, new)
    assert rev.old_article.blocks[0].text == old
    assert_rebuilds(rev)
    assert Revision.model_validate_json(rev.model_dump_json()) == rev
    # In bytes too, as long as the text is mostly text.
    line = "The council\x00 met on Monday\x07 to discuss the ferry timetable for next year."
    assert newsdiff.parse(line.encode()).blocks[0].text == line
    # A str is text by its caller's word, however many control characters it holds.
    assert newsdiff.parse("\x00\x01\x02 quay").blocks[0].text == "\x00\x01\x02 quay"


def test_lone_surrogates_become_replacement_characters() -> None:
    rev = newsdiff.compare("The \ud800quay reopened on Monday.", "The \udfffquay reopened today.")
    assert rev.old_article.blocks[0].text == "The \ufffdquay reopened on Monday."
    assert_rebuilds(rev)
    assert Revision.model_validate_json(rev.model_dump_json()) == rev


@pytest.mark.parametrize("brk", ["\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"])
def test_every_kind_of_line_break(brk: str) -> None:
    paras = paragraphs(6, seed=3)
    expected = [b.text for b in newsdiff.parse("\n".join(paras)).blocks]
    art = newsdiff.parse(brk.join(paras))
    assert [b.text for b in art.blocks] == expected
    rev = newsdiff.compare("\n\n".join(paras), (brk * 2).join(paras))
    assert {c.kind for c in rev.changes} == {ChangeKind.UNCHANGED}


SCRIPTS = (
    "The family emoji 👩\u200d👩\u200d👧\u200d👦 and a thumbs-up 👍🏽 and the flag 🇺🇦 appeared.\n\n"
    "Combining marks: e\u0301te\u0301, n\u0303, a\u0308\u0304 and Zalgo t\u0336\u0353e\u0337xt.\n\n"
    "Right to left: שלום עולם and مرحبا بالعالم, with \u202eoverride\u202c and \u200fmarks.\n\n"
    "Mixed: the mayor said «שלום» and then 👍🏽 to the café."
)


def test_emoji_combining_marks_and_right_to_left() -> None:
    new = SCRIPTS.replace("👍🏽", "👍🏿").replace("שלום", "שלם").replace("e\u0301", "e\u0300")
    rev = newsdiff.compare(SCRIPTS, new)
    assert_lossless(SCRIPTS, rev.old_article)
    assert_lossless(new, rev.new_article)
    assert_rebuilds(rev)
    assert Revision.model_validate_json(rev.model_dump_json()) == rev
    for view in (SideBySide(rev), Inline(rev), Summary(rev)):
        Console(file=io.StringIO(), width=100).print(view)
    assert "שלם" in revision_page(rev)


HTML_LOOKING = (
    "The <b>council</b> met on Monday & said the <script>alert('quay')</script> was shut.\n\n"
    'A reader wrote <img src=x onerror="alert(1)"> and [bold red]markup[/bold red] to us.\n\n'
    "Tags like </p></div></body></html> and &amp; entities stay text."
)


def test_text_that_looks_like_html_stays_text() -> None:
    assert not looks_like_html(HTML_LOOKING)
    art = newsdiff.parse(HTML_LOOKING)
    assert [b.text for b in art.paragraphs] == HTML_LOOKING.split("\n\n")
    new = HTML_LOOKING.replace("alert('quay')", "alert('ferry')")
    rev = newsdiff.compare(HTML_LOOKING, new)
    page = revision_page(rev)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "<img src=x" not in page
    out = io.StringIO()
    Console(file=out, width=120, color_system=None).print(SideBySide(rev))
    assert "[bold red]markup[/bold red]" in out.getvalue()


def test_terminal_views_neutralise_escape_sequences() -> None:
    rev = newsdiff.compare(
        "The quay \x1b[2JCLEAR reopened on Monday.", "The quay \x1b[2JCLEAR reopened today."
    )
    story = newsdiff.collate(
        {"a\x1b[31m": "The quay \x1b[2JCLEAR reopened on Monday.", "b": "The quay reopened."}
    )
    for view in (
        SideBySide(rev),
        Inline(rev),
        Summary(rev),
        StoryView(story, show=list(story.revisions)),
    ):
        out = io.StringIO()
        Console(file=out, width=100, force_terminal=True).print(view)
        assert "\x1b[2J" not in out.getvalue()
        assert "\x1b[31m" not in out.getvalue()
        assert "␛[2JCLEAR" in out.getvalue()


# ---------------------------------------------------------------- tampered data


def _tampered() -> list[str]:
    rev = newsdiff.compare("The quay reopened on Monday.", "The quay reopened on Tuesday.")
    good = rev.model_dump(mode="json")
    out = [rev.model_dump_json()[:-7], "", "null", "[]", '"a revision"', "{}"]
    for path, value in [
        (("alignment", 0, "kind"), "rewritten"),
        (("alignment", 0, "similarity"), -1),
        (("old_article", "blocks", 0, "index"), -5),
        (("old_article", "blocks", 0, "kind"), "sidebar"),
        (("alignment", 0, "new_positions"), [7]),
        (("alignment", 0, "old_positions"), "all of it"),
        (("old_name",), None),
        (("surprise",), 1),
    ]:
        data = json.loads(json.dumps(good))
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        out.append(json.dumps(data))
    return out


@pytest.mark.parametrize("tampered", _tampered())
def test_tampered_revision_json_is_an_invalid_data_error(tampered: str) -> None:
    with pytest.raises(InvalidDataError, match="not a valid Revision") as info:
        Revision.model_validate_json(tampered)
    assert isinstance(info.value, NewsdiffError)
    assert isinstance(info.value, ValueError)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("source", [123, None, ["a list"], 4.5, object()])
def test_wrong_types_are_input_errors(source: object) -> None:
    with pytest.raises(InputError, match="expected article text as str or bytes"):
        newsdiff.parse(source)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        newsdiff.compare("The quay reopened.", source)  # type: ignore[arg-type]


# ---------------------------------------------------------------- properties

_NASTY = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x1b[31m",
        "\r\n",
        "\r",
        "\u2028",
        "\u2029",
        "\x85",
        "\ud800",
        "\udfff",
        "\ufeff",
        "\u200d",
        "👩\u200d👩\u200d👧",
        "e\u0301",
        "\u0301",
        "שלום",
        "\u202e",
        "<script>",
        "</p>",
        "&amp;",
        "[bold]",
        "© 2025",
        "Share",
        "—",
        "\u00a0",
        "date 2024-02-06",
        "KYIV (AP) — ",
    ]
)
_WORD = st.sampled_from(_VOCAB[:20])
_TEXT = st.lists(
    st.one_of(_WORD, _NASTY, st.text(max_size=6), st.just(" "), st.just("\n\n")), max_size=60
).map("".join)


@given(_TEXT)
def test_any_text_keeps_every_character(text: str) -> None:
    try:
        art = newsdiff.parse(text)
    except NewsdiffError:
        return
    if looks_like_html(text):  # a page: its markup is not article text
        return
    expected = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    assert_lossless(expected, art)
    assert Article.model_validate_json(art.model_dump_json()) == art


@given(_TEXT, _TEXT)
def test_any_pair_of_texts_compares_losslessly(a: str, b: str) -> None:
    try:
        rev = newsdiff.compare(a, b)
    except NewsdiffError:
        return
    assert_rebuilds(rev)
    assert Revision.model_validate_json(rev.model_dump_json()) == rev


@given(st.binary(max_size=2_000))
def test_any_bytes_give_an_article_or_an_input_error(data: bytes) -> None:
    try:
        art = newsdiff.parse(data)
    except InputError:
        return
    assert isinstance(art, Article)


@given(_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_any_text_survives_encoding(text: str, encoding: str) -> None:
    assume(not text.startswith("\ufeff"))  # encoded, that is a byte-order mark
    assume(_CONTROL.subn("", text)[1] <= 0.05 * len(text))  # else taken for binary
    text = "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    try:
        expected = newsdiff.parse(text)
    except NewsdiffError:
        return
    assert newsdiff.parse(text.encode(encoding)) == expected


# ---------------------------------------------------------------- the command


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "binary": lambda d: _write(d / "photo.jpg", random.Random(1).randbytes(5_000)),
    "empty": lambda d: _write(d / "empty.txt", b""),
    "folder": lambda d: _mkdir(d / "folder"),
    "missing": lambda d: d / "missing.txt",
    "huge": lambda d: _write(d / "huge.txt", b"a" * (MAX_INPUT_CHARS + 1)),
    "boilerplate": lambda d: _write(
        d / "nav.txt", "Home › News\n\nShare\n\n© 2025 Gazette".encode()
    ),
    "too many lines": lambda d: _write(
        d / "log.txt", b"".join(b"Line %d.\n" % n for n in range(MAX_PARAGRAPHS + 1))
    ),
}
MESSAGES = {
    "binary": "binary data",
    "empty": "empty",
    "folder": "is a folder",
    "missing": "no such file",
    "huge": "larger than the limit",
    "boilerplate": "no article text",
    "too many lines": "paragraphs",
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize("command", ["compare", "story"])
@pytest.mark.parametrize("case", list(BAD_FILES))
def test_command_bad_input_exits_2_with_one_line(
    case: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path / "good.txt", b"The ferry sailed on time on Friday night.")
    bad = BAD_FILES[case](tmp_path)
    code, out, err = _cli([command, str(good), str(bad)], capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("newsdiff: error: ")
    assert err.count("\n") == 1, err
    assert MESSAGES[case] in err


def test_command_refuses_an_endless_stream(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    class Stdin:
        buffer = io.BufferedReader(Endless())

    monkeypatch.setattr("sys.stdin", Stdin())
    good = _write(tmp_path / "good.txt", b"The ferry sailed on time on Friday night.")
    code, _, err = _cli(["compare", str(good), "-"], capsys)
    assert code == 2
    assert "standard input: larger than the limit" in err


def _corpus(args: list[str]) -> int:
    parser = argparse.ArgumentParser()
    corpus_cli.add_parser(parser.add_subparsers(dest="command", required=True))
    return corpus_cli.run(parser.parse_args(["corpus", *args, "--no-progress", "--workers", "1"]))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing", None, "no such file"),
        ("notes.txt", b"The ferry sailed.", "cannot tell the corpus format"),
        ("versions.jsonl.gz", random.Random(3).randbytes(2_000), "cannot be read as a corpus"),
        ("versions.parquet", random.Random(4).randbytes(2_000), "cannot be read as a corpus"),
    ],
)
def test_corpus_command_bad_input_is_a_newsdiff_error(
    name: str, data: bytes | None, message: str, tmp_path: Path
) -> None:
    if name.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    if data is not None:
        _write(tmp_path / name, data)
    with pytest.raises(NewsdiffError, match=message) as info:
        _corpus([str(tmp_path / name), "--out", str(tmp_path / "out")])
    assert "\n" not in str(info.value)


def test_corpus_command_records_binary_versions_as_failures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "corpus" / "quay"
    story.mkdir(parents=True)
    _write(story / "a.txt", b"The ferry sailed on time on Friday night.")
    _write(story / "b.txt", random.Random(5).randbytes(3_000))
    assert _corpus([str(tmp_path / "corpus"), "--out", str(tmp_path / "out")]) == 1
    assert "binary data" in capsys.readouterr().err
