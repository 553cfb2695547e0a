"""Figures a story updates, followed across its versions: tolls, counts, money, dates.

Built on the figure edits that classification finds (:class:`~newsdiff.EditClass`
``figure``). Each paragraph of the story's history, and its headline, is a *track*:
its text in every version that carries it, in time order. Where the text changes
between two versions, each figure edit pairs the numbers it takes out with the numbers
it puts in — one to one when there are as many of each, else by the words around them
— and each pair extends a chain: the chain whose latest value is the number taken out,
or a new chain that starts where that number first stood in the track.

A chain's ``label`` says what the number counts: the words that follow it in its
latest text, up to the next punctuation mark and at most :data:`LABEL_WORDS` of them
("workers were hurt"); when fewer than two words follow, the words just before it
("fire hurts").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsdiff.classify import classify
from newsdiff.fields import field_value
from newsdiff.models import (
    ChangeKind,
    Edit,
    EditClass,
    FigureChain,
    FigureValue,
    ParagraphHistory,
    Span,
    SpanOp,
    Story,
)
from newsdiff.worddiff import word_diff

LABEL_WORDS = 5
"""Most words of a chain's label."""

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion dozen"
)
_FIGURE = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:" + "|".join(_NUMBER_WORDS.split()) + r")\b", re.IGNORECASE
)
_SCALE = re.compile(r"\s?(?:million|billion|thousand|per ?cent|%)", re.IGNORECASE)
_CURRENCY = "$€£¥"
_LABEL_WORD = re.compile(r"[^\W\d][\w'’-]*")
# Words that say little about what is counted, dropped from the ends of a label.
_FILLER = frozenset(
    """a about almost an and are around at by for in is least more nearly of
    on or some than that the to was were who will with would""".split()  # noqa: SIM905
)
_STOP = re.compile(r"[.,;:!?()\[\]\"“”«»—–]")


@dataclass(frozen=True)
class _Figure:
    value: str
    label: str


def _label(text: str, start: int, end: int) -> str:
    """What the number at ``text[start:end]`` counts: the words after it, else before."""
    after = _STOP.split(text[end:], maxsplit=1)[0]
    found = _LABEL_WORD.findall(after)[:LABEL_WORDS]
    if len(found) < 2:
        before = _STOP.split(text[:start])[-1]
        found = _LABEL_WORD.findall(before)[-3:] + found
    while found and found[-1].casefold() in _FILLER:
        found.pop()
    while found and found[0].casefold() in _FILLER:
        found.pop(0)
    return " ".join(found)


def _figures(piece: str, offset: int, text: str) -> list[_Figure]:
    """The numbers in ``piece``, which stands at ``offset`` in ``text``, with labels.
    A figure's value takes in its currency sign and scale from ``text`` ("$40 million",
    "12 per cent"), though the edit may hold only the digits."""
    figures = []
    for m in _FIGURE.finditer(piece):
        start, end = offset + m.start(), offset + m.end()
        if start and text[start - 1] in _CURRENCY:
            start -= 1
        scale = _SCALE.match(text, end)
        if scale:
            end = scale.end()
        value = " ".join(text[start:end].split())  # "$40 million", a no-break space or not
        figures.append(_Figure(value, _label(text, start, end)))
    return figures


def _pairs(old: list[_Figure], new: list[_Figure]) -> Iterator[tuple[_Figure, _Figure]]:
    """Numbers taken out paired with numbers put in: in order when there are as many,
    else each new one with the old one whose label shares most words (at least one)."""
    if len(old) == len(new):
        yield from zip(old, new, strict=True)
        return
    free = list(old)
    for figure in new:
        mine = set(figure.label.casefold().split())
        scored = [(len(mine & set(o.label.casefold().split())), n) for n, o in enumerate(free)]
        best = max(scored, default=(0, -1))
        if best[0] > 0:
            yield free.pop(best[1]), figure


