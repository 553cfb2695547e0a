"""The data newsdiff produces: frozen pydantic models, pure data with no I/O.

Reading order of the models, from the bottom up:

* :class:`Block` — one paragraph-sized piece of an article, with its :class:`BlockKind`.
* :class:`Article` — every block of one version in reading order, plus :class:`Metadata`.
* :class:`Change` — one alignment decision between the canonical and a version. It
  holds paragraph *positions*; its text, word diff (:class:`Span`) and edits
  (:class:`Edit`) are read from the articles it belongs to when first asked for.
* :class:`UnchangedRun` — a stretch of paragraphs the two versions share word for word,
  kept as one entry of a revision's alignment.
* :class:`Revision` — a version compared against the canonical, with :class:`RevisionStats`.
* :class:`Story` — N versions collated against one canonical, each text held once.

Every model round-trips exactly through ``model_dump_json`` / ``model_validate_json``.
Data read from outside is validated in full (references to paragraphs included); data
newsdiff builds itself is assembled without re-validation (``model_construct``). What
can be worked out from the stored data — spans, edits, totals, the story table — is
not stored: it is worked out when first asked for and kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import StrEnum
from functools import cache, cached_property
from itertools import pairwise
from typing import TYPE_CHECKING, Any, Self, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationError,
    model_validator,
)
from pydantic_core import PydanticCustomError

from newsdiff.errors import InvalidDataError
from newsdiff.text import word_count

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet

    from newsdiff.render.options import Typography, View

_PROBLEMS_SHOWN = 3
_REPR_TEXT = 60
"""Characters of a block's text its repr shows."""

SCHEMA_VERSION = 2
"""The version of the JSON that :class:`Revision` and :class:`Story` write (the field
``schema_version``). JSON without the field is version 1, from newsdiff before 0.1's
lean format. Reading another version is an :class:`~newsdiff.InvalidDataError`."""


class _Model(BaseModel):
    """Base of every newsdiff model: frozen, no extra fields, and validation failures
    raised as :class:`~newsdiff.errors.InvalidDataError` (a ``NewsdiffError``).

    Values worked out on demand are ``cached_property`` entries beside the fields: they
    take no part in equality, hashing or JSON, and a copy with updated fields drops them.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, _Model)
        return all(self.__dict__[name] == other.__dict__[name] for name in type(self).model_fields)

    __hash__ = BaseModel.__hash__

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copy = super().model_copy(update=update, deep=deep)
        if update:
            for name in _cached(type(self)):
                copy.__dict__.pop(name, None)
        return copy

    # The pydantic mypy plugin gives each model's model_construct its own signature.
    @classmethod
    def model_construct(  # type: ignore[override]
        cls, _fields_set: set[str] | None = None, **values: Any
    ) -> Self:
        """An instance from trusted values, not validated (pydantic's ``model_construct``).

        When every field is given (the way newsdiff builds its own models), the
        instance is made directly, and all such instances of the class share one field
        set. A set per instance would be the largest part of a small model's memory (a
        Block of a 100,000-paragraph article), and pydantic's general path, which looks
        for aliases and defaults field by field, takes about half the time of making a
        Change.
        """
        if _fields_set is not None or len(values) != len(cls.model_fields):
            return super().model_construct(_fields_set, **values)
        layout = _layout(cls)
        instance = cls.__new__(cls)
        # A missing or misspelled field is a KeyError here, as it is a bug.
        _set(instance, "__dict__", {name: values[name] for name in layout.fields})
        _set(instance, "__pydantic_fields_set__", layout.fields_set)
        _set(instance, "__pydantic_extra__", None)
        _set(instance, "__pydantic_private__", dict(layout.private) if layout.private else None)
        return instance

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


_set = object.__setattr__


class _Layout:
    """What :meth:`_Model.model_construct` needs to know of a model class, worked out
    once: its fields in order, the one field set its trusted instances share, and the
    defaults of its private attributes."""

    __slots__ = ("fields", "fields_set", "private")

    def __init__(self, model: type[BaseModel]) -> None:
        self.fields = tuple(model.model_fields)
        # Pydantic copies an instance's field set before changing it (``model_copy``)
        # and frozen models never change theirs, so sharing one is safe.
        self.fields_set = set(self.fields)
        private = model.__private_attributes__
        # newsdiff's private attributes all have plain defaults (no factories, no
        # model_post_init of its own), so a copy of them is what pydantic would set.
        assert all(attr.default_factory is None for attr in private.values())
        self.private = {name: attr.get_default() for name, attr in private.items()}


@cache
def _layout(model: type[BaseModel]) -> _Layout:
    return _Layout(model)


def _cached(model: type[BaseModel]) -> AbstractSet[str]:
    return {n for k in model.__mro__ for n, v in vars(k).items() if isinstance(v, cached_property)}


def _checked(model: type[M], validate: Callable[..., M], *args: Any, **kwargs: Any) -> M:
    try:
        return validate(*args, **kwargs)
    except ValidationError as exc:
        raise _invalid(model, exc) from exc


def _invalid(model: type[BaseModel], exc: ValidationError) -> InvalidDataError:
    """'not a valid Revision: changes.0.kind: Input should be …; 2 more problems'."""
    problems = exc.errors(include_url=False, include_input=False)
    for problem in problems:
        if problem["type"] == "schema_version":
            return InvalidDataError(problem["msg"])
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


def _check_schema_version(data: Any, model: str, legacy_field: str) -> Any:
    """Refuse JSON written in another schema version, with a message that says so. JSON
    without the field is version 1 when it has ``legacy_field``, which only version 1
    wrote."""
    if isinstance(data, dict):
        found = data.get("schema_version", 1 if legacy_field in data else SCHEMA_VERSION)
        if found != SCHEMA_VERSION:
            raise PydanticCustomError(
                "schema_version",
                f"this {model} JSON is schema version {found!r}, and this newsdiff reads "
                f"version {SCHEMA_VERSION}: recreate it from the article texts",
            )
    return data


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
        """Whether blocks of this kind are left out of the comparison (every kind but
        ``body`` and ``subheading``)."""
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
        """Whether the block is a paragraph of article text (not a sub-heading)."""
        return self.kind is BlockKind.BODY

    @property
    def is_boilerplate(self) -> bool:
        """Whether the block is boilerplate: kept in the article, never compared."""
        return self.kind.is_boilerplate

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        for name, value in super().__repr_args__():
            if name == "text" and len(value) > _REPR_TEXT:
                value = value[: _REPR_TEXT - 1] + "…"
            yield name, value

    @property
    def source(self) -> str:
        """The block's text as it stood in the input (line breaks inside it joined)."""
        return self.prefix + self.dateline + self.text


