from __future__ import annotations

import pytest

import newsdiff
from newsdiff import BlockKind, EmptyInputError, InputError

STORY = """Home › News › Local
Ferry fares frozen for another year
By Mara Quill, Fictional Press
SENDAL, Northland (FP) — The Northland ferry company said on Tuesday it would keep fares at this year’s level until next spring, citing a drop in passengers since the bridge closed.
“We would rather carry more people at the old price,” chief executive Anton Brel said.
Why fares stayed put
Fuel costs fell by almost a fifth over the summer, the company’s accounts show.
Share
Copyright © 2025 Fictional Press. All rights reserved.
"""


def kinds(text: str | bytes) -> list[BlockKind]:
    return [b.kind for b in newsdiff.parse(text).blocks]


def test_blocks_are_labelled_in_reading_order() -> None:
    assert kinds(STORY) == [
        BlockKind.NAVIGATION,
        BlockKind.HEADLINE,
        BlockKind.BYLINE,
        BlockKind.BODY,
        BlockKind.BODY,
        BlockKind.SUBHEADING,
        BlockKind.BODY,
        BlockKind.SHARE,
        BlockKind.COPYRIGHT,
    ]


def test_metadata_headline_byline_dateline() -> None:
    meta = newsdiff.parse(STORY).metadata
    assert meta.headline == "Ferry fares frozen for another year"
    assert meta.byline == "By Mara Quill, Fictional Press"
    assert meta.origin == "SENDAL, Northland (FP)"


def test_dateline_is_set_aside_from_the_lede() -> None:
    lede = newsdiff.parse(STORY).paragraphs[0]
    assert lede.dateline == "SENDAL, Northland (FP) — "
    assert lede.text.startswith("The Northland ferry company")
    assert lede.source == STORY.splitlines()[3]


def test_crawler_prefix_becomes_the_date() -> None:
    art = newsdiff.parse(
        " date 2025-06-14 The quay reopened on Monday after repairs to the sea wall."
    )
    assert art.metadata.date == "2025-06-14"
    assert art.blocks[0].prefix == "date 2025-06-14 "
    assert art.blocks[0].text == "The quay reopened on Monday after repairs to the sea wall."


def test_line_break_styles_give_the_same_paragraphs() -> None:
    paras = ["The quay reopened on Monday.", "Traders said business was slow.", "More next week."]
    texts = {
        sep: [b.text for b in newsdiff.parse(sep.join(paras)).blocks]
        for sep in ("\n", "\n\n", "\r\n", "\r", "\r\n\r\n", "\u2028", "\n \n\t\n")
    }
    assert all(found == paras for found in texts.values()), texts


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    text = (
        "The council voted on Monday to close the old quay to\n"
        "traffic for a year while engineers repair the sea wall.\n"
        "\n"
        "Traders said the closure would cost them dearly over\n"
        "the summer, when most visitors arrive by road.\n"
    )
    assert [b.text for b in newsdiff.parse(text).blocks] == [
        "The council voted on Monday to close the old quay to traffic for a year while "
        "engineers repair the sea wall.",
        "Traders said the closure would cost them dearly over the summer, when most "
        "visitors arrive by road.",
    ]


def test_summary_box_bullets_are_boilerplate() -> None:
    text = (
        "The harbour bridge will stay shut until at least March, officials said on Friday.\n"
        "What You Need To Know\n"
        "• The bridge will stay shut until March\n"
        "• Ferries will run every ten minutes\n"
        "Engineers found cracks in two of the bridge’s five piers during an inspection.\n"
    )
    assert kinds(text) == [
        BlockKind.BODY,
        BlockKind.SUMMARY,
        BlockKind.SUMMARY,
        BlockKind.SUMMARY,
        BlockKind.BODY,
    ]


def test_related_teasers_after_the_body_are_boilerplate() -> None:
    text = (
        "The harbour bridge will stay shut until at least March, officials said on Friday.\n"
        "Engineers found cracks in two of the bridge’s five piers during an inspection.\n"
        "Related Articles\n"
        "Sport\n"
        "Local side wins the coastal cup for a third year\n"
        "The home team came from behind in the final minutes to...\n"
    )
    assert kinds(text)[:2] == [BlockKind.BODY, BlockKind.BODY]
    assert all(k.is_boilerplate for k in kinds(text)[2:])


def test_short_text_without_prose_is_its_own_body() -> None:
    assert kinds("Bridge shut") == [BlockKind.BODY]


