"""The ``newsdiff`` command: compare two versions, collate a story, or show the demo.

newsdiff demo                     # the built-in example story
newsdiff compare OLD NEW          # OLD is the canonical; '-' reads standard input
newsdiff story FILE... [--canonical NAME] [--show NAME]
newsdiff wayback URL [--from DATE] [--to DATE] [--limit N]   # its Wayback Machine captures
--view side-by-side|inline|summary|json, --html FILE, --context N, --typography,
--width N and --no-color shape the output.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console, RenderableType
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from newsdiff.archive import cli as archive_cli
from newsdiff.collate import collate
from newsdiff.compare import compare
from newsdiff.corpus import cli as corpus_cli
from newsdiff.demo import demo_page, demo_versions
from newsdiff.errors import NewsdiffError
from newsdiff.models import Article, Revision, Story
from newsdiff.parse import MAX_INPUT_CHARS, parse
from newsdiff.render import Inline, SideBySide, StoryView, Summary, Typography, ViewOptions
from newsdiff.render.html import revision_page, story_page

EXAMPLES = """examples:
  newsdiff demo                                   the built-in story: heat map of 5 versions
  newsdiff demo --show v2 --context 1             v2 side by side, changed rows and 1 around
  newsdiff demo --page --view summary             the same story as text and as a web page
  newsdiff compare early.txt late.txt             side by side (late against early)
  newsdiff compare early.txt late.txt --view inline --typography hide
  newsdiff compare early.txt late.txt --view summary --no-color > changes.txt
  newsdiff compare early.txt late.txt --substantive   only what changes the story
  newsdiff compare early.txt late.txt --html diff.html
  curl -s https://example.org/story | newsdiff compare saved.txt -
  newsdiff story v1.txt v2.txt v3.txt --canonical v3 --html story.html
  newsdiff compare early.txt late.txt --view json > revision.json
  newsdiff wayback https://example.org/news/story --html history.html

exit status: 0 done, 2 a usage or input error (one line on stderr), 130 interrupted
"""

VIEWS = ("side-by-side", "inline", "summary", "json")
# Reading and parsing this many files or more shows a progress bar (on a terminal).
PROGRESS_FILES = 5


class UserError(Exception):
    """A mistake on the command line: reported in one line, exit status 2."""


def _read(path: str) -> bytes:
    """Read at most one byte past the input limit: a huge file or an endless stream
    (``/dev/zero``) is refused without being read whole."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_CHARS + 1)
        else:
            with Path(path).open("rb") as file:
                data = file.read(MAX_INPUT_CHARS + 1)
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_INPUT_CHARS:
        name = "standard input" if path == "-" else path
        raise UserError(
            f"{name}: larger than the limit of {MAX_INPUT_CHARS:,} bytes; newsdiff compares "
            f"one article at a time: give it a single article, or split the text"
        )
    return data


def _load(path: str) -> Article:
    """Read and parse one file; errors name the file."""
    try:
        return parse(_read(path))
    except NewsdiffError as exc:
        raise UserError(f"{'standard input' if path == '-' else path}: {exc}") from None


