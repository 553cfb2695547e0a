"""Plain text as scraped (or a saved HTML page) → :class:`~newsdiff.models.Article`.

Steps: decode (for ``bytes``), split into lines on any line break, rejoin
hard-wrapped paragraphs, set aside crawler prefixes and datelines, then label every
block body, sub-heading or a boilerplate kind (:mod:`newsdiff.boilerplate`). Every
character of the input's text ends up in some block (whitespace between paragraphs
aside); nothing is dropped.
"""

from __future__ import annotations

import codecs
import itertools
import re
from dataclasses import dataclass

from newsdiff.boilerplate import classify
from newsdiff.errors import EmptyInputError, InputError
from newsdiff.html import charset_of, looks_like_html, parse_html
from newsdiff.models import Article, Block, BlockKind, Metadata

MAX_INPUT_CHARS = 12_000_000
"""Largest input accepted, in characters (bytes, for ``bytes`` input): a 10 MB article fits."""
MAX_PARAGRAPHS = 100_000
"""Most paragraphs (lines or blocks, boilerplate included) one version may have."""
BINARY_CONTROL_SHARE = 0.05
"""``bytes`` input whose decoded text has more than this share of control characters is
taken for binary data (a ``str`` is never refused for its characters)."""

# A crawler's metadata glued to the start of a line: " date 2024-02-06 Text…".
_CRAWLER_PREFIX = re.compile(
    r"^\s*(?:date|published|updated|crawled|scraped|fetched|timestamp)\s*[:=]?\s*"
    r"(\d{4}-\d{2}(?:-\d{2})?(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)(?:\s+|$)",
    re.IGNORECASE,
)
# A wire dateline: "KYIV, Ukraine (AP) — ", "WASHINGTON (Reuters) - ", "LONDON — ".
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+)*)(?:,\s*[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*)*){0,2}"
    r"(?:\s*\([A-Za-z][\w .&-]{0,30}\))?)\s*(?:—|–|--|-)\s+"
)
_BLANK = re.compile(r"^\s*$")
# Hard wrapping is assumed only when no line is longer than this.
_WRAP_WIDTH = 100


def decode(data: bytes) -> str:
    """Decode bytes: a byte-order mark wins, then UTF-8, then Windows-1252/Latin-1."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                # FF FE 00 00 is also UTF-16's mark followed by a NUL: let UTF-16 try.
                if codec == "utf-32" and data.startswith(codecs.BOM_UTF16_LE):
                    continue
                raise InputError(
                    f"the input starts with a {codec} byte-order mark but is not valid {codec} "
                    f"(byte {exc.start}); re-encode it or pass a str"
                ) from None
    if 0 in data:
        wide = _bomless_wide(data)
        if wide is not None:
            return wide
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Legacy pages: cp1252 where it maps, Latin-1 for the five bytes it leaves undefined.
        return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _bomless_wide(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text without a byte-order mark, recognised by its NUL bytes.

    Text in a Latin script has a zero high byte in almost every code unit, so one byte
    position in each unit is nearly always NUL and the others nearly never are.
    """
    for codec, width, zero_at in (
        ("utf-32-le", 4, (1, 2, 3)),
        ("utf-32-be", 4, (0, 1, 2)),
        ("utf-16-le", 2, (1,)),
        ("utf-16-be", 2, (0,)),
    ):
        units = len(data) // width
        if len(data) % width or not units:
            continue
        zeros = [data[i::width].count(0) for i in range(width)]
        if all(
            zeros[i] >= 0.9 * units if i in zero_at else zeros[i] <= 0.1 * units
            for i in range(width)
        ):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    return None


def _latin1(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "newsdiff-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1)
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters other than the white space a text file holds.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _refuse_binary(text: str) -> None:
    controls = _CONTROL.subn("", text)[1]
    if controls > BINARY_CONTROL_SHARE * len(text):
        raise InputError(
            f"the input looks like binary data, not text ({controls:,} of its {len(text):,} "
            f"characters are control characters); give newsdiff the article's text or its "
            f"HTML page (text in an encoding newsdiff cannot detect: decode it first)"
        )


def _as_text(source: str | bytes) -> str:
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > MAX_INPUT_CHARS:
            raise InputError(
                f"the input is {len(data):,} bytes; the limit is {MAX_INPUT_CHARS:,}: newsdiff "
                f"compares one article at a time; give it a single article, or split the text"
            )
        charset = charset_of(data)
        try:
            text = data.decode(charset) if charset else decode(data)
        except (UnicodeDecodeError, LookupError):  # the page's declaration was wrong
            text = decode(data)
        # Only bytes are checked: a str is text by its caller's word, control
        # characters and all.
        _refuse_binary(text)
    elif isinstance(source, str):
        text = source
    else:
        raise InputError(f"expected article text as str or bytes, got {type(source).__name__}")
    if len(text) > MAX_INPUT_CHARS:
        raise InputError(
            f"the input is {len(text):,} characters; the limit is {MAX_INPUT_CHARS:,}: newsdiff "
            f"compares one article at a time; give it a single article, or split the text"
        )
    # Lone surrogates are not characters and cannot be written as JSON.
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True, slots=True)
class _Para:
    text: str
    line: int