class Metadata(_Model):
    """Facts about a version found while parsing; all optional."""

    date: str | None = Field(None, description="date from crawler metadata, as written")
    origin: str | None = Field(
        None,
        description="where and by whom the story was filed: the lede's dateline without its "
        "dash, e.g. 'KYIV, Ukraine (AP)' (that block's dateline is 'KYIV, Ukraine (AP) — ')",
    )
    headline: str | None = None
    byline: str | None = None
    published: str | None = Field(None, description="publication date the page declares (ISO)")
    updated: str | None = Field(None, description="last update the page declares, if later (ISO)")
    url: str | None = Field(None, description="the page's canonical URL")
    site_name: str | None = Field(None, description="the publication's name (og:site_name)")


class Article(_Model):
    """One version of a story: every block in reading order, boilerplate included."""

    def __repr__(self) -> str:
        """Short, for a REPL: counts and the headline."""
        headline = f", headline={self.metadata.headline!r}" if self.metadata.headline else ""
        return f"Article({len(self.blocks)} blocks, {len(self.paragraphs)} paragraphs{headline})"

    blocks: tuple[Block, ...]
    metadata: Metadata = Metadata()

    @cached_property
    def paragraphs(self) -> tuple[Block, ...]:
        """The article's own text: body paragraphs and sub-headings, in reading order.

        These are the units that :func:`newsdiff.compare` aligns; a *position* in a
        change, a cell or a row is an index into this tuple.
        """
        return tuple(b for b in self.blocks if not b.is_boilerplate)

    @property
    def body(self) -> tuple[Block, ...]:
        """Body paragraphs only (no sub-headings)."""
        return tuple(b for b in self.blocks if b.is_body)

    @property
    def boilerplate(self) -> tuple[Block, ...]:
        """The boilerplate blocks, in reading order: everything that is not a paragraph."""
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
    """What a span of a word diff is: text both sides share, or text only one has."""

    EQUAL = "equal"
    """In both paragraphs."""
    INSERT = "insert"
    """Only in the version's paragraph (``change.new``)."""
    DELETE = "delete"
    """Only in the canonical's paragraph (``change.old``)."""


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
    """What an edit does to the text."""

    ADDED = "added"
    """Words inserted where there were none (or a whole paragraph added)."""
    REMOVED = "removed"
    """Words deleted and nothing put in their place (or a whole paragraph removed)."""
    REPLACED = "replaced"
    """Words deleted and others inserted in their place."""


