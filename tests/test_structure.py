"""Plain-text structure: headlines, standalone datelines, image data, tickers, date
lines, an appended story, broken lines, and pages with no article (original fixtures)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdiff
from newsdiff import BlockKind, ChangeKind, NoBodyError
from newsdiff.corpus import StoryInput, VersionInput, collate_story

LEDE = (
    "Firefighters evacuated about 200 homes near the Sendal quay on Tuesday night after a "
    "fire broke out in a disused grain warehouse, the Northland fire service said."
)
SMOKE = (
    "No one was hurt, but thick smoke drifted over the old town for several hours and the "
    "harbour was closed to boats until Wednesday morning."
)
OWNER = (
    "The warehouse, built in 1911, was due to be turned into flats next year. Its owner, "
    "Brel Holdings, said it was “shocked” and would help the inquiry."
)
CHIEF = (
    "Fire chief Ilse Varga said the cause was not yet known and that investigators would "
    "enter the building on Wednesday, once it was safe."
)
HEADLINE = "Warehouse fire on Sendal quay forces evacuation of 200 homes"

# The wire copy: headline, then the dateline on a line of its own.
WIRE = f"""{HEADLINE}
SENDAL, Northland (FP) —
{LEDE}
{SMOKE}
{OWNER}
{CHIEF}
"""

# The same story republished: inline image data, an update line, the dateline inline, a
# paragraph broken in the middle of a word, a currency ticker, and another story after
# a separator.
REPUBLISHED = f"""<image>data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJ
photos/sendal-quay-fire-2025.png)
{HEADLINE}
Updated 14:05 GMT, 12 November 2025
SENDAL, Northland (FP) — {LEDE}
{SMOKE[:104]}
{SMOKE[104:]}
{OWNER}
{CHIEF}
Markets
EUR/USD 1.0841 +0.21%
GBP/USD 1.2710 -0.05%
USD/JPY 151.32 +0.40%
NOK/SEK 0.9822 -0.12%
* * *
Ferry timetable to change for the winter months
By Mara Quill
The Redhythe ferry will run every 40 minutes instead of every 20 from December, its operator said on Monday.
Fewer passengers cross in the dark months, and two of the four boats need new engines, the company added.
"""


def kinds(text: str) -> list[str]:
    return [b.kind.value for b in newsdiff.parse(text).blocks]


def _dateline_name(art: newsdiff.Article) -> str:
    """The dateline's name that the metadata records (under whichever field name)."""
    name = art.paragraphs[0].dateline.rstrip(" -–—")
    assert name in art.metadata.model_dump().values()
    return name


def _no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_wire_copy_has_a_headline_and_a_dateline_attached_to_the_lede() -> None:
    art = newsdiff.parse(WIRE)
    assert kinds(WIRE) == ["headline", "body", "body", "body", "body"]
    assert art.metadata.headline == HEADLINE
    assert _dateline_name(art) == "SENDAL, Northland (FP)"
    lede = art.blocks[1]
    assert lede.dateline == "SENDAL, Northland (FP) — "
    assert lede.text == LEDE
    assert lede.line == 1  # the block starts at the dateline's line and holds both lines


def test_republished_copy_structure() -> None:
    art = newsdiff.parse(REPUBLISHED)
    assert [b.kind.value for b in art.blocks] == [
        "image-artifact",  # inline image data
        "image-artifact",  # image-markup residue
        "headline",
        "timestamp",
        "body",
        "body",  # the broken paragraph, rejoined
        "body",
        "body",
        "section-label",
        "widget",  # the ticker: each line on its own, never prose
        "widget",
        "widget",
        "widget",
        "separator",
        "other-story",  # another story's title, byline kept, body
        "byline",
        "other-story",
        "other-story",
    ]
    assert art.metadata.headline == HEADLINE
    assert art.blocks[5].text == SMOKE  # "Wedn" + "esday": "Wednesday" is a word of the text


def test_nothing_is_lost_or_repeated() -> None:
    for text in (WIRE, REPUBLISHED, HARD_WRAPPED, GERMAN):
        blocks = newsdiff.parse(text).blocks
        assert _no_space("".join(b.source for b in blocks)) == _no_space(text)


