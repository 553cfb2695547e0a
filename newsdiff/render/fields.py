"""The headline and byline of a revision, drawn above its body rows in every view.

Each field is one line: its name, then its text with the edits marked as in a
paragraph (deleted words struck through, inserted ones highlighted), so a headline
change is the first thing a reader sees. The HTML views draw the same lines
(:func:`newsdiff.render.html.fields_html`).
"""

from __future__ import annotations

from rich.text import Text

from newsdiff.models import ChangeKind, FieldChange, Revision
from newsdiff.render import theme
from newsdiff.render.rows import Para, Piece

_NOTE = {
    ChangeKind.UNCHANGED: "unchanged",
    ChangeKind.ADDED: "only in {new}",
    ChangeKind.REMOVED: "only in {old}",
}


def field_para(field: FieldChange) -> Para:
    """The field as a paragraph of pieces (not numbered)."""
    pieces = tuple(
        Piece(s.op, s.text, s.edit_class is not None and not s.edit_class.substantive)
        for s in field.spans
    )
    return Para(0, False, "", pieces)


def field_note(field: FieldChange, rev: Revision) -> str:
    """'unchanged', 'only in v2', or '' for a changed field."""
    note = _NOTE.get(field.kind, "")
    return note.format(old=rev.old_name, new=rev.new_name)


def fields_text(rev: Revision, markers: bool) -> Text:
    """One line per field: 'headline  Bridge falls; [-2-]{+3+} dead'."""
    text = Text()
    for field in rev.fields:
        if text:
            text.append("\n")
        text.append(f"{field.name:<9}", theme.DIM)
        dim = field.kind is ChangeKind.UNCHANGED
        text.append_text(theme.para_text(field_para(field), markers, dim=dim, number=False))
        note = field_note(field, rev)
        if note:
            text.append(f"  ({note})", theme.DIM)
    return text
