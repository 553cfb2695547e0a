"""Which pieces of a page's visible text are its article.

trafilatura decides (its output aligned onto the pieces by
:mod:`newsdiff.parse.html_coverage`); this module only corrects it where the page gives
strong evidence, each correction measured on the benchmark pages (``docs/html.md``):

* **set aside** — a piece trafilatura keeps that sits in a *box* the page names as
  boilerplate (a share bar, a newsletter sign-up, an author box…): an element close
  above the piece names the kind, and that element holds little of the article's text.
  An element holding most of the article is the article's container, whatever its name:
  a theme that wraps every story in ``class="entry-summary"`` loses nothing.
* **recovered** — the lede trafilatura leaves out when it sits in an element of its own
  before the body, and a heading it leaves out that introduces an article paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsdiff.models import BlockKind
from newsdiff.parse.html_coverage import Coverage
from newsdiff.parse.html_visible import Piece

__all__ = ["article_verdicts", "prose_left_out"]

KEPT_SHARE = 0.5
"""A piece is the article's when trafilatura's output covers at least this share of it."""

# Setting aside. A piece trafilatura keeps is set aside when an element close above it
# names a boilerplate kind *and* that element is a box, holding at most BOX_SHARE of the
# article's text. How close: its own element (any kind but those below), or up to three
# levels for the boxes sites put inside articles. Related links, comments, footers and
# cookie notices never set text aside: sites give those names to containers of article
# text too (a `post-footer` around the story, comments that are a forum's posts).
_BOX_DEPTH = {
    BlockKind.SHARE: 3,
    BlockKind.NEWSLETTER: 3,
    BlockKind.BYLINE: 3,
    BlockKind.COPYRIGHT: 3,
    BlockKind.NAVIGATION: 3,
    BlockKind.RELATED: -1,
    BlockKind.COMMENTS: -1,
    BlockKind.FOOTER: -1,
    BlockKind.COOKIE: -1,
}
BOX_SHARE = 0.3
# A link in a named box is the box's, whatever the name: a piece that is mostly link text
# is set aside under any kind within LINK_DEPTH levels.
LINK_SHARE = 0.5
LINK_DEPTH = 3

# Recovering. The lede: prose right before the article (at most LEDE_GAP other pieces
# between) of LEDE_WORDS words or more, ending like a sentence, less than half link text,
# inside no element (within HINT_DEPTH levels) that names a boilerplate kind. A heading:
# an <h2>–<h6> in no such element whose next piece is article text.
LEDE_WORDS = 12
LEDE_GAP = 2
HINT_DEPTH = 2
_SENTENCE_END = re.compile(r"[.!?…:;»«“”\"')\]]$")
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


def article_verdicts(pieces: Sequence[Piece], kept: Sequence[Coverage]) -> list[BlockKind | None]:
    """For each piece: ``BODY`` or ``SUBHEADING`` if it is the article's, ``HEADLINE`` for
    an ``<h1>`` trafilatura keeps, else ``None``."""
    verdicts = [
        None
        if share.kept < KEPT_SHARE
        else BlockKind.HEADLINE
        if piece.tag == "h1"
        else BlockKind.SUBHEADING
        if share.heading >= KEPT_SHARE
        else BlockKind.BODY
        for piece, share in zip(pieces, kept, strict=True)
    ]
    containers = _containers(pieces, verdicts)
    _set_aside_boxes(pieces, verdicts, containers)
    _recover_lede(pieces, verdicts, containers)
    _recover_headings(pieces, verdicts, containers)
    return verdicts


PROSE_WORDS = 25
"""A piece of prose: this many words or more, ending like a sentence."""


def prose_left_out(pieces: Sequence[Piece], kept: Sequence[Coverage]) -> int:
    """How much prose (in characters) trafilatura's output leaves out."""
    return sum(
        len(piece.text)
        for piece, share in zip(pieces, kept, strict=True)
        if share.kept < KEPT_SHARE
        and len(piece.text.split()) >= PROSE_WORDS
        and _SENTENCE_END.search(piece.text)
    )


def _containers(pieces: Sequence[Piece], verdicts: Sequence[BlockKind | None]) -> frozenset[int]:
    """The named elements that hold more than BOX_SHARE of the article's text: its
    containers, whatever their names say (their ancestors hold as much, so they are too)."""
    in_element: Counter[int] = Counter()
    total = 0
    for piece, verdict in zip(pieces, verdicts, strict=True):
        if _in_article(verdict):
            total += len(piece.text)
            for hint in piece.hints:
                in_element[hint.element] += len(piece.text)
    return frozenset(element for element, held in in_element.items() if held > BOX_SHARE * total)


def _set_aside_boxes(
    pieces: Sequence[Piece], verdicts: list[BlockKind | None], containers: frozenset[int]
) -> None:
    for i, piece in enumerate(pieces):
        if not _in_article(verdicts[i]) or not piece.hints:
            continue
        nearest = piece.hints[0]
        if nearest.element in containers:
            continue
        if nearest.distance <= _BOX_DEPTH.get(nearest.kind, 0) or (
            piece.link_share >= LINK_SHARE and nearest.distance <= LINK_DEPTH
        ):
            verdicts[i] = None


def _in_article(verdict: BlockKind | None) -> bool:
    return verdict is BlockKind.BODY or verdict is BlockKind.SUBHEADING


def _unnamed(piece: Piece, containers: frozenset[int]) -> bool:
    """In no element close above that names a boilerplate kind (the article's containers
    aside)."""
    return not any(
        hint.distance <= HINT_DEPTH and hint.element not in containers for hint in piece.hints
    )


def _recover_lede(
    pieces: Sequence[Piece], verdicts: list[BlockKind | None], containers: frozenset[int]
) -> None:
    first = next((i for i, verdict in enumerate(verdicts) if _in_article(verdict)), 0)
    gap = 0
    for i in reversed(range(first)):
        if gap > LEDE_GAP:
            break
        piece = pieces[i]
        if (
            len(piece.text.split()) >= LEDE_WORDS
            and _SENTENCE_END.search(piece.text) is not None
            and piece.link_share < LINK_SHARE
            and piece.tag != "h1"
            and _unnamed(piece, containers)
        ):
            verdicts[i], gap = BlockKind.BODY, 0
        else:
            gap += 1


def _recover_headings(
    pieces: Sequence[Piece], verdicts: list[BlockKind | None], containers: frozenset[int]
) -> None:
    for i in range(len(pieces) - 1):
        if (
            verdicts[i] is None
            and _in_article(verdicts[i + 1])
            and pieces[i].tag in _HEADINGS
            and _unnamed(pieces[i], containers)
        ):
            verdicts[i] = BlockKind.SUBHEADING
