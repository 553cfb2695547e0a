"""The story view: the canonical paragraphs × versions table as a heat map.

Each row is a paragraph of the story (a canonical paragraph, or one only some
versions carry); each column a version; each cell says how that version carries the
paragraph, with a symbol that reads without colour. Below it, one line per version
with its revision's totals, and how to open one version side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from newsdiff.models import Cell, Presence, Revision, Story
from newsdiff.render import theme
from newsdiff.render.header import counts_text
from newsdiff.render.history import TimelineStrip
from newsdiff.render.options import ViewOptions
from newsdiff.render.printable import printable
from newsdiff.render.side_by_side import SideBySide
from newsdiff.text import plural


def cell_text(cell: Cell) -> Text:
    symbol, style = theme.PRESENCE[cell.presence]
    return Text(f" {symbol} ", style)


def cell_where(cell: Cell) -> str:
    """Where a version carries a row: its paragraph numbers, 1-based."""
    return ",".join(str(p + 1) for p in cell.positions)


def legend() -> Text:
    text = Text()
    for n, presence in enumerate(Presence):
        if n:
            text.append("  ")
        text.append_text(cell_text(Cell(presence=presence)))
        text.append(" " + theme.PRESENCE_HELP[presence], theme.DIM)
    return text


RevisionViewType = Callable[[Revision, ViewOptions], RenderableType]
"""A view of one revision with options: :class:`SideBySide`, ``Inline`` or ``Summary``."""


class StoryView:
    """Rich renderable: a Story's heat map, per-version totals, with ``timeline`` the
    versions in time order (:class:`~newsdiff.render.history.TimelineStrip`), and (for
    the version names in ``show``) each of those revisions in ``view`` (side by side by
    default)."""

    def __init__(
        self,
        story: Story,
        options: ViewOptions | None = None,
        *,
        show: Sequence[str] = (),
        view: RevisionViewType = SideBySide,
        timeline: bool = False,
    ) -> None:
        for name in show:
            if name not in story.revisions:
                known = ", ".join(story.revisions) or "none"
                raise KeyError(f"{name!r} is not a compared version (versions: {known})")
        self.story = printable(story)
        self.options = options or ViewOptions()
        self.show = tuple(show)
        self.view = view
        self.timeline = timeline

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = min(options.max_width, self.options.width or options.max_width)
        return Measurement(min(40, width), width)

    def heat_map(self, width: int) -> Table:
        """The story table as a grid ``width`` cells wide: one row per paragraph, one
        column per version, each cell marked with how the version carries it."""
        story = self.story
        names = [v.name for v in story.versions]
        table = Table(box=box.SIMPLE_HEAD, width=width, pad_edge=False, show_edge=False)
        table.add_column("¶", justify="right", no_wrap=True, style=theme.NUMBER)
        table.add_column(
            Text(f"paragraph ({story.canonical} is canonical)"),
            ratio=1,
            no_wrap=True,
            overflow="ellipsis",
        )
        for name in names:
            header = Text(name, theme.HEADER)
            table.add_column(header, justify="center", no_wrap=True, min_width=3)
        for row in story.rows:
            number = "+" if row.position is None else str(row.position + 1)
            text = Text(row.text, theme.DIM if row.position is None else "")
            table.add_row(number, text, *(cell_text(row.cells[n]) for n in names))
        return table

    def totals(self) -> Table:
        """One line per revision: its version's name and its significance line."""
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for rev in self.story.revisions.values():
            drawn = rev.forward()
            line = counts_text(drawn)
            line.append(f" · {drawn.stats.similarity:.0%} of words kept", theme.DIM)
            grid.add_row(Text(f"{drawn.old_name} → {drawn.new_name}", theme.HEADER), line)
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = min(options.max_width, self.options.width or options.max_width)
        story = self.story
        title = Text()
        title.append(plural(len(story.versions), "version"), theme.HEADER)
        title.append(f" of one story, compared with {story.canonical}", theme.DIM)
        title.append(f"; {len(story.rows)} paragraphs in all", theme.DIM)
        parts: list[RenderableType] = [title, Text(), self.heat_map(width), legend(), Text()]
        parts.append(self.totals())
        if self.timeline:
            parts += [Text(), TimelineStrip(story, self.options)]
        if self.show:
            for name in self.show:
                parts += [Text(), self.view(story.revisions[name], self.options)]
        elif story.revisions:
            example = next(iter(story.revisions))
            hint = Text(
                f"\nOne version side by side: --show {example} on the command line, "
                f"or rich.print(story.revisions[{example!r}]) in Python.",
                theme.DIM,
            )
            parts.append(hint)
        yield from console.render(Group(*parts), options.update(width=width))
