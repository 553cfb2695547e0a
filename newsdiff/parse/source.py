"""What :func:`newsdiff.parse` takes besides text: a path to read, and a ``str`` that is
a file's name given by mistake (it would otherwise be compared as a one-line article)."""

from __future__ import annotations

import os
from typing import BinaryIO

from newsdiff.errors import InputError
from newsdiff.models import Article
from newsdiff.parse.decode import MAX_INPUT_CHARS

Source = str | bytes | os.PathLike[str] | Article
"""One version of an article: its text, its raw bytes, a path to its file, or an Article
already parsed."""
MAX_NAME_CHARS = 4096
"""A ``str`` longer than this is never taken for a file name (Linux's ``PATH_MAX``)."""


def read_limited(file: BinaryIO, name: str) -> bytes:
    """Read at most one byte past the input limit: a huge file or an endless stream
    (``/dev/zero``) is refused without being read whole."""
    data = file.read(MAX_INPUT_CHARS + 1)
    if len(data) > MAX_INPUT_CHARS:
        raise InputError(
            f"{name}: larger than the limit of {MAX_INPUT_CHARS:,} bytes; newsdiff compares "
            f"one article at a time: give it a single article, or split the text"
        )
    return data


def read_path(path: os.PathLike[str]) -> bytes:
    """The file's bytes (decoded later like any ``bytes`` input); errors name the file."""
    try:
        with open(path, "rb") as file:
            return read_limited(file, os.fspath(path))
    except FileNotFoundError:
        raise InputError(f"{os.fspath(path)}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{os.fspath(path)}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{os.fspath(path)}: cannot read ({exc.strerror or exc})") from None


def _names_a_file(text: str) -> bool:
    if len(text) > MAX_NAME_CHARS or not text.strip() or "\n" in text or "\r" in text:
        return False
    return os.path.isfile(text)


def read_source(source: str | bytes | os.PathLike[str]) -> str | bytes:
    """A path becomes the file's bytes; text and bytes pass through.

    A ``str`` that is one short line naming an existing file raises
    :class:`~newsdiff.InputError`: ``compare("early.txt", "late.txt")`` would otherwise
    compare the two names.
    """
    if isinstance(source, os.PathLike):
        return read_path(source)
    if isinstance(source, str) and _names_a_file(source):
        raise InputError(
            f"{source!r} is the name of a file, not article text: pass Path({source!r}) to "
            f"read the file, or pass the article's text itself"
        )
    return source
