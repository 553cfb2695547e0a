"""The lines above a revision view: which versions, when, and how much changed."""

from __future__ import annotations

from rich.text import Text

from newsdiff.models import Article, ChangeKind, Revision
from newsdiff.render import theme

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
    """A version's name with what the parser found out about it (date, headline)."""
    meta = article.metadata
    facts = [f for f in (meta.date, meta.headline) if f]
    return f"{name} ({'; '.join(facts)})" if facts else name


def counts_text(rev: Revision) -> Text:
    """'7 changed · 1 moved · … · 15 unchanged (6 typography only)'."""
    text = Text()
    first = True
    for kind in ORDER:
        n = rev.stats.counts.get(kind, 0)
        if not n:
            continue
        if not first:
            text.append(" · ", theme.DIM)
        first = False
        text.append(f"{n} {kind.value}", theme.KIND[kind])
        if kind is ChangeKind.UNCHANGED and rev.stats.typography_only:
            text.append(f" ({rev.stats.typography_only} typography only)", theme.DIM)
    return text


def words_text(rev: Revision) -> Text:
    stats = rev.stats
    text = Text()
    text.append(f"+{stats.words_inserted}", theme.KIND[ChangeKind.ADDED])
    text.append(" words inserted, ")
    text.append(f"−{stats.words_deleted}", theme.KIND[ChangeKind.REMOVED])
    text.append(f" deleted; {stats.similarity:.0%} of words kept")
    return text


def header(rev: Revision) -> Text:
    text = Text()
    text.append(describe(rev.old_name, rev.old_article), theme.HEADER)
    text.append(" (canonical)", theme.DIM)
    text.append(" → ", theme.DIM)
    text.append(describe(rev.new_name, rev.new_article), theme.HEADER)
    text.append("\n")
    text.append_text(counts_text(rev))
    text.append("\n")
    text.append_text(words_text(rev))
    text.append("\n")
    text.append(rev.significance, theme.NOTE)
    return text