class Span(_Model):
    """A run of text inside a change: kept (equal), only in the version (insert), or only
    in the canonical (delete).

    ``old_part`` / ``new_part`` say which paragraph of ``Change.old`` / ``Change.new``
    the text belongs to (position in that tuple); a side the span is not on is ``None``.
    ``edit_class`` says what kind of edit an insert or delete span is part of.
    """

    op: SpanOp
    text: str
    old_part: int | None = None
    new_part: int | None = None
    edit_class: EditClass | None = None


class Edit(_Model):
    """One edit inside a change: a run of inserted and deleted spans between kept text.

    ``deleted`` / ``inserted`` are the text taken out and put in; ``start`` / ``stop``
    index the change's spans; ``old_figures`` / ``new_figures`` list the numbers on each
    side when the edit is a figure change.
    """

    edit_class: EditClass
    action: EditAction
    deleted: str = ""
    inserted: str = ""
    start: int = Field(ge=0)
    stop: int = Field(ge=0)
    old_figures: tuple[str, ...] = ()
    new_figures: tuple[str, ...] = ()


class FieldChange(_Model):
    """A field of a revision's two versions compared word by word, like a paragraph:
    the headline or the byline. ``kind`` is unchanged, changed, added (only the new
    side has one) or removed (only the old side has one); ``spans`` rebuild ``old``
    from the equal and delete spans and ``new`` from the equal and insert spans."""

    name: str = Field(description="'headline' or 'byline'")
    kind: ChangeKind
    old: str | None = Field(None, description="the old side's value (the canonical's)")
    new: str | None = Field(None, description="the new side's value (the version's)")
    spans: tuple[Span, ...] = ()
    edits: tuple[Edit, ...] = ()

    @property
    def substantive(self) -> bool:
        """Whether the field says something else (not just typography, punctuation or
        spelling)."""
        return any(e.edit_class.substantive for e in self.edits)


class _Sides:
    """The two articles a change's positions point into (set by its Revision)."""

    __slots__ = ("new", "old")

    def __init__(self, old: Article, new: Article) -> None:
        self.old = old
        self.new = new


class Change(_Model):
    """One alignment decision, in the version's reading order.

    ``old_positions`` are positions among the canonical's paragraphs, ``new_positions``
    among the version's; either may be empty (added / removed). The paragraphs
    themselves are ``old`` and ``new``, and ``spans`` is the word-level diff: the equal
    and delete spans rebuild each ``old`` paragraph's text exactly, the equal and insert
    spans each ``new`` paragraph's text. Spans and edits are worked out from the two
    articles when first asked for, so a Change read on its own (not through its
    Revision or Story) has positions but no text.
    """

    kind: ChangeKind
    old_positions: tuple[int, ...] = Field(
        (), description="positions in the canonical's paragraphs"
    )
    new_positions: tuple[int, ...] = Field((), description="positions in the version's paragraphs")
    similarity: float = Field(ge=0.0, le=1.0, description="word similarity of the two sides")
    typography_only: bool = Field(
        False, description="the texts differ, but only in quotes, dashes, spaces or Unicode forms"
    )
    truncated: bool = Field(
        False,
        description="the version stops here: a removed paragraph of the missing tail, or a "
        "last paragraph cut short",
    )
    _sides: _Sides | None = PrivateAttr(None)

    def _side(self) -> _Sides:
        if self._sides is None:
            raise InvalidDataError(
                "this Change holds paragraph positions, not text: read it through the "
                "Revision or Story it belongs to (rev.changes, story.revisions[name].changes)"
            )
        return self._sides

    @property
    def old(self) -> tuple[Block, ...]:
        """The canonical's paragraphs in this change."""
        paragraphs = self._side().old.paragraphs
        return tuple(paragraphs[i] for i in self.old_positions)

    @property
    def new(self) -> tuple[Block, ...]:
        """The version's paragraphs in this change."""
        paragraphs = self._side().new.paragraphs
        return tuple(paragraphs[j] for j in self.new_positions)

    @cached_property
    def _diff(self) -> tuple[tuple[Span, ...], tuple[Edit, ...]]:
        from newsdiff.classify import classify
        from newsdiff.worddiff import word_diff

        spans = word_diff([p.text for p in self.old], [p.text for p in self.new])
        return classify(self.kind, spans)

    @property
    def spans(self) -> tuple[Span, ...]:
        """The word-level diff, each insert and delete span labelled with its edit class."""
        return self._diff[0]

    @property
    def edits(self) -> tuple[Edit, ...]:
        """The change's edits, in reading order."""
        return self._diff[1]

    @property
    def substantive(self) -> bool:
        """Whether the change alters what the story says: typography, punctuation,
        spelling, reflowed paragraphs and a truncated republication's missing tail do not."""
        if self.truncated:
            return False
        return any(e.edit_class.substantive for e in self.edits)

    def old_text(self, part: int) -> str:
        """Rebuild the text of ``old[part]`` from the spans."""
        return "".join(
            s.text for s in self.spans if s.op is not SpanOp.INSERT and s.old_part == part
        )

    def new_text(self, part: int) -> str:
        """Rebuild the text of ``new[part]`` from the spans."""
        return "".join(
            s.text for s in self.spans if s.op is not SpanOp.DELETE and s.new_part == part
        )

    @property
    def words_inserted(self) -> int:
        """How many words the version's side inserts (in ``insert`` spans)."""
        return sum(_count_words(s.text) for s in self.spans if s.op is SpanOp.INSERT)

    @property
    def words_deleted(self) -> int:
        """How many words the version's side deletes (in ``delete`` spans)."""
        return sum(_count_words(s.text) for s in self.spans if s.op is SpanOp.DELETE)