def figure_updates(
    spans: Sequence[Span], edits: Sequence[Edit]
) -> Iterator[tuple[_Figure, _Figure]]:
    """(old, new) figures of each figure edit of a one-paragraph diff (its spans and
    edits, as :func:`newsdiff.classify.classify` gives them)."""
    old_text = "".join(s.text for s in spans if s.op is not SpanOp.INSERT)
    new_text = "".join(s.text for s in spans if s.op is not SpanOp.DELETE)
    for edit in edits:
        if edit.edit_class is not EditClass.FIGURE:
            continue
        before = spans[: edit.start]
        at_old = sum(len(s.text) for s in before if s.op is not SpanOp.INSERT)
        at_new = sum(len(s.text) for s in before if s.op is not SpanOp.DELETE)
        yield from _pairs(
            _figures(edit.deleted, at_old, old_text), _figures(edit.inserted, at_new, new_text)
        )


@dataclass
class _Chain:
    values: list[FigureValue]
    label: str
    field: str | None
    updated: str = ""  # the version of its latest update

    def done(self) -> FigureChain:
        return FigureChain.model_construct(
            label=self.label, field=self.field, values=tuple(self.values)
        )


@dataclass
class _Track:
    """A paragraph (or the headline) as it read in each version that carries it."""

    texts: list[tuple[str, str]]  # (version, text), in time order
    paragraph: int | None = None
    field: str | None = None
    chains: list[_Chain] = dataclasses.field(default_factory=list)


def _contains(text: str, value: str) -> bool:
    spaced = " ".join(text.split())
    return re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", spaced, re.IGNORECASE) is not None


Diffs = Mapping[tuple[int, str], tuple[Sequence[Span], Sequence[Edit]]]
"""The word diff and edits of a paragraph's text change, by (paragraph id, version)."""


def _follow(track: _Track, diffs: Diffs) -> None:
    for k in range(1, len(track.texts)):
        old, (version, new) = track.texts[k - 1][1], track.texts[k]
        if old == new:
            continue
        known = diffs.get((track.paragraph, version)) if track.paragraph is not None else None
        spans, edits = known or classify(ChangeKind.CHANGED, word_diff([old], [new]))
        for was, now in figure_updates(spans, edits):
            if was.value.casefold() == now.value.casefold():
                continue  # a rewritten sentence that kept the number
            chain = next(
                (
                    c
                    for c in track.chains
                    if c.values[-1].value == was.value and c.updated != version
                ),
                None,
            )
            if chain is None:
                start = k - 1
                while start > 0 and _contains(track.texts[start - 1][1], was.value):
                    start -= 1
                first = FigureValue.model_construct(
                    version=track.texts[start][0], value=was.value, paragraph=track.paragraph
                )
                chain = _Chain([first], was.label, track.field)
                track.chains.append(chain)
            chain.values.append(
                FigureValue.model_construct(
                    version=version, value=now.value, paragraph=track.paragraph
                )
            )
            chain.label = now.label or chain.label
            chain.updated = version


def _paragraph_track(story: Story, paragraph: ParagraphHistory) -> _Track:
    texts = []
    for name in story.in_time_order:
        positions = paragraph.positions.get(name)
        if positions:
            blocks = story.version(name).article.paragraphs
            texts.append((name, " ".join(blocks[p].text for p in positions)))
    return _Track(texts, paragraph=paragraph.id)


def figure_chains(
    story: Story, paragraphs: Sequence[ParagraphHistory], diffs: Diffs | None = None
) -> tuple[FigureChain, ...]:
    """Every figure the story updates: the headline's first, then the paragraphs' in the
    order they first appeared (``paragraphs`` is the story's paragraph history;
    ``diffs`` the word diffs already made of their changes, which are then not made
    again)."""
    headline = [
        (name, value)
        for name in story.in_time_order
        if (value := field_value(story.version(name).article, "headline")) is not None
    ]
    tracks = [_Track(headline, field="headline")]
    tracks += [_paragraph_track(story, p) for p in paragraphs]
    chains: list[FigureChain] = []
    for track in tracks:
        _follow(track, diffs or {})
        chains += [c.done() for c in track.chains]
    return tuple(chains)
