"""What the revision views share: the revision made printable, the options, the width."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions
from rich.measure import Measurement

from newsdiff.models import Revision
from newsdiff.render.options import ViewOptions
from newsdiff.render.printable import printable


class RevisionView:
    """Base of the rich renderables over one Revision."""

    min_width = 40

    def __init__(
        self, revision: Revision, options: ViewOptions | None = None, *, title: bool = True
    ) -> None:
        self.revision = printable(revision.forward())
        self.options = options or ViewOptions()
        self.title = title

    def width(self, options: ConsoleOptions) -> int:
        """The console's width, capped by the ``width`` option."""
        return min(options.max_width, self.options.width or options.max_width)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        width = self.width(options)
        return Measurement(min(self.min_width, width), width)
