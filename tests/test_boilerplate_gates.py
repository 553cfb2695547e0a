"""The speed gates in front of the boilerplate patterns never change a result: a line a
pattern matches always passes its gate."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.demo import demo_versions
from newsdiff.models import BlockKind
from newsdiff.parse import kinds as boilerplate

_GATED = [(kind, p) for kind, p in boilerplate._LINE_CUES if kind in boilerplate._GATES]
_SHARED = Path(__file__).resolve().parents[2] / "shared" / "stories"


def _passes(kind: BlockKind, line: str) -> bool:
    anywhere, starts = boilerplate._GATES[kind]
    folded = boilerplate._gate_text(line.strip())
    return folded.startswith(starts) or any(w in folded for w in anywhere)


def _check(line: str) -> None:
    for kind, pattern in _GATED:
        if pattern.search(line.strip()):
            assert _passes(kind, line), (kind, line)


def test_case_twins_cover_every_character_matching_an_ascii_letter() -> None:
    everything = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    for char in re.findall("[a-z]", everything, re.IGNORECASE):
        folded = boilerplate._gate_text(char)
        assert re.fullmatch("[a-z]", folded), (hex(ord(char)), folded)


def test_gates_pass_every_matching_line_of_the_stories() -> None:
    texts = [t.decode("utf-8") for t in demo_versions().values()]
    if _SHARED.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in _SHARED.glob("*/*.txt")]
    for text in texts:
        for line in text.splitlines():
            _check(line)


_SAMPLES = [
    "© 2024 The Times",
    "(C) 2023 Example",
    "COPYRIGHT NOTICE",
    "All Rights Reserved.",
    "Legal Notice: terms",
    "See our Terms of Service here",
    "Cookie Policy",
    "This material may not be published, broadcast or redistributed.",
    "Associated Press writer Jane Doe contributed to this report.",
    "AP Reporters covered it",
    "Jane Doe reported from Kyiv. John Roe contributed.",
    "This story has been updated to add details.",
    "FILE - A man walks by.",
    "In this photo, a man walks.",
    "This image: a bridge.",
    "A man walks (AP Photo/Jane Doe)",
    "Sign up for our newsletter to get it in your inbox",
    "Subscribe now",
    "Please enable JavaScript",
    "Follow our live coverage",
    "Like us on Facebook",
    "Read more about it",
    "Download our app",
    "Listen to this article",
    "Tap here",
    "Related: other story",
    "https://example.com/x",
    "About us",
    "Click here to read",
    "Connect with us",
    "Report a typo",
    "Tags: news, world",
    "Filed under: world",
    "ſubſcribe to our newſletter for updates today",
    "\u212aEEP UP: \u0130N TH\u0130S PHOTO - a bridge",
    "Copyr\u0131ght 2024",
    "Photo: Jane Doe",
    "Jane Doe / Getty Images",
    "(Shutterstock)",
    "Share this article on Facebook",
    "Tweet",
    "X",
    "Copy link",
    "Politics ›",
    "Skip to main content",
    "Back to top",
    "Loading...",
    "Home › News",
    "News / World / Europe /",
    "You are here",
    "By Jane Doe",
    "Jane Doe, Staff Writer",
]


def test_gates_pass_sample_boilerplate() -> None:
    for line in _SAMPLES:
        _check(line)
    assert sum(any(p.search(s) for _, p in _GATED) for s in _SAMPLES) >= len(_SAMPLES) - 2


_WORDS = sorted(
    {w for anywhere, starts in boilerplate._GATES.values() for w in (*anywhere, *starts)}
    | {"photo/", "(ap photo", "reuters", "inbox", "today", "us", "the", "report", "writers"}
)


def _mangle(word: str, upper: list[bool]) -> str:
    twins = {"i": "\u0130", "s": "\u017f", "k": "\u212a"}
    out = []
    for n, ch in enumerate(word):
        flip = upper[n % len(upper)] if upper else False
        out.append(twins.get(ch, ch.upper()) if flip else ch)
    return "".join(out)


@settings(max_examples=500)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.text(alphabet=st.sampled_from(list(" .:-,/()©0123456789")), max_size=4),
        ),
        max_size=8,
    ),
    st.lists(st.booleans(), max_size=5),
)
def test_gates_pass_generated_lines(parts: list[str], upper: list[bool]) -> None:
    _check(" ".join(_mangle(p, upper) for p in parts))