def test_compare_links_the_lede_with_and_without_the_dateline() -> None:
    undated = WIRE.replace("SENDAL, Northland (FP) —\n", "")
    for old, new in ((WIRE, undated), (undated, WIRE)):
        rev = newsdiff.compare(old, new)
        assert [c.kind for c in rev.changes] == [ChangeKind.UNCHANGED] * 4
        assert not any(c.typography_only for c in rev.changes)


def test_compare_links_the_lede_across_dateline_styles() -> None:
    rev = newsdiff.compare(WIRE, REPUBLISHED)
    assert [c.kind for c in rev.changes] == [ChangeKind.UNCHANGED] * 4
    assert rev.changes[0].old[0].text == rev.changes[0].new[0].text == LEDE
    # the other story, the ticker and the image data do not show up as added text
    assert not any(c.kind is ChangeKind.ADDED for c in rev.changes)


HARD_WRAPPED = """Harbour traders count the cost of the quay closure as the repair work drags
on into its third month, with no firm date for the road to open again.

Rates at 09:00
EUR 1.0841
GBP 1.2710
JPY 151.32
CHF 0.8812

The council said on Monday that the sea wall would be finished by the end of
March, and that the road would reopen in stages once the last barrier was gone.
"""


def test_hard_wrapped_prose_is_rejoined_but_a_ticker_is_not() -> None:
    art = newsdiff.parse(HARD_WRAPPED)
    texts = [b.text for b in art.blocks]
    assert texts[0].startswith("Harbour traders")
    assert texts[0].endswith("open again.")
    assert texts[2:6] == ["EUR 1.0841", "GBP 1.2710", "JPY 151.32", "CHF 0.8812"]
    assert [b.kind.value for b in art.blocks][2:6] == ["widget"] * 4
    assert texts[-1].startswith("The council said")
    assert texts[-1].endswith("was gone.")
    assert [b.kind for b in art.paragraphs] == [BlockKind.BODY, BlockKind.BODY]


def test_a_line_carrying_on_a_sentence_is_joined_with_a_space() -> None:
    text = (
        "The ferry company said on Tuesday that it would keep its fares at this year's level\n"
        "until next spring, citing a drop in passengers since the bridge closed.\n"
    )
    art = newsdiff.parse(text)
    assert len(art.blocks) == 1
    assert art.blocks[0].text == text.replace("\n", " ", 1).strip()


def test_short_lower_case_lines_are_never_joined() -> None:
    menu = "news\nsport\nweather\nbusiness\nThe quay reopened on Monday after repairs to the sea wall.\n"
    assert [b.text for b in newsdiff.parse(menu).blocks][:4] == [
        "news",
        "sport",
        "weather",
        "business",
    ]


GERMAN = """Großbrand im Hafen von Sendal
Stand: 12.11.2025, 14:35 Uhr
SENDAL (dpa) –
Die Feuerwehr hat am Dienstagabend rund 200 Wohnungen am Hafen von Sendal geräumt, nachdem in einem leer stehenden Getreidespeicher ein Feuer ausgebrochen war.
Verletzt wurde niemand, doch dichter Rauch zog stundenlang über die Altstadt.
Aktualisiert am 12.11.2025 um 16:10 Uhr
"""


def test_german_dateline_and_date_lines() -> None:
    art = newsdiff.parse(GERMAN)
    assert [b.kind.value for b in art.blocks] == [
        "headline",
        "timestamp",
        "body",
        "body",
        "timestamp",
    ]
    assert _dateline_name(art) == "SENDAL (dpa)"
    assert art.metadata.headline == "Großbrand im Hafen von Sendal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title at the top that reads as a sub-heading
        (f"Quay fire\n{LEDE}\n{SMOKE}", ["headline", "body", "body"]),
        # a question as the title, taken for a sentence of the body
        (
            f"Was the Sendal fire started on purpose?\n\n{LEDE}\n\n{SMOKE}",
            ["headline", "body", "body"],
        ),
        # the line just before the lede, after a menu and a share prompt
        (
            f"News\nWorld\nLocal\n{HEADLINE}\nShare\n{LEDE}\n{SMOKE}",
            ["section-label"] * 3 + ["headline", "share", "body", "body"],
        ),
        # a question inside the body is not a headline
        (f"{LEDE}\nWhat caused it?\n{SMOKE}", ["body", "body", "body"]),
    ],
)
def test_headline_at_the_top(text: str, expected: list[str]) -> None:
    art = newsdiff.parse(text)
    assert [b.kind.value for b in art.blocks] == expected
    headline = next((b.text for b in art.blocks if b.kind is BlockKind.HEADLINE), None)
    assert art.metadata.headline == headline