def _count_words(text: str) -> int:
    return sum(1 for token in text.split() if any(c.isalnum() for c in token))


class UnchangedRun(_Model):
    """``length`` paragraphs that read the same word for word in both versions, from
    ``old_start`` in the canonical and ``new_start`` in the version: one entry instead
    of one unchanged Change per paragraph."""

    old_start: int = Field(ge=0, description="position of the first paragraph in the canonical")
    new_start: int = Field(ge=0, description="position of the first paragraph in the version")
    length: int = Field(ge=1)

    def changes(self, sides: _Sides) -> Iterator[Change]:
        """The run as one unchanged Change per paragraph."""
        for k in range(self.length):
            change = Change.model_construct(
                kind=ChangeKind.UNCHANGED,
                old_positions=(self.old_start + k,),
                new_positions=(self.new_start + k,),
                similarity=1.0,
                typography_only=False,
                truncated=False,
            )
            change._sides = sides
            yield change


Entry = Change | UnchangedRun
"""One entry of a revision's alignment: a change, or a run of unchanged paragraphs."""


class RevisionStats(_Model):
    """Totals over a revision's changes."""

    counts: dict[ChangeKind, int]
    words_inserted: int = Field(ge=0)
    words_deleted: int = Field(ge=0)
    similarity: float = Field(ge=0.0, le=1.0, description="share of words kept, over both sides")
    typography_only: int = Field(0, ge=0, description="unchanged changes with typographic noise")
    edits: dict[EditClass, int] = Field(default_factory=dict, description="edits of each class")
    truncated: int = Field(0, ge=0, description="canonical paragraphs of a missing tail")


def _check_positions(alignment: Sequence[Entry], old: Article, new: Article) -> None:
    """Every position of the alignment points at a paragraph (JSON read from outside)."""
    n_old, n_new = len(old.paragraphs), len(new.paragraphs)
    for n, entry in enumerate(alignment):
        if isinstance(entry, UnchangedRun):
            olds = [entry.old_start + entry.length - 1]
            news = [entry.new_start + entry.length - 1]
        else:
            olds, news = list(entry.old_positions), list(entry.new_positions)
        if any(i >= n_old for i in olds) or any(j >= n_new for j in news):
            raise ValueError(
                f"alignment entry {n} points past the articles' paragraphs "
                f"({n_old} in the canonical, {n_new} in the version)"
            )


def _bind(alignment: Sequence[Entry], old: Article, new: Article) -> _Sides:
    sides = _Sides(old, new)
    for entry in alignment:
        if isinstance(entry, Change):
            entry._sides = sides
    return sides


def revision_stats(changes: Sequence[Change]) -> RevisionStats:
    """Totals over a revision's changes."""
    counts = dict.fromkeys(ChangeKind, 0)
    inserted = deleted = kept = 0
    edits: dict[EditClass, int] = {}
    for change in changes:
        counts[change.kind] += 1
        for edit in change.edits:
            edits[edit.edit_class] = edits.get(edit.edit_class, 0) + 1
        if change.kind is ChangeKind.UNCHANGED:
            kept += sum(word_count(p.text) for p in change.old) * 2
            continue
        inserted += change.words_inserted
        deleted += change.words_deleted
        kept += 2 * sum(word_count(s.text) for s in change.spans if s.op is SpanOp.EQUAL)
    total = kept + inserted + deleted
    return RevisionStats.model_construct(
        counts=counts,
        words_inserted=inserted,
        words_deleted=deleted,
        similarity=round(kept / total, 6) if total else 1.0,
        typography_only=sum(c.typography_only for c in changes),
        edits=dict(sorted(edits.items())),
        truncated=sum(c.truncated and c.kind is ChangeKind.REMOVED for c in changes),
    )


