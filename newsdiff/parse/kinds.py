"""Tell article body from site boilerplate, line by line, with rules that hold across sites.

Two layers:

1. Each line gets a *cue*: a boilerplate kind when its wording or shape says so
   (a copyright mark, a call to action, a bullet under a "What you need to know"
   heading, a run of symbols, a breadcrumb, a caption opener…), and a body score
   from its shape (long lines ending in sentence punctuation look like prose; short
   unpunctuated lines look like labels; a line cut off with "…" looks like a teaser).
2. A two-state Viterbi pass (body / boilerplate) with a switching cost picks the
   stretch of the text that is the article. A cued line keeps its kind wherever it
   stands. Lines that frame an article (navigation, bylines, copyright, comment
   prompts) end the body; lines that sites put between paragraphs (captions,
   advertisements, summary boxes) cost only a little inside it, so a few interrupt the
   body without ending it while a long run of them does end it. A stray prose line
   among the footer's links (a site's "About us" blurb) stays boilerplate.

Sub-headings are short unpunctuated lines inside the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsdiff.models import BlockKind

SWITCH = 3.0
"""Cost of entering or leaving the body."""
STRONG = -10.0
"""Score inside the body of a line whose wording frames an article (navigation, a
byline, a copyright line, a comment prompt…): the body does not run through it."""
INTERRUPTION = -1.0
"""Score inside the body of a line that sites put between paragraphs (a caption, an
advertisement, a summary box, a "read more" link): a few of them cost less than leaving
the body and coming back, a long run costs more."""
_INTERRUPTIONS = frozenset(
    {
        BlockKind.CAPTION,
        BlockKind.PHOTO_CREDIT,
        BlockKind.IMAGE,
        BlockKind.ADVERTISEMENT,
        BlockKind.SUMMARY,
        BlockKind.PROMO,
    }
)


def _rx(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_MONTH_NAMES = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_MONTH = rf"({_MONTH_NAMES})[a-z]*\.?"
_WEEKDAY = r"(mon|tues|tue|wednes|wed|thurs|thu|fri|satur|sat|sun)(day)?\.?"

# Whole-line cues: the line is this kind of boilerplate wherever it stands.
_LINE_CUES: tuple[tuple[BlockKind, re.Pattern[str]], ...] = (
    (BlockKind.SEPARATOR, re.compile(r"^[\W_]+$")),
    (
        BlockKind.COPYRIGHT,
        _rx(
            r"©|\(c\)\s*\d{4}|\bcopyright\b",
            r"\ball rights reserved\b",
            r"^legal notice\b",
            r"\b(terms of (use|service)|privacy policy|cookie policy)\b.{0,60}$",
            r"\bmay not be (published|broadcast|rewritten|redistributed)\b",
        ),
    ),
    (
        BlockKind.CREDIT,
        _rx(
            r"\bcontributed (to )?(this )?(report|story|article)\b",
            r"\b(writes?|wrote|reported) (for|from) (the )?[A-Z][\w.]*( [A-Z][\w.]*)*\.?(\s|$)"
            r".{0,200}\b(contributed|reported)\b",
            r"^(associated press|ap|reuters|afp) (writers?|reporters?|correspondents?)\b.{0,200}$",
            r"^this (story|article|report) (has been|was) (updated|corrected|edited)\b.{0,200}$",
        ),
    ),
    (
        BlockKind.CAPTION,
        _rx(
            r"^(file|photo|image|in this (photo|image|picture|file photo)|this (photo|image))"
            r"\s*[-—–:,]",
            r"^in this (photo|image|picture|file photo|handout|video grab)\b",
            r"\((ap|afp|reuters|getty|epa)( images)? ?photo\b",
            r"\b(ap|afp|reuters|epa) photo/",
            # A trailing credit: "… on Saturday. (Photo: Jane Doe / Fictional Press)"
            r"\((photo|photograph|image|picture|credit|foto)s?\b[^()]{0,80}\)\s*$",
            r"\b(photo|image|picture)\s*(credit)?\s*:\s*[^.!?]{0,60}$",
        ),
    ),
    (
        BlockKind.PHOTO_CREDIT,
        _rx(
            r"^\(?\s*(photo|image|picture|credit|foto)s?\s*(credit)?\s*:.{0,80}\)?$",
            r"^[^.!?]{0,80}/\s*(getty images|reuters|ap|afp|epa|shutterstock|alamy)\)?$",
            r"^\(?(getty images|shutterstock|alamy|istock)\)?$",
        ),
    ),
    (
        BlockKind.ADVERTISEMENT,
        _rx(
            r"^(advertisement|advertising|sponsored( content)?|ad|paid (content|post)|promoted)$",
            r"^(story|article) continues (below|after) (the )?(advertisement|ad)\b",
        ),
    ),
    (
        BlockKind.SHARE,
        _rx(
            r"^((share|tweet|email|e-mail|print|copy link|copy|save|pin|whatsapp|facebook|"
            r"twitter|x|linkedin|reddit|pinterest|telegram|messenger|flipboard|sms|gift)"
            r"( this (article|story|page|post))?( on \w+)?[\s,|·•]*)+$",
        ),
    ),
    (
        BlockKind.COMMENTS,
        _rx(
            r"^(leave|post|add|write) a (comment|reply|response)\b.{0,40}$",
            r"^(\d+ )?(comments?|replies|responses)( \(\d+\))?$",
            r"^(join|read) the (conversation|discussion|comments)\b.{0,40}$",
            r"^(view|show|see|hide) (all )?(\d+ )?comments?\b.{0,20}$",
            r"^you must be logged in to post a comment",
        ),
    ),
    (
        BlockKind.NEWSLETTER,
        _rx(
            r"\b(newsletters?|sign[- ]?up|subscribe|subscription)\b.{0,120}"
            r"\b(inbox|email|e-mail|newsletter|updates|free|today|now)\b",
            r"^(newsletters?|subscribe|sign up|get our newsletter)\W*$",
            r"^please enable javascript\b",
        ),
    ),
    (
        BlockKind.PROMO,
        _rx(
            r"^follow (the )?[\w’'. ]{0,40}(coverage|updates|live blog)\b",
            r"^(follow|like) us on\b",
            r"^(read|see|watch|listen)( to)? (more|also|next|the full)\b.{0,80}$",
            r"^(download|get) (our|the) [\w ]{0,30}app\b",
            r"^listen to (this|the) (article|story)\b",
            r"^(click|tap) here\b",
            r"^(more|related): ",
            r"https?://\S+$",
        ),
    ),
    (
        BlockKind.WIDGET,
        _rx(
            r"^[\w ]{1,30} ?[»›]$",
            r"^(translate|skip to (main )?content|back to top|scroll to top|print this page|"
            r"font size|text size|toggle navigation|menu|search|close|open)\W*$",
            r"^(loading|please wait)\W*$",
        ),
    ),
    (
        BlockKind.NAVIGATION,
        _rx(
            r"^home\s*([›»>|/·•:-]|\s[A-Z])",
            r"^([^.!?]{1,30}\s[›»>|/·•]\s){2,}",
            r"^you are here\b",
        ),
    ),
    (
        BlockKind.FOOTER,
        _rx(
            r"^(about|contact) us\W*$",
            r"\bclick here\b",
            r"^connect with\b.{0,60}$",
            r"^(for corrections|to submit a letter|report (a |an )?(error|typo|correction))\b",
            r"^(tags?|topics?|filed under|categories|more on)\s*:",
        ),
    ),
    (
        BlockKind.TIMESTAMP,
        _rx(
            r"^(published|updated|posted|last updated|first published|modified)\b[^.!?]{0,60}"
            r"(\d{1,2}:\d{2}|\d{4}|ago)\W*$",
            r"^\d+ (min|mins|minutes|hours?|days?) ago$",
            r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
            r"[^.!?]{0,30}$",
            r"^\d{1,2}:\d{2} ?([ap]\.?m\.?)?( [A-Z]{2,4})?[^.!?]{0,30}$",
        ),
    ),
    (
        BlockKind.TIMESTAMP,
        _rx(
            rf"^({_WEEKDAY},?\s+)?\d{{1,2}}(st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}[^.!?]{{0,30}}$",
            rf"^{_WEEKDAY},?\s+{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}[^.!?]{{0,30}}$",
        ),
    ),
    (
        BlockKind.BYLINE,
        _rx(r"^by\s+\w[^.!?]{0,80}$", r"^[A-Z][\w.'’-]+ [A-Z][\w.'’-]+, (staff writer|reporter)\b"),
    ),
    (
        BlockKind.IMAGE,
        _rx(
            r"^(image|photo|picture|slide|gallery)\s+\d+\s+(of|/)\s+\d+\W*$",
            r"^(view|open|enlarge|expand|see|show)\b.{0,20}\b(image|photo|picture|gallery|"
            r"fullscreen|full screen)s?\b.{0,20}$",
            r"^\[?(image|photo|video|graphic|embed|gallery)\]?$",
            r"^\S+\.(jpe?g|png|gif|webp|svg)$",
            r"^[A-Z]{0,4}\d{6,}[A-Z0-9_-]*$",
        ),
    ),
)

# Headings that open a box of boilerplate: what follows takes their kind until the box ends.
_BOX_HEADINGS: tuple[tuple[BlockKind, re.Pattern[str]], ...] = (
    (
        BlockKind.SUMMARY,
        _rx(
            r"^(what you need to know|key (points|takeaways|facts)|the latest|at a glance|"
            r"in brief|in short|highlights|summary|tl;?dr|quick read|the big picture|"
            r"story highlights|what to know|why it matters)\W*$",
        ),
    ),
    (
        BlockKind.RELATED,
        _rx(
            r"^(related|latest|more|recommended|trending|popular|top|most read|most popular|"
            r"read next|up next|you may also like|you might also like|more stories|"
            r"more from|also read|editor'?s picks?|must read)\b.{0,30}$",
        ),
    ),
    (BlockKind.NEWSLETTER, _rx(r"^newsletters?\W*$")),
    (BlockKind.FOOTER, _rx(r"^(about|contact) us\W*$")),
)

_BULLET = re.compile(r"^\s*([•▪◦‣●■□➤►\-*–·]|\d{1,2}[.)])\s+\S")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$|[.!?][\"'”’)\]]+\s*\S{0,3}$")
_TEASER_END = re.compile(r"(\.\.\.|…)\s*$")
_WORDS = re.compile(r"\w+")


def _shape_score(line: str) -> float:
    """Body evidence from the line's shape alone (positive: prose, negative: label)."""
    n_words = len(_WORDS.findall(line))
    if _TEASER_END.search(line):
        return -4.0
    if _SENTENCE_END.search(line):
        if n_words >= 8:
            return 3.0 + min(n_words, 60) / 20
        return 0.5 if n_words >= 3 else -1.0
    if n_words <= 3:
        return -1.5
    return -0.5 if n_words <= 16 else 1.0