def _name(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem


@contextmanager
def _progress(total: int) -> Iterator[Progress]:
    console = Console(stderr=True)
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


def _load_all(paths: Sequence[str], progress: Progress) -> dict[str, Article]:
    names = [_name(p) for p in paths]
    if len(set(names)) != len(names):
        raise UserError("two files have the same name; version names come from file names")
    if paths.count("-") > 1:
        raise UserError("only one version can be read from standard input")
    articles: dict[str, Article] = {}
    task = progress.add_task("reading", total=len(paths))
    for name, path in zip(names, paths, strict=True):
        progress.update(task, description=f"reading {name}")
        articles[name] = _load(path)
        progress.advance(task)
    return articles


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdiff",
        description="Show what really changed between versions of a news story.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p_compare = sub.add_parser(
        "compare",
        help="compare NEW against OLD (the canonical)",
        description="Compare NEW against OLD (the canonical), paragraph by paragraph.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_compare.add_argument("old", metavar="OLD", help="canonical version (file, or - for stdin)")
    p_compare.add_argument("new", metavar="NEW", help="version to compare (file, or - for stdin)")
    p_story = sub.add_parser(
        "story",
        help="collate several versions of one story",
        description="Collate versions of one story against a canonical and show the heat "
        "map of which version carries which paragraph.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_story.add_argument("files", metavar="FILE", nargs="+", help="one file per version")
    p_story.add_argument("--canonical", metavar="NAME", help="version to compare against")
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
            help="also show this version side by side with the canonical "
            "(repeatable; 'all' for every version)",
        )
    for p in (p_compare, p_story, p_demo, p_wayback):
        p.add_argument(
            "--view",
            choices=VIEWS,
            default="side-by-side",
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
            default=Typography.DIM.value,
            help="paragraphs that differ only in quotes, dashes or spaces (default dim)",
        )
        p.add_argument(
            "--substantive",
            action="store_true",
            help="only changes that alter what the story says (no typography, punctuation, "
            "spelling or reflowed paragraphs)",
        )
        p.add_argument("--width", metavar="N", type=_width, help="output width in columns")
        p.add_argument(
            "--no-color",
            action="store_true",
            help="no colour or styles; edits marked [-deleted-] {+inserted+}",
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


def _view(result: Revision | Story, args: argparse.Namespace) -> RenderableType:
    options = ViewOptions(
        typography=Typography(args.typography),
        context=args.context,
        substantive=args.substantive,
    )
    if isinstance(result, Story):
        show = list(result.revisions) if "all" in args.show else args.show
        try:
            return StoryView(result, options, show=show)
        except KeyError as exc:
            raise UserError(f"--show: {exc.args[0]}") from None
    if args.view == "inline":
        return Inline(result, options)
    if args.view == "summary":
        return Summary(result, options)
    return SideBySide(result, options)


def _html(result: Revision | Story, args: argparse.Namespace) -> str:
    choices = {
        "typography": args.typography,
        "context": args.context,
        "substantive": args.substantive,
    }
    if isinstance(result, Story):
        return story_page(result, **choices)
    view = "inline" if args.view == "inline" else "side-by-side"
    return revision_page(result, view=view, **choices)


def run(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "corpus":
        return corpus_cli.run(args)
    result: Revision | Story
    if args.command == "compare":
        if args.old == "-" and args.new == "-":
            raise UserError("only one of OLD and NEW can be read from standard input")
        result = compare(
            _load(args.old), _load(args.new), old_name=_name(args.old), new_name=_name(args.new)
        )
    elif args.command == "story":
        with _progress(len(args.files)) as progress:
            articles = _load_all(args.files, progress)
            if args.canonical is not None and args.canonical not in articles:
                known = ", ".join(articles)
                raise UserError(f"--canonical {args.canonical}: not one of the versions ({known})")
            progress.add_task("comparing", total=None)
            result = collate(articles, canonical=args.canonical)
    elif args.command == "wayback":
        result = archive_cli.story(args)
    elif args.page:
        result = compare(demo_versions()["v5"], demo_page(), old_name="v5", new_name="v5-page")
    else:
        result = collate(demo_versions())
    if args.html:
        page = _html(result, args)
        if args.html == "-":
            sys.stdout.write(page)
        else:
            try:
                Path(args.html).write_text(page, encoding="utf-8")
            except OSError as exc:
                raise UserError(f"{args.html}: cannot write ({exc.strerror})") from None
            print(f"newsdiff: wrote {args.html}", file=sys.stderr)
        return 0
    if args.json or args.view == "json":
        print(result.model_dump_json(indent=1))
        return 0
    console = Console(
        width=args.width,
        color_system=None if args.no_color else "auto",
        no_color=args.no_color or None,
        highlight=False,
    )
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
