"""Saved article pages (HTML) → :class:`~newsdiff.models.Article`.

Contents, in the order a page goes through them:

* :func:`looks_like_html` — is this text a page or a fragment of one, rather than
  plain text that merely mentions a tag?
* :func:`parse_html` — the page as labelled blocks plus metadata.

How :func:`parse_html` labels a page: it cuts the page's *visible* text into blocks
(paragraphs, headings, list items, captions, links in a share bar…; scripts, styles
and the ``<head>`` are not text), asks trafilatura which of that text is the article,
and labels the blocks trafilatura keeps as body or sub-headings. Every other block is
kept as a boilerplate kind named by its surroundings (``<nav>``, ``class="share-bar"``,
``<figcaption>``, ``role="contentinfo"``…) or, failing that, by the plain-text rules of
:mod:`newsdiff.parse.kinds`. Nothing visible is dropped, only set aside.

trafilatura and lxml come with the optional extra ``newsdiff[html]``; without them
:func:`parse_html` raises :class:`~newsdiff.ExtraMissingError` saying how to install it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsdiff.errors import EmptyInputError, ExtraMissingError, InputError
from newsdiff.models import Article, Block, BlockKind, Metadata
from newsdiff.parse.kinds import classify
from newsdiff.parse.lines import split_dateline
from newsdiff.text import key

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["looks_like_html", "parse_html"]

MAX_HTML_CHARS = 20_000_000
"""Largest page accepted, in characters (trafilatura's own limit is the same)."""
MAX_ELEMENTS = 100_000
"""Most elements a page may have; real article pages have a few thousand (reading takes
about 0.1 ms an element, so this bounds a page to about ten seconds)."""


# --- telling HTML from text -------------------------------------------------------------

# What may stand before the first tag of a page: a byte-order mark, white space, an XML
# declaration, comments.
_PREAMBLE = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.*?-->\s*){0,20}", re.S)
_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.I)
# Elements a saved fragment of a page starts with; inline tags such as <b> are not enough.
_FRAGMENT_START = re.compile(
    r"<(article|aside|blockquote|div|figure|footer|h[1-6]|header|link|main|meta|nav|ol|p|"
    r"section|script|style|table|title|ul)[\s>/]",
    re.I,
)
_CLOSING_BLOCK_TAG = re.compile(
    r"</(article|aside|blockquote|div|figure|footer|h[1-6]|header|li|main|nav|ol|p|section|"
    r"table|td|ul|title|script|style)\s*>",
    re.I,
)
_SNIFF_CHARS = 4096


def looks_like_html(text: str) -> bool:
    """Is ``text`` an HTML page (or a fragment of one) rather than plain text?

    Only the start of the text decides: a page begins with a doctype or ``<html>``
    (after white space, an XML declaration or comments); a fragment begins with a
    block-level tag and closes at least two block-level elements. Plain text that
    mentions ``<script>`` or holds a stray ``<b>`` is not HTML.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("The <b>council</b> met on Monday.")
    False
    """
    head = text[:_SNIFF_CHARS]
    preamble = _PREAMBLE.match(head)
    rest = head[preamble.end() if preamble else 0 :]
    if _DOCUMENT_START.match(rest):
        return True
    if not _FRAGMENT_START.match(rest):
        return False
    return len(_CLOSING_BLOCK_TAG.findall(head)) >= 2


# --- visible text as blocks -------------------------------------------------------------

