"""The history of every paragraph of a story, from one version to the next in time order.

A paragraph is followed along :attr:`Story.timeline <newsdiff.Story.timeline>`: each
revision between consecutive versions links the earlier version's paragraphs to the
later one's, so a paragraph of the first version, or one a later version adds, keeps
its identity through every version that carries it, changed, moved, split or merged.
A paragraph a version drops and a later version brings back (a truncated copy in the
middle of the timeline, an edit undone) is recognised when it comes back: the
paragraphs a version adds are aligned against those absent from the version before
(their last text), as two versions are aligned, and an added paragraph linked one to
one (unchanged, changed or moved) continues that paragraph's history as ``returned``.

:func:`story_history` builds a :class:`~newsdiff.models.StoryHistory` (it is also
:attr:`Story.history <newsdiff.Story.history>`); :func:`paragraph_frame` makes it a
pandas DataFrame.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any

from newsdiff.align import Unit, align
from newsdiff.classify import classify
from newsdiff.errors import ExtraMissingError
from newsdiff.models import (
    Block,
    BlockKind,
    Change,
    ChangeKind,
    Edit,
    EditClass,
    Event,
    ParagraphEvent,
    ParagraphHistory,
    Revision,
    Span,
    SpanOp,
    Story,
    StoryHistory,
    TimelineStep,
)
from newsdiff.worddiff import word_diff

_EVENT = {
    ChangeKind.CHANGED: Event.CHANGED,
    ChangeKind.MOVED: Event.MOVED,
    ChangeKind.SPLIT: Event.SPLIT,
    ChangeKind.MERGED: Event.MERGED,
}


@dataclass
class _Thread:
    """One paragraph's history, being built."""

    id: int
    first_seen: str
    text: str
    events: list[ParagraphEvent] = field(default_factory=list)
    positions: dict[str, tuple[int, ...]] = field(default_factory=dict)
    last_text: str = ""  # its text in the last version that carried it

    def done(self) -> ParagraphHistory:
        return ParagraphHistory.model_construct(
            id=self.id,
            first_seen=self.first_seen,
            text=self.text,
            events=tuple(self.events),
            positions=dict(self.positions),
        )


def _classes(spans: tuple[Span, ...]) -> tuple[EditClass, ...]:
    found = {s.edit_class for s in spans if s.edit_class is not None}
    return tuple(c for c in EditClass if c in found)


def _event(
    version: str, event: Event, positions: tuple[int, ...], spans: tuple[Span, ...] = ()
) -> ParagraphEvent:
    if all(s.op is SpanOp.EQUAL for s in spans):
        spans = ()  # the text did not change: nothing to show
    return ParagraphEvent.model_construct(
        version=version,
        event=event,
        positions=positions,
        edit_classes=_classes(spans),
        spans=spans,
    )


class _Builder:
    """Follows the paragraphs of a story along its timeline."""

    def __init__(self, story: Story) -> None:
        self.threads: list[_Thread] = []
        self.order = story.in_time_order
        first = story.version(self.order[0]).article
        self.at: dict[int, int] = {}  # position in the current version → thread id
        # The word diff and edits of each event with a text change, by (thread, version):
        # the figure chains are read from them (not stored: the spans are in the events).
        self.diffs: dict[tuple[int, str], tuple[tuple[Span, ...], tuple[Edit, ...]]] = {}
        for position, block in enumerate(first.paragraphs):
            self.at[position] = self._new(self.order[0], position, block.text).id

    def _new(self, version: str, position: int, text: str) -> _Thread:
        thread = _Thread(len(self.threads), version, text, last_text=text)
        thread.events.append(_event(version, Event.APPEARED, (position,)))
        thread.positions[version] = (position,)
        self.threads.append(thread)
        return thread

    def step(self, rev: Revision) -> None:
        version = rev.new_name
        paragraphs = rev.new_article.paragraphs
        at: dict[int, int] = {}
        added: list[Change] = []
        for change in rev.changes:
            threads = [self.at[i] for i in change.old_positions]
            news = change.new_positions
            if change.kind is ChangeKind.ADDED:
                added.append(change)
                continue
            if change.kind is ChangeKind.REMOVED:
                event = Event.NOT_CARRIED if change.truncated else Event.REMOVED
                for t in threads:
                    self.threads[t].events.append(_event(version, event, ()))
                continue
            for t in threads:
                thread = self.threads[t]
                thread.positions[version] = news
                thread.last_text = " ".join(paragraphs[j].text for j in news)
                if change.kind is not ChangeKind.UNCHANGED:
                    thread.events.append(_event(version, _EVENT[change.kind], news, change.spans))
                    self.diffs[t, version] = change.spans, change.edits
            for j in news:
                at[j] = threads[0]
        # Threads absent from the version before: dropped earlier, or not carried.
        carried = set(self.at.values()) | set(at.values())
        absent = [t for t in self.threads if t.id not in carried]
        backs = _returning(absent, [paragraphs[c.new_positions[0]] for c in added])
        for change, back in zip(added, backs, strict=True):
            j = change.new_positions[0]
            text = paragraphs[j].text
            if back is None:
                at[j] = self._new(version, j, text).id
                continue
            spans, edits = classify(ChangeKind.CHANGED, word_diff([back.last_text], [text]))
            back.events.append(_event(version, Event.RETURNED, (j,), spans))
            self.diffs[back.id, version] = spans, edits
            back.positions[version] = (j,)
            back.last_text = text
            at[j] = back.id
        self.at = dict(sorted(at.items()))

    def history(self, story: Story, steps: tuple[Revision, ...]) -> StoryHistory:
        from newsdiff.figures import figure_chains

        paragraphs = tuple(t.done() for t in self.threads)
        return StoryHistory.model_construct(
            schema_version=story.schema_version,
            story=story,
            steps=tuple(
                TimelineStep.model_construct(
                    old_name=r.old_name, new_name=r.new_name, alignment=r.alignment
                )
                for r in steps
            ),
            paragraphs=paragraphs,
            figures=figure_chains(story, paragraphs, self.diffs),
        )


