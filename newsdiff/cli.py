"""The ``newsdiff`` command: compare two versions, collate a story, or show the demo.

newsdiff demo                     # the built-in example story
newsdiff compare OLD NEW          # OLD is the canonical; '-' reads standard input
newsdiff story FILE... [--canonical NAME]
add --json to any of them for the pydantic models as JSON
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from newsdiff.collate import collate
from newsdiff.compare import compare
from newsdiff.demo import demo_versions
from newsdiff.errors import NewsdiffError
from newsdiff.models import ChangeKind, Revision, Story

EXAMPLES = """examples:
  newsdiff demo
  newsdiff compare early.txt late.txt
  curl -s https://example.org/story | newsdiff compare saved.txt -
  newsdiff story v1.txt v2.txt v3.txt --canonical v3
  newsdiff compare early.txt late.txt --json > revision.json
"""


class UserError(Exception):
    """A mistake on the command line: reported in one line, exit status 2."""


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None


def _name(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem


def _summary(rev: Revision) -> str:
    stats = rev.stats
    counts = ", ".join(f"{n} {kind.value}" for kind, n in stats.counts.items() if n)
    lines = [
        f"{rev.new_name} against {rev.old_name}: {counts}",
        f"  words inserted {stats.words_inserted}, deleted {stats.words_deleted}, "
        f"similarity {stats.similarity:.2f}, typography-only {stats.typography_only}",
    ]
    for change in rev.changes:
        if change.kind is ChangeKind.UNCHANGED:
            continue
        old = ",".join(str(b.index) for b in change.old) or "-"
        new = ",".join(str(b.index) for b in change.new) or "-"
        text = (change.new or change.old)[0].text
        snippet = text if len(text) <= 70 else text[:69] + "…"
        lines.append(f"  {change.kind.value:9} {old:>7} → {new:<7} {snippet}")
    return "\n".join(lines)


def _story_summary(story: Story) -> str:
    lines = [f"{len(story.versions)} versions, canonical {story.canonical}, {len(story.rows)} rows"]
    lines += [_summary(rev) for rev in story.revisions.values()]
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdiff",
        description="Show what really changed between versions of a news story.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p_compare = sub.add_parser("compare", help="compare NEW against OLD (the canonical)")
    p_compare.add_argument("old", metavar="OLD", help="canonical version (file, or - for stdin)")
    p_compare.add_argument("new", metavar="NEW", help="version to compare (file, or - for stdin)")
    p_story = sub.add_parser("story", help="collate several versions of one story")
    p_story.add_argument("files", metavar="FILE", nargs="+", help="one file per version")
    p_story.add_argument("--canonical", metavar="NAME", help="version to compare against")
    sub.add_parser("demo", help="collate the built-in example story")
    for p in (p_compare, p_story, sub.choices["demo"]):
        p.add_argument("--json", action="store_true", help="print the result as JSON")
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    result: Revision | Story
    if args.command == "compare":
        if args.old == "-" and args.new == "-":
            raise UserError("only one of OLD and NEW can be read from standard input")
        result = compare(
            _read(args.old), _read(args.new), old_name=_name(args.old), new_name=_name(args.new)
        )
    elif args.command == "story":
        names = [_name(f) for f in args.files]
        if len(set(names)) != len(names):
            raise UserError("two files have the same name; version names come from file names")
        result = collate(
            {n: _read(f) for n, f in zip(names, args.files, strict=True)}, canonical=args.canonical
        )
    else:
        result = collate(demo_versions())
    if args.json:
        print(result.model_dump_json(indent=1))
    else:
        print(_summary(result) if isinstance(result, Revision) else _story_summary(result))
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
