"""A parsed page's visible text, cut into pieces in reading order, each with the hints its
surroundings give about what it is.

* :func:`visible_pieces` — every paragraph, heading, list item, caption, table cell and
  ``<br>``-separated line of a page (and inline elements that name a role of their own,
  such as a share link or a ``<time>``) as a :class:`Piece`.
* :func:`element_hint` — the boilerplate kind an element names by its tag or by the words
  in its ``class``, ``id``, ``role`` and similar attributes.

Scripts, styles, templates, SVG and the ``<head>`` are not text; ruby annotations
(``<rt>``, ``<rp>``: the small reading aids over East Asian text) are not part of the
sentence they annotate. Piece text is white-space collapsed, in Unicode NFC, without soft
hyphens (hyphenation hints a browser shows only at a line break).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from newsdiff.errors import InputError
from newsdiff.models import BlockKind

__all__ = ["Hint", "Piece", "element_hint", "visible_pieces"]

# Never text a reader sees (or, for ruby annotations, not part of the sentence).
_INVISIBLE = frozenset(
    {"script", "style", "template", "head", "svg", "math", "iframe", "object", "canvas", "embed",
     "rt", "rp"}
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "button", "caption", "dd",
        "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
        "li", "main", "nav", "noscript", "ol", "option", "p", "pre", "section", "select",
        "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
# Inside these, an inline element never starts a block of its own.
_TEXT_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "pre", "blockquote", "figcaption",
     "caption", "summary", "option", "legend"}
)  # fmt: skip
_SOFT_HYPHEN = "\xad"


# Words in class, id, role, aria-label, itemprop, rel and data-* attributes that say what
# an element holds, checked in order, so the more specific kinds come first. The values
# are cut into words (runs of letters and digits, camelCase split, lower-cased):
# ``nav*`` is a word starting with "nav", ``*date`` one ending with it, ``*caption*`` one
# holding it, ``logo`` the whole word; ``ad_slot*`` is "ad" followed by a word starting
# with "slot" (and ``*read_more*`` a word ending with "read" followed by one starting
# with "more").
_HINT_WORDS: tuple[tuple[BlockKind, str], ...] = (
    (
        BlockKind.CORRECTION,
        "*correction* *clarification* editornote* editorsnote* *editorsnote* erratum errata "
        "editor_note* editors_note*",
    ),
    (BlockKind.COOKIE, "*cookie* consent* gdpr cmp *onetrust*"),
    (
        BlockKind.ADVERTISEMENT,
        "ad ads *advert* *sponsor* dfp gpt adslot* adunit* adbox* adlabel* adwrap* adcontainer* "
        "ad_slot* ad_unit* ad_box* ad_label* ad_wrap* ad_container*",
    ),
    (BlockKind.NEWSLETTER, "*newsletter* *subscri* *signup* sign_up* optin"),
    (BlockKind.SHARE, "share* social* *sharing*"),
    (BlockKind.COMMENTS, "*comment *comments disqus* discussion*"),
    (
        BlockKind.RELATED,
        "*related* *recommend* *trending* *outbrain* *taboola* popular* onward* teaser teasers "
        "*morestories* *more_stories* *readmore* *read_more* *readnext* *read_next* "
        "*mostread* *most_read* *mostpopular* *most_popular*",
    ),
    (
        BlockKind.NAVIGATION,
        "nav* menu* *navigation* *breadcrumb* *masthead* logo topbar *siteheader* *site_header*",
    ),
    (BlockKind.BYLINE, "*byline* *author* *contributor*"),
    (BlockKind.TIMESTAMP, "*timestamp* time *date date* published updated modified posted"),
    (
        BlockKind.PHOTO_CREDIT,
        "credit credits *photocredit* *photo_credit* *imagecredit* *image_credit*",
    ),
    (BlockKind.CAPTION, "*caption*"),
    (BlockKind.COPYRIGHT, "*copyright* legal"),
    (BlockKind.FOOTER, "*footer* *contentinfo* *colophon* tag tags topic topics keywords"),
    (BlockKind.WIDGET, "skip* search* button* *toolbar* *popup* *paywall* *tooltip* modal btn"),
    (BlockKind.PROMO, "promo* cta *callout* *podcast* *appbanner* *app_banner*"),
    (BlockKind.SUMMARY, "summary* kicker* *standfirst* *strapline* dek"),
)


def _word_pattern(spec: str) -> str:
    """One kind's single-word patterns as a regular expression over one word."""
    parts = []
    for pattern in spec.split():
        if "_" in pattern:
            continue  # a pair of words: see _PAIRS
        core = re.escape(pattern.strip("*"))
        parts.append(
            f"{'' if pattern.startswith('*') else '^'}{core}{'' if pattern.endswith('*') else '$'}"
        )
    return "|".join(parts)


