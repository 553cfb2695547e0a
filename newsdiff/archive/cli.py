"""``newsdiff wayback URL``: collate a URL's captures in the Wayback Machine.

:func:`add_parser` adds the subcommand (the main command adds its view options) and
:func:`story` fetches and collates; the main command renders the story like any other.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from newsdiff.archive.wayback import (
    DEFAULT_LIMIT,
    WAYBACK,
    WaybackError,
    collate_captures,
    wayback_captures,
    wayback_date,
)
from newsdiff.corpus.cli import _positive
from newsdiff.errors import InputError
from newsdiff.models import Story

EXAMPLES = """examples:
  newsdiff wayback https://example.org/news/story
  newsdiff wayback https://example.org/news/story --from 2025-03 --to 2025-04 --limit 20
  newsdiff wayback https://example.org/news/story --html history.html
  newsdiff wayback https://example.org/news/story --show all --context 1

Pages are cached (--cache DIR, default ~/.cache/newsdiff): a rerun fetches nothing
twice, and the listing of captures is reused until --refresh.
exit status: 0 done, 2 a usage error, or the archive cannot be asked (offline,
rate-limited, the URL excluded or never captured)
"""


def _date(value: str) -> str:
    try:
        return wayback_date(value)
    except InputError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``wayback`` subcommand to an argparse subparsers object; returns it."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "wayback",
        help="collate the captures of a URL in the Wayback Machine",
        description="List the captures of URL in the Wayback Machine, fetch each distinct\n"
        "HTML capture as the site served it, and collate them as one story whose\n"
        "versions are named by capture time (needs newsdiff[archive]).",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("url", metavar="URL", help="the article's address")
    parser.add_argument(
        "--from", dest="from_date", metavar="DATE", type=_date, help="captures from DATE on"
    )
    parser.add_argument(
        "--to", dest="to_date", metavar="DATE", type=_date, help="captures up to DATE"
    )
    parser.add_argument(
        "--limit",
        metavar="N",
        type=_positive,
        default=DEFAULT_LIMIT,
        help=f"the first N distinct captures (default {DEFAULT_LIMIT})",
    )
    parser.add_argument(
        "--canonical",
        metavar="NAME",
        help="version to compare against: a capture time, latest or earliest "
        "(default: the most complete)",
    )
    parser.add_argument(
        "--keep-unchanged",
        action="store_true",
        help="keep captures whose article text is the same as the capture before",
    )
    parser.add_argument("--cache", metavar="DIR", help="cache folder (default ~/.cache/newsdiff)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write a cache")
    parser.add_argument(
        "--refresh", action="store_true", help="list the captures again (new captures since)"
    )
    parser.add_argument(
        "--archive",
        metavar="URL",
        default=WAYBACK,
        help="another replay with the Wayback Machine's URL layout (default %(default)s)",
    )
    return parser


def story(args: argparse.Namespace) -> Story:
    """Fetch and collate; a summary line (and any captures left out) goes to stderr."""
    console = Console(stderr=True)
    progress = Progress(
        TextColumn("fetching captures"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    with progress:
        task = progress.add_task("", total=None)
        found = wayback_captures(
            args.url,
            from_date=args.from_date,
            to_date=args.to_date,
            limit=args.limit,
            cache=False if args.no_cache else (args.cache or True),
            refresh=args.refresh,
            archive=args.archive,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    print(f"newsdiff: {found.summary()}", file=sys.stderr)
    if found.listing_cached:
        print(f"  listing cached on {found.listed_at} (--refresh to list again)", file=sys.stderr)
    if not found.captures:
        span = ""
        if args.from_date or args.to_date:
            span = f" between {args.from_date or 'the first'} and {args.to_date or 'now'}"
        raise WaybackError(f"no HTML captures of {found.url}{span} to show")
    collated = collate_captures(found.captures, args.canonical, keep_unchanged=args.keep_unchanged)
    for name, why in collated.unreadable:
        print(f"  left out {name}: {why}", file=sys.stderr)
    if collated.unchanged:
        print(
            f"  left out {len(collated.unchanged):,} captures whose article text is the same "
            "as the capture before (--keep-unchanged keeps them)",
            file=sys.stderr,
        )
    return collated.story
