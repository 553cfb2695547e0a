"""The story over time in the terminal: the timeline strip, the figure table and the
paragraph-history view (:class:`HistoryView` shows all three).

The strip lists the versions in time order, each with its date and headline, and
between two versions the significance line of the revision from one to the next; the
figure table has one row per figure the story updates and one column per version,
showing each value in the version that set it; the paragraph history has one row per
paragraph that ever appeared, one symbol per version, and its history in words.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from newsdiff.fields import field_value
from newsdiff.models import Article, Event, FigureChain, ParagraphHistory, Story, StoryHistory
from newsdiff.render import theme
from newsdiff.render.options import ViewOptions
from newsdiff.render.printable import printable
from newsdiff.render.side_by_side import SideBySide
from newsdiff.text import plural

EVENT_MARK = {
    Event.APPEARED: "+",
    Event.CHANGED: "~",
    Event.MOVED: "↕",
    Event.SPLIT: "<",
    Event.MERGED: ">",
    Event.REMOVED: "×",
    Event.NOT_CARRIED: "✂",
    Event.RETURNED: "↩",
}
CARRIED = "="
ABSENT = "·"
EVENT_HELP = {
    "+": "first seen",
    "~": "changed",
    "↕": "moved",
    "<": "split",
    ">": "merged",
    "×": "removed",
    "✂": "not carried (the version stops early)",
    "↩": "back",
    CARRIED: "carried unchanged",
    ABSENT: "absent",
}


def chain_where(chain: FigureChain) -> str:
    """Where a figure stands: 'headline', or its paragraph's number in the history."""
    paragraph = chain.values[0].paragraph
    return chain.field or (f"¶{paragraph + 1}" if paragraph is not None else "")


def version_date(article: Article) -> str:
    meta = article.metadata
    return meta.updated or meta.published or meta.date or ""


def marks(paragraph: ParagraphHistory, order: Sequence[str]) -> list[str]:
    """One symbol per version (in ``order``): what happened to the paragraph there."""
    events = {e.version: e.event for e in paragraph.events}
    out = []
    for name in order:
        if name in events:
            out.append(EVENT_MARK[events[name]])
        else:
            out.append(CARRIED if name in paragraph.positions else ABSENT)
    return out


class _View:
    def __init__(self, history: StoryHistory, options: ViewOptions | None = None) -> None:
        self.history = printable(history)
        self.options = options or ViewOptions()

    def _width(self, options: ConsoleOptions) -> int:
        return min(options.max_width, self.options.width or options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self._width(options)
        return Measurement(min(40, width), width)


class TimelineStrip:
    """Rich renderable: a story's versions in time order, with the significance line of
    each step between them (of a Story, or of a StoryHistory read back from JSON)."""

    def __init__(self, story: Story | StoryHistory, options: ViewOptions | None = None) -> None:
        if isinstance(story, StoryHistory):
            self.story, self.steps = printable(story.story), story.timeline
        else:
            self.story = printable(story)
            self.steps = self.story.timeline
        self.options = options or ViewOptions()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        story = self.story
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True, style=theme.NUMBER)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        steps = {rev.new_name: rev for rev in self.steps}
        for n, name in enumerate(story.in_time_order, start=1):
            if name in steps:
                grid.add_row("", Text("↓", theme.DIM), Text(steps[name].significance, theme.NOTE))
            article = story.version(name).article
            facts = Text()
            when = version_date(article)
            if when:
                facts.append(when + "  ", theme.DIM)
            facts.append(field_value(article, "headline") or "", theme.HEADER)
            if name == story.canonical:
                facts.append("  (canonical)", theme.DIM)
            grid.add_row(str(n), Text(name, theme.HEADER), facts)
        title = Text(f"{plural(len(story.versions), 'version')} in time order", theme.HEADER)
        width = min(options.max_width, self.options.width or options.max_width)
        yield from console.render(Group(title, grid), options.update(width=width))


class FigureTable(_View):
    """Rich renderable: each figure the story updates, one column per version."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        history = self.history
        order = history.story.in_time_order
        title = Text("figures updated", theme.HEADER)
        if not history.figures:
            title.append(": none", theme.DIM)
            yield from console.render(title, options)
            return
        width = self._width(options)
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, width=width)
        table.add_column("figure", ratio=1, overflow="fold")
        table.add_column("where", no_wrap=True, style=theme.NUMBER)
        for name in order:
            table.add_column(Text(name, theme.HEADER), justify="right", no_wrap=True)
        for chain in history.figures:
            values = {v.version: v.value for v in chain.values}
            first = chain.values[0]
            where = chain_where(chain)
            cells = []
            started = False
            for name in order:
                started = started or name in values
                if name in values:
                    style = theme.INSERT if name != first.version else theme.HEADER
                    cells.append(Text(values[name], style))
                else:
                    cells.append(Text(CARRIED if started else "", theme.DIM))
            table.add_row(Text(chain.label), where, *cells)
        yield from console.render(Group(title, table), options.update(width=width))


class ParagraphHistoryView(_View):
    """Rich renderable: every paragraph that ever appeared, what happened to it in each
    version, and its history in words."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        history = self.history
        order = history.story.in_time_order
        width = self._width(options)
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, width=width)
        table.add_column("¶", justify="right", no_wrap=True, style=theme.NUMBER)
        for name in order:
            table.add_column(Text(name, theme.HEADER), justify="center", no_wrap=True, min_width=1)
        table.add_column("history", ratio=1, overflow="fold")
        table.add_column("paragraph", ratio=1, no_wrap=True, overflow="ellipsis")
        for paragraph in history.paragraphs:
            symbols = [
                Text(m, theme.DIM if m in (CARRIED, ABSENT) else theme.HEADER)
                for m in marks(paragraph, order)
            ]
            table.add_row(
                str(paragraph.id + 1),
                *symbols,
                Text(paragraph.summary, theme.NOTE),
                Text(paragraph.last_text),
            )
        key = Text("  ".join(f"{m} {h}" for m, h in EVENT_HELP.items()), theme.DIM)
        title = Text(
            f"{plural(len(history.paragraphs), 'paragraph')} over time "
            "(numbered in the order first seen)",
            theme.HEADER,
        )
        group = Group(title, table, key)
        yield from console.render(group, options.update(width=width))


class HistoryView(_View):
    """Rich renderable: the timeline strip, the figure table and the paragraph history,
    then (for the version names in ``show``) the step that led to each version, side by
    side."""

    def __init__(
        self,
        history: StoryHistory,
        options: ViewOptions | None = None,
        *,
        show: Sequence[str] = (),
    ) -> None:
        super().__init__(history, options)
        steps = {rev.new_name for rev in self.history.timeline}
        for name in show:
            if name not in steps:
                known = ", ".join(rev.new_name for rev in self.history.timeline) or "none"
                raise KeyError(f"{name!r} is not a version after the first (versions: {known})")
        self.show = tuple(show)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        parts: list[RenderableType] = [
            TimelineStrip(self.history, self.options),
            Text(),
            FigureTable(self.history, self.options),
            Text(),
            ParagraphHistoryView(self.history, self.options),
        ]
        steps = {rev.new_name: rev for rev in self.history.timeline}
        for name in self.show:
            parts += [Text(), SideBySide(steps[name], self.options)]
        yield from console.render(Group(*parts), options.update(width=self._width(options)))
