"""Saved article pages (HTML) → :class:`~newsdiff.models.Article`.

Contents, in the order a page goes through them:

* :func:`looks_like_html` — is this text a page or a fragment of one, rather than
  plain text that merely mentions a tag?
* :func:`parse_html` — the page as labelled blocks plus metadata.

How :func:`parse_html` reads a page (one lxml parse, shared by every step):

1. :mod:`~newsdiff.parse.html_visible` cuts the page's *visible* text into pieces
   (paragraphs, headings, list items, captions, links in a share bar…; scripts, styles
   and the ``<head>`` are not text), each with the kinds its surroundings name;
2. trafilatura extracts the article, and :mod:`~newsdiff.parse.html_coverage` aligns its
   text onto the pieces;
3. :mod:`~newsdiff.parse.html_article` corrects that verdict where the page gives strong
   evidence (a named box inside the article, a lede or heading left out);
4. every other piece is kept as a boilerplate kind named by its surroundings or, failing
   that, by the plain-text rules of :mod:`newsdiff.parse.kinds`;
5. :mod:`~newsdiff.parse.html_meta` reads headline, byline, dates, URL and site name.

Nothing visible is dropped, only set aside. trafilatura and lxml come with the optional
extra ``newsdiff[html]``; without them :func:`parse_html` raises
:class:`~newsdiff.ExtraMissingError` saying how to install it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from newsdiff.errors import EmptyInputError, ExtraMissingError, InputError
from newsdiff.models import Article, Block, BlockKind, Metadata
from newsdiff.parse import structure
from newsdiff.parse.html_article import article_verdicts, prose_left_out
from newsdiff.parse.html_coverage import Alignment, Unit, align, units
from newsdiff.parse.html_meta import page_facts
from newsdiff.parse.html_visible import Piece, clean_text, visible_pieces
from newsdiff.parse.kinds import classify
from newsdiff.parse.lines import make_block, split_dateline
from newsdiff.text import key

if TYPE_CHECKING:
    from types import ModuleType

__all__ = ["looks_like_html", "parse_html"]

MAX_HTML_CHARS = 20_000_000
"""Largest page accepted, in characters (trafilatura's own limit is the same)."""
MAX_ELEMENTS = 100_000
"""Most elements a page may have; real article pages have a few thousand."""


# --- telling HTML from text -------------------------------------------------------------

# What may stand before the first tag of a page: a byte-order mark, white space, an XML
# declaration, comments.
_PREAMBLE = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.*?-->\s*){0,20}", re.S)
_DOCUMENT_START = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.I)
# A page a server printed warnings in front of: a line of its own starts the document.
_DOCUMENT_LINE = re.compile(r"^[ \t]*<(?:!doctype\s+html|html)[\s>]", re.I | re.M)
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
# How far a page's start may be: after a long <style> or a server's warnings.
_PAGE_START_CHARS = 65536


def looks_like_html(text: str) -> bool:
    """Is ``text`` an HTML page (or a fragment of one) rather than plain text?

    Only the start of the text decides: a page begins with a doctype or ``<html>``
    (after white space, an XML declaration or comments, or on a line of its own after
    the warnings a server printed first); a fragment begins with a block-level tag and
    closes at least two block-level elements. Plain text that mentions ``<script>`` or
    holds a stray ``<b>`` is not HTML.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("The <b>council</b> met on Monday.")
    False
    """
    head = text[:_SNIFF_CHARS]
    preamble = _PREAMBLE.match(head)
    rest = head[preamble.end() if preamble else 0 :]
    if _DOCUMENT_START.match(rest) or _DOCUMENT_LINE.search(text, 0, _PAGE_START_CHARS):
        return True
    if not _FRAGMENT_START.match(rest):
        return False
    closing = _CLOSING_BLOCK_TAG.finditer(text, 0, _PAGE_START_CHARS)
    return next(closing, None) is not None and next(closing, None) is not None


# --- reading the page ------------------------------------------------------------------------

# C0 control characters other than tab and line breaks, which lxml refuses.
_CONTROLS_TO_SPACE = bytes(
    0x20 if byte < 0x20 and byte not in (0x09, 0x0A, 0x0D) else byte for byte in range(256)
)
_SURROGATE = re.compile("[\ud800-\udfff]")


