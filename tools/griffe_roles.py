"""Docstrings for the documentation site: newsdiff's docstrings are written to read in
``help()`` and on a code host, with Sphinx roles (``:class:`Story```) and doctest
examples. mkdocstrings renders Markdown, so before rendering each docstring's roles
become code spans (``Story``, or the text of ``:attr:`Story.rows <newsdiff.Story.rows>```;
a leading ``~`` keeps the last name) and each run of doctest lines becomes a Python code
block, rather than a quotation.
"""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension, Object

ROLE = re.compile(r":(?:func|class|attr|meth|mod|data|exc|obj):`([^`<]+?)(?:\s*<[^`>]+>)?`")
DOCTEST = re.compile(r"^(?:>>> |\.\.\. |>>>$|\.\.\.$).*(?:\n(?!\s*$).*)*", re.M)


def _role(match: re.Match[str]) -> str:
    name = match.group(1).strip()
    return f"`{name.rsplit('.', 1)[-1] if name.startswith('~') else name}`"


def _fence(match: re.Match[str]) -> str:
    return f"```pycon\n{match.group(0)}\n```"


def markdown(docstring: str) -> str:
    """A docstring as mkdocstrings should render it."""
    return DOCTEST.sub(_fence, ROLE.sub(_role, docstring))


class SphinxRoles(Extension):
    def on_instance(self, *, obj: Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown(obj.docstring.value)
