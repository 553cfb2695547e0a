"""Article text made safe for a terminal: control characters are shown, never obeyed.

Rich drops a few control characters but passes escape sequences through, so an article
holding ``ESC[2J`` could clear a reader's screen. Before a view lays out a Revision or
a Story, every C0 and C1 control character in it (tabs aside) becomes a visible
stand-in: the Unicode control pictures ``␀``–``␟`` and ``␡``, or ``�`` for C1 codes.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from newsdiff.models import Revision, Story, StoryHistory

_STAND_INS = str.maketrans(
    {c: 0x2400 + c for c in range(0x20) if c != 0x09}
    | {0x7F: 0x2421}
    | dict.fromkeys(range(0x80, 0xA0), 0xFFFD)
)
# Control characters as they appear in the models' JSON (C0 escaped, DEL and C1 raw).
_IN_JSON = re.compile(r"\\u00[01][0-9a-fA-F]|\\[bfnr]|[\x7f-\x9f]")

M = TypeVar("M", Revision, Story, StoryHistory)


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_STAND_INS)
    if isinstance(value, dict):
        return {_clean(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    return value


def printable(model: M) -> M:
    """``model`` with control characters replaced by visible stand-ins (itself when it
    has none, the common case)."""
    if not _IN_JSON.search(model.model_dump_json()):
        return model
    clean = type(model).model_validate(_clean(model.model_dump()))
    if isinstance(model, Revision) and isinstance(clean, Revision):
        # how views name and turn the sides is not data: carry it over
        clean._old_role, clean._new_role = model.old_role, model.new_role
    return clean
