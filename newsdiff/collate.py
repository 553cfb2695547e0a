"""Collate N versions of a story against one canonical version.

The canonical is the version the others are compared against. By default it is the
*most complete* version: the one with the most words of article text (body and
sub-headings); among equals, the one given last, since later versions of a story
tend to be the fuller write-throughs. Users can name the canonical instead.

The story table (:attr:`Story.rows <newsdiff.Story.rows>`, :mod:`newsdiff.table`) is
worked out from the revisions when first read.

The story also knows its versions' order in time (:attr:`Story.order
<newsdiff.Story.order>`, :mod:`newsdiff.timeline`), and :attr:`Story.timeline
<newsdiff.Story.timeline>` holds the revisions between consecutive versions.

A version that is another version cut off (a republication that stops early) has its
missing tail marked truncated rather than removed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from newsdiff.compare import compare, is_cut_copy, mark_truncation
from newsdiff.errors import NewsdiffError, VersionError
from newsdiff.models import Article, Revision, Story
from newsdiff.parse import Source, parse
from newsdiff.text import word_count
from newsdiff.timeline import checked_order, time_order


def _named(versions: Mapping[str, Source] | Sequence[Source]) -> list[tuple[str, Source]]:
    if isinstance(versions, Mapping):
        named = [(str(name), text) for name, text in versions.items()]
    elif isinstance(versions, str | bytes | os.PathLike):
        raise VersionError("collate() takes several versions: a mapping name → text, or a list")
    else:
        named = [(f"v{n}", text) for n, text in enumerate(versions, start=1)]
    if not named:
        raise VersionError("collate() needs at least one version")
    return named


def _most_complete(articles: Sequence[tuple[str, Article]]) -> str:
    sizes = [
        (sum(word_count(p.text) for p in a.paragraphs), n) for n, (_, a) in enumerate(articles)
    ]
    return articles[max(sizes)[1]][0]


def collate(
    versions: Mapping[str, Source] | Sequence[Source],
    canonical: str | None = None,
    *,
    order: Sequence[str] | None = None,
) -> Story:
    """Collate versions of one story against a canonical version.

    >>> story = collate({"early": "The bridge closed.", "late": "The bridge closed on Monday."})
    >>> story.canonical, [c.kind.value for c in story.revisions["early"].changes]
    ('late', ['changed'])

    ``versions`` maps names to texts (``str``/``bytes``), paths to files
    (``pathlib.Path``) or parsed Articles; a plain
    sequence is named ``v1``, ``v2``, … in order. ``canonical`` names the version to
    compare against; by default the most complete one (most words of article text,
    the later one among equals).

    ``order`` names every version once, earliest first: the story's time order
    (:attr:`Story.order`). By default the versions' dates give it when every version
    has one, else the order given (see :mod:`newsdiff.timeline`).
    """
    named = _named(versions)
    seen: set[str] = set()
    for name, _ in named:
        if name in seen:
            raise VersionError(f"two versions are named {name!r}; version names must be unique")
        seen.add(name)
    articles: list[tuple[str, Article]] = []
    for name, text in named:
        try:
            articles.append((name, parse(text)))
        except NewsdiffError as exc:
            raise type(exc)(f"version {name!r}: {exc}") from None
    names = [name for name, _ in articles]
    in_time = time_order(articles) if order is None else checked_order(order, names)
    if canonical is None:
        canonical = _most_complete(articles)
    elif canonical not in seen:
        raise VersionError(
            f"canonical {canonical!r} is not one of the versions ({', '.join(sorted(seen))})"
        )
    canon = dict(articles)[canonical]
    revisions = {
        name: compare(canon, article, old_name=canonical, new_name=name)
        for name, article in articles
        if name != canonical
    }
    paragraphs = {name: article.paragraphs for name, article in articles}
    for name, revision in revisions.items():
        if any(is_cut_copy(paragraphs[name], paragraphs[o]) for o in paragraphs if o != name):
            entries = mark_truncation(
                revision.alignment, canon.paragraphs, revision.new_article.paragraphs, known=True
            )
            revisions[name] = Revision.assemble(
                canonical, name, canon, revision.new_article, entries
            )
    return Story.assemble(canonical, articles, revisions, order=in_time)