# Speed only: the unanchored cues are slow to search on long prose lines, so each of
# them is tried only when the line holds one of the words its pattern cannot match
# without (anywhere, or at the start). Every alternative of the pattern must be covered
# here; a gate never changes a result, it only skips a search that cannot succeed.
_GATES: dict[BlockKind, tuple[tuple[str, ...], tuple[str, ...]]] = {
    BlockKind.COPYRIGHT: (
        (
            "©",
            "(c)",
            "copyright",
            "all rights reserved",
            "legal notice",
            "terms of use",
            "terms of service",
            "privacy policy",
            "cookie policy",
            "may not be ",
        ),
        (),
    ),
    BlockKind.CREDIT: (
        ("contributed", "reported"),
        ("associated press ", "ap ", "reuters ", "afp ", "this "),
    ),
    BlockKind.CAPTION: (
        ("photo", "image", "picture", "credit", "foto"),
        ("file", "image", "in this ", "this "),
    ),
    BlockKind.NEWSLETTER: (
        ("newsletter", "sign-up", "sign up", "signup", "subscri"),
        ("please enable javascript",),
    ),
    BlockKind.PROMO: (
        ("http",),
        (
            "follow ",
            "like us on",
            "read ",
            "see ",
            "watch ",
            "listen ",
            "download ",
            "get ",
            "click here",
            "tap here",
            "more: ",
            "related: ",
        ),
    ),
    # The kinds below: every branch of their patterns starts with one of the words, or
    # holds one of the strings, so a line with neither cannot match.
    BlockKind.PHOTO_CREDIT: ((":", "/"), ("(", "getty images", "shutterstock", "alamy", "istock")),
    BlockKind.SHARE: (
        (),
        (
            "share",
            "tweet",
            "email",
            "e-mail",
            "print",
            "copy",
            "save",
            "pin",
            "whatsapp",
            "facebook",
            "twitter",
            "x",
            "linkedin",
            "reddit",
            "pinterest",
            "telegram",
            "messenger",
            "flipboard",
            "sms",
            "gift",
        ),
    ),
    BlockKind.WIDGET: (
        ("»", "›"),
        (
            "translate",
            "skip to ",
            "back to top",
            "scroll to top",
            "print this page",
            "font size",
            "text size",
            "toggle navigation",
            "menu",
            "search",
            "close",
            "open",
            "loading",
            "please wait",
        ),
    ),
    BlockKind.NAVIGATION: (("›", "»", ">", "|", "/", "·", "•"), ("home", "you are here")),
    BlockKind.BYLINE: ((", staff writer", ", reporter"), ("by",)),
    BlockKind.FOOTER: (
        ("click here",),
        (
            "about us",
            "contact us",
            "connect with",
            "for corrections",
            "to submit a letter",
            "report ",
            "tag",
            "topic",
            "filed under",
            "categories",
            "more on",
        ),
    ),
}
# Characters other than ASCII letters that a case-insensitive pattern matches to an ASCII
# letter; ``str.lower`` leaves them alone (or, for "İ", makes two characters of it).
_ASCII_CASE_TWINS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})
_TWINS = "".join(map(chr, _ASCII_CASE_TWINS))


