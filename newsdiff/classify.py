"""Say what kind of edit each change is: typography, punctuation, spelling, figure,
quote, named entity or wording.

An *edit* is a run of inserted and deleted spans between kept text. Its class is the
first of these tests that holds, from the least to the most significant:

1. **typography** — the two sides are equal once quotes, dashes, spaces and Unicode
   forms are folded;
2. **spelling** — they differ only in capitals (house style), or
3. **punctuation** — the words are equal, only other punctuation differs;
4. **spelling** — the words pair up one to one, each pair a variant of one word:
   at most two letters apart in words of five or more letters (Zelenskyy/Zelensky,
   adviser/advisor, harbour/harbor), a known regional ending (-ise/-ize,
   -yse/-yze, -our/-or, -re/-er, -ll-/-l-, -ogue/-og), or the same letters without dots
   (U.S./US);
5. **figure** — the numbers differ (digits or number words: "twelve" → "17");
6. **quote** — the edit touches words inside quotation marks, or carries them;
7. **entity** — most of the words that differ are capitalised names;
8. **wording** — anything else.

Added and removed paragraphs are one edit each: a quote when the paragraph quotes
someone, wording otherwise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsdiff.models import (
    Change,
    ChangeKind,
    Edit,
    EditAction,
    EditClass,
    FieldChange,
    Span,
    SpanOp,
)
from newsdiff.text import fold, key, plural, words

_WORD = re.compile(r"\w+(?:[.'’]\w+)*\.?")
_PLAIN_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_UNITS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split()  # noqa: SIM905
_NUMBER_WORDS = {w: n for n, w in enumerate(_UNITS)} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "dozen": 12,
    "half": 0,
}
_QUOTE_CHARS = '"“”„«»'
# Regional spellings of one word: each pair of endings or infixes is interchangeable.
_VARIANTS = (
    ("ise", "ize"),
    ("isation", "ization"),
    ("yse", "yze"),
    ("our", "or"),
    ("re", "er"),
    ("ll", "l"),
    ("ogue", "og"),
    ("ence", "ense"),
    ("ageing", "aging"),
    ("grey", "gray"),
)


def _figures(text: str) -> list[str]:
    found = _NUMBER.findall(text)
    found += [w for w in _PLAIN_WORD.findall(text.casefold()) if w in _NUMBER_WORDS]
    return found


def _variant(a: str, b: str) -> bool:
    """Whether two words are spellings of one word."""
    a, b = a.casefold(), b.casefold()
    if a == b:
        return True
    if a.replace(".", "") == b.replace(".", ""):
        return True  # U.S. / US
    for x, y in _VARIANTS:
        for p, q in ((x, y), (y, x)):
            if p in a and a.replace(p, q) == b:
                return True
            if a.endswith(p) and a[: -len(p)] + q == b:
                return True
    if min(len(a), len(b)) < 5 or a[0] != b[0] or any(c.isdigit() for c in a + b):
        return False
    return _distance(a, b) <= 2


def _distance(a: str, b: str) -> int:
    """Levenshtein distance (words are short)."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, start=1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def _inside_quote(before: str) -> bool:
    """Whether text that follows ``before`` (a paragraph's start) stands inside quotes."""
    depth = 0
    for char in before:
        if char in "“«„":
            depth += 1
        elif char in "”»":
            depth = max(0, depth - 1)
        elif char == '"':
            depth = 0 if depth else 1
    return depth > 0


def _names(text: str, at_sentence_start: bool) -> list[str]:
    tokens = _WORD.findall(text)
    return [
        t
        for n, t in enumerate(tokens)
        if t[:1].isupper() and not (n == 0 and at_sentence_start) and t.casefold() not in ("i",)
    ]


def _sentence_start(before: str) -> bool:
    stripped = before.rstrip(" \u00a0\"'“‘(")
    return not stripped or stripped[-1] in ".!?:"


