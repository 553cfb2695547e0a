"""Structural rules over labelled lines: what the shape of a line or of the page says,
whatever the language.

They run after the body/boilerplate labelling (:mod:`newsdiff.parse.kinds`) and only
correct it where structure is clear:

1. Lines of inline image data or image-markup residue are ``image-artifact``; lines
   made of dates and times with a few words around them ("Updated 10:42 GMT, 20 March
   2025", "Stand: 20.03.2025, 14:35 Uhr") are ``timestamp``; lines mostly of figures (a
   ticker, a row of a table) are ``widget``.
2. A second story appended after a separator line (``----``, ``* * *``): when the line
   after the separator is title-like and what follows is framed as a new article (a
   byline, a date, a dateline) or shares little vocabulary with the article, every
   article-like block from the separator on is ``other-story``.
3. With no headline found yet, the title-like line just before the lede (bylines,
   dates and images between them aside) is the ``headline``; so is a short first line
   ending in "?" or "!" that the labelling read as the first sentence.
4. A page with no article text of its own: when the body's prose, leaving out the
   paragraphs that speak of the page itself (an error page, a paywall, a consent
   request; patterns in several languages), is under :data:`ARTICLE_MIN_WORDS` words,
   or when the body holds no sentence at all among other boilerplate (a menu, a list
   of headlines), its body becomes boilerplate, so that :func:`newsdiff.compare`
   raises :class:`~newsdiff.NoBodyError`. A short text with a sentence and no such
   notice, or with nothing around it, keeps its body.

The rules correct only body, sub-headings, headlines and the kinds the labelling also
gives by position alone (section label, navigation, related links); a kind named by a
wording cue (a copyright line, a share prompt…) stays, except for image data, which is
unmistakable.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from newsdiff.models import BlockKind
from newsdiff.parse.lines import DATELINE

ARTICLE_MIN_WORDS = 30
"""Fewest words of prose (outside error, paywall and consent paragraphs) that make a
page an article when such paragraphs are present."""
MENU_ITEM_WORDS = 3
"""Most words of a menu item ("Home", "Latest news"): a page whose body is only such
lines, among other boilerplate, is a menu."""
HEADLINE_MAX_WORDS = 16
"""Longest first line (in words) ending in "?" or "!" taken for a headline rather than
the first sentence of the body."""
NOTICE_WORDS = 40
"""A paragraph is a notice about the page (an error, a paywall, a consent request) when
such patterns occur at least once every this many words: a long paragraph that mentions
a subscriber once is still prose."""
OTHER_STORY_OVERLAP = 0.5
"""Text after a separator and a title-like line is another story when fewer than this
share of its content words occur before the separator (or when it is framed as one)."""
FIGURES_MAX_LETTERS = 0.5
"""A short line that ends no sentence, with fewer letters than this share of its
characters and many digits, is figures (a ticker, a table row), not prose."""
FIGURES_MAX_WORDS = 20
"""Longest line (in words) taken for a row of figures."""

# Kinds the labelling gives by position or as article text, which a structural rule
# may correct; kinds named by a wording cue stay.
_ARTICLE_LIKE = frozenset({BlockKind.BODY, BlockKind.SUBHEADING, BlockKind.HEADLINE})
_GUESSED = _ARTICLE_LIKE | {BlockKind.SECTION_LABEL, BlockKind.NAVIGATION, BlockKind.RELATED}
# Kinds that may stand between a headline and the lede.
_BETWEEN_HEADLINE_AND_LEDE = frozenset(
    {
        BlockKind.BYLINE,
        BlockKind.TIMESTAMP,
        BlockKind.METADATA,
        BlockKind.IMAGE,
        BlockKind.CAPTION,
        BlockKind.PHOTO_CREDIT,
        BlockKind.SHARE,
        BlockKind.SUMMARY,
        BlockKind.ADVERTISEMENT,
    }
)
# Kinds that frame the start of a new article after a separator.
_FRAMING = frozenset({BlockKind.BYLINE, BlockKind.TIMESTAMP, BlockKind.METADATA})

# Inline image data or image markup left in the text: "<image>data:image/png;base64,…",
# "![alt](…)", a file name with a stray bracket ("…/photo.png)"), a run of base64.
_IMAGE_DATA = re.compile(r"data:image/|!\[[^\]]*\]\(", re.IGNORECASE)
_IMAGE_LINE = re.compile(
    r"<(image|img|figure|picture)\b|\S*\.(png|jpe?g|gif|webp|svg|avif)\)?\W{0,3}$"
    r"|[A-Za-z0-9+/=]{120,}$",
    re.IGNORECASE,
)
_MONTHS = (
    # English, German, French, Spanish, Italian, Dutch, Portuguese (full and short forms)
    r"jan(uary|uar|vier|eiro)?|feb(ruary|ruar)?|févr(ier)?|fevereiro|mar(ch|s|zo|ço)?|"
    r"märz|maart|apr(il|ile)?|avril|abril|may|mai|mei|mayo|maggio|maio|jun(e|i|io|ho)?|"
    r"juin|giugno|jul(y|i|io|ho)?|juil(let)?|luglio|aug(ust|ustus)?|août|agosto|"
    r"sep(t|tember|tembre|tiembre|tembro)?|settembre|oct(ober|obre|ubre)?|okt(ober)?|"
    r"ottobre|outubro|nov(ember|embre|iembre|embro)?|dec(ember|embre)?|dez(ember|embro)?|"
    r"déc(embre)?|dic(iembre|embre)?|ene(ro)?|gen(naio)?"
)
_DATE_TOKEN = re.compile(
    rf"^\W*(?:(?P<date>\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{2,4}})"
    rf"|(?P<time>\d{{1,2}}[:h]\d{{2}}(?::\d{{2}})?(?:[ap]\.?m\.?|h)?)"
    rf"|(?P<month>(?:{_MONTHS})\.?)"
    rf"|\d{{1,4}}(?:st|nd|rd|th|er|e|º)?\.?|[ap]\.?m\.?|(?-i:[A-Z]{{2,4}})|uhr|h)\W*$",
    re.IGNORECASE,
)
DATE_LINE_MAX_WORDS = 4
"""Most words other than dates, times, numbers and time zones a date line may have
("Updated", "Published on", "Aktualisiert am", "Mis à jour le")."""
# A separator line: three or more of one symbol ("----", "* * *", "___", "═══").
_SEPARATOR = re.compile(r"^([^\w\s]|_)(?:\s*\1){2,}$")
_SENTENCE_END = re.compile(r"[.!?。！？][\"'”’)\]»」』）]*$")
# Chinese, Japanese and Korean characters: each counts as a word where words are not
# separated by spaces.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CLOSERS = "\"'”’)]»"
_BREADCRUMB = re.compile(r"[›»>|/·•]")
_WORD = re.compile(r"\w+")
# Paragraphs that speak of the page rather than of a story: an error page, a paywall, a
# consent request. They decide nothing alone: only a page with too little other prose
# is taken for one of these pages.
_PAGE_NOTICE = re.compile(
    r"\b404\b|not (be )?found|can(no|')t be found|could(n't| not) (be )?f(i|ou)nd|"
    r"does(n't| not) exist|no longer (exists|available)|nicht (mehr )?(gefunden|verfügbar)|"
    r"existiert nicht|introuvable|n'existe pas|non trouvée|no (se )?(ha )?encontr|no existe|"
    r"non (è )?(trovat|esiste)|niet (gevonden|beschikbaar)|bestaat niet|"
    r"subscri|abonn|abbona|suscri|paywall|weiterlesen|continue reading|\blog ?in\b|"
    r"\bsign ?in\b|anmelden|se connecter|cookie|consent|einwillig|zustimm",
    re.IGNORECASE,
)

# Speed only: a word that every alternative of _PAGE_NOTICE holds, so that the pattern
# is searched only in paragraphs that hold one of them.
_NOTICE_GATE = (
    "404",
    "found",
    "find",
    "exist",
    "available",
    "gefunden",
    "verfügbar",
    "introuvable",
    "trouvée",
    "encontr",
    "trovat",
    "esiste",
    "gevonden",
    "beschikbaar",
    "bestaat",
    "subscri",
    "abonn",
    "abbona",
    "suscri",
    "paywall",
    "weiterlesen",
    "reading",
    "log",
    "sign",
    "anmelden",
    "connecter",
    "cookie",
    "consent",
    "einwillig",
    "zustimm",
)


def apply(lines: Sequence[str], kinds: list[BlockKind]) -> list[BlockKind]:
    """Correct ``kinds`` (one per line, from the labelling) by the rules above."""
    demoted: int | None = None  # a headline that turned out to be image data or a date
    for i, line in enumerate(lines):
        kind = _line_kind(line)
        if kind is BlockKind.IMAGE or (kind is not None and kinds[i] in _GUESSED):
            if kinds[i] is BlockKind.HEADLINE and demoted is None:
                demoted = i
            kinds[i] = kind
    if demoted is not None:
        # The labelling took the line after the false headline for a standfirst.
        after = next(
            (k for k in range(demoted + 1, len(kinds)) if _line_kind(lines[k]) is None), None
        )
        if after is not None and kinds[after] is BlockKind.SUMMARY and _title_like(lines[after]):
            kinds[after] = BlockKind.HEADLINE
    _mark_appended_story(lines, kinds)
    _find_headline(lines, kinds)
    mark_page_without_article(lines, kinds)
    return kinds


def _line_kind(line: str) -> BlockKind | None:
    """The boilerplate kind a line's structure names, if any."""
    if _IMAGE_LINE.match(line) or (
        ("ata:" in line or "ATA:" in line or "![" in line) and _IMAGE_DATA.search(line)
    ):
        return BlockKind.IMAGE
    digits = sum(map(line.count, "0123456789"))
    if not digits:
        return None
    spaces = line.count(" ")
    if spaces < 3 * DATE_LINE_MAX_WORDS and _is_date_line(line.split()):
        return BlockKind.TIMESTAMP
    chars = len(line) - spaces
    if (
        spaces < FIGURES_MAX_WORDS
        and digits >= 0.25 * chars
        and not _SENTENCE_END.search(line)
        and sum(c.isalpha() for c in line) < FIGURES_MAX_LETTERS * chars
    ):
        return BlockKind.WIDGET
    return None