_GATED_CUES = tuple((kind, pattern, _GATES.get(kind)) for kind, pattern in _LINE_CUES)


def _gate_text(text: str) -> str:
    """Lower-cased text in which every gate word a pattern could match is found."""
    # ``translate`` looks every character up in a dict: skip it when no twin is there.
    if text.isascii() or not any(map(text.__contains__, _TWINS)):
        return text.lower()
    return text.translate(_ASCII_CASE_TWINS).lower()


def _line_cue(line: str) -> BlockKind | None:
    text = line.strip()
    folded: str | None = None
    for kind, pattern, gate in _GATED_CUES:
        if gate is not None:
            if folded is None:
                folded = _gate_text(text)
            anywhere, starts = gate
            if not folded.startswith(starts) and not any(map(folded.__contains__, anywhere)):
                continue
        if pattern.search(text):
            return kind
    return None


def _box_heading(line: str) -> BlockKind | None:
    text = line.strip()
    for kind, pattern in _BOX_HEADINGS:
        if pattern.search(text):
            return kind
    return None


def cue_kinds(lines: Sequence[str]) -> list[BlockKind | None]:
    """The boilerplate kind each line's wording names (``None``: no cue), boxes included."""
    kinds: list[BlockKind | None] = []
    box: BlockKind | None = None
    for line in lines:
        heading = _box_heading(line)
        kind = heading or _line_cue(line)
        if heading is not None:
            box = heading
        elif box is BlockKind.SUMMARY and _BULLET.match(line):
            kind = BlockKind.SUMMARY  # bullets under a summary heading paraphrase the body
        elif box is not None and box is not BlockKind.SUMMARY and _shape_score(line) < 3.0:
            kind = kind or box  # labels and teasers under a related/newsletter/footer heading
        else:
            box = None
        kinds.append(kind)
    return kinds


