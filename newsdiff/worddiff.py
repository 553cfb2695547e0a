"""Word-level diff inside a change, with diff-match-patch on word tokens.

Tokens are runs of word characters, runs of whitespace, or single other characters
(with any combining marks), so a diff never cuts a word in two. Each token becomes
one code point, diff-match-patch diffs the code points with semantic cleanup, and the
result is decoded back into spans of text. A change may hold several paragraphs on a
side (split, merged): a boundary marker between them keeps every span inside one
paragraph, so each paragraph's text is rebuilt exactly from its spans.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff import dmp
from newsdiff.models import Span, SpanOp
from newsdiff.text import tokens

_BOUNDARY = None  # stands between paragraphs; never a token, so never shown


def _stream(paragraphs: Sequence[str]) -> list[str | None]:
    stream: list[str | None] = []
    for n, text in enumerate(paragraphs):
        if n:
            stream.append(_BOUNDARY)
        stream.extend(tokens(text))
    return stream


def word_diff(old: Sequence[str], new: Sequence[str]) -> tuple[Span, ...]:
    """Spans that rebuild every paragraph of ``old`` (equal + delete) and of ``new``
    (equal + insert), in order."""
    if len(old) == 1 and len(new) == 1 and old[0] == new[0]:  # the common case: unchanged
        return (Span(op=SpanOp.EQUAL, text=old[0], old=0, new=0),) if old[0] else ()
    a, b = _stream(old), _stream(new)
    spans: list[Span] = []
    part = {SpanOp.DELETE: 0, SpanOp.INSERT: 0}  # current paragraph on each side
    ia = ib = 0

    def emit(op: SpanOp, text: str) -> None:
        old_part = part[SpanOp.DELETE] if op is not SpanOp.INSERT else None
        new_part = part[SpanOp.INSERT] if op is not SpanOp.DELETE else None
        last = spans[-1] if spans else None
        if last is not None and (last.op, last.old, last.new) == (op, old_part, new_part):
            spans[-1] = Span(op=op, text=last.text + text, old=old_part, new=new_part)
        elif text:
            spans.append(Span(op=op, text=text, old=old_part, new=new_part))

    for op, n in dmp.diff(a, b, semantic=True):
        if op is dmp.Op.EQUAL:
            run, span_op = a[ia : ia + n], SpanOp.EQUAL
            ia, ib = ia + n, ib + n
        elif op is dmp.Op.DELETE:
            run, span_op = a[ia : ia + n], SpanOp.DELETE
            ia += n
        else:
            run, span_op = b[ib : ib + n], SpanOp.INSERT
            ib += n
        text: list[str] = []
        for token in run:
            if token is _BOUNDARY:
                emit(span_op, "".join(text))
                text = []
                if span_op is not SpanOp.INSERT:
                    part[SpanOp.DELETE] += 1
                if span_op is not SpanOp.DELETE:
                    part[SpanOp.INSERT] += 1
            else:
                text.append(token)
        emit(span_op, "".join(text))
    return tuple(spans)