def test_bytes_are_decoded() -> None:
    text = "Café owners on the quay said trade had halved."
    for data in (
        text.encode("utf-8"),
        b"\xef\xbb\xbf" + text.encode("utf-8"),
        text.encode("utf-16"),
        text.encode("cp1252"),
    ):
        assert newsdiff.parse(data).blocks[0].text == text


def test_empty_and_whitespace_input_raise_a_clear_error() -> None:
    for text in ("", "   \n\t\r\n", b""):
        with pytest.raises(EmptyInputError, match="empty"):
            newsdiff.parse(text)


def test_binary_and_wrong_types_raise_input_errors() -> None:
    with pytest.raises(InputError, match="binary"):
        newsdiff.parse(b"\x89PNG\x00\x00\x00\rIHDR\x00\x00\x00")
    with pytest.raises(InputError, match="str or bytes"):
        newsdiff.parse(42)  # type: ignore[arg-type]


def test_lone_surrogates_become_replacement_characters() -> None:
    art = newsdiff.parse("The quay \ud800 reopened on Monday after repairs.")
    assert art.blocks[0].text == "The quay \ufffd reopened on Monday after repairs."


HEAD_AND_TAIL = """Skip to content
LIVE
Markets: FTSE 100 8,102.4 +0.3% · DAX 22,410.1 −0.2%
Harbour authority to rebuild collapsed span within two years
Engineers say the new deck will be wider and carry a dedicated bus lane
By MARA QUILL and TOBIAS RENN Fictional Press
Updated 10:42 AM GMT, March 20, 2025
Thursday 20 March 2025 14:35 GMT
FP25079512345678
Image 1 of 12
View image in fullscreen
PORT AVERLY, Northland (FP) — The harbour authority said on Thursday it would rebuild the collapsed section of the Tollgate Harbour Bridge within two years, at a cost of about $180 million.
The new deck will be wider than the old one and carry a dedicated bus lane, chief executive Graham Pellow told reporters.
“We are not going to patch this bridge. We are going to rebuild it properly,” Pellow said.
Work is expected to start in the autumn once divers have finished clearing the wreckage from the harbour floor.
Copyright 2025 Fictional Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.
Ferry operator reports record week
The Redhythe ferry carried more passengers last week than in any week since it began running in 1971, its operator said on Monday.
The company added two boats to the route after the bridge closed.
"""


def test_head_and_tail_boilerplate_of_many_kinds() -> None:
    art = newsdiff.parse(HEAD_AND_TAIL)
    assert [b.kind.value for b in art.blocks] == [
        "widget",
        "section-label",
        "widget",  # a ticker: figures, not a title
        "headline",
        "summary",  # the standfirst
        "byline",
        "timestamp",
        "timestamp",
        "image-artifact",  # a photo id
        "image-artifact",
        "image-artifact",
        "body",
        "body",
        "body",
        "body",
        "copyright",
        "other-story",  # another article appended after this one's end
        "other-story",
        "other-story",
    ]
    assert art.metadata.headline == "Harbour authority to rebuild collapsed span within two years"


def test_body_after_an_advert_that_continues_the_story_stays_body() -> None:
    text = HEAD_AND_TAIL.replace(
        "Ferry operator reports record week",
        "Share",
    ).replace(
        "The Redhythe ferry carried more passengers last week than in any week since it began running in 1971, its operator said on Monday.",
        "Pellow said the harbour authority would publish the rebuilt bridge's design in the autumn.",
    )
    kinds = [b.kind.value for b in newsdiff.parse(text).blocks]
    assert kinds[-3:] == ["share", "body", "body"]


def test_captions_and_adverts_interrupt_the_body_without_ending_it() -> None:
    text = (
        "The harbour bridge partly collapsed on Friday evening, sending cars into the water, officials said.\n"
        "Rescue boats search the water near the northern pier on Saturday. (Photo: Jane Doe / Fictional Press)\n"
        "Twelve people were taken to hospital, four of them with serious injuries, the fire service said.\n"
        "Advertisement\n"
        "The mayor said the city would find out why the bridge failed and promised an inquiry.\n"
    )
    assert kinds(text) == [
        BlockKind.BODY,
        BlockKind.CAPTION,
        BlockKind.BODY,
        BlockKind.ADVERTISEMENT,
        BlockKind.BODY,
    ]