@pytest.mark.parametrize(
    "line",
    [
        "WASHINGTON, Nov 30 (Reuters) -",
        "LONDON, 30 Nov (Reuters) -",
        "KYIV, Ukraine (AP) —",
        "BERLIN (dpa) –",
        "Berlin (dpa) -",
        "WASHINGTON (Reuters)",
    ],
)
def test_standalone_dateline_styles(line: str) -> None:
    art = newsdiff.parse(f"{line}\n{LEDE}\n{SMOKE}\n")
    assert art.blocks[0].text == LEDE
    assert art.blocks[0].dateline.strip() == line
    assert _dateline_name(art) == line.rstrip(" -–—")


def test_a_name_in_brackets_is_not_a_dateline() -> None:
    art = newsdiff.parse(f"Mara Quill (Reporter)\n{LEDE}\n")
    assert [b.text for b in art.blocks] == ["Mara Quill (Reporter)", LEDE]


def test_separator_inside_an_article_does_not_end_it() -> None:
    text = f"{LEDE}\n{SMOKE}\n* * *\n{OWNER}\n{CHIEF}\n"
    assert kinds(text) == ["body", "body", "separator", "body", "body"]


# Pages with no article: what a scraper saves instead of the story.
NOT_FOUND = """Skip to content
Home
News
Sport
Page not found
Sorry, we could not find the page you asked for. It may have been moved.
Search the site or go back to the home page.
About us
© 2025 Northland Gazette
"""
PAYWALL = f"""Home › News
{HEADLINE}
Subscribe to continue reading
You have read all your free articles this month. Subscribe for unlimited access.
Already a subscriber? Log in
"""
COOKIE_WALL = """Before you continue
We and our 142 partners use cookies and similar technologies to store and access information on your device, to measure audience and to show personalised ads. You can accept all, reject all or choose your settings.
Accept all
Reject all
Manage settings
"""
GERMAN_COOKIE_WALL = """Zustimmung erforderlich
Wir und unsere Partner verwenden Cookies, um Inhalte zu personalisieren und Werbung zu messen. Mit einem Klick auf Akzeptieren stimmen Sie zu.
Akzeptieren
Ablehnen
"""


# A section front: a menu and a list of headlines, no sentence.
SECTION_FRONT = """Home
News
Sport
Weather
Latest headlines
Council votes to close the old quay for a year
Ferry fares frozen for another year
Bridge reopens after two years of repairs
More news
© 2025 Northland Gazette
"""


@pytest.mark.parametrize(
    "page", [NOT_FOUND, PAYWALL, COOKIE_WALL, GERMAN_COOKIE_WALL, SECTION_FRONT]
)
def test_a_page_without_article_text_is_no_body(page: str) -> None:
    art = newsdiff.parse(page)  # parse keeps and labels every line
    assert not art.paragraphs
    assert len(art.blocks) == len(page.strip().splitlines())
    with pytest.raises(NoBodyError, match=r"'new' version has no article text.*paywall"):
        newsdiff.compare(WIRE, page)


# A list article: results, no sentence among them, yet the article itself.
RESULTS = """Home › Sport
Regional athletics championships: results
Saturday, 14 June, Harbour Stadium
100 m, under-16 girls
1. Ada Brennan, Northland AC, 12.41
2. Mia Torvald, Quay Harriers, 12.58
3. Lena Ostrow, Northland AC, 12.77
Long jump, under-16 boys
1. Tom Keel, Quay Harriers, 5.92 m
2. Sam Orrin, Northland AC, 5.71 m
Share
© 2025 Northland Gazette
"""


def test_a_list_article_without_sentences_keeps_its_body() -> None:
    body = [b.text for b in newsdiff.parse(RESULTS).paragraphs]
    assert "1. Ada Brennan, Northland AC, 12.41" in body
    assert "2. Sam Orrin, Northland AC, 5.71 m" in body
    assert newsdiff.compare(RESULTS, RESULTS.replace("12.41", "12.40")).changes


