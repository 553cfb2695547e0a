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
