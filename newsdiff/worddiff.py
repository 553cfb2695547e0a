"""Word-level diff inside a change, with diff-match-patch on word tokens.

Tokens are runs of word characters, runs of whitespace, or single other characters
(with any combining marks), so a diff never cuts a word in two. Each token that is not
whitespace becomes one code point, diff-match-patch diffs the code points with
semantic cleanup, the whitespace is put back (kept, or deleted and inserted where the
sides differ), and the result is decoded into spans of text. A change may hold several
paragraphs on a side (split, merged): a boundary marker between them keeps every span
inside one paragraph, so each paragraph's text is rebuilt exactly from its spans.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsdiff import dmp
from newsdiff.align import equal_anchors
from newsdiff.models import Span, SpanOp
from newsdiff.text import cached_by_text, tokens

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
    yield from _word_runs(a, b)


Spaced = tuple[str, Sequence[Token], Sequence[str]]


def _split_spaces(stream: Sequence[Token]) -> Spaced:
    """Whitespace before the first item, the items (tokens that are not whitespace),
    and the whitespace after each item."""
    lead = ""
    items: list[Token] = []
    after: list[str] = []
    for token in stream:
        if token is not None and token.isspace():
            if items:
                after[-1] += token
            else:
                lead += token
        else:
            items.append(token)
            after.append("")
    return lead, tuple(items), tuple(after)


@cached_by_text
def _spaced(text: str) -> Spaced:
    """``_split_spaces`` of one paragraph's tokens (paragraphs recur across comparisons)."""
    return _split_spaces(tokens(text))


def _word_runs(a: Sequence[Token], b: Sequence[Token]) -> Iterator[tuple[SpanOp, Sequence[Token]]]:
    return _spaced_runs(_split_spaces(a), _split_spaces(b))


def _spaced_runs(a: Spaced, b: Spaced) -> Iterator[tuple[SpanOp, Sequence[Token]]]:
    """The word diff proper: diff-match-patch over the tokens that are not whitespace
    (half as many, and whitespace rarely decides an alignment), then the whitespace put
    back: kept where both sides have the same, deleted and inserted where they differ."""
    lead_a, items_a, after_a = a
    lead_b, items_b, after_b = b
    yield from _spaces(lead_a, lead_b)
    ia = ib = 0
    runs = list(dmp.diff(items_a, items_b, semantic=True))
    k = 0
    while k < len(runs):
        op, n = runs[k]
        if op is dmp.Op.EQUAL:
            kept: list[Token] = []
            for x in range(n):
                kept.append(items_a[ia + x])
                space_a, space_b = after_a[ia + x], after_b[ib + x]
                if space_a == space_b:
                    kept.append(space_a)
                else:
                    yield SpanOp.EQUAL, kept
                    kept = []
                    yield from _spaces(space_a, space_b)
            if kept:
                yield SpanOp.EQUAL, kept
            ia, ib = ia + n, ib + n
            k += 1
            continue
        # A changed run carries its whitespace, except the whitespace after its last
        # item, which is kept when the other side has the same there: edits then read
        # "[-Twelve-]{+Seventeen+} people", not "[-Twelve -]{+Seventeen +}people".
        deleted = inserted = 0
        if op is dmp.Op.DELETE:
            deleted = n
            if k + 1 < len(runs) and runs[k + 1][0] is dmp.Op.INSERT:
                inserted = runs[k + 1][1]
                k += 1
        else:
            inserted = n
        old = [t for x in range(ia, ia + deleted) for t in (items_a[x], after_a[x])]
        new = [t for x in range(ib, ib + inserted) for t in (items_b[x], after_b[x])]
        ia, ib = ia + deleted, ib + inserted
        end_a = old.pop() if old else ""
        end_b = new.pop() if new else ""
        if old:
            yield SpanOp.DELETE, old
        if new:
            yield SpanOp.INSERT, new
        if deleted and inserted:
            yield from _spaces(end_a, end_b)
        elif deleted:
            yield SpanOp.DELETE, (end_a,)
        else:
            yield SpanOp.INSERT, (end_b,)
        k += 1


def _spaces(old: str | None, new: str | None) -> Iterator[tuple[SpanOp, Sequence[Token]]]:
    if old == new:
        if old:
            yield SpanOp.EQUAL, (old,)
        return
    if old:
        yield SpanOp.DELETE, (old,)
    if new:
        yield SpanOp.INSERT, (new,)


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
        return (_span(SpanOp.EQUAL, old[0], 0, 0),) if old[0] else ()
    # Runs of one op in one paragraph pair are gathered as (op, old, new, texts) and
    # made into a Span once complete.
    pieces: list[tuple[SpanOp, int | None, int | None, list[str]]] = []
    part = {SpanOp.DELETE: 0, SpanOp.INSERT: 0}  # current paragraph on each side

    def emit(op: SpanOp, text: str) -> None:
        old_part = part[SpanOp.DELETE] if op is not SpanOp.INSERT else None
        new_part = part[SpanOp.INSERT] if op is not SpanOp.DELETE else None
        if pieces and pieces[-1][:3] == (op, old_part, new_part):
            pieces[-1][3].append(text)
        elif text:
            pieces.append((op, old_part, new_part, [text]))

    if (
        len(old) == 1
        and len(new) == 1
        and len(tokens(old[0])) * len(tokens(new[0])) <= WORD_DIFF_BUDGET
    ):
        runs = _spaced_runs(_spaced(old[0]), _spaced(new[0]))  # one paragraph each side
    else:
        runs = _runs(_stream(old), _stream(new))
    for span_op, run in runs:
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
    return tuple(_span(op, "".join(texts), o, n) for op, o, n, texts in pieces)


def _span(op: SpanOp, text: str, old: int | None, new: int | None) -> Span:
    return Span.model_construct(op=op, text=text, old_part=old, new_part=new, edit_class=None)