def test_cookie_lines_are_named_as_such() -> None:
    assert "cookie-banner" in kinds(COOKIE_WALL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # figures and times inside sentences, a year in a sub-heading
        (
            f"{LEDE}\nThe fire service sent 14 engines and 86 firefighters; by 02:30 on "
            f"Wednesday the fire was out.\nElection 2025\n{OWNER}\n",
            ["body", "body", "subheading", "body"],
        ),
        # an article that mentions cookies and subscribers
        (
            f"{LEDE}\nThe bakery next to the warehouse lost its whole stock of cookies, its "
            "owner said.\nSubscribers to the council's text alerts were told to keep their "
            f"windows shut.\n{SMOKE}\n",
            ["body", "body", "body", "body"],
        ),
    ],
)
def test_article_text_stays_body(text: str, expected: list[str]) -> None:
    assert kinds(text) == expected


def test_short_texts_keep_their_body() -> None:
    assert kinds("Bridge shut\nFerries delayed") == ["body", "body"]  # nothing around them
    # sentences in a script without spaces between words
    chinese = "Home › 新闻\n港口大桥周一重新开放，市政府表示维修工程提前两周完成。\nShare"
    assert kinds(chinese) == ["navigation", "body", "share"]


def test_a_short_note_without_notices_keeps_its_body() -> None:
    assert kinds("Home › News\nThe quay reopened on Monday.\nShare") == [
        "navigation",
        "body",
        "share",
    ]


def test_a_corpus_records_a_page_without_article_as_an_error() -> None:
    story = StoryInput(
        id="fire",
        versions=(
            VersionInput(id="wire", content=WIRE),
            VersionInput(id="gone", content=NOT_FOUND),
        ),
    )
    record = collate_story(story)
    assert record.story is None
    assert record.error is not None
    assert record.error.startswith("NoBodyError: ")
    assert "'gone'" in record.error


# Lines as scrapers leave them: prose, fragments starting in lower case, short labels,
# figures, datelines and separators, with or without blank lines.
_line = st.sampled_from(
    [
        LEDE,
        SMOKE[:60],
        "esday morning, said the fire service",
        "news",
        "EUR 1.0841",
        "SENDAL (FP) —",
        "* * *",
        "Updated 14:05 GMT",
        "",
        "  ",
        "- a list item that goes on for a good few words",
    ]
)


@given(st.lists(_line, min_size=1, max_size=30), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_every_line_is_in_exactly_one_block(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    if not text.strip():
        return
    blocks = newsdiff.parse(text).blocks
    assert _no_space("".join(b.source for b in blocks)) == _no_space(text)
    starts = [b.line for b in blocks]
    assert starts == sorted(set(starts))


def _as_page(text: str, article: bool = False) -> str:
    """The lines of ``text`` as a saved web page, one paragraph each (inside
    ``<article>`` when ``article``)."""
    body = "".join(f"<p>{line}</p>" for line in text.strip().splitlines())
    body = f"<article>{body}</article>" if article else body
    return f"<html><head><title>Northland Gazette</title></head><body>{body}</body></html>"


@pytest.mark.parametrize("page", [NOT_FOUND, PAYWALL, COOKIE_WALL, GERMAN_COOKIE_WALL])
def test_a_saved_page_without_article_text_is_no_body(page: str) -> None:
    pytest.importorskip("trafilatura")
    html = _as_page(page)
    assert not newsdiff.parse(html).paragraphs
    with pytest.raises(NoBodyError, match=r"'new' version has no article text"):
        newsdiff.compare(WIRE, html)


def test_a_saved_article_beside_a_cookie_notice_keeps_its_body() -> None:
    pytest.importorskip("trafilatura")
    html = _as_page(f"{HEADLINE}\n{LEDE}\n{SMOKE}\n{OWNER}\n{CHIEF}", article=True)
    notice = COOKIE_WALL.splitlines()[1]
    html = html.replace("<body>", f"<body><div class='consent'><p>{notice}</p></div>")
    assert [p.text for p in newsdiff.parse(html).paragraphs][-3:] == [SMOKE, OWNER, CHIEF]