def _is_date_line(tokens: Sequence[str]) -> bool:
    """Dates and times with at most :data:`DATE_LINE_MAX_WORDS` other words, and no
    more other words than date tokens ("In May 2017, we dropped" is prose)."""
    other = dated = 0
    strong = month = number = False
    for token in tokens:
        match = _DATE_TOKEN.match(token)
        if match is None:
            other += bool(_WORD.search(token))
            continue
        dated += 1
        strong = strong or bool(match["date"] or match["time"])
        month = month or bool(match["month"])
        number = number or (match.lastgroup is None and token[:1].isdigit())
    return other <= min(DATE_LINE_MAX_WORDS, dated) and (strong or (month and number))


def _title_like(line: str, min_words: int = 2, max_words: int = 25) -> bool:
    """Short, unpunctuated at the end (a question or exclamation aside), mostly words."""
    text = line.strip()
    n_words = len(_WORD.findall(text))
    chars = [c for c in text if not c.isspace()]
    return (
        min_words <= n_words <= max_words
        and not text.endswith((".", ":", ",", ";", "…"))
        and not _BREADCRUMB.search(text)
        and sum(c.isalpha() for c in chars) >= 0.75 * len(chars)
    )


def _mark_appended_story(lines: Sequence[str], kinds: list[BlockKind]) -> None:
    """Relabel what follows a separator as ``other-story`` when it reads as a new
    article and the page's article (most of its body) stands before the separator."""
    separators = [
        i for i, line in enumerate(lines) if not line[:1].isalnum() and _SEPARATOR.match(line)
    ]
    if not separators:
        return
    words = [
        line.count(" ") + 1 if kind is BlockKind.BODY else 0
        for line, kind in zip(lines, kinds, strict=True)
    ]
    total = sum(words)
    for i in separators:
        story = set(_appended_story(lines, kinds, i)) if 2 * sum(words[:i]) >= total > 0 else set()
        if story:
            for k in range(i + 1, len(kinds)):
                if kinds[k] in _ARTICLE_LIKE or k in story:
                    kinds[k] = BlockKind.OTHER_STORY
            return


