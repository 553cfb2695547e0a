"""newsdiff's exceptions: one root, a few leaves a user can act on."""

from __future__ import annotations


class NewsdiffError(Exception):
    """Root of every error newsdiff raises on purpose."""


class InputError(NewsdiffError, ValueError):
    """The input cannot be read as an article (wrong type, undecodable bytes, too large)."""


class EmptyInputError(InputError):
    """The input holds no text at all, or only whitespace."""


class NoBodyError(InputError):
    """The input has text, but none of it is article body (all boilerplate)."""


class InvalidDataError(NewsdiffError, ValueError):
    """Data given to a newsdiff model's ``model_validate*`` is not a valid model (for
    example a saved Revision JSON that was edited by hand or truncated)."""


class SettingError(NewsdiffError, ValueError):
    """A setting is wrong (an unknown ``NEWSDIFF_DIFF_BACKEND``) or needs an extra that
    is not installed."""


class VersionError(NewsdiffError, ValueError):
    """The versions given to :func:`newsdiff.collate` are unusable (none, duplicate names,
    unknown canonical)."""