def _check_count(paragraphs: int) -> None:
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(
            f"the input has more than {MAX_PARAGRAPHS:,} paragraphs, the most one version may "
            f"have: newsdiff compares one article at a time; give it a single article, or "
            f"split the text"
        )


def _paragraphs(text: str) -> list[_Para]:
    lines = text.splitlines()
    hard_wrapped = (
        any(_BLANK.match(line) for line in lines)
        and max((len(line) for line in lines), default=0) <= _WRAP_WIDTH
        and any(not _BLANK.match(a) and not _BLANK.match(b) for a, b in itertools.pairwise(lines))
    )
    paras: list[_Para] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines):
        if _BLANK.match(line):
            if current:
                paras.append(_Para(" ".join(current), start))
                current = []
                _check_count(len(paras))
            continue
        if not hard_wrapped:
            paras.append(_Para(line.strip(), number))
            _check_count(len(paras))
            continue
        if not current:
            start = number
        current.append(line.strip())
    if current:
        paras.append(_Para(" ".join(current), start))
    return paras


def split_dateline(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """Set aside the wire dateline of the lede (looked for in the first three body
    paragraphs), for text and HTML alike; returns the blocks and the dateline's name."""
    body_seen = 0
    for position, block in enumerate(blocks):
        if block.kind is not BlockKind.BODY:
            continue
        body_seen += 1
        if body_seen > 3:
            break
        match = _DATELINE.match(block.text)
        if match and match.end() < len(block.text):
            blocks[position] = block.model_copy(
                update={"dateline": block.text[: match.end()], "text": block.text[match.end() :]}
            )
            return blocks, match.group(1).strip()
    return blocks, None


def parse(source: str | bytes | Article) -> Article:
    """Parse one version of an article into labelled blocks.

    >>> art = parse("Home › News\\n\\nSENDAL (FP) — The council met on Monday.\\n\\nShare")
    >>> [b.kind.value for b in art.blocks]
    ['navigation', 'body', 'share']

    HTML pages (``str`` or ``bytes``, charset honoured) go to :func:`newsdiff.html.parse_html`,
    which needs the ``html`` extra. Raises :class:`~newsdiff.EmptyInputError` for empty or
    whitespace-only input and :class:`~newsdiff.InputError` for input that is not text
    (binary data, a wrong type) or is over the limits (:data:`MAX_INPUT_CHARS`,
    :data:`MAX_PARAGRAPHS`; see ``docs/limits.md``).
    """
    if isinstance(source, Article):
        return source
    text = _as_text(source)
    if looks_like_html(text):
        article = parse_html(text)
        _check_count(len(article.blocks))
        return article
    paras = _paragraphs(text)
    if not paras:
        raise EmptyInputError("the input is empty or whitespace only: there is no article text")
    date: str | None = None
    prefixes: list[str] = []
    rests: list[str] = []
    for para in paras:
        match = _CRAWLER_PREFIX.match(para.text)
        if match and match.end() < len(para.text):
            date = date or match.group(1)
            prefixes.append(para.text[: match.end()])
            rests.append(para.text[match.end() :])
        else:
            prefixes.append("")
            rests.append(para.text)
    kinds = classify(rests)
    for i, para in enumerate(paras):
        match = _CRAWLER_PREFIX.match(para.text)
        if match and match.end() == len(para.text):
            kinds[i] = BlockKind.METADATA
            date = date or match.group(1)
    blocks, dateline = split_dateline(
        [
            Block(index=i, kind=kind, text=rest, prefix=prefix, line=para.line)
            for i, (para, prefix, rest, kind) in enumerate(
                zip(paras, prefixes, rests, kinds, strict=True)
            )
        ]
    )
    headline = next((b.text for b in blocks if b.kind is BlockKind.HEADLINE), None)
    byline = next((b.text for b in blocks if b.kind is BlockKind.BYLINE), None)
    return Article(
        blocks=tuple(blocks),
        metadata=Metadata(date=date, dateline=dateline, headline=headline, byline=byline),
    )