class Revision(_Model):
    """A version (``new_article``, called ``new_name``) compared against the canonical
    (``old_article``, called ``old_name``).

    ``alignment`` is what was decided, compactly: changes, with stretches of unchanged
    paragraphs as :class:`UnchangedRun` entries. ``changes`` gives one :class:`Change`
    per decision (each run unfolded), and ``stats`` the totals; both are worked out on
    first use.
    """

    schema_version: int = Field(SCHEMA_VERSION, description="version of this JSON format")
    old_name: str = "old"
    new_name: str = "new"
    old_article: Article = Field(description="the canonical version")
    new_article: Article = Field(description="the version compared against it")
    alignment: tuple[Change | UnchangedRun, ...]
    _old_role: str = PrivateAttr("canonical")
    _new_role: str = PrivateAttr("")
    _earlier: bool = PrivateAttr(False)

    @property
    def old_role(self) -> str:
        """What the old side is, as views name it: ``"canonical"`` for a revision
        against the canonical, ``"earlier"`` for a step of :attr:`Story.timeline`, ``""``
        for the earlier version of a revision drawn forward in time (:meth:`forward`)."""
        return self._old_role

    @property
    def new_role(self) -> str:
        """What the new side is, as views name it: ``"canonical"`` in a revision drawn
        forward in time (:meth:`forward`), else ``""``."""
        return self._new_role

    def forward(self) -> Revision:
        """This revision as views draw it: forward in time. A revision of a version
        that its story's time order puts before the canonical comes back with the sides
        swapped — the earlier version old, the canonical new — so the canonical's later
        paragraphs read as added, not as removed; any other revision comes back as it
        is (see :func:`newsdiff.timeline.forward`)."""
        from newsdiff.timeline import forward

        return forward(self) if self._earlier else self

    @model_validator(mode="before")
    @classmethod
    def _schema(cls, data: Any) -> Any:
        return _check_schema_version(data, "Revision", "changes")

    @model_validator(mode="after")
    def _link(self) -> Self:
        _check_positions(self.alignment, self.old_article, self.new_article)
        _bind(self.alignment, self.old_article, self.new_article)
        return self

    @classmethod
    def assemble(
        cls, old_name: str, new_name: str, old: Article, new: Article, alignment: Sequence[Entry]
    ) -> Revision:
        """A Revision from parts newsdiff built itself (no re-validation)."""
        revision = cls.model_construct(
            schema_version=SCHEMA_VERSION,
            old_name=old_name,
            new_name=new_name,
            old_article=old,
            new_article=new,
            alignment=tuple(alignment),
        )
        _bind(revision.alignment, old, new)
        return revision

    @cached_property
    def changes(self) -> tuple[Change, ...]:
        """Every alignment decision in the version's reading order, unchanged
        paragraphs included (one Change each)."""
        sides: _Sides | None = None
        changes: list[Change] = []
        for entry in self.alignment:
            if isinstance(entry, Change):
                changes.append(entry)
                continue
            sides = sides or _Sides(self.old_article, self.new_article)
            changes.extend(entry.changes(sides))
        return tuple(changes)

    @cached_property
    def stats(self) -> RevisionStats:
        """Totals over the changes."""
        return revision_stats(self.changes)

    @cached_property
    def fields(self) -> tuple[FieldChange, ...]:
        """The headline and the byline compared word by word (a field neither version
        has is left out); see :mod:`newsdiff.fields`."""
        from newsdiff.fields import compare_fields

        return compare_fields(self.old_article, self.new_article)

    def field(self, name: str) -> FieldChange | None:
        """The comparison of the field called ``name`` ('headline', 'byline'), if either
        version has it."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def substantive_changes(self) -> tuple[Change, ...]:
        """The changes that alter what the story says (see :attr:`Change.substantive`)."""
        return tuple(c for c in self.alignment if isinstance(c, Change) and c.substantive)

    @property
    def substantive(self) -> bool:
        """False when the versions differ only in typography, punctuation, spelling,
        paragraph breaks or a truncated tail."""
        return any(isinstance(c, Change) and c.substantive for c in self.alignment)

    @property
    def significance(self) -> str:
        """One line on what changed, a headline change first, e.g. "headline changed;
        2 figures updated, 1 quote added, 4 paragraphs added; also 12 typographic
        changes"."""
        from newsdiff.classify import significance

        return significance([c for c in self.alignment if isinstance(c, Change)], self.fields)

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

    def to_html(
        self,
        *,
        view: View | str = "side-by-side",
        typography: Typography | str = "dim",
        context: int | None = None,
        substantive: bool = False,
    ) -> str:
        """A standalone HTML page of this revision: side by side, or ``view="inline"``
        for one column (:class:`newsdiff.render.View`); the other options as in
        :class:`newsdiff.render.ViewOptions`. A name that is not a view or a typography
        setting is a :class:`~newsdiff.SettingError` listing the valid ones."""
        from newsdiff.render.html import revision_page

        return revision_page(
            self, view=view, typography=typography, context=context, substantive=substantive
        )

    def __repr__(self) -> str:
        """Short, for a REPL: the names, the counts of changes, the significance line."""
        counts: dict[ChangeKind, int] = {}
        for entry in self.alignment:
            kind = entry.kind if isinstance(entry, Change) else ChangeKind.UNCHANGED
            counts[kind] = counts.get(kind, 0) + (1 if isinstance(entry, Change) else entry.length)
        changes = ", ".join(f"{counts[k]} {k.value}" for k in ChangeKind if k in counts)
        return (
            f"Revision({self.new_name!r} against {self.old_name!r}: {changes}; {self.significance})"
        )


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
    positions: tuple[int, ...] = Field((), description="positions in that version's paragraphs")
    similarity: float = Field(0.0, ge=0.0, le=1.0)


