"""What a corpus job reads and writes, one story at a time.

* :class:`VersionInput` / :class:`StoryInput` — a story as read from a corpus, before
  parsing: raw text or HTML per version, with the version's id, timestamp and source.
* :class:`VersionInfo` / :class:`StoryRecord` — one line of ``stories.jsonl``: the
  collated :class:`~newsdiff.Story`, or the error that stopped it.
* :class:`CorpusError` — the corpus itself is unusable (missing path, unknown format,
  a story's versions scattered through a JSON Lines file).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from newsdiff.errors import InputError, NewsdiffError
from newsdiff.models import Story


class CorpusError(NewsdiffError, ValueError):
    """The corpus cannot be read: a missing path, an unknown format, a misplaced line."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class VersionInput(_Model):
    """One version of a story as found in the corpus, not parsed yet."""

    id: str = Field(description="the version's id: a file name's stem, or the version_id field")
    content: str | bytes = Field(repr=False, description="the version's text or HTML page")
    html: bool = Field(False, description="read as an HTML page whatever it looks like")
    timestamp: str | None = Field(None, description="when the version was taken (ISO 8601)")
    source: str | None = Field(None, description="where it was taken from: site, URL, feed…")


class StoryInput(_Model):
    """One story of a corpus: its id and its versions, in the order they were read.

    ``problem`` says why the story cannot be collated although its lines could be read
    (a version without text, say); the job turns it into an error record.
    """

    id: str
    versions: tuple[VersionInput, ...]
    problem: str | None = None


class VersionInfo(_Model):
    """A version's identity in a :class:`StoryRecord`, without its text."""

    id: str
    timestamp: str | None = None
    source: str | None = None


class StoryRecord(_Model):
    """One story's result: the collated story, or the error that stopped it.

    ``versions`` are in collation order: by timestamp where given, then by version id
    (numbers inside ids compare as numbers: ``v2`` before ``v10``).
    """

    story_id: str
    versions: tuple[VersionInfo, ...]
    story: Story | None = None
    error: str | None = Field(None, description="'ErrorType: message' when the story failed")

    @property
    def ok(self) -> bool:
        """Whether the story was collated (``story`` is set and ``error`` is not)."""
        return self.error is None


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key that orders the numbers inside ``text`` by value: ``v2`` < ``v10``
    (numbers before letters, as in ASCII)."""
    return tuple(
        (0, int(part), part) if part.isdigit() else (1, 0, part)
        for part in _DIGITS.split(text)
        if part
    )


def parse_timestamp(value: str) -> datetime:
    """An ISO 8601 timestamp (a trailing ``Z`` allowed); without a zone it is taken as UTC."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"timestamp {value!r} is not ISO 8601 (2024-02-06T14:30:00Z)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def timestamp_text(value: object) -> str | None:
    """A timestamp field as read (ISO text, or seconds since 1970) → ISO text, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InputError(f"timestamp {value!r} is neither ISO 8601 text nor a number")
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value, tz=UTC).isoformat()
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, str):
        parse_timestamp(value)
        return value
    raise InputError(f"timestamp {value!r} is neither ISO 8601 text nor a number")


def ordered(versions: tuple[VersionInput, ...]) -> tuple[VersionInput, ...]:
    """Versions in collation order: timestamped ones by time, then the rest; ties and
    untimed versions by version id."""

    def order(version: VersionInput) -> tuple[bool, datetime, tuple[tuple[int, int, str], ...]]:
        when = version.timestamp
        moment = parse_timestamp(when) if when else datetime.max.replace(tzinfo=UTC)
        return (when is None, moment, natural_key(version.id))

    return tuple(sorted(versions, key=order))