def _returning(absent: list[_Thread], added: list[Block]) -> list[_Thread | None]:
    """For each added paragraph, the absent paragraph it brings back, if any: the two
    are aligned as two versions are, and a 1:1 link (unchanged, changed or moved) is a
    return."""
    if not absent or not added:
        return [None] * len(added)
    old = [Unit(t.last_text) for t in absent]
    new = [Unit(b.text, b.kind is BlockKind.SUBHEADING) for b in added]
    backs: list[_Thread | None] = [None] * len(added)
    for link in align(old, new):
        if link.old and link.new and len(link.old) == len(link.new) == 1:
            backs[link.new[0]] = absent[link.old[0]]
    return backs


def story_history(story: Story) -> StoryHistory:
    """The history of every paragraph of ``story`` along its timeline, and its figure
    chains (:mod:`newsdiff.figures`)."""
    builder = _Builder(story)
    steps = story.timeline
    for rev in steps:
        builder.step(rev)
    history = builder.history(story, steps)
    history.__dict__["timeline"] = steps
    return history


_PHRASE = {
    Event.APPEARED: "added in {v}",
    Event.CHANGED: "changed in {v}",
    Event.MOVED: "moved in {v}",
    Event.SPLIT: "split in {v}",
    Event.MERGED: "merged in {v}",
    Event.REMOVED: "removed in {v}",
    Event.NOT_CARRIED: "not carried by {v}",
    Event.RETURNED: "back in {v}",
}


def event_phrase(event: ParagraphEvent, *, first: bool = False) -> str:
    """ "changed in v3 (figure, quote)"; the first event reads "first in v1"."""
    phrase = f"first in {event.version}" if first else _PHRASE[event.event]
    phrase = phrase.format(v=event.version)
    classes = [c.value for c in event.edit_classes if c.substantive] or [
        c.value for c in event.edit_classes
    ]
    return f"{phrase} ({', '.join(classes)})" if classes else phrase


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise ExtraMissingError.needs("DataFrames", "pandas") from None


PARAGRAPH_COLUMNS = (
    "paragraph",
    "first_seen",
    "version",
    "event",
    "positions",
    "edit_classes",
    "text",
)
"""The columns of :func:`paragraph_frame`."""


def paragraph_frame(history: StoryHistory | Story) -> Any:
    """A pandas DataFrame of the paragraphs' histories: one row per event (a paragraph
    appearing, changing, moving, …), in paragraph order then time order. ``positions``
    are 1-based paragraph numbers in that version, joined with commas; ``edit_classes``
    the event's edit classes, joined with commas; ``text`` the paragraph's text in that
    version (empty when it is removed or not carried)."""
    pd = _pandas()
    if isinstance(history, Story):
        history = history.history
    rows = []
    for paragraph in history.paragraphs:
        text = paragraph.text
        for event in paragraph.events:
            if event.spans:
                text = event.text
            shown = "" if event.event in (Event.REMOVED, Event.NOT_CARRIED) else text
            rows.append(
                (
                    paragraph.id,
                    paragraph.first_seen,
                    event.version,
                    event.event.value,
                    ",".join(str(p + 1) for p in event.positions),
                    ",".join(c.value for c in event.edit_classes),
                    shown,
                )
            )
    frame = pd.DataFrame.from_records(rows, columns=list(PARAGRAPH_COLUMNS))
    frame = frame.astype({c: "string" for c in PARAGRAPH_COLUMNS if c != "paragraph"})
    return frame.astype({"paragraph": "int64"})
