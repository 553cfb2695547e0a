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
    """A setting is wrong (an unknown ``NEWSDIFF_DIFF_BACKEND``)."""


class ExtraMissingError(NewsdiffError, ImportError):
    """A feature needs an optional extra that is not installed; ``extra`` names it
    (``html``, ``fast``, ``dask``, ``pandas``, ``parquet``) and the message says how to
    install it.

    >>> str(ExtraMissingError.needs("reading Parquet", "parquet"))
    "reading Parquet needs the optional 'parquet' extra: pip install 'newsdiff[parquet]'"
    """

    def __init__(self, message: str, extra: str = "") -> None:
        super().__init__(message)
        self.extra = extra

    @classmethod
    def needs(cls, feature: str, extra: str, note: str = "") -> ExtraMissingError:
        """The error for ``feature`` needing ``extra``; ``note`` is added in brackets."""
        more = f" ({note})" if note else ""
        return cls(
            f"{feature} needs the optional '{extra}' extra{more}: pip install 'newsdiff[{extra}]'",
            extra,
        )

    def __reduce__(self) -> tuple[type[ExtraMissingError], tuple[str, str]]:
        # Worker processes and Dask send errors back pickled: keep ``extra``.
        return type(self), (str(self), self.extra)


class VersionError(NewsdiffError, ValueError):
    """The versions given to :func:`newsdiff.collate` are unusable (none, duplicate names,
    unknown canonical)."""
