from __future__ import annotations

import json

import pydantic
import pytest

import newsdiff
from newsdiff import Block, BlockKind, Revision, Story
from newsdiff.demo import demo_versions


def test_models_are_frozen_and_strict() -> None:
    block = Block(index=0, kind=BlockKind.BODY, text="The quay reopened.")
    with pytest.raises(pydantic.ValidationError):
        block.text = "changed"  # type: ignore[misc]
    with pytest.raises(pydantic.ValidationError):
        Block(index=0, kind=BlockKind.BODY, text="x", colour="red")  # type: ignore[call-arg]


def test_schemas_are_generated() -> None:
    for model in (newsdiff.Article, Revision, Story):
        schema = model.model_json_schema()
        assert schema["type"] == "object"
    assert "alignment" in Revision.model_json_schema()["properties"]


def test_tampered_revision_json_is_an_invalid_data_error() -> None:
    versions = demo_versions()
    rev = newsdiff.compare(versions["v5"], versions["v1"])
    data = rev.model_dump(mode="json")
    data["alignment"][0]["kind"] = "rewritten"
    with pytest.raises(newsdiff.InvalidDataError, match=r"Revision: alignment\.0\.") as info:
        Revision.model_validate(data)
    assert isinstance(info.value.__cause__, pydantic.ValidationError)
    data = rev.model_dump(mode="json")
    data["alignment"][0]["similarity"] = 3
    with pytest.raises(newsdiff.InvalidDataError, match=r"alignment\.0\.Change\.similarity"):
        Revision.model_validate_json(json.dumps(data))
    with pytest.raises(newsdiff.InvalidDataError, match="Invalid JSON"):
        Revision.model_validate_json(rev.model_dump_json()[:-10])
    with pytest.raises(newsdiff.InvalidDataError, match="Story"):
        Story.model_validate_strings({"canonical": 1})


def test_block_source_keeps_what_was_set_aside() -> None:
    art = newsdiff.parse(
        " date 2025-06-14 PORT AVERLY (FP) — The quay reopened on Monday after repairs."
    )
    block = art.blocks[0]
    assert (
        block.source
        == "date 2025-06-14 PORT AVERLY (FP) — The quay reopened on Monday after repairs."
    )
    assert (block.is_body, block.is_boilerplate) == (True, False)


# --- one meaning per name, short reprs, typed views -------------------------------------


def test_old_and_new_are_paragraphs_and_prefixed_names_say_what_else() -> None:
    rev = newsdiff.compare("The quay reopened on Monday.", "The quay reopened on Tuesday.")
    change = rev.changes[0]
    assert [p.text for p in change.old] == ["The quay reopened on Monday."]
    assert [p.text for p in change.new] == ["The quay reopened on Tuesday."]
    assert (change.old_positions, change.new_positions) == ((0,), (0,))
    assert isinstance(rev.old_article, newsdiff.Article)
    assert not hasattr(rev, "old")
    span = next(s for s in change.spans if s.op is newsdiff.SpanOp.DELETE)
    assert (span.old_part, span.new_part, span.edit_class) == (0, None, newsdiff.EditClass.ENTITY)
    edit = change.edits[0]
    assert (edit.edit_class, edit.deleted, edit.inserted) == (
        newsdiff.EditClass.ENTITY,
        "Monday",
        "Tuesday",
    )
    for model in (newsdiff.Span, newsdiff.Edit, newsdiff.Revision):
        assert not {"old", "new", "edit"} & set(model.model_fields)


def test_canonical_is_a_name_and_rows_and_cells_hold_positions() -> None:
    story = newsdiff.collate({"a": "The quay reopened.", "b": "The quay reopened.\n\nBoats came."})
    assert story.canonical == "b"
    assert [row.position for row in story.rows] == [0, 1]
    assert story.rows[0].cells["a"].positions == (0,)
    assert story.version("a").name == "a"
    with pytest.raises(KeyError):
        story.version("z")


def test_block_dateline_keeps_its_dash_and_metadata_origin_does_not() -> None:
    art = newsdiff.parse("PORT AVERLY (FP) — The quay reopened on Monday after repairs.")
    lede = art.paragraphs[0]
    assert (
        lede.dateline + lede.text == "PORT AVERLY (FP) — The quay reopened on Monday after repairs."
    )
    assert lede.dateline.rstrip().endswith("—")
    assert art.metadata.origin == "PORT AVERLY (FP)"
    assert "dateline" not in newsdiff.Metadata.model_fields


def test_reprs_are_short() -> None:
    versions = demo_versions()
    story = newsdiff.collate(versions)
    rev = story.revisions["v1"]
    assert len(repr(rev)) < 600
    assert repr(rev).startswith("Revision('v1' against 'v5': ")
    assert rev.significance in repr(rev)
    assert len(repr(story)) < 2_000
    assert repr(story).startswith("Story(5 versions, canonical 'v5'")
    assert repr(rev.old_article).startswith("Article(")
    assert len(repr(rev.old_article.blocks[3])) < 200


def test_to_html_is_typed_and_a_bad_view_lists_the_valid_ones() -> None:
    from newsdiff.render import View

    rev = newsdiff.compare("The quay reopened.", "The quay reopened on Monday.")
    assert "nd-rev" in rev.to_html(view=View.INLINE, typography="hide", context=0)
    with pytest.raises(
        newsdiff.SettingError, match="view='sideways': expected one of 'side-by-side', 'inline'"
    ):
        rev.to_html(view="sideways")
    with pytest.raises(newsdiff.SettingError, match="typography='x': expected one of"):
        newsdiff.collate({"a": "The quay.", "b": "The quay reopened."}).to_html(typography="x")
    with pytest.raises(TypeError):
        rev.to_html(colour="red")  # type: ignore[call-arg]


def test_schema_version_of_old_json_is_a_clear_invalid_data_error() -> None:
    rev = newsdiff.compare("The quay reopened.", "The quay reopened on Monday.")
    data = rev.model_dump(mode="json")
    data["schema_version"] = 1
    with pytest.raises(newsdiff.InvalidDataError, match="schema version 1, and this newsdiff"):
        Revision.model_validate(data)
    legacy = {"old_name": "a", "new_name": "b", "changes": [], "stats": {}}
    with pytest.raises(newsdiff.InvalidDataError, match="schema version 1"):
        Revision.model_validate(legacy)
    with pytest.raises(newsdiff.InvalidDataError, match="Story JSON is schema version 3"):
        Story.model_validate_json('{"schema_version": 3, "canonical": "a", "versions": []}')


def test_parsed_blocks_share_one_field_set_and_copies_do_not_touch_it() -> None:
    article = newsdiff.parse("The council met on Monday.\n\nIt voted to reopen the bridge.")
    first, second = article.blocks
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == set(Block.model_fields)
    headline = first.model_copy(update={"kind": BlockKind.HEADLINE})
    assert headline.kind is BlockKind.HEADLINE
    assert first.kind is BlockKind.BODY
    assert headline.model_fields_set is not first.model_fields_set
    assert second.model_fields_set == set(Block.model_fields)
    # Built without validation, read back with it: the same article.
    assert newsdiff.Article.model_validate_json(article.model_dump_json()) == article