def _modules() -> tuple[ModuleType, ModuleType, ModuleType]:
    try:
        import htmldate
        import lxml.html
        import trafilatura
    except ImportError as exc:
        missing = f"{exc.name or 'trafilatura'} is not installed"
        raise ExtraMissingError.needs("reading HTML pages", "html", missing) from None
    return trafilatura, lxml.html, htmldate


def _parse_tree(lxml_html: ModuleType, text: str) -> Any:
    # lxml reads UTF-8 bytes fastest; it refuses control characters (they become spaces)
    # and lone surrogates (U+FFFD), and the charset the page declares is already applied.
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        data = _SURROGATE.sub("\ufffd", text).encode("utf-8")
    data = data.translate(_CONTROLS_TO_SPACE)
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False
    )
    # Every element as a plain HtmlElement, chosen in C: lxml's default lookup calls
    # Python for each element to pick form and input classes nobody here uses.
    parser.set_element_class_lookup(
        lxml_html.etree.ElementDefaultClassLookup(
            element=lxml_html.HtmlElement,
            comment=lxml_html.HtmlComment,
            pi=lxml_html.HtmlProcessingInstruction,
            entity=lxml_html.HtmlEntity,
        )
    )
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except Exception as exc:  # lxml's ParserError (empty document) and friends
        raise EmptyInputError(f"the HTML page holds no elements to read ({exc})") from None
    fatal = list(parser.error_log.filter_from_fatals())
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


SURE_CHARS = 1000
LEFT_OUT_CHARS = 2000
"""trafilatura's fast mode is taken at its word unless it finds little text (fewer than
SURE_CHARS characters) while leaving out much of the page's prose (more than
LEFT_OUT_CHARS characters of it): then its full cascade decides."""


def _extracted(trafilatura: ModuleType, root: Any, pieces: list[Piece]) -> Alignment:
    """What trafilatura takes for the article, aligned onto the page's pieces.

    Its fast mode first: the full cascade (readability and jusText compared with its own
    extractor) costs about 40 % more, and on the benchmark pages it changes the verdict
    almost only where the fast mode found little text and left much prose out
    (``docs/html.md``).
    """
    texts = [piece.text for piece in pieces]
    alignment = align(texts, [])
    for fast in (True, False):
        try:
            document = trafilatura.bare_extraction(
                root, fast=fast, include_comments=False, include_tables=True, with_metadata=False
            )
        except Exception:  # a failure inside the extractor: read the page without it
            document = None
        if document is None:
            continue
        alignment = align(texts, units(document.body))
        if (
            len(document.text or "") >= SURE_CHARS
            or prose_left_out(pieces, alignment.pieces) <= LEFT_OUT_CHARS
        ):
            break
    return alignment


# --- labelling the pieces ----------------------------------------------------------------------

# Text that announces a correction wherever it stands, even inside the article body.
_CORRECTION_TEXT = re.compile(
    r"^\W{0,3}(correction|clarification|editor[’']?s note|update(d)? to correct)\b\W{0,3}[:.—–-]"
    r"|^an earlier version of this (article|story|report)\b",
    re.IGNORECASE,
)
# A copyright or credit line, in any language: it starts with the sign (or the word).
_COPYRIGHT_LINE = re.compile(r"\W{0,2}(?:©|\(c\)\s*\d{4}|copyright\b)", re.IGNORECASE)
_COPYRIGHT_WORDS = 30


def _kind_of(piece: Piece, verdict: BlockKind | None) -> BlockKind | None:
    """The piece's kind from the verdict on it (see :func:`article_verdicts`) and its
    surroundings; None: undecided."""
    if _CORRECTION_TEXT.search(piece.text) or any(
        h.kind is BlockKind.CORRECTION for h in piece.hints
    ):
        return BlockKind.CORRECTION
    if (
        verdict is BlockKind.BODY
        and _COPYRIGHT_LINE.match(piece.text)
        and len(piece.text.split()) <= _COPYRIGHT_WORDS
    ):
        return BlockKind.COPYRIGHT
    if verdict is not None:
        return verdict
    return piece.hints[0].kind if piece.hints else None