def _title(kinds: Sequence[BlockKind], separator: int) -> int | None:
    """The first line after a separator that is neither a date, a byline nor an image."""
    return next(
        (
            k
            for k in range(separator + 1, len(kinds))
            if kinds[k] not in _FRAMING | {BlockKind.IMAGE}
        ),
        None,
    )


def _appended_story(lines: Sequence[str], kinds: Sequence[BlockKind], separator: int) -> list[int]:
    """The title and prose of another article after the separator (empty when what
    follows does not read as one): a title-like line, then body framed as an article's
    start or on other matters. The body model may already have taken that prose for
    boilerplate by position (related links): it counts as the story's body all the
    same, so it is named for what it is."""
    title = _title(kinds, separator)
    if title is None or not _title_like(lines[title]):
        return []
    after = [
        k
        for k in range(title + 1, len(kinds))
        if kinds[k] is BlockKind.BODY or (kinds[k] in _GUESSED and _prose_sentence(lines[k]))
    ]
    if not after:
        return []
    framed = any(kinds[k] in _FRAMING for k in range(separator + 1, after[0])) or bool(
        DATELINE.match(lines[after[0]])
    )
    if not framed:
        before = _content_words(lines[k] for k in range(separator) if kinds[k] is BlockKind.BODY)
        words = _content_words(lines[k] for k in after)
        if not words or len(words & before) >= OTHER_STORY_OVERLAP * len(words):
            return []
    return [title, *after]