def _rule_scores(lines: Sequence[str], kinds: Sequence[BlockKind | None]) -> list[float]:
    """Body evidence of every line for the rule-only pass: its shape, or what its cue costs
    inside the body (only that pass needs these; the fitted model has its own inputs)."""
    return [
        _shape_score(line) if kind is None else (INTERRUPTION if kind in _INTERRUPTIONS else STRONG)
        for line, kind in zip(lines, kinds, strict=True)
    ]


def _viterbi(scores: Sequence[float]) -> list[bool]:
    """Best body/boilerplate labelling: maximise summed scores minus switching costs."""
    # State 0 = boilerplate (score 0), state 1 = body (score s).
    best = [0.0, scores[0]] if scores else [0.0, 0.0]
    back: list[tuple[int, int]] = []
    for s in scores[1:]:
        stay0, from1 = best[0], best[1] - SWITCH
        stay1, from0 = best[1], best[0] - SWITCH
        prev0 = 0 if stay0 >= from1 else 1
        prev1 = 1 if stay1 >= from0 else 0
        back.append((prev0, prev1))
        best = [max(stay0, from1), max(stay1, from0) + s]
    state = 1 if best[1] > best[0] else 0
    labels = [state == 1]
    for prev0, prev1 in reversed(back):
        state = prev1 if state == 1 else prev0
        labels.append(state == 1)
    labels.reverse()
    return labels