# Never text a reader sees.
_INVISIBLE = frozenset(
    {"script", "style", "template", "head", "svg", "math", "iframe", "object", "canvas", "embed"}
)
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
# A <br> ends a block, as a line ends one in plain text. NUL cannot come from the page:
# lxml refuses it, and _parse_tree replaces it beforehand.
_LINE_BREAK = "\x00"
_SPACE = re.compile(r"\s+")
# C0 controls other than tab and line breaks, which lxml refuses; lone surrogates.
_UNPARSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# Words in class, id, role, aria-label, itemprop, rel and data-* attributes that say what
# an element holds. Checked in order, so the more specific kinds come first.
_HINTS: tuple[tuple[BlockKind, re.Pattern[str]], ...] = (
    (
        BlockKind.CORRECTION,
        _rx(r"correction|clarification|\beditors? ?notes?|editorsnote|\berrat(um|a)\b"),
    ),
    (BlockKind.COOKIE, _rx(r"cookie|\bconsent|\bgdpr\b|\bcmp\b|onetrust")),
    (
        BlockKind.ADVERTISEMENT,
        _rx(
            r"\bads?\b|advert|\bad ?(slot|unit|box|label|wrap\w*|container)|\bdfp\b|\bgpt\b|sponsor"
        ),
    ),
    (BlockKind.NEWSLETTER, _rx(r"newsletter|subscri|\bsign ?up|signup|\boptin\b")),
    (BlockKind.SHARE, _rx(r"\bshare|sharing|sharetools|\bsocial")),
    (BlockKind.COMMENTS, _rx(r"comments?\b|\bdisqus|\bdiscussion")),
    (
        BlockKind.RELATED,
        _rx(
            r"related|recommend|more ?stories|read ?more|read ?next|trending|most ?read|"
            r"most ?popular|\bpopular|outbrain|taboola|\bteasers?\b|\bonward"
        ),
    ),
    (
        BlockKind.NAVIGATION,
        _rx(r"\bnav|navigation|\bmenu|breadcrumb|masthead|site ?header|\blogo\b|\btopbar\b"),
    ),
    (BlockKind.BYLINE, _rx(r"byline|author|contributor")),
    (
        BlockKind.TIMESTAMP,
        _rx(r"timestamp|\btime\b|date\b|\bdate|\bpublished\b|\bupdated\b|\bmodified\b|\bposted\b"),
    ),
    (BlockKind.PHOTO_CREDIT, _rx(r"\bcredits?\b|photo ?credit|image ?credit")),
    (BlockKind.CAPTION, _rx(r"caption")),
    (BlockKind.COPYRIGHT, _rx(r"copyright|\blegal\b")),
    (BlockKind.FOOTER, _rx(r"footer|contentinfo|colophon")),
    (BlockKind.FOOTER, _rx(r"\b(tags?|topics?|keywords)\b")),
    (
        BlockKind.WIDGET,
        _rx(r"\bskip|toolbar|\bsearch|\bmodal\b|popup|paywall|\bbtn\b|\bbutton|tooltip"),
    ),
    (BlockKind.PROMO, _rx(r"\bpromo|\bcta\b|callout|app ?banner|podcast")),
    (BlockKind.SUMMARY, _rx(r"standfirst|\bsummary|\bdek\b|strapline|\bkicker")),
)
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
_HINT_ATTRIBUTES = ("class", "id", "role", "aria-label", "itemprop", "rel", "data-component")
# Text that announces a correction wherever it stands, even inside the article body.
_CORRECTION_TEXT = _rx(
    r"^\W{0,3}(correction|clarification|editor[’']?s note|update(d)? to correct)\b\W{0,3}[:.—–-]"
    r"|^an earlier version of this (article|story|report)\b"
)
_SUBHEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Shortest piece (in non-space characters) taken as body for being part of a longer segment.
_MIN_PARTIAL = 40
# How close (in elements) a hint must be to override trafilatura's "this is body".
_BODY_OVERRIDE_DEPTH = 3


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of visible text and what its surroundings say it is."""

    text: str
    line: int
    tag: str  # the element whose text this is
    hints: tuple[tuple[int, BlockKind], ...]  # (ancestor distance, kind), nearest first


def _tag_name(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _element_hint(element: Any, name: str, in_article: bool) -> BlockKind | None:
    if name == "header" and not in_article:
        return BlockKind.NAVIGATION  # the site's masthead, not the story's header
    words = " ".join(
        element.get(attribute) or ""
        for attribute in (*_HINT_ATTRIBUTES, "data-testid", "data-module")
    )
    if words.strip():
        spaced = re.sub(r"[^a-zA-Z0-9]+|(?<=[a-z])(?=[A-Z])", " ", words)
        for kind, pattern in _HINTS:
            if pattern.search(spaced):
                return kind
    return _TAG_HINTS.get(name)


def _may_split(frames: list[tuple[str, BlockKind | None, bool, int]]) -> bool:
    """May an inline element with a hint (a share link, a ``<time>``) be a block of its own?

    Not inside a paragraph-like element, nor inside another inline element with a hint
    (the author link inside a byline stays part of the byline).
    """
    for name, hint, starts_block, _ in reversed(frames):
        if name in _TEXT_BLOCKS:
            return False
        if name in _BLOCK_TAGS:
            return True
        if starts_block or hint is not None:
            return False
    return True


def _visible_pieces(root: Any) -> list[_Piece]:
    """The page's visible text, cut into blocks in reading order (no recursion)."""
    pieces: list[_Piece] = []
    buffer: list[str] = []
    break_lines: list[int] = []  # source line of each <br> in the buffer
    # One frame per open element: (name, hint, starts a block, source line).
    frames: list[tuple[str, BlockKind | None, bool, int]] = []

    def flush() -> None:
        if not buffer:
            return
        raw = "".join(buffer)
        buffer.clear()
        block = next((f for f in reversed(frames) if f[2]), None)
        tag, line = (block[0], block[3]) if block else ("", 0)
        lines = [line, *break_lines]
        break_lines.clear()
        hints = tuple(
            (distance, hint)
            for distance, (name, hint, _, _) in enumerate(reversed(frames))
            if hint is not None and name not in ("html", "body")
        )
        for part, part_line in zip(raw.split(_LINE_BREAK), lines, strict=True):
            text = _SPACE.sub(" ", part).strip()
            if text:
                # Source line breaks before the text move its start down.
                leading = part[: len(part) - len(part.lstrip())]
                pieces.append(_Piece(text, part_line + leading.count("\n"), tag, hints))

    stack: list[tuple[Any, bool]] = [(root, False)]
    in_article = 0
    while stack:
        element, closing = stack.pop()
        if closing:
            if frames[-1][2]:
                flush()
            name = frames.pop()[0]
            if name in ("article", "main"):
                in_article -= 1
            if element.tail:
                buffer.append(element.tail)
            continue
        name = _tag_name(element)
        if not name or name in _INVISIBLE:  # comments, processing instructions, scripts
            if element.tail:
                buffer.append(element.tail)
            continue
        hint = _element_hint(element, name, in_article > 0)
        starts_block = name in _BLOCK_TAGS or (hint is not None and _may_split(frames))
        if starts_block:
            flush()
        if name in ("article", "main"):
            in_article += 1
        line = max((element.sourceline or 1) - 1, 0)
        frames.append((name, hint, starts_block, line))
        if name == "br":
            buffer.append(_LINE_BREAK)
            break_lines.append(line)
        if element.text:
            buffer.append(element.text)
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    flush()
    return pieces