class StoryRow(_Model):
    """A paragraph of the story: a canonical paragraph, or one only some versions carry."""

    position: int | None = Field(
        None,
        description="position in the canonical's paragraphs; none for a paragraph the "
        "canonical lacks",
    )
    text: str = Field(description="the canonical text, or the first carrying version's text")
    cells: dict[str, Cell]


class StoryVersion(_Model):
    """One version of a story: its article, and (except for the canonical) its alignment
    against the canonical."""

    name: str
    article: Article
    alignment: tuple[Change | UnchangedRun, ...] | None = Field(
        None, description="the version against the canonical; none for the canonical itself"
    )


class Story(_Model):
    """N versions of one story collated against a canonical version.

    Each version's article is held once, in ``versions``. ``revisions`` (one
    :class:`Revision` per non-canonical version, by name) and ``rows`` (the story
    table) are worked out from them on first use.
    """

    schema_version: int = Field(SCHEMA_VERSION, description="version of this JSON format")
    canonical: str
    versions: tuple[StoryVersion, ...]
    order: tuple[str, ...] = Field(
        (),
        description="the versions' names in time order, earliest first; empty: the order "
        "of versions",
    )

    @model_validator(mode="before")
    @classmethod
    def _schema(cls, data: Any) -> Any:
        return _check_schema_version(data, "Story", "revisions")

    @model_validator(mode="after")
    def _link(self) -> Self:
        names = [v.name for v in self.versions]
        if len(set(names)) != len(names):
            raise ValueError("two versions have the same name")
        if self.canonical not in names:
            raise ValueError(f"the canonical {self.canonical!r} is not one of the versions")
        if self.order and sorted(self.order) != sorted(names):
            raise ValueError("order must name every version once")
        canon = self.version(self.canonical).article
        for version in self.versions:
            if (version.alignment is None) != (version.name == self.canonical):
                raise ValueError(
                    f"version {version.name!r}: every version but the canonical has an "
                    "alignment, and the canonical has none"
                )
            if version.alignment is not None:
                _check_positions(version.alignment, canon, version.article)
                _bind(version.alignment, canon, version.article)
        return self

    @classmethod
    def assemble(
        cls,
        canonical: str,
        articles: Sequence[tuple[str, Article]],
        revisions: Mapping[str, Revision],
        *,
        order: Sequence[str] = (),
    ) -> Story:
        """A Story from parts newsdiff built itself (no re-validation); ``revisions``
        are kept as the story's revisions."""
        story = cls.model_construct(
            schema_version=SCHEMA_VERSION,
            canonical=canonical,
            order=tuple(order),
            versions=tuple(
                StoryVersion.model_construct(
                    name=name,
                    article=article,
                    alignment=revisions[name].alignment if name in revisions else None,
                )
                for name, article in articles
            ),
        )
        in_time = story.in_time_order
        for name, rev in revisions.items():
            rev._earlier = in_time.index(name) < in_time.index(canonical)
        story.__dict__["revisions"] = dict(revisions)
        return story

    def version(self, name: str) -> StoryVersion:
        """The version called ``name`` (``KeyError`` if there is none)."""
        for version in self.versions:
            if version.name == name:
                return version
        raise KeyError(name)

    @cached_property
    def revisions(self) -> dict[str, Revision]:
        """One Revision per non-canonical version, by name, in the versions' order: each
        the version against the canonical. Views draw each forward in time
        (:meth:`Revision.forward`)."""
        canon = self.version(self.canonical).article
        order = self.in_time_order
        revisions = {}
        for v in self.versions:
            if v.alignment is None:
                continue
            rev = Revision.assemble(self.canonical, v.name, canon, v.article, v.alignment)
            rev._earlier = order.index(v.name) < order.index(self.canonical)
            revisions[v.name] = rev
        return revisions

    @property
    def in_time_order(self) -> tuple[str, ...]:
        """The versions' names, earliest first: :attr:`order`, or when that is empty
        the order of :attr:`versions`."""
        return self.order or tuple(v.name for v in self.versions)

    @cached_property
    def timeline(self) -> tuple[Revision, ...]:
        """The revisions between consecutive versions in time order (v1→v2, v2→v3, …),
        the earlier version always the old side: the story as it moved forward."""
        from newsdiff.timeline import consecutive

        articles = {v.name: v.article for v in self.versions}
        return consecutive(self.in_time_order, articles)

    @cached_property
    def history(self) -> StoryHistory:
        """The story over time: the history of every paragraph that ever appeared and
        the chains of the figures it updates, along :attr:`timeline` (see
        :mod:`newsdiff.history`)."""
        from newsdiff.history import story_history

        return story_history(self)

    @cached_property
    def rows(self) -> tuple[StoryRow, ...]:
        """The story table: one row per canonical paragraph, in canonical order, plus one
        for each paragraph only some versions carry (see :mod:`newsdiff.table`)."""
        from newsdiff.table import story_rows

        return story_rows(self.canonical, self.version(self.canonical).article, self.revisions)

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

    def to_html(
        self,
        *,
        typography: Typography | str = "dim",
        context: int | None = None,
        substantive: bool = False,
    ) -> str:
        """A standalone HTML page of this story: the heat map, then each version side by
        side with the canonical; options as in :class:`newsdiff.render.ViewOptions`."""
        from newsdiff.render.html import story_page

        return story_page(self, typography=typography, context=context, substantive=substantive)

    def __repr__(self) -> str:
        """Short, for a REPL: the versions, the canonical, each revision's significance."""
        lines = [f"Story({len(self.versions)} versions, canonical {self.canonical!r}"]
        lines += [f"  {name!r}: {rev.significance}" for name, rev in self.revisions.items()]
        return "\n".join(lines) + ")"