def _is_subheading(line: str) -> bool:
    text = line.strip()
    # The word count last: it is the dearest test, and most body lines fail an earlier one.
    return (
        not _SENTENCE_END.search(text)
        and not text.endswith((":", ",", ";"))
        and not _BULLET.match(text)
        and (text[:1].isupper() or text[:1] in "‘'\"“")
        and 1 <= len(_WORDS.findall(text)) <= 14
    )


BodyModel = Callable[[Sequence[str], Sequence[bool]], list[bool] | None]
"""Decides body-or-not for every line, given the lines and which of them carry a cue;
``None`` when it has no say (the rules below decide)."""


def classify(lines: Sequence[str], body_model: BodyModel | None = None) -> list[BlockKind]:
    """The kind of every line (already joined into paragraphs), in order.

    Body-or-not comes from ``body_model`` when given (the plain-text path's fitted
    model: cues are one of its inputs, and a line it calls body stays body whatever its
    wording), else from the cues and shapes above; the cues then name the kinds of the
    lines that are not body, and the sequence pass names the rest.
    """
    if not lines:
        return []
    cues = cue_kinds(lines)
    decided = None if body_model is None else body_model(lines, [c is not None for c in cues])
    if decided is None:
        body = _viterbi(_rule_scores(lines, cues))
    else:
        body = decided
        cues = [None if b else c for b, c in zip(body, cues, strict=True)]
    if not any(body):
        # Too little prose to pay for leaving the boilerplate (a short note between a
        # menu and a footer): the sentences are the body. A text with no sentence at
        # all (a one-line note, a list of short lines) is its own body, cues aside.
        body = [
            c is None and bool(_SENTENCE_END.search(line))
            for c, line in zip(cues, lines, strict=True)
        ]
        if not any(body):
            return [c or BlockKind.BODY for c in cues]
    body = [b and c is None for b, c in zip(body, cues, strict=True)]
    if decided is not None:
        # A heading cannot open the body: a short unpunctuated line before the first
        # paragraph is the page's title (then named headline below), not a sub-heading.
        first = next((i for i, b in enumerate(body) if b), None)
        if first is not None and _is_subheading(lines[first]):
            body[first] = False
        _keep_trailing_prose(lines, cues, body)
    first_body = next((i for i, b in enumerate(body) if b), len(lines))
    last_body = max((i for i, b in enumerate(body) if b), default=-1)
    kinds: list[BlockKind] = []
    headline_seen = False
    for i, (line, cue, is_body) in enumerate(zip(lines, cues, body, strict=True)):
        if cue is not None:
            kinds.append(cue)
        elif is_body:
            # A sub-heading introduces text: the body's last line is a fragment instead
            # (a copy cut off mid-sentence).
            heading = i < last_body and _is_subheading(line)
            kinds.append(BlockKind.SUBHEADING if heading else BlockKind.BODY)
        elif i < first_body:
            # Before the body: the first title-like line is the headline; a longer line
            # after it is the standfirst; the rest are labels.
            n_words = len(_WORDS.findall(line))
            if not headline_seen and n_words >= 4 and _wordy(line):
                headline_seen = True
                kinds.append(BlockKind.HEADLINE)
            elif headline_seen and n_words >= 6:
                kinds.append(BlockKind.SUMMARY)
            else:
                kinds.append(BlockKind.SECTION_LABEL if n_words <= 3 else BlockKind.NAVIGATION)
        else:
            short = len(_WORDS.findall(line)) <= 3
            kinds.append(BlockKind.SECTION_LABEL if short else BlockKind.RELATED)
    _mark_other_stories(lines, kinds)
    return kinds


