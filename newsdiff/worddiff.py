"""Word-level diff inside a change, with diff-match-patch on word tokens.

Tokens are runs of word characters, runs of whitespace, or single other characters
(with any combining marks), so a diff never cuts a word in two. Each token becomes
one code point, diff-match-patch diffs the code points with semantic cleanup, and the
result is decoded back into spans of text. A change may hold several paragraphs on a
side (split, merged): a boundary marker between them keeps every span inside one
paragraph, so each paragraph's text is rebuilt exactly from its spans.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsdiff import dmp
from newsdiff.align import equal_anchors
from newsdiff.models import Span, SpanOp
from newsdiff.text import tokens

_BOUNDARY = None  # stands between paragraphs; never a token, so never shown
Token = str | None


def _stream(paragraphs: Sequence[str]) -> list[str | None]:
    stream: list[Token] = []
    for n, text in enumerate(paragraphs):
        if n:
            stream.append(_BOUNDARY)
        stream.extend(tokens(text))
    return stream


_SENTENCE_END = frozenset(".!?") | {_BOUNDARY}

WORD_DIFF_BUDGET = 4_000_000
"""Largest (old tokens × new tokens) diffed word by word in one piece. Beyond it the
texts are first aligned sentence by sentence; a stretch of changed sentences still
beyond it is shown as deleted and inserted whole. This bounds the time a pathological
pair (a megabyte-long paragraph against a shuffled copy) can take."""
WORD_DIFF_TOTAL_BUDGET = 2 * WORD_DIFF_BUDGET
"""Largest sum of (old tokens × new tokens) over the stretches between equal sentences
diffed word by word for one change; later stretches are shown deleted and inserted
whole. Without it a shuffled copy leaves ~√n stretches, each within the budget, and
the whole costs n^1.5."""


def _runs(a: Sequence[Token], b: Sequence[Token]) -> Iterator[tuple[SpanOp, Sequence[Token]]]:
    """(op, tokens) runs that cover both streams in order."""
    if len(a) * len(b) > WORD_DIFF_BUDGET:
        # Common ends first: they cost nothing and often leave a small middle.
        head = 0
        while head < min(len(a), len(b)) and a[head] == b[head]:
            head += 1
        tail = 0
        while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
            tail += 1
        if head:
            yield SpanOp.EQUAL, a[:head]
        middle_a, middle_b = a[head : len(a) - tail], b[head : len(b) - tail]
        if len(middle_a) * len(middle_b) > WORD_DIFF_BUDGET:
            yield from _runs_by_sentence(middle_a, middle_b)
        else:
            yield from _runs(middle_a, middle_b)
        if tail:
            yield SpanOp.EQUAL, a[len(a) - tail :]
        return
    ia = ib = 0
    for op, n in dmp.diff(a, b, semantic=True):
        if op is dmp.Op.EQUAL:
            yield SpanOp.EQUAL, a[ia : ia + n]
            ia, ib = ia + n, ib + n
        elif op is dmp.Op.DELETE:
            yield SpanOp.DELETE, a[ia : ia + n]
            ia += n
        else:
            yield SpanOp.INSERT, b[ib : ib + n]
            ib += n


def _sentences(stream: Sequence[Token]) -> list[tuple[Token, ...]]:
    out: list[tuple[Token, ...]] = []
    start = 0
    for n, token in enumerate(stream):
        if token in _SENTENCE_END:
            out.append(tuple(stream[start : n + 1]))
            start = n + 1
    if start < len(stream):
        out.append(tuple(stream[start:]))
    return out


def _runs_by_sentence(
    a: Sequence[Token], b: Sequence[Token]
) -> Iterator[tuple[SpanOp, Sequence[Token]]]:
    sa, sb = _sentences(a), _sentences(b)
    pairs = equal_anchors(sa, sb, lambda sentence: float(len(sentence)))
    i = j = 0
    spent = 0
    for p, q in [*pairs, (len(sa), len(sb))]:
        old = [t for sentence in sa[i:p] for t in sentence]
        new = [t for sentence in sb[j:q] for t in sentence]
        cost = len(old) * len(new)
        if cost <= WORD_DIFF_BUDGET and spent + cost <= WORD_DIFF_TOTAL_BUDGET:
            spent += cost
            yield from _runs(old, new)
        else:
            yield SpanOp.DELETE, old
            yield SpanOp.INSERT, new
        if p < len(sa):
            yield SpanOp.EQUAL, sa[p]
        i, j = p + 1, q + 1


def word_diff(old: Sequence[str], new: Sequence[str]) -> tuple[Span, ...]:
    """Spans that rebuild every paragraph of ``old`` (equal + delete) and of ``new``
    (equal + insert), in order."""
    if len(old) == 1 and len(new) == 1 and old[0] == new[0]:  # the common case: unchanged
        return (Span(op=SpanOp.EQUAL, text=old[0], old=0, new=0),) if old[0] else ()
    spans: list[Span] = []
    part = {SpanOp.DELETE: 0, SpanOp.INSERT: 0}  # current paragraph on each side

    def emit(op: SpanOp, text: str) -> None:
        old_part = part[SpanOp.DELETE] if op is not SpanOp.INSERT else None
        new_part = part[SpanOp.INSERT] if op is not SpanOp.DELETE else None
        last = spans[-1] if spans else None
        if last is not None and (last.op, last.old, last.new) == (op, old_part, new_part):
            spans[-1] = Span(op=op, text=last.text + text, old=old_part, new=new_part)
        elif text:
            spans.append(Span(op=op, text=text, old=old_part, new=new_part))

    for span_op, run in _runs(_stream(old), _stream(new)):
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