# A story over time (see newsdiff.history): what happened to each paragraph and to each
# figure from one version to the next, in time order.


class Event(StrEnum):
    """What happened to a paragraph in one version, against the version before it."""

    APPEARED = "appeared"
    """First seen: in the first version, or added in this one."""
    CHANGED = "changed"
    MOVED = "moved"
    """Stands elsewhere among the paragraphs (its text may also have changed)."""
    SPLIT = "split"
    """Cut into several paragraphs."""
    MERGED = "merged"
    """Joined with another paragraph into one."""
    REMOVED = "removed"
    """No longer in the story."""
    NOT_CARRIED = "not-carried"
    """Not in this version because the version stops early (a truncated copy)."""
    RETURNED = "returned"
    """Back after versions without it."""


class ParagraphEvent(_Model):
    """One step of a paragraph's history: what happened to it in ``version``.

    ``positions`` are the paragraph's positions among that version's paragraphs (none
    when it is removed); ``spans`` the word diff from its text in the version before
    (for changed, moved, split, merged and returned paragraphs whose text differs), and
    ``edit_classes`` the kinds of its edits, most significant last, each once.
    """

    version: str
    event: Event
    positions: tuple[int, ...] = ()
    edit_classes: tuple[EditClass, ...] = ()
    spans: tuple[Span, ...] = ()

    @property
    def text(self) -> str:
        """The paragraph's text in this version (the new side of the spans)."""
        return "".join(s.text for s in self.spans if s.op is not SpanOp.DELETE)