# --- what trafilatura calls the article ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Segment:
    squeezed: str  # comparison key without any white space
    heading: bool


def _squeeze(text: str) -> str:
    return _SPACE.sub("", key(text))


def _segments(body: Any) -> list[_Segment]:
    """Trafilatura's body as text segments in order: paragraphs, headings, list items…"""
    segments: list[_Segment] = []
    for element in body.iter():
        name = _tag_name(element)
        if name not in ("p", "head", "item", "cell", "quote", "code"):
            continue
        if name == "quote" and any(_tag_name(child) == "p" for child in element):
            continue  # a container: its paragraphs are the segments
        text = "".join(element.itertext())
        if text.strip():
            segments.append(_Segment(_squeeze(text), heading=name == "head"))
    return segments


def _body_labels(pieces: list[_Piece], segments: list[_Segment]) -> list[BlockKind | None]:
    """BODY / SUBHEADING for the pieces trafilatura keeps, ``None`` for the rest."""
    labels: list[BlockKind | None] = [None] * len(pieces)
    unused: dict[str, list[int]] = {}
    for position, segment in enumerate(segments):
        unused.setdefault(segment.squeezed, []).append(position)
    squeezed = [_squeeze(piece.text) for piece in pieces]
    for i, text in enumerate(squeezed):
        positions = unused.get(text)
        if positions:
            segment = segments[positions.pop(0)]
            labels[i] = BlockKind.SUBHEADING if segment.heading else BlockKind.BODY
    # Trafilatura sometimes joins what the page shows as separate blocks (lines split by
    # <br>, a layout table's cell): a piece long enough to be unambiguous that is part of
    # its output is body too.
    joined = "\x00".join(s.squeezed for s in segments)
    for i, text in enumerate(squeezed):
        if labels[i] is None and len(text) >= _MIN_PARTIAL and text in joined:
            labels[i] = BlockKind.BODY
    return labels


# --- putting it together --------------------------------------------------------------------


