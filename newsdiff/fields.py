"""Compare the fields of two versions that are not paragraphs: the headline and byline.

A version's headline is the one its metadata holds (the HTML reader and the plain-text
parser fill it), else the text of its first headline block; its byline likewise. Each
field is word-diffed and classified like a changed paragraph, so a headline edit has
spans and edit classes ("3 dead" → "17 dead" is a figure update).
"""

from __future__ import annotations

from newsdiff.classify import classify
from newsdiff.models import Article, BlockKind, ChangeKind, FieldChange, Span, SpanOp
from newsdiff.worddiff import word_diff

FIELDS = (("headline", BlockKind.HEADLINE), ("byline", BlockKind.BYLINE))
"""The fields compared, in the order views show them, with the block kind that holds
each when the metadata does not."""


def field_value(article: Article, name: str) -> str | None:
    """The article's ``name`` field ('headline' or 'byline'), or ``None``."""
    kind = dict(FIELDS)[name]
    value = getattr(article.metadata, name)
    if not value:
        value = next((b.text for b in article.blocks if b.kind is kind), None)
    return " ".join(value.split()) if value and value.strip() else None


def compare_field(name: str, old: str | None, new: str | None) -> FieldChange:
    """One field's value on each side, compared word by word."""
    if old == new and old is not None:
        spans: tuple[Span, ...] = (
            Span.model_construct(op=SpanOp.EQUAL, text=old, old_part=0, new_part=0),
        )
        return FieldChange.model_construct(
            name=name, kind=ChangeKind.UNCHANGED, old=old, new=new, spans=spans, edits=()
        )
    kind = ChangeKind.CHANGED
    if old is None:
        kind = ChangeKind.ADDED
    elif new is None:
        kind = ChangeKind.REMOVED
    raw = word_diff([old] if old is not None else [], [new] if new is not None else [])
    spans, edits = classify(kind, raw)
    return FieldChange.model_construct(
        name=name, kind=kind, old=old, new=new, spans=spans, edits=edits
    )


def compare_fields(old: Article, new: Article) -> tuple[FieldChange, ...]:
    """The headline and byline of ``old`` and ``new`` compared; a field neither has is
    left out."""
    changes = []
    for name, _ in FIELDS:
        a, b = field_value(old, name), field_value(new, name)
        if a is not None or b is not None:
            changes.append(compare_field(name, a, b))
    return tuple(changes)