class ParagraphHistory(_Model):
    """Everything that happened to one paragraph across the story's versions.

    ``first_seen`` is the version where it first appeared and ``text`` its text there;
    ``events`` every version where something happened to it, in time order (the first
    is always ``appeared``); ``positions`` where each version that carries it has it.
    """

    id: int = Field(ge=0, description="number in the history, in the order first seen")
    first_seen: str
    text: str = Field(description="the text where it first appeared")
    events: tuple[ParagraphEvent, ...]
    positions: dict[str, tuple[int, ...]] = Field(
        description="version name → positions among that version's paragraphs"
    )

    @property
    def last_text(self) -> str:
        """The text in the last version that changed it (or where it first appeared)."""
        for event in reversed(self.events):
            if event.spans:
                return event.text
        return self.text

    @property
    def summary(self) -> str:
        """ "first in v2, changed in v3 (figure), moved in v4"."""
        from newsdiff.history import event_phrase

        return ", ".join(event_phrase(e, first=n == 0) for n, e in enumerate(self.events))


class FigureValue(_Model):
    """A figure's value from ``version`` on (until the next value of its chain)."""

    version: str
    value: str = Field(
        description="the number as written, with its currency and scale: '12', 'twelve', "
        "'$40 million'"
    )
    paragraph: int | None = Field(
        None, description="the id of the paragraph that holds it; none in the headline"
    )


class FigureChain(_Model):
    """A number the story updates, followed across versions: ``values`` in time order,
    each with the version where it first stood. ``label`` is what the number counts:
    the words around it in its latest text."""

    label: str
    field: str | None = Field(None, description="'headline' for a figure in the headline")
    values: tuple[FigureValue, ...] = Field(min_length=2)

    @property
    def text(self) -> str:
        """ "workers were hurt: 3 → 7 → 12 → 15 (v1…v4)"."""
        arrows = " → ".join(v.value for v in self.values)
        versions = f"{self.values[0].version}…{self.values[-1].version}"
        where = f"{self.field}: " if self.field else ""
        return f"{where}{self.label}: {arrows} ({versions})"


class TimelineStep(_Model):
    """The alignment between two consecutive versions: the earlier is the old side."""

    old_name: str
    new_name: str
    alignment: tuple[Change | UnchangedRun, ...]


class StoryHistory(_Model):
    """A story over time: the story (its versions, each text once, and its time order),
    the alignments between consecutive versions, the history of every paragraph that
    ever appeared, and the chains of the figures it updates.

    ``timeline`` gives the consecutive :class:`Revision` objects; the history and
    chains are stored, so JSON read back has them without recomputing.
    """

    schema_version: int = Field(SCHEMA_VERSION, description="version of this JSON format")
    story: Story
    steps: tuple[TimelineStep, ...]
    paragraphs: tuple[ParagraphHistory, ...]
    figures: tuple[FigureChain, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _schema(cls, data: Any) -> Any:
        # There is no version-1 JSON of a history: no field marks one.
        return _check_schema_version(data, "StoryHistory", legacy_field="")

    @model_validator(mode="after")
    def _link(self) -> Self:
        order = self.story.in_time_order
        pairs = [(s.old_name, s.new_name) for s in self.steps]
        if pairs != list(pairwise(order)):
            raise ValueError("steps must compare each version with the next in time order")
        articles = {v.name: v.article for v in self.story.versions}
        for step in self.steps:
            old, new = articles[step.old_name], articles[step.new_name]
            _check_positions(step.alignment, old, new)
            _bind(step.alignment, old, new)
        return self

    @cached_property
    def timeline(self) -> tuple[Revision, ...]:
        """The revisions between consecutive versions, earlier → later."""
        from newsdiff.timeline import as_step

        articles = {v.name: v.article for v in self.story.versions}
        return tuple(
            as_step(
                Revision.assemble(
                    s.old_name, s.new_name, articles[s.old_name], articles[s.new_name], s.alignment
                )
            )
            for s in self.steps
        )

    def paragraph(self, version: str, position: int) -> ParagraphHistory:
        """The history of the paragraph at ``position`` in ``version`` (``KeyError`` if
        that version has no paragraph there)."""
        for history in self.paragraphs:
            if position in history.positions.get(version, ()):
                return history
        raise KeyError((version, position))

    def __rich__(self) -> Any:
        """``rich.print(history)`` shows the timeline, the figures and the paragraphs."""
        from newsdiff.render.history import HistoryView

        return HistoryView(self)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        """In a notebook: the timeline strip, the figure table, the paragraph history
        and each step of the timeline, as HTML, and the first three as plain text."""
        from newsdiff.render.notebook import mimebundle

        return mimebundle(self)

    def to_html(self) -> str:
        """A standalone HTML page of the story over time."""
        from newsdiff.render.history_html import history_page

        return history_page(self)

    def __repr__(self) -> str:
        return (
            f"StoryHistory({len(self.story.versions)} versions in order "
            f"{', '.join(self.story.in_time_order)}; {len(self.paragraphs)} paragraphs, "
            f"{len(self.figures)} figure chains)"
        )
