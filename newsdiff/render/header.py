"""The lines above a revision view: which versions, when, and how much changed."""

from __future__ import annotations

from rich.text import Text

from newsdiff.models import Article, ChangeKind, Revision
from newsdiff.render import theme
from newsdiff.text import plural

ORDER = (
    ChangeKind.CHANGED,
    ChangeKind.MOVED,
    ChangeKind.SPLIT,
    ChangeKind.MERGED,
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.UNCHANGED,
)


def describe(name: str, article: Article) -> str:
    """A version's name with the date the parser found for it. (The headlines have a
    line of their own below, compared: :mod:`newsdiff.render.fields`.)"""
    when = article.metadata.updated or article.metadata.published or article.metadata.date
    return f"{name} ({when})" if when else name


def side(name: str, article: Article, role: str) -> str:
    """A side of a revision: its name, date, and role ('v5 (2025-06-15) (canonical)')."""
    described = describe(name, article)
    return f"{described} ({role})" if role else described


def kind_counts(rev: Revision) -> list[tuple[ChangeKind, int]]:
    """The revision's changes per kind, in :data:`ORDER`, kinds with none left out. The
    paragraphs a truncated copy does not carry are not counted as removed: see
    :func:`stops_early`."""
    counts = dict(rev.stats.counts)
    counts[ChangeKind.REMOVED] = counts.get(ChangeKind.REMOVED, 0) - rev.stats.truncated
    return [(kind, counts.get(kind, 0)) for kind in ORDER if counts.get(kind, 0)]


def stops_early(rev: Revision) -> str:
    """'stops early: 18 paragraphs not carried' for a truncated copy, else ''."""
    if not rev.stats.truncated:
        return ""
    return f"stops early: {plural(rev.stats.truncated, 'paragraph')} not carried"


def counts_text(rev: Revision) -> Text:
    """'7 changed · 1 moved · … · 15 unchanged (6 typography only)', and how early a
    truncated copy stops."""
    text = Text()
    for n, (kind, count) in enumerate(kind_counts(rev)):
        if n:
            text.append(" · ", theme.DIM)
        text.append(f"{count} {kind.value}", theme.KIND[kind])
        if kind is ChangeKind.UNCHANGED and rev.stats.typography_only:
            text.append(f" ({rev.stats.typography_only} typography only)", theme.DIM)
    if stops_early(rev):
        text.append(" · " if text else "", theme.DIM)
        text.append(stops_early(rev), theme.NOTE)
    return text


def words_text(rev: Revision) -> Text:
    """'+1 word inserted, −12 deleted; 88% of words kept'."""
    stats = rev.stats
    text = Text()
    text.append(f"+{stats.words_inserted}", theme.KIND[ChangeKind.ADDED])
    text.append(f" {'word' if stats.words_inserted == 1 else 'words'} inserted, ")
    text.append(f"−{stats.words_deleted}", theme.KIND[ChangeKind.REMOVED])
    text.append(f" deleted; {stats.similarity:.0%} of words kept")
    return text


def header(rev: Revision) -> Text:
    text = Text()
    text.append(describe(rev.old_name, rev.old_article), theme.HEADER)
    if rev.old_role:
        text.append(f" ({rev.old_role})", theme.DIM)
    text.append(" → ", theme.DIM)
    text.append(describe(rev.new_name, rev.new_article), theme.HEADER)
    if rev.new_role:
        text.append(f" ({rev.new_role})", theme.DIM)
    text.append("\n")
    text.append_text(counts_text(rev))
    text.append("\n")
    text.append_text(words_text(rev))
    text.append("\n")
    text.append(rev.significance, theme.NOTE)
    return text