# Per kind: the expression for one word, and the pairs of neighbouring words (the first
# word whole or ending with the first part, the next one starting with the second part).
_RULES = tuple(re.compile(_word_pattern(spec)) for _, spec in _HINT_WORDS)
_ANY_RULE = re.compile("|".join(f"(?:{rule.pattern})" for rule in _RULES))  # most words: none
_PAIRS = tuple(
    (rank, first.lstrip("*"), not first.startswith("*"), second.rstrip("*"))
    for rank, (_, spec) in enumerate(_HINT_WORDS)
    for first, second in (p.split("_") for p in spec.split() if "_" in p)
)
_PAIR_TAILS = tuple(sorted({tail for _, _, _, tail in _PAIRS}))


_TAG_HINTS = {
    "nav": BlockKind.NAVIGATION,
    "footer": BlockKind.FOOTER,
    "figcaption": BlockKind.CAPTION,
    "caption": BlockKind.CAPTION,
    "time": BlockKind.TIMESTAMP,
    "h1": BlockKind.HEADLINE,
    "select": BlockKind.WIDGET,
    "noscript": BlockKind.WIDGET,
    "address": BlockKind.BYLINE,
}
_HINT_ATTRIBUTES = frozenset(
    {"class", "id", "role", "aria-label", "itemprop", "rel", "data-component", "data-testid",
     "data-module"}
)  # fmt: skip
_WORD_BREAK = re.compile(r"[^a-zA-Z0-9]+|(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Hint:
    """A boilerplate kind an enclosing element names, and how far up that element is."""

    distance: int  # 0: the piece's own element
    kind: BlockKind
    element: int  # the element's position in document order (an identity within the page)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of visible text and what its surroundings say it is."""

    text: str
    line: int  # 0-based source line where the text starts
    tag: str  # the element whose text this is
    hints: tuple[Hint, ...]  # nearest first
    link_share: float = 0.0  # share of the text (white space aside) that is link text


# The commonest tag names, as lxml gives them: found without any string work.
_TAG_NAMES = {tag: tag for tag in (*_BLOCK_TAGS, "a", "span", "b", "i", "em", "strong", "br")}


def tag_name(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


@lru_cache(maxsize=16384)
def _word_rank(word: str) -> int:
    """The position in _HINT_WORDS of the first kind ``word`` names (its length: none)."""
    if not _ANY_RULE.search(word):
        return len(_RULES)
    return next((rank for rank, rule in enumerate(_RULES) if rule.search(word)), len(_RULES))


@lru_cache(maxsize=8192)
def _hint_of_words(words: str) -> BlockKind | None:
    # Pages repeat the same class lists, and sites the same words: both are looked up once.
    split = _WORD_BREAK.sub(" ", words).lower().split()
    best = min((_word_rank(word) for word in split), default=len(_RULES))
    for first, second in pairwise(split):
        if not second.startswith(_PAIR_TAILS):
            continue
        for rank, head, whole, tail in _PAIRS:
            if rank >= best:
                break
            if (first == head if whole else first.endswith(head)) and second.startswith(tail):
                best = rank
                break
    return _HINT_WORDS[best][0] if best < len(_RULES) else None


def element_hint(element: Any, name: str, in_article: bool) -> BlockKind | None:
    """The boilerplate kind ``element`` names, or ``None``.

    ``in_article``: the element is inside an ``<article>`` or ``<main>``, where a
    ``<header>`` is the story's own header rather than the site's masthead.
    """
    if name == "header" and not in_article:
        return BlockKind.NAVIGATION
    attributes = element.items()
    if attributes:
        words = " ".join(value for attribute, value in attributes if attribute in _HINT_ATTRIBUTES)
        kind = _hint_of_words(words) if words else None
        if kind is not None:
            return kind
    return _TAG_HINTS.get(name)


_UNKNOWN: Any = object()  # a frame's hint not looked up yet


@dataclass(slots=True)
class _Frame:
    element: Any
    name: str
    starts_block: bool
    position: int  # the element's position in document order
    in_article: bool
    # May an inline element with a hint directly inside this one be a piece of its own?
    # Not inside a paragraph-like element, nor inside an inline element with a hint or
    # one that starts a piece (the author link inside a byline stays part of the byline).
    splits: bool = True
    hint: BlockKind | None = _UNKNOWN
    # The hinted frames from the root down to this one: (depth, kind, position).
    chain: tuple[tuple[int, BlockKind, int], ...] | None = None
    hints: tuple[Hint, ...] | None = None  # as a piece in this frame sees them

    def named(self) -> BlockKind | None:
        # Looked up only when a piece needs it: most elements never hold a piece.
        if self.hint is _UNKNOWN:
            self.hint = element_hint(self.element, self.name, self.in_article)
        return self.hint

    @property
    def line(self) -> int:
        return max((self.element.sourceline or 1) - 1, 0)


def clean_text(raw: str) -> str:
    """Visible text as a piece holds it: white space collapsed, NFC, no soft hyphens."""
    text = " ".join(raw.replace(_SOFT_HYPHEN, "").split())
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def visible_pieces(root: Any, max_elements: int) -> list[Piece]:
    """The page's visible text, cut into pieces in reading order (no recursion).

    Raises :class:`~newsdiff.InputError` for a page with more than ``max_elements``
    visible elements: reading it would take too long, and no article needs that many.
    """
    return _Walk(max_elements).read(root)


class _Walk:
    """One pass over a page's elements, start and end tags in document order."""

    def __init__(self, max_elements: int) -> None:
        self.max_elements = max_elements
        self.pieces: list[Piece] = []
        self.frames: list[_Frame] = []  # one per open element
        self.blocks: list[int] = []  # positions in frames of those that start a piece
        # The text read since the last piece: runs of text per line (a <br> starts a new
        # one), the source line each <br> is on, and how much link text each line has.
        self.lines: list[list[str]] = [[]]
        self.break_lines: list[int] = []
        self.linked: list[int] = [0]
        self.any_text = False

    def add(self, text: str, is_link: bool) -> None:
        self.lines[-1].append(text)
        if is_link:
            self.linked[-1] += sum(map(len, text.split()))
        if not self.any_text and not text.isspace():
            self.any_text = True

    def read(self, root: Any) -> list[Piece]:
        from lxml import etree  # the optional html extra; only its trees come here

        walker = etree.iterwalk(root, events=("start", "end"))
        frames, blocks, add = self.frames, self.blocks, self.add
        in_article = in_link = position = 0
        for event, element in walker:
            name = _TAG_NAMES.get(element.tag) or tag_name(element)
            if event == "end":
                if name and name not in _INVISIBLE:
                    if frames[-1].starts_block:
                        self.flush()
                        blocks.pop()
                    frames.pop()
                    if name == "a":
                        in_link -= 1
                    elif name in ("article", "main"):
                        in_article -= 1
                if element.tail:
                    add(element.tail, in_link > 0)
                continue
            position += 1
            if not name or name in _INVISIBLE:  # scripts, styles, processing instructions…
                walker.skip_subtree()
                continue
            if position > self.max_elements:
                raise InputError(
                    f"the HTML page has more than {self.max_elements:,} elements; too many to read"
                )
            frame = _Frame(element, name, name in _BLOCK_TAGS, position, in_article > 0)
            if frame.starts_block:
                frame.splits = name not in _TEXT_BLOCKS
            else:
                parent_splits = frames[-1].splits if frames else True
                if parent_splits and frame.named() is not None:
                    frame.starts_block = True
                frame.splits = parent_splits and frame.hint is None
            if frame.starts_block:
                self.flush()
                blocks.append(len(frames))
            if name == "a":
                in_link += 1
            elif name in ("article", "main"):
                in_article += 1
            frames.append(frame)
            if name == "br":
                self.lines.append([])
                self.linked.append(0)
                self.break_lines.append(frame.line)
            if element.text:
                add(element.text, in_link > 0)
        self.flush()
        return self.pieces

    def flush(self) -> None:
        """The text read so far as pieces, one per line (a <br> splits it)."""
        if not self.any_text and not self.break_lines:  # white space only, or nothing
            self.lines[0].clear()
            self.linked[0] = 0
            return
        if self.any_text:
            # The text belongs to the innermost element that starts a piece; hints count
            # from there up (an inline element still open holds none of the text before it).
            depth = self.blocks[-1] if self.blocks else -1
            block = self.frames[depth] if depth >= 0 else None
            tag, line = (block.name, block.line) if block else ("", 0)
            hints = self.hints(depth)
            for runs, linked, part_line in zip(
                self.lines, self.linked, [line, *self.break_lines], strict=True
            ):
                raw = "".join(runs)
                text = clean_text(raw)
                if text:
                    # Source line breaks before the text move its start down.
                    start = part_line + raw[: len(raw) - len(raw.lstrip())].count("\n")
                    share = min(linked / max(len(text) - text.count(" "), 1), 1.0)
                    self.pieces.append(Piece(text, start, tag, hints, share))
            self.any_text = False
        if len(self.lines) > 1 or self.lines[0]:
            self.lines = [[]]
            self.linked = [0]
            self.break_lines.clear()

    def hints(self, depth: int) -> tuple[Hint, ...]:
        """What the elements from ``frames[depth]`` up name, nearest first (memoized)."""
        if depth < 0:
            return ()
        frames = self.frames
        if frames[depth].hints is None:
            start = depth
            while start >= 0 and frames[start].chain is None:
                start -= 1
            chain = frames[start].chain or () if start >= 0 else ()
            for i in range(start + 1, depth + 1):
                frame = frames[i]
                kind = None if frame.name in ("html", "body") else frame.named()
                if kind is not None:
                    chain = (*chain, (i, kind, frame.position))
                frame.chain = chain
            frames[depth].hints = tuple(
                Hint(depth - i, kind, position) for i, kind, position in reversed(chain)
            )
        return frames[depth].hints or ()