def _name_the_rest(kinds: list[BlockKind | None], pieces: list[Piece]) -> None:
    """Kinds for the pieces neither trafilatura nor a hint decided; fills ``kinds`` in place.

    The plain-text rules name each one; what they take for article text (trafilatura
    left it out) becomes ``summary`` before the article, ``promo`` inside it and
    ``footer`` after it. Without any article text from trafilatura, the plain-text rules
    decide alone.
    """
    undecided = [i for i, kind in enumerate(kinds) if kind is None]
    if not undecided:
        return
    guesses = dict(zip(undecided, classify([pieces[i].text for i in undecided]), strict=True))
    article = [i for i, kind in enumerate(kinds) if kind is not None and not kind.is_boilerplate]
    if not article:
        for i, guess in guesses.items():
            kinds[i] = guess
        return
    first, last = article[0], article[-1]
    for i, guess in guesses.items():
        if not guess.is_boilerplate:
            where = BlockKind.SUMMARY if i < first else BlockKind.PROMO
            kinds[i] = where if i < last else BlockKind.FOOTER
        else:
            kinds[i] = guess


PAGE_DATA_SHARE = 0.9
"""When this share of trafilatura's output is not among a page's visible text, the page
shows its article only through a script, from data it carries (JSON-LD, a framework's
state), and trafilatura read it from there: that text becomes the body."""


def _add_page_data(
    found: list[tuple[str, int, BlockKind]], unmatched: list[tuple[int, Unit]]
) -> None:
    """Insert the article text a page holds only in its data, in reading order."""
    for position, unit in reversed(unmatched):
        text = clean_text(unit.text)
        if text:
            line = found[min(position, len(found) - 1)][1] if found else 0
            kind = BlockKind.SUBHEADING if unit.heading else BlockKind.BODY
            found.insert(position, (text, line, kind))


def _find_headline(blocks: list[Block], title: str | None) -> list[Block]:
    """Without an ``<h1>``, the first block before the body that the page's title holds."""
    if title is None or any(b.kind is BlockKind.HEADLINE for b in blocks):
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


# --- putting it together --------------------------------------------------------------------


def _without_article_if_none(blocks: list[Block]) -> list[Block]:
    """An error page, a paywall or a cookie wall has no article text of its own: its
    would-be body is relabelled by the same structural rule as in plain text, so that
    ``compare`` raises :class:`~newsdiff.NoBodyError` for it."""
    kinds = [b.kind for b in blocks]
    structure.mark_page_without_article([b.text for b in blocks], kinds)
    return [
        b if b.kind is kind else b.model_copy(update={"kind": kind})
        for b, kind in zip(blocks, kinds, strict=True)
    ]


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
    trafilatura, lxml_html, htmldate = _modules()
    root = _parse_tree(lxml_html, text)
    pieces = visible_pieces(root, MAX_ELEMENTS)
    if not pieces:
        raise EmptyInputError("the HTML page has no visible text: there is no article text")

    alignment = _extracted(trafilatura, root, pieces)
    verdicts = article_verdicts(pieces, alignment.pieces)
    kinds = [_kind_of(piece, verdict) for piece, verdict in zip(pieces, verdicts, strict=True)]
    _name_the_rest(kinds, pieces)
    found = [
        (piece.text, piece.line, kind or BlockKind.WIDGET)
        for piece, kind in zip(pieces, kinds, strict=True)
    ]
    if alignment.hidden >= PAGE_DATA_SHARE:
        _add_page_data(found, alignment.unmatched)
    facts = page_facts(root, htmldate)
    blocks = _find_headline(
        [make_block(i, kind, text, line) for i, (text, line, kind) in enumerate(found)],
        facts.title,
    )
    blocks = _without_article_if_none(blocks)
    blocks, dateline = split_dateline(blocks)

    def first(kind: BlockKind) -> str | None:
        return next((b.text for b in blocks if b.kind is kind), None)

    return Article.model_construct(
        blocks=tuple(blocks),
        metadata=Metadata(
            date=facts.published,
            origin=dateline,
            headline=first(BlockKind.HEADLINE) or facts.title,
            byline=facts.author or first(BlockKind.BYLINE),
            published=facts.published,
            updated=facts.updated,
            url=facts.url,
            site_name=facts.site_name,
        ),
    )
