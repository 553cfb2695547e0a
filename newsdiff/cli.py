"""The ``newsdiff`` command: compare two versions, collate a story, or show the demo.

newsdiff demo                     # the built-in example story, and its timeline
newsdiff compare OLD NEW          # OLD is the canonical; '-' reads standard input
newsdiff story FILE... [--canonical NAME|complete|latest|earliest] [--show NAME]
newsdiff history FILE... [--order NAME,...] [--show NAME]   # the story over time
newsdiff wayback URL [--from DATE] [--to DATE] [--limit N]   # its Wayback Machine captures
--view side-by-side|inline|summary|json, --html FILE, --context N, --typography,
--width N and --no-color shape the output. A version is named after its file (the
shortest part of the path that tells the files apart), or NAME=FILE names it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

from rich.console import RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from newsdiff import __version__
from newsdiff.archive import cli as archive_cli
from newsdiff.collate import collate
from newsdiff.compare import compare
from newsdiff.corpus import cli as corpus_cli
from newsdiff.demo import DEMO_ORDER, demo_page, demo_versions
from newsdiff.errors import NewsdiffError, VersionError
from newsdiff.models import Article, Revision, Story
from newsdiff.parse import parse
from newsdiff.parse.source import read_limited, read_path
from newsdiff.render import Inline, SideBySide, StoryView, Summary, Typography, ViewOptions
from newsdiff.render.console import terminal
from newsdiff.render.history import HistoryView
from newsdiff.render.history_html import history_page
from newsdiff.render.html import html_page, save_html
from newsdiff.render.story import RevisionViewType
from newsdiff.timeline import checked_order

EXAMPLES = """examples:
  newsdiff demo                                   the built-in story: heat map of 5 versions
                                                  and their timeline
  newsdiff demo --show v2 --context 1             v2 side by side, changed rows and 1 around
  newsdiff demo --page --view summary             the same story as text and as a web page
  newsdiff compare early.txt late.txt             side by side (late against early)
  newsdiff compare early=a/story.txt late=b/story.txt   NAME=FILE names a version
  newsdiff compare early.txt late.txt --view inline --typography hide
  newsdiff compare early.txt late.txt --view summary --no-color > changes.txt
  newsdiff compare early.txt late.txt --substantive   only what changes the story
  newsdiff compare early.txt late.txt --html diff.html
  curl -s https://example.org/story | newsdiff compare saved.txt -
  newsdiff story v1.txt v2.txt v3.txt --canonical v3 --html story.html
  newsdiff story v1.txt v2.txt v3.txt --canonical latest --view summary
  newsdiff compare early.txt late.txt --view json > revision.json
  newsdiff history v3.txt v1.txt v2.txt           the story over time (by the versions' dates)
  newsdiff history a.txt b.txt c.txt --order b,a,c --show c --html history.html
  newsdiff wayback https://example.org/news/story --html history.html

exit status: 0 done, 2 a usage or input error (one line on stderr), 130 interrupted
"""

VIEWS = ("side-by-side", "inline", "summary", "json")
# Reading and parsing this many files or more shows a progress bar (on a terminal).
PROGRESS_FILES = 5


class UserError(Exception):
    """A mistake on the command line: reported in one line, exit status 2."""


def _read(path: str) -> bytes:
    if path == "-":
        return read_limited(sys.stdin.buffer, "standard input")
    return read_path(Path(path))


def _load(path: str) -> Article:
    """Read and parse one file; errors name the file."""
    data = _read(path)  # errors name the file already
    try:
        return parse(data)
    except NewsdiffError as exc:
        raise UserError(f"{'standard input' if path == '-' else path}: {exc}") from None


def _split(arg: str) -> tuple[str | None, str]:
    """``NAME=FILE`` → (NAME, FILE); a plain file (whose name may hold '=') → (None, FILE)."""
    name, eq, path = arg.partition("=")
    if eq and name and path and not Path(arg).exists():
        return name, path
    return None, arg


def _candidates(path: str) -> list[str]:
    """Names for the file at ``path``, shortest first: the stem, the file name, then
    with more and more of its folders (``story``, ``story.txt``, ``b/story``, …)."""
    if path == "-":
        return ["stdin"]
    full = Path(os.path.normpath(os.path.abspath(path)))
    folders = [part for part in full.parent.parts if part != full.anchor]
    names = [full.stem, full.name]
    for k in range(1, len(folders) + 1):
        where = "/".join(folders[-k:])
        names += [f"{where}/{full.stem}", f"{where}/{full.name}"]
    return names


def version_names(args: Sequence[str]) -> list[tuple[str, str]]:
    """(name, path) for each version argument: ``NAME=FILE`` names a version; any other
    is named by the shortest part of its path that tells it apart from the others."""
    given = [_split(arg) for arg in args]
    if sum(path == "-" for _, path in given) > 1:
        raise UserError("only one version can be read from standard input")
    options = [_candidates(path) for _, path in given]
    level = [0] * len(given)
    while True:
        names = [name or options[n][level[n]] for n, (name, _) in enumerate(given)]
        clashes = {name for name, count in Counter(names).items() if count > 1}
        if not clashes:
            return [(name, path) for name, (_, path) in zip(names, given, strict=True)]
        longer = [
            n
            for n, (name, _) in enumerate(given)
            if name is None and names[n] in clashes and level[n] + 1 < len(options[n])
        ]
        if not longer:
            twice = sorted(clashes)[0]
            raise UserError(f"two versions are named {twice!r}: name them with NAME=FILE")
        for n in longer:
            level[n] += 1


@contextmanager
def _progress(total: int) -> Iterator[Progress]:
    console = terminal(stderr=True)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=total < PROGRESS_FILES or not console.is_terminal,
    )
    with progress:
        yield progress


def _load_all(named: Sequence[tuple[str, str]], progress: Progress) -> dict[str, Article]:
    articles: dict[str, Article] = {}
    task = progress.add_task("reading", total=len(named))
    for name, path in named:
        progress.update(task, description=f"reading {name}")
        articles[name] = _load(path)
        progress.advance(task)
    return articles


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line, like every other error of the command."""

    _given: Sequence[str] = ()

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        self._given = sys.argv[1:] if args is None else list(args)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        # argparse reports missing arguments before unknown options; a mistyped option
        # ("compare --bogus") is the mistake to name.
        unknown = [
            a
            for a in self._given
            if a.startswith("-")
            and len(a) > 1
            and a.split("=")[0] not in self._option_string_actions
        ]
        if unknown and message.startswith("the following arguments are required"):
            message = f"unrecognized arguments: {' '.join(unknown)}"
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="newsdiff",
        description="Show what really changed between versions of a news story.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p_compare = sub.add_parser(
        "compare",
        help="compare NEW against OLD (the canonical)",
        description="Compare NEW against OLD (the canonical), paragraph by paragraph.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_compare.add_argument(
        "old", metavar="OLD", help="canonical version: FILE, NAME=FILE, or - for stdin"
    )
    p_compare.add_argument(
        "new", metavar="NEW", help="version to compare: FILE, NAME=FILE, or - for stdin"
    )
    p_story = sub.add_parser(
        "story",
        help="collate several versions of one story",
        description="Collate versions of one story against a canonical and show the heat "
        "map of which version carries which paragraph.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_story.add_argument(
        "--canonical",
        metavar="NAME",
        help="version to compare against: a version's name, or complete (the most complete "
        "version, the default), latest or earliest (the last or first FILE given)",
    )
    p_history = sub.add_parser(
        "history",
        help="a story over time: timeline, figures and every paragraph's history",
        description="Put versions of one story in time order and show the timeline (each "
        "version against the one before), the figures the story updates, and the history "
        "of every paragraph that ever appeared.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for many in (p_story, p_history):
        many.add_argument(
            "files", metavar="FILE", nargs="+", help="one file per version (or NAME=FILE)"
        )
    p_history.add_argument(
        "--order",
        metavar="NAME,...",
        help="the versions in time order, earliest first, each once (default: by their "
        "dates when every version has one, else as given)",
    )
    p_history.add_argument(
        "--show",
        metavar="NAME",
        action="append",
        default=[],
        help="also show the step that led to this version (the one before it → it), side "
        "by side (repeatable; 'all' for every step)",
    )
    p_demo = sub.add_parser(
        "demo",
        help="collate the built-in example story",
        description="Collate the built-in example story (original fiction, five versions).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_demo.add_argument(
        "--page",
        action="store_true",
        help="compare the canonical version's text with the same story saved as a web "
        "page (needs the html extra)",
    )
    p_wayback = archive_cli.add_parser(sub)
    for p in (p_story, p_demo, p_wayback):
        p.add_argument(
            "--show",
            metavar="NAME",
            action="append",
            default=[],
            help="also show this version against the canonical, in --view "
            "(repeatable; 'all' for every version; --view, --context, --typography or "
            "--substantive without --show show every version)",
        )
    for p in (p_compare, p_story, p_demo, p_wayback, p_history):
        if p is p_history:
            p.add_argument("--json", action="store_true", help="print the StoryHistory as JSON")
        else:
            p.add_argument(
                "--view",
                choices=VIEWS,
                help="how to show a revision (default side-by-side; json prints the models)",
            )
            p.add_argument("--json", action="store_true", help="same as --view json")
        p.add_argument(
            "--html", metavar="FILE", help="write a standalone HTML page to FILE ('-': stdout)"
        )
        p.add_argument(
            "--context",
            metavar="N",
            type=_count,
            help="show only changed paragraphs and N unchanged ones around each",
        )
        p.add_argument(
            "--typography",
            choices=[t.value for t in Typography],
            help="paragraphs that differ only in quotes, dashes or spaces (default dim)",
        )
        p.add_argument(
            "--substantive",
            action="store_true",
            help="only changes that alter what the story says (no typography, punctuation, "
            "spelling or reflowed paragraphs); with --view json, only those changes are "
            "listed (the stats still count every change)",
        )
        p.add_argument("--width", metavar="N", type=_width, help="output width in columns")
        p.add_argument(
            "--no-color",
            action="store_true",
            help="no colour or styles (as NO_COLOR=1 does); edits marked [-deleted-] {+inserted+}",
        )
    corpus_cli.add_parser(sub)
    return parser


def _count(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def _width(value: str) -> int:
    n = _count(value)
    if n < 40:
        raise argparse.ArgumentTypeError("must be at least 40")
    return n


def _options(args: argparse.Namespace) -> ViewOptions:
    return ViewOptions(
        typography=args.typography or Typography.DIM,
        context=args.context,
        substantive=args.substantive,
    )


REVISION_VIEWS: dict[str, RevisionViewType] = {
    "side-by-side": SideBySide,
    "inline": Inline,
    "summary": Summary,
}


def _shown(story: Story, args: argparse.Namespace) -> list[str]:
    """The versions to show against the canonical below the heat map. Options that
    shape those views, given without ``--show``, show every version: they would do
    nothing otherwise."""
    shapes = args.view or args.context is not None or args.typography or args.substantive
    if "all" in args.show or (not args.show and shapes):
        return list(story.revisions)
    return list(args.show)


def _view(result: Revision | Story, args: argparse.Namespace) -> RenderableType:
    options = _options(args)
    view = REVISION_VIEWS[args.view or "side-by-side"]
    if isinstance(result, Story):
        try:
            return StoryView(
                result,
                options,
                show=_shown(result, args),
                view=view,
                timeline=args.command == "demo",
            )
        except KeyError as exc:
            raise UserError(f"--show: {exc.args[0]}") from None
    return view(result, options)


def _substantive_only(result: Revision | Story) -> Revision | Story:
    """The result with only its substantive changes in its alignment (JSON for readers
    who want what changed the story, not every paragraph)."""

    def only(rev: Revision) -> Revision:
        return Revision.assemble(
            rev.old_name, rev.new_name, rev.old_article, rev.new_article, rev.substantive_changes
        )

    if isinstance(result, Story):
        revisions = {n: only(rev) for n, rev in result.revisions.items()}
        articles = [(v.name, v.article) for v in result.versions]
        return Story.assemble(result.canonical, articles, revisions, order=result.order)
    return only(result)


def _write_html(result: Revision | Story, args: argparse.Namespace) -> None:
    options: dict[str, Any] = {
        "view": "inline" if args.view == "inline" else "side-by-side",
        "typography": args.typography or Typography.DIM,
        "context": args.context,
        "substantive": args.substantive,
    }
    if args.html == "-":
        sys.stdout.write(html_page(result, **options))
        return
    try:
        save_html(result, args.html, **options)
    except OSError as exc:
        raise UserError(f"{args.html}: cannot write ({exc.strerror or exc})") from None
    print(f"newsdiff: wrote {args.html}", file=sys.stderr)


def _canonical(choice: str | None, names: Sequence[str]) -> str | None:
    """A version's name (which wins over the keywords), or complete/latest/earliest."""
    if choice is None or choice in names:
        return choice
    if choice == "complete":
        return None
    if choice == "latest":
        return names[-1]
    if choice == "earliest":
        return names[0]
    known = ", ".join(names)
    raise UserError(
        f"--canonical {choice}: not one of the versions ({known}), nor complete, latest or earliest"
    )


def _order(value: str | None, names: Sequence[str]) -> list[str] | None:
    if value is None:
        return None
    order = [name.strip() for name in value.split(",") if name.strip()]
    try:
        return list(checked_order(order, names))
    except VersionError as exc:
        raise UserError(f"--order {value}: {exc}") from None


def _history(args: argparse.Namespace) -> int:
    """``newsdiff history``: the story over time, as text, JSON or an HTML page."""
    named = version_names(args.files)
    order = _order(args.order, [name for name, _ in named])
    with _progress(len(named)) as progress:
        articles = _load_all(named, progress)
        progress.add_task("comparing", total=None)
        history = collate(articles, order=order).history
    if args.json:
        print(history.model_dump_json(indent=1))
        return 0
    if args.html:
        page = history_page(history, _options(args))
        if args.html == "-":
            sys.stdout.write(page)
            return 0
        try:
            Path(args.html).write_text(page, encoding="utf-8", newline="\n")
        except OSError as exc:
            raise UserError(f"{args.html}: cannot write ({exc.strerror or exc})") from None
        print(f"newsdiff: wrote {args.html}", file=sys.stderr)
        return 0
    steps = [rev.new_name for rev in history.timeline]
    show = steps if "all" in args.show else list(args.show)
    try:
        view = HistoryView(history, _options(args), show=show)
    except KeyError as exc:
        raise UserError(f"--show: {exc.args[0]}") from None
    console = terminal(no_color=args.no_color, width=args.width, highlight=False)
    console.print(view)
    return 0


def run(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "corpus":
        return corpus_cli.run(args)
    result: Revision | Story
    if args.command == "compare":
        (old_name, old), (new_name, new) = version_names([args.old, args.new])
        result = compare(_load(old), _load(new), old_name=old_name, new_name=new_name)
    elif args.command == "story":
        named = version_names(args.files)
        canonical = _canonical(args.canonical, [name for name, _ in named])
        with _progress(len(named)) as progress:
            articles = _load_all(named, progress)
            progress.add_task("comparing", total=None)
            result = collate(articles, canonical=canonical)
    elif args.command == "history":
        return _history(args)
    elif args.command == "wayback":
        result = archive_cli.story(args)
    elif args.page:
        result = compare(demo_versions()["v5"], demo_page(), old_name="v5", new_name="v5-page")
    else:
        result = collate(demo_versions(), order=DEMO_ORDER)
    if args.html:
        _write_html(result, args)
        return 0
    if args.json or args.view == "json":
        shown = _substantive_only(result) if args.substantive else result
        print(shown.model_dump_json(indent=1))
        return 0
    console = terminal(no_color=args.no_color, width=args.width, highlight=False)
    console.print(_view(result, args))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except (UserError, NewsdiffError) as exc:
        print(f"newsdiff: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
