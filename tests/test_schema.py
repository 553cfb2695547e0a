"""The JSON Schemas shipped in docs/ are the models' own, and describe the JSON written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsdiff
from newsdiff import schema
from newsdiff.demo import DEMO_ORDER, demo_versions

DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("name", sorted(schema.MODELS))
def test_shipped_schema_matches_the_models(name: str) -> None:
    shipped = (DOCS / name).read_text(encoding="utf-8")
    assert shipped == schema.schema_text(schema.MODELS[name]), (
        f"docs/{name} is out of date: run python -m newsdiff.schema docs"
    )


def test_written_json_follows_the_shipped_schemas() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    versions = demo_versions()
    story = newsdiff.collate(versions)
    revision = newsdiff.compare(versions["v5"], versions["v4"])
    history = newsdiff.collate(versions, order=DEMO_ORDER).history
    written = [
        ("story.schema.json", story),
        ("revision.schema.json", revision),
        ("history.schema.json", history),
    ]
    for name, value in written:
        document = json.loads((DOCS / name).read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(value.model_dump_json()), document)
        assert json.loads(value.model_dump_json())["schema_version"] == 2


def test_main_writes_the_schemas(tmp_path: Path) -> None:
    assert schema.main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schema.MODELS)


def test_command_writes_the_schemas_and_refuses_a_missing_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert schema.main([str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schema.MODELS)
    with pytest.raises(SystemExit) as exit_:
        schema.main([str(tmp_path / "absent")])
    assert exit_.value.code == 2
    assert "is not a folder" in capsys.readouterr().err.splitlines()[-1]