def _trafilatura() -> tuple[ModuleType, ModuleType, ModuleType]:
    try:
        import htmldate
        import lxml.html
        import trafilatura
    except ImportError as exc:
        missing = f"{exc.name or 'trafilatura'} is not installed"
        raise ExtraMissingError.needs("reading HTML pages", "html", missing) from None
    return trafilatura, lxml.html, htmldate


def _parse_tree(lxml_html: ModuleType, text: str) -> Any:
    # lxml refuses control characters and str input with an encoding declaration.
    text = _SURROGATE.sub("\ufffd", _UNPARSABLE.sub(" ", text))
    text = re.sub(r"\A(\ufeff?\s*)<\?xml[^>]*\?>", r"\1", text)
    parser = lxml_html.HTMLParser(remove_comments=False, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(text, parser=parser)
    except Exception as exc:  # lxml's ParserError (empty document) and friends
        raise EmptyInputError(f"the HTML page holds no elements to read ({exc})") from None
    fatal = [e for e in parser.error_log if e.level_name == "FATAL"]
    if fatal:
        if "depth" in fatal[0].message.lower():
            raise InputError(
                f"the HTML page nests elements more than 255 deep (line {fatal[0].line}); "
                "newsdiff cannot read it in full, and no article page needs that"
            )
        raise InputError(
            f"the HTML page cannot be read in full: {fatal[0].message.strip()} "
            f"(line {fatal[0].line})"
        )
    return root


def _metadata_dates(htmldate: ModuleType, root: Any) -> tuple[str | None, str | None]:
    # A fixed latest date keeps results independent of the day they are computed.
    found: list[str | None] = []
    for original in (True, False):
        try:
            value = htmldate.find_date(
                root,
                extensive_search=False,
                original_date=original,
                outputformat="%Y-%m-%dT%H:%M:%S%z",
                min_date="1990-01-01",
                max_date="2199-12-31",
            )
        except Exception:  # htmldate is best-effort; a date it cannot read is just absent
            value = None
        found.append(_tidy_date(value))
    published, updated = found
    return published, (updated if updated != published else None)


def _tidy_date(value: str | None) -> str | None:
    if not value:
        return None
    # htmldate pads dates it only knows to the day with midnight: keep what the page says.
    return value.removesuffix("T00:00:00") if value.endswith("T00:00:00") else value


def _kind_of(piece: _Piece, body: BlockKind | None) -> BlockKind | None:
    """The piece's kind from trafilatura's verdict and its surroundings (None: undecided)."""
    if _CORRECTION_TEXT.search(piece.text):
        return BlockKind.CORRECTION
    nearest = piece.hints[0] if piece.hints else None
    if body is not None:
        if piece.tag == "h1":
            return BlockKind.HEADLINE
        if (
            nearest is not None
            and nearest[0] <= _BODY_OVERRIDE_DEPTH
            and nearest[1] is not BlockKind.HEADLINE
        ):
            return nearest[1]
        return body
    return nearest[1] if nearest is not None else None


def _fallback(kinds: list[BlockKind | None], pieces: list[_Piece], any_body: bool) -> None:
    """Label undecided pieces with the plain-text rules; fill ``kinds`` in place."""
    guesses = classify([p.text for p in pieces])
    if not any_body:
        # Trafilatura found no article: the plain-text rules decide, hints still name boxes.
        for i, guess in enumerate(guesses):
            if kinds[i] is None:
                kinds[i] = guess
        return
    first = next(i for i, k in enumerate(kinds) if k in (BlockKind.BODY, BlockKind.SUBHEADING))
    last = max(i for i, k in enumerate(kinds) if k in (BlockKind.BODY, BlockKind.SUBHEADING))
    for i, guess in enumerate(guesses):
        if kinds[i] is not None:
            continue
        body_follows = any(
            k in (BlockKind.BODY, BlockKind.SUBHEADING) for k in kinds[i + 1 : i + 4]
        )
        if (first < i or body_follows) and i < last and pieces[i].tag in _SUBHEADING_TAGS:
            guess = BlockKind.SUBHEADING  # a heading among the paragraphs, e.g. a live post's
        elif not guess.is_boilerplate:
            # Prose trafilatura left out: a standfirst before the body, a box inside it,
            # a blurb after it.
            guess = (
                BlockKind.SUMMARY
                if i < first
                else BlockKind.PROMO
                if i < last
                else BlockKind.FOOTER
            )
        kinds[i] = guess


def _find_headline(blocks: list[Block], title: object) -> list[Block]:
    """Without an ``<h1>``, the first block before the body that the page's title holds."""
    if any(b.kind is BlockKind.HEADLINE for b in blocks) or not isinstance(title, str):
        return blocks
    title_key = key(title)
    for position, block in enumerate(blocks):
        if not block.is_boilerplate:
            if block.kind is BlockKind.SUBHEADING or len(block.text.split()) < 12:
                pass  # a title-like first "paragraph" may still be the headline
            else:
                break
        if len(block.text.split()) >= 3 and key(block.text) in title_key:
            blocks[position] = block.model_copy(update={"kind": BlockKind.HEADLINE})
            break
    return blocks


def parse_html(text: str) -> Article:
    """Parse an article page's HTML into labelled blocks and metadata.

    >>> page = (
    ...     "<html><head><title>Bridge shut</title></head><body><nav><a>Home</a> <a>News</a></nav>"
    ...     "<article><h1>Bridge shut for repairs</h1><p>The Old Bridge closed on Monday for"
    ...     " repairs that will take until the spring, the council said in a statement.</p>"
    ...     "<p>Drivers face a detour of about four miles through the town centre while the"
    ...     " work goes on, and buses will run to a temporary timetable.</p></article>"
    ...     "<footer><p>© 2024 Example News</p></footer></body></html>"
    ... )
    >>> [b.kind.value for b in parse_html(page).blocks]
    ['navigation', 'headline', 'body', 'body', 'footer']

    Raises :class:`~newsdiff.ExtraMissingError` without the ``html`` extra,
    :class:`~newsdiff.EmptyInputError` for a page with no visible text and
    :class:`~newsdiff.InputError` for one too large or too deeply nested to read.
    """
    if not isinstance(text, str):
        raise InputError(f"expected HTML as str, got {type(text).__name__}; decode bytes first")
    if len(text) > MAX_HTML_CHARS:
        raise InputError(
            f"the HTML page is {len(text):,} characters; the limit is {MAX_HTML_CHARS:,}"
        )
    trafilatura, lxml_html, htmldate = _trafilatura()
    root = _parse_tree(lxml_html, text)
    n_elements = sum(1 for _ in _bounded(root.iter(), MAX_ELEMENTS + 1))
    if n_elements > MAX_ELEMENTS:
        raise InputError(f"the HTML page has more than {MAX_ELEMENTS:,} elements; too many to read")
    pieces = _visible_pieces(root)
    if not pieces:
        raise EmptyInputError("the HTML page has no visible text: there is no article text")

    document = trafilatura.bare_extraction(
        root,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params={
            "extensive_search": False,
            "original_date": True,
            "max_date": "2199-12-31",
        },
    )
    segments = _segments(document.body) if document is not None else []
    body = _body_labels(pieces, segments)
    kinds = [_kind_of(piece, verdict) for piece, verdict in zip(pieces, body, strict=True)]
    any_body = any(k in (BlockKind.BODY, BlockKind.SUBHEADING) for k in kinds)
    _fallback(kinds, pieces, any_body)
    blocks = [
        Block(index=i, kind=kind or BlockKind.WIDGET, text=piece.text, line=piece.line)
        for i, (piece, kind) in enumerate(zip(pieces, kinds, strict=True))
    ]
    blocks = _find_headline(blocks, document.title if document is not None else None)

    blocks, dateline = split_dateline(blocks)
    published, updated = _metadata_dates(htmldate, root)

    def first(kind: BlockKind) -> str | None:
        return next((b.text for b in blocks if b.kind is kind), None)

    meta = document if document is not None else None
    return Article(
        blocks=tuple(blocks),
        metadata=Metadata(
            date=published,
            origin=dateline,
            headline=first(BlockKind.HEADLINE) or _clean(meta.title if meta else None),
            byline=_clean(meta.author if meta else None) or first(BlockKind.BYLINE),
            published=published,
            updated=updated,
            url=_clean(meta.url if meta else None),
            site_name=_clean(meta.sitename if meta else None),
        ),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return _SPACE.sub(" ", value).strip() or None


def _bounded(items: Iterator[Any], limit: int) -> Iterator[Any]:
    for count, item in enumerate(items):
        if count >= limit:
            return
        yield item