def classify_edit(old: str, new: str, before_old: str = "", before_new: str = "") -> EditClass:
    """The class of one edit: ``old`` replaced by ``new`` (either may be empty), where
    ``before_old`` / ``before_new`` is the paragraph text that precedes it on each side."""
    folded_old, folded_new = fold(old), fold(new)
    if folded_old == folded_new:
        return EditClass.TYPOGRAPHY
    if folded_old.casefold() == folded_new.casefold():
        return EditClass.SPELLING  # capitals only: house style
    old_words, new_words = words(key(old)), words(key(new))
    if old_words == new_words:
        return EditClass.PUNCTUATION
    wa, wb = _WORD.findall(old), _WORD.findall(new)
    if wa and len(wa) == len(wb) and all(_variant(x, y) for x, y in zip(wa, wb, strict=True)):
        return EditClass.SPELLING
    figures_old, figures_new = _figures(old), _figures(new)
    if Counter(figures_old) != Counter(figures_new) and (
        (figures_old and figures_new) or not (set(old_words) | set(new_words)) - _NUMBERISH
    ):
        return EditClass.FIGURE
    if (
        any(c in _QUOTE_CHARS for c in old + new)
        or (old and _inside_quote(before_old))
        or (new and _inside_quote(before_new))
    ):
        return EditClass.QUOTE
    # A name edit: at least half of the words that differ are capitalised names.
    names = Counter(_names(old, _sentence_start(before_old))) + Counter(
        _names(new, _sentence_start(before_new))
    )
    changed = (Counter(wa) - Counter(wb)) + (Counter(wb) - Counter(wa))
    named = sum(n for word, n in changed.items() if names[word])
    if changed and named * 2 >= changed.total():
        return EditClass.ENTITY
    return EditClass.WORDING


_NUMBERISH = frozenset(_NUMBER_WORDS) | {"per", "cent", "percent", "about", "some", "more", "than"}


def _quotes_someone(text: str) -> bool:
    return bool(re.search(r"[\"“„«][^\"”»]{12,}[\"”»]", text))


def _action(old: str, new: str) -> EditAction:
    if not old:
        return EditAction.ADDED
    if not new:
        return EditAction.REMOVED
    return EditAction.REPLACED


def classify(kind: ChangeKind, spans: Sequence[Span]) -> tuple[tuple[Span, ...], tuple[Edit, ...]]:
    """The spans of a change of ``kind``, each insert and delete span labelled, and the
    change's edits."""
    spans = list(spans)
    if all(s.op is SpanOp.EQUAL for s in spans):
        return tuple(spans), ()  # nothing to classify: the common, unchanged case
    if kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
        text = "".join(s.text for s in spans)
        edit_class = EditClass.QUOTE if _quotes_someone(text) else EditClass.WORDING
        added = kind is ChangeKind.ADDED
        edit = Edit.model_construct(
            edit_class=edit_class,
            action=EditAction.ADDED if added else EditAction.REMOVED,
            deleted="" if added else text,
            inserted=text if added else "",
            start=0,
            stop=len(spans),
            old_figures=(),
            new_figures=(),
        )
        return tuple(s.model_copy(update={"edit_class": edit_class}) for s in spans), (edit,)
    edits: list[Edit] = []
    before_old: dict[int | None, str] = {}
    before_new: dict[int | None, str] = {}
    n = 0
    while n < len(spans):
        span = spans[n]
        if span.op is SpanOp.EQUAL:
            before_old[span.old_part] = before_old.get(span.old_part, "") + span.text
            before_new[span.new_part] = before_new.get(span.new_part, "") + span.text
            n += 1
            continue
        stop = n
        while stop < len(spans) and spans[stop].op is not SpanOp.EQUAL:
            stop += 1
        group = spans[n:stop]
        old = "".join(s.text for s in group if s.op is SpanOp.DELETE)
        new = "".join(s.text for s in group if s.op is SpanOp.INSERT)
        first_old = next((s.old_part for s in group if s.op is SpanOp.DELETE), None)
        first_new = next((s.new_part for s in group if s.op is SpanOp.INSERT), None)
        edit_class = classify_edit(
            old, new, before_old.get(first_old, ""), before_new.get(first_new, "")
        )
        edits.append(
            Edit.model_construct(
                edit_class=edit_class,
                action=_action(old.strip(), new.strip()),
                deleted=old,
                inserted=new,
                start=n,
                stop=stop,
                old_figures=tuple(_figures(old)) if edit_class is EditClass.FIGURE else (),
                new_figures=tuple(_figures(new)) if edit_class is EditClass.FIGURE else (),
            )
        )
        for k in range(n, stop):
            s = spans[k]
            side = before_old if s.op is SpanOp.DELETE else before_new
            part = s.old_part if s.op is SpanOp.DELETE else s.new_part
            side[part] = side.get(part, "") + s.text
            spans[k] = s.model_copy(update={"edit_class": edit_class})
        n = stop
    return tuple(spans), tuple(edits)