def _prose_sentence(line: str) -> bool:
    """A line of at least six words that ends like a sentence."""
    return line.count(" ") >= 5 and bool(_SENTENCE_END.search(line))


def _content_words(lines: Iterable[str]) -> set[str]:
    return {
        w
        for line in lines
        for w in _WORD.findall(line.casefold())
        if len(w) >= 4 and not w.isdigit()
    }


def _find_headline(lines: Sequence[str], kinds: list[BlockKind]) -> None:
    if BlockKind.HEADLINE in kinds:
        return
    lede = next((i for i, kind in enumerate(kinds) if kind is BlockKind.BODY), None)
    if lede is None:
        return
    if (
        lines[lede].rstrip(_CLOSERS).endswith(("?", "!"))
        and _at_top(kinds, lede)
        and _title_like(lines[lede], max_words=HEADLINE_MAX_WORDS)
    ):
        # A title ending in a question or exclamation mark, read as the first sentence.
        if any(kind is BlockKind.BODY for kind in kinds[lede + 1 :]):
            kinds[lede] = BlockKind.HEADLINE
        return
    i = lede - 1
    while i >= 0 and kinds[i] in _BETWEEN_HEADLINE_AND_LEDE:
        i -= 1
    if i < 0 or kinds[i] not in _GUESSED:
        return
    if _title_like(lines[i], min_words=2 if _at_top(kinds, i) else 3):
        kinds[i] = BlockKind.HEADLINE


def _at_top(kinds: Sequence[BlockKind], i: int) -> bool:
    """Whether only dates, images and crawler metadata stand before line ``i``."""
    return all(kind in _FRAMING | {BlockKind.IMAGE} for kind in kinds[:i])


def _is_notice(line: str) -> bool:
    """Whether the paragraph speaks of the page: its words name an error, a paywall or a
    consent request at least once every :data:`NOTICE_WORDS` words."""
    lowered = line.lower()
    if not any(word in lowered for word in _NOTICE_GATE):
        return False
    found = sum(1 for _ in _PAGE_NOTICE.finditer(line))
    return found > 0 and found * NOTICE_WORDS >= line.count(" ") + 1


def mark_page_without_article(lines: Sequence[str], kinds: list[BlockKind]) -> None:
    """Relabel the body of a page that has no article text of its own: notices about
    the page (an error, a paywall, a consent request) and under
    :data:`ARTICLE_MIN_WORDS` words of other prose; or only menu items (at most
    :data:`MENU_ITEM_WORDS` words each) among other boilerplate.

    Longer lines without a sentence among them are not enough: on real pages that is a
    list article (results, a timeline, a table of works) far more often than a menu."""
    body = [i for i, kind in enumerate(kinds) if kind in _ARTICLE_LIKE]
    prose = 0
    notices = False
    for i in body:
        line = lines[i]
        if _is_notice(line):
            notices = True
        elif kinds[i] is BlockKind.BODY and _SENTENCE_END.search(line):
            prose += _word_count(line)
            if prose >= ARTICLE_MIN_WORDS:
                return
    if notices:
        for i in body:
            kinds[i] = BlockKind.COOKIE if "cookie" in lines[i].casefold() else BlockKind.WIDGET
    elif len(body) < len(kinds) and all(_word_count(lines[i]) <= MENU_ITEM_WORDS for i in body):
        for i in body:
            kinds[i] = BlockKind.SECTION_LABEL


def _word_count(line: str) -> int:
    """Words, or characters in a script written without spaces (Chinese, Japanese)."""
    return max(len(_WORD.findall(line)), len(_CJK.findall(line)))