def _keep_trailing_prose(
    lines: Sequence[str], cues: Sequence[BlockKind | None], body: list[bool]
) -> None:
    """Prose that ends the text right after the body is body. The model learnt from web
    pages, which end in a footer, so it doubts the last lines of a text; a copy saved
    without its page (as crawlers often keep articles) ends in the article itself. Only
    when every line after the body is a sentence-long line with no cue."""
    last = max((i for i, b in enumerate(body) if b), default=-1)
    tail = range(last + 1, len(lines))
    if last >= 0 and all(cues[i] is None and _shape_score(lines[i]) >= 3.0 for i in tail):
        for i in tail:
            body[i] = True


def _wordy(line: str) -> bool:
    """Mostly letters: a title, not a ticker or a string of figures."""
    chars = [c for c in line if not c.isspace()]
    return sum(c.isalpha() for c in chars) >= 0.75 * len(chars)


# Kinds that close an article: body after them belongs to another story, unless it
# shares the article's vocabulary.
_END_KINDS = frozenset(
    {
        BlockKind.COPYRIGHT,
        BlockKind.CREDIT,
        BlockKind.COMMENTS,
        BlockKind.NEWSLETTER,
        BlockKind.FOOTER,
        BlockKind.SHARE,
    }
)
OTHER_STORY_OVERLAP = 0.25
"""A body stretch after the article's end is another story when fewer than this share of
its content words (four letters or more) occur in the main body."""


def _content_words(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text.casefold()) if len(w) >= 4 and not w.isdigit()}


def _mark_other_stories(lines: Sequence[str], kinds: list[BlockKind]) -> None:
    """Relabel body stretches that follow the article's end and share little of its
    vocabulary (another article appended by the site) as ``other-story``."""
    runs: list[tuple[int, int]] = []
    for i, kind in enumerate(kinds):
        if kind.is_boilerplate:
            continue
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    if len(runs) < 2:
        return
    main = max(runs, key=lambda r: sum(len(_WORDS.findall(lines[k])) for k in range(*r)))
    vocabulary: set[str] | None = None  # the article's, made when first needed
    ended = False
    previous_end = main[1]
    for start, stop in runs[runs.index(main) + 1 :]:
        ended = ended or any(kinds[k] in _END_KINDS for k in range(previous_end, start))
        previous_end = stop
        if not ended:
            continue
        words = set().union(*(_content_words(lines[k]) for k in range(start, stop)))
        if vocabulary is None:
            vocabulary = set().union(*(_content_words(lines[k]) for k in range(*main)))
        if not words or len(words & vocabulary) >= OTHER_STORY_OVERLAP * len(words):
            continue
        first = start
        if start > 0 and kinds[start - 1] in (BlockKind.RELATED, BlockKind.SECTION_LABEL):
            first = start - 1  # the other story's headline
        for k in range(first, stop):
            kinds[k] = BlockKind.OTHER_STORY
