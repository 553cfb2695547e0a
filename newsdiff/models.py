"""The data newsdiff produces: frozen pydantic models, pure data with no I/O.

Reading order of the models, from the bottom up:

* :class:`Block` — one paragraph-sized piece of an article, with its :class:`BlockKind`.
* :class:`Article` — every block of one version in reading order, plus :class:`Metadata`.
* :class:`Span` — a run of equal, inserted or deleted text inside a linked change.
* :class:`Change` — one alignment decision between the canonical and a version.
* :class:`Revision` — a version compared against the canonical, with :class:`RevisionStats`.
* :class:`Story` — N versions collated against one canonical, with a paragraph table.

Every model round-trips exactly through ``model_dump_json`` / ``model_validate_json``.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from newsdiff.errors import InvalidDataError

_PROBLEMS_SHOWN = 3


class _Model(BaseModel):
    """Base of every newsdiff model: frozen, no extra fields, and validation failures
    raised as :class:`~newsdiff.errors.InvalidDataError` (a ``NewsdiffError``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @classmethod
    def model_validate(cls, *args: Any, **kwargs: Any) -> Self:
        return _checked(cls, super().model_validate, *args, **kwargs)

    @classmethod
    def model_validate_json(cls, *args: Any, **kwargs: Any) -> Self:
        return _checked(cls, super().model_validate_json, *args, **kwargs)

    @classmethod
    def model_validate_strings(cls, *args: Any, **kwargs: Any) -> Self:
        return _checked(cls, super().model_validate_strings, *args, **kwargs)


M = TypeVar("M", bound=BaseModel)


def _checked(model: type[M], validate: Callable[..., M], *args: Any, **kwargs: Any) -> M:
    try:
        return validate(*args, **kwargs)
    except ValidationError as exc:
        raise _invalid(model, exc) from exc


def _invalid(model: type[BaseModel], exc: ValidationError) -> InvalidDataError:
    """'not a valid Revision: changes.0.kind: Input should be …; 2 more problems'."""
    problems = exc.errors(include_url=False, include_input=False)
    shown = "; ".join(
        f"{'.'.join(map(str, p['loc'])) or '(top level)'}: {p['msg']}"
        for p in problems[:_PROBLEMS_SHOWN]
    )
    more = len(problems) - _PROBLEMS_SHOWN
    tail = f"; {more} more problem{'s' * (more > 1)}" if more > 0 else ""
    return InvalidDataError(
        f"not a valid {model.__name__}: {shown}{tail}; the data was changed or is not "
        f"newsdiff output — recreate it from the article texts"
    )


class BlockKind(StrEnum):
    """What a block of an article is. Everything except body and sub-headings is boilerplate."""

    BODY = "body"
    SUBHEADING = "subheading"
    HEADLINE = "headline"
    BYLINE = "byline"
    CAPTION = "caption"
    PHOTO_CREDIT = "photo-credit"
    CREDIT = "credit"
    NAVIGATION = "navigation"
    SECTION_LABEL = "section-label"
    SHARE = "share"
    COMMENTS = "comments"
    RELATED = "related-links"
    NEWSLETTER = "newsletter"
    PROMO = "promo"
    ADVERTISEMENT = "advertisement"
    COPYRIGHT = "copyright"
    FOOTER = "footer"
    WIDGET = "widget"
    SEPARATOR = "separator"
    SUMMARY = "summary"
    """A summary box, its bullets, or a standfirst under the headline."""
    IMAGE = "image-artifact"
    """Gallery counters, "view image" links, photo ids and file names."""
    OTHER_STORY = "other-story"
    """Another article appended after this one's end."""
    TIMESTAMP = "timestamp"
    METADATA = "crawler-metadata"
    CORRECTION = "correction"
    COOKIE = "cookie-banner"

    @property
    def is_boilerplate(self) -> bool:
        return self not in (BlockKind.BODY, BlockKind.SUBHEADING)


class Block(_Model):
    """One paragraph-sized block of an article.

    ``prefix + dateline + text`` is the block's source text (hard-wrapped lines joined
    with a space): nothing is dropped, only set aside. ``prefix`` holds crawler
    metadata glued to the line (e.g. ``" date 2024-02-06 "``), ``dateline`` a wire
    dateline such as ``"KYIV, Ukraine (AP) — "``; neither takes part in comparison.
    """

    index: int = Field(ge=0, description="position in Article.blocks")
    kind: BlockKind
    text: str
    prefix: str = ""
    dateline: str = ""
    line: int = Field(0, ge=0, description="0-based source line where the block starts")

    @property
    def is_body(self) -> bool:
        return self.kind is BlockKind.BODY

    @property
    def is_boilerplate(self) -> bool:
        return self.kind.is_boilerplate

    @property
    def source(self) -> str:
        """The block's text as it stood in the input (line breaks inside it joined)."""
        return self.prefix + self.dateline + self.text


class Metadata(_Model):
    """Facts about a version found while parsing; all optional."""

    date: str | None = Field(None, description="date from crawler metadata, as written")
    dateline: str | None = Field(None, description="the lede's dateline, e.g. 'KYIV, Ukraine (AP)'")
    headline: str | None = None
    byline: str | None = None
    published: str | None = Field(None, description="publication date the page declares (ISO)")
    updated: str | None = Field(None, description="last update the page declares, if later (ISO)")
    url: str | None = Field(None, description="the page's canonical URL")
    site_name: str | None = Field(None, description="the publication's name (og:site_name)")


class Article(_Model):
    """One version of a story: every block in reading order, boilerplate included."""

    blocks: tuple[Block, ...]
    metadata: Metadata = Metadata()

    @property
    def paragraphs(self) -> tuple[Block, ...]:
        """The article's own text: body paragraphs and sub-headings, in reading order.

        These are the units that :func:`newsdiff.compare` aligns.
        """
        return tuple(b for b in self.blocks if not b.is_boilerplate)

    @property
    def body(self) -> tuple[Block, ...]:
        """Body paragraphs only (no sub-headings)."""
        return tuple(b for b in self.blocks if b.is_body)

    @property
    def boilerplate(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.is_boilerplate)


class ChangeKind(StrEnum):
    """How canonical paragraphs relate to a version's paragraphs."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    REMOVED = "removed"


class SpanOp(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


class EditClass(StrEnum):
    """What kind of edit a change or a span is, from the least to the most significant."""

    TYPOGRAPHY = "typography"
    """Quotes, dashes, spaces, Unicode forms."""
    PUNCTUATION = "punctuation"
    SPELLING = "spelling"
    """The same word spelled another way: Zelenskyy/Zelensky, harbour/harbor, U.S./US."""
    FIGURE = "figure"
    """A number changed: casualties, tolls, money, dates."""
    QUOTE = "quote"
    """Words inside quotation marks added, removed or changed."""
    ENTITY = "entity"
    """A name changed: a person, a place, an organisation."""
    WORDING = "wording"
    """Any other change of wording."""

    @property
    def substantive(self) -> bool:
        """Whether the edit changes what the text says (typography, punctuation and
        spelling do not)."""
        return self not in (EditClass.TYPOGRAPHY, EditClass.PUNCTUATION, EditClass.SPELLING)


class EditAction(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    REPLACED = "replaced"


class Span(_Model):
    """A run of text inside a change: kept (equal), only in the version (insert), or only
    in the canonical (delete).

    ``old`` / ``new`` say which paragraph of ``Change.old`` / ``Change.new`` the text
    belongs to (position in that tuple); a side the span is not on is ``None``.
    ``edit`` says what kind of edit an insert or delete span is part of.
    """

    op: SpanOp
    text: str
    old: int | None = None
    new: int | None = None
    edit: EditClass | None = None


class Edit(_Model):
    """One edit inside a change: a run of inserted and deleted spans between kept text.

    ``start`` / ``stop`` index the change's spans; ``old_figures`` / ``new_figures``
    list the numbers on each side when the edit is a figure change.
    """

    edit: EditClass
    action: EditAction
    old: str = ""
    new: str = ""
    start: int = Field(ge=0)
    stop: int = Field(ge=0)
    old_figures: tuple[str, ...] = ()
    new_figures: tuple[str, ...] = ()


class Change(_Model):
    """One alignment decision, in the version's reading order.

    ``old`` are canonical paragraphs, ``new`` the version's; either may be empty
    (added / removed). ``spans`` is the word-level diff: the equal and delete spans
    rebuild each ``old`` paragraph's text exactly, the equal and insert spans each
    ``new`` paragraph's text.
    """

    kind: ChangeKind
    old: tuple[Block, ...] = ()
    new: tuple[Block, ...] = ()
    similarity: float = Field(ge=0.0, le=1.0, description="word similarity of the two sides")
    typography_only: bool = Field(
        False, description="the texts differ, but only in quotes, dashes, spaces or Unicode forms"
    )
    spans: tuple[Span, ...] = ()
    edits: tuple[Edit, ...] = ()
    truncated: bool = Field(
        False,
        description="the version stops here: a removed paragraph of the missing tail, or a "
        "last paragraph cut short",
    )

    @property
    def substantive(self) -> bool:
        """Whether the change alters what the story says: typography, punctuation,
        spelling, reflowed paragraphs and a truncated republication's missing tail do not."""
        if self.truncated:
            return False
        return any(e.edit.substantive for e in self.edits)

    def old_text(self, part: int) -> str:
        """Rebuild the text of ``old[part]`` from the spans."""
        return "".join(s.text for s in self.spans if s.op is not SpanOp.INSERT and s.old == part)

    def new_text(self, part: int) -> str:
        """Rebuild the text of ``new[part]`` from the spans."""
        return "".join(s.text for s in self.spans if s.op is not SpanOp.DELETE and s.new == part)

    @property
    def words_inserted(self) -> int:
        return sum(_count_words(s.text) for s in self.spans if s.op is SpanOp.INSERT)

    @property
    def words_deleted(self) -> int:
        return sum(_count_words(s.text) for s in self.spans if s.op is SpanOp.DELETE)


def _count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


class RevisionStats(_Model):
    """Totals over a revision's changes."""

    counts: dict[ChangeKind, int]
    words_inserted: int = Field(ge=0)
    words_deleted: int = Field(ge=0)
    similarity: float = Field(ge=0.0, le=1.0, description="share of words kept, over both sides")
    typography_only: int = Field(0, ge=0, description="unchanged changes with typographic noise")
    edits: dict[EditClass, int] = Field(default_factory=dict, description="edits of each class")
    truncated: int = Field(0, ge=0, description="canonical paragraphs of a missing tail")


class Revision(_Model):
    """A version (``new``) compared against the canonical (``old``)."""

    old_name: str = "old"
    new_name: str = "new"
    old: Article
    new: Article
    changes: tuple[Change, ...]
    stats: RevisionStats

    @property
    def substantive_changes(self) -> tuple[Change, ...]:
        """The changes that alter what the story says (see :attr:`Change.substantive`)."""
        return tuple(c for c in self.changes if c.substantive)

    @property
    def substantive(self) -> bool:
        """False when the versions differ only in typography, punctuation, spelling,
        paragraph breaks or a truncated tail."""
        return any(c.substantive for c in self.changes)

    @property
    def significance(self) -> str:
        """One line on what changed, e.g. "2 figures updated, 1 quote added, 4 paragraphs
        added; also 12 typographic changes"."""
        from newsdiff.classify import significance

        return significance(self.changes)

    # Views live in newsdiff.render and are imported only when asked for, so the core
    # never depends on the renderer.
    def __rich__(self) -> Any:
        """``rich.print(rev)`` shows the side-by-side view."""
        from newsdiff.render.side_by_side import SideBySide

        return SideBySide(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """In a notebook: the side-by-side view as HTML, and as plain text (no ANSI)."""
        from newsdiff.render.notebook import mimebundle

        return mimebundle(self)

    def to_html(self, **options: Any) -> str:
        """A standalone HTML page of this revision (``view="inline"`` for one column);
        options as for :func:`newsdiff.render.revision_page`."""
        from newsdiff.render.html import revision_page

        return revision_page(self, **options)


class Presence(StrEnum):
    """How a version carries a row of the story table."""

    CANONICAL = "canonical"
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    MOVED = "moved"
    SPLIT = "split"
    MERGED = "merged"
    ADDED = "added"
    ABSENT = "absent"
    TRUNCATED = "truncated"
    """Absent because the version stops early (a truncated republication)."""


class Cell(_Model):
    """One version's share of one story row: how it carries the row and where."""

    presence: Presence
    paragraphs: tuple[int, ...] = Field((), description="positions in that version's paragraphs")
    similarity: float = Field(0.0, ge=0.0, le=1.0)


class StoryRow(_Model):
    """A paragraph of the story: a canonical paragraph, or one only some versions carry."""

    canonical: int | None = Field(None, description="position in the canonical's paragraphs")
    text: str = Field(description="the canonical text, or the first carrying version's text")
    cells: dict[str, Cell]


class StoryVersion(_Model):
    name: str
    article: Article


class Story(_Model):
    """N versions of one story collated against a canonical version."""

    versions: tuple[StoryVersion, ...]
    canonical: str
    revisions: dict[str, Revision] = Field(description="one per non-canonical version, by name")
    rows: tuple[StoryRow, ...]

    def version(self, name: str) -> StoryVersion:
        for version in self.versions:
            if version.name == name:
                return version
        raise KeyError(name)

    def __rich__(self) -> Any:
        """``rich.print(story)`` shows the heat map of versions × paragraphs, then each
        version side by side with the canonical."""
        from newsdiff.render.story import StoryView

        return StoryView(self, show=tuple(self.revisions))

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """In a notebook: the heat map and every revision side by side, as HTML, and
        the heat map as plain text (no ANSI)."""
        from newsdiff.render.notebook import mimebundle

        return mimebundle(self)

    def to_html(self, **options: Any) -> str:
        """A standalone HTML page of this story; options as for
        :func:`newsdiff.render.story_page`."""
        from newsdiff.render.html import story_page

        return story_page(self, **options)
