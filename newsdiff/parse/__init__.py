"""Plain text as scraped (or a saved HTML page) → :class:`~newsdiff.models.Article`.

Steps: decode (for ``bytes``), split into lines on any line break, rejoin the lines
of one paragraph (:mod:`newsdiff.parse.lines`), set aside crawler prefixes and
datelines, tell body from boilerplate with a fitted model of shallow line features
(:mod:`newsdiff.parse.model`) and name every block body, sub-heading or a boilerplate
kind (:mod:`newsdiff.parse.kinds`), then correct the labels by structure
(:mod:`newsdiff.parse.structure`). Every
character of the input's text ends up in some block (whitespace between paragraphs
aside); nothing is dropped.
"""

from __future__ import annotations

from newsdiff.errors import EmptyInputError
from newsdiff.models import Article, BlockKind, Metadata
from newsdiff.parse import structure
from newsdiff.parse.decode import MAX_INPUT_CHARS, as_text, decode
from newsdiff.parse.html import looks_like_html, parse_html
from newsdiff.parse.kinds import classify
from newsdiff.parse.lines import (
    CRAWLER_PREFIX,
    MAX_PARAGRAPHS,
    check_count,
    make_block,
    paragraphs,
    split_dateline,
)
from newsdiff.parse.model import is_body
from newsdiff.parse.source import Source, read_source

__all__ = ["MAX_INPUT_CHARS", "MAX_PARAGRAPHS", "Source", "decode", "parse", "split_dateline"]


def parse(source: Source) -> Article:
    """Parse one version of an article into labelled blocks.

    >>> art = parse("Home › News\\n\\nSENDAL (FP) — The council met on Monday.\\n\\nShare")
    >>> [b.kind.value for b in art.blocks]
    ['navigation', 'body', 'share']

    ``source`` is text, bytes, a path (``pathlib.Path``: the file is read as bytes) or an
    Article (returned as is). HTML pages (``str`` or ``bytes``, charset honoured) go to
    :func:`newsdiff.parse.html.parse_html`, which needs the ``html`` extra. Raises
    :class:`~newsdiff.EmptyInputError` for empty or whitespace-only input and
    :class:`~newsdiff.InputError` for input that is not text (binary data, a wrong type)
    or is over the limits (:data:`MAX_INPUT_CHARS`, :data:`MAX_PARAGRAPHS`; see
    ``docs/limits.md``), for a path that cannot be read, and for a one-line ``str`` that
    names an existing file (pass a ``Path`` to read it).
    """
    if isinstance(source, Article):
        return source
    text = as_text(read_source(source))
    if looks_like_html(text):
        article = parse_html(text)
        check_count(len(article.blocks))
        return article
    paras = paragraphs(text)
    if not paras:
        raise EmptyInputError("the input is empty or whitespace only: there is no article text")
    date: str | None = None
    prefixes: list[str] = []
    rests: list[str] = []
    for para in paras:
        match = CRAWLER_PREFIX.match(para.text)
        if match and match.end() < len(para.text):
            date = date or match.group(1)
            prefixes.append(para.text[: match.end()])
            rests.append(para.text[match.end() :])
        else:
            prefixes.append("")
            rests.append(para.text)
    kinds = structure.apply(rests, classify(rests, body_model=is_body))
    for i, para in enumerate(paras):
        match = CRAWLER_PREFIX.match(para.text)
        if match and match.end() == len(para.text):
            kinds[i] = BlockKind.METADATA
            date = date or match.group(1)
    blocks, dateline = split_dateline(
        [
            make_block(i, kind, rest, para.line, prefix)
            for i, (para, prefix, rest, kind) in enumerate(
                zip(paras, prefixes, rests, kinds, strict=True)
            )
        ]
    )
    headline = next((b.text for b in blocks if b.kind is BlockKind.HEADLINE), None)
    byline = next((b.text for b in blocks if b.kind is BlockKind.BYLINE), None)
    return Article.model_construct(
        blocks=tuple(blocks),
        metadata=Metadata(date=date, origin=dateline, headline=headline, byline=byline),
    )