def significance(changes: Sequence[Change], fields: Sequence[FieldChange] = ()) -> str:
    """One line on what changed, most significant first: a changed headline (or byline)
    leads, then the body's changes. A field only one side has is not counted: a page
    without a headline is more often one the parser found none in than a story that
    lost it."""
    main: Counter[str] = Counter()
    minor: Counter[str] = Counter()
    lead = []
    for field in fields:
        if field.kind is not ChangeKind.CHANGED:
            continue
        if field.substantive:
            lead.append(f"{field.name} changed")
        for edit in field.edits:
            if not edit.edit_class.substantive:
                minor[_MINOR_PHRASE[edit.edit_class]] += 1
    truncated = 0
    for change in changes:
        if change.truncated and change.kind is ChangeKind.REMOVED:
            truncated += 1
            continue
        if change.kind in (ChangeKind.ADDED, ChangeKind.REMOVED):
            action = change.kind.value
            if change.edits and change.edits[0].edit_class is EditClass.QUOTE:
                main[f"quote {action}"] += 1
            else:
                main[f"paragraph {action}"] += 1
            continue
        if change.kind in (ChangeKind.MOVED, ChangeKind.SPLIT, ChangeKind.MERGED):
            main[f"paragraph {change.kind.value}"] += 1
        for edit in change.edits:
            if edit.edit_class.substantive:
                main[_EDIT_PHRASE[edit.edit_class, edit.action]] += 1
            else:
                minor[_MINOR_PHRASE[edit.edit_class]] += 1
    parts = [_phrase(label, n) for label, n in sorted(main.items(), key=_order)]
    if truncated:
        parts.append(f"stops early ({plural(truncated, 'paragraph')} not carried)")
    head = ", ".join(parts) if parts else "no substantive change"
    if lead:
        head = ", ".join(lead) + ("; " + head if parts else "")
        parts = lead + parts
    extra = ", ".join(_phrase(label, n) for label, n in sorted(minor.items(), key=_order))
    return f"{head}; also {extra}" if extra and parts else (f"{head}: {extra}" if extra else head)


_EDIT_PHRASE = {
    (EditClass.FIGURE, EditAction.REPLACED): "figure updated",
    (EditClass.FIGURE, EditAction.ADDED): "figure added",
    (EditClass.FIGURE, EditAction.REMOVED): "figure removed",
    (EditClass.QUOTE, EditAction.REPLACED): "quote changed",
    (EditClass.QUOTE, EditAction.ADDED): "quote added",
    (EditClass.QUOTE, EditAction.REMOVED): "quote removed",
    (EditClass.ENTITY, EditAction.REPLACED): "name changed",
    (EditClass.ENTITY, EditAction.ADDED): "name added",
    (EditClass.ENTITY, EditAction.REMOVED): "name removed",
    (EditClass.WORDING, EditAction.REPLACED): "wording change",
    (EditClass.WORDING, EditAction.ADDED): "wording change",
    (EditClass.WORDING, EditAction.REMOVED): "wording change",
}
_MINOR_PHRASE = {
    EditClass.TYPOGRAPHY: "typographic change",
    EditClass.PUNCTUATION: "punctuation change",
    EditClass.SPELLING: "spelling variant",
}
_ORDER = [
    "figure updated",
    "figure added",
    "figure removed",
    "quote added",
    "quote removed",
    "quote changed",
    "name changed",
    "name added",
    "name removed",
    "paragraph added",
    "paragraph removed",
    "paragraph moved",
    "paragraph split",
    "paragraph merged",
    "wording change",
    "spelling variant",
    "punctuation change",
    "typographic change",
]


def _order(item: tuple[str, int]) -> int:
    return _ORDER.index(item[0])


def _phrase(label: str, n: int) -> str:
    """ "figure updated", 2 → "2 figures updated"."""
    noun, _, rest = label.partition(" ")
    if label.endswith(("change", "variant")):
        return plural(n, label, label + "s")
    return f"{plural(n, noun, noun + 's')} {rest}"
