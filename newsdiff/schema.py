"""JSON Schemas of the JSON newsdiff writes, generated from the pydantic models.

``python -m newsdiff.schema docs/`` writes ``revision.schema.json`` (a
:class:`~newsdiff.Revision`, as ``compare`` gives it) and ``story.schema.json`` (a
:class:`~newsdiff.Story`, as ``collate`` gives it, and as each line of a corpus job's
``stories.jsonl`` holds it) and ``history.schema.json`` (a
:class:`~newsdiff.StoryHistory`, as ``newsdiff history --json`` prints it). The files
in ``docs/`` are these, and a test checks they still match the models.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from newsdiff.models import SCHEMA_VERSION, Revision, Story, StoryHistory

DIALECT = "https://json-schema.org/draft/2020-12/schema"
MODELS: dict[str, type[BaseModel]] = {
    "revision.schema.json": Revision,
    "story.schema.json": Story,
    "history.schema.json": StoryHistory,
}


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The JSON Schema of ``model``'s JSON (what ``model_validate_json`` accepts)."""
    schema = model.model_json_schema(mode="validation")
    return {
        "$schema": DIALECT,
        "$comment": f"newsdiff JSON, schema version {SCHEMA_VERSION}; generated from the "
        "pydantic models by python -m newsdiff.schema",
        **schema,
    }


def schema_text(model: type[BaseModel]) -> str:
    """:func:`json_schema` as the text of a schema file: indented, keys sorted."""
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m newsdiff.schema [FOLDER]``: write the schema files into FOLDER
    (``docs`` by default)."""
    parser = argparse.ArgumentParser(
        prog="python -m newsdiff.schema",
        description="Write the JSON Schemas of newsdiff's saved models into FOLDER.",
    )
    parser.add_argument("folder", nargs="?", default="docs", help="an existing folder (docs)")
    folder = Path(parser.parse_args(argv).folder)
    if not folder.is_dir():
        parser.error(f"{folder} is not a folder")
    for name, model in MODELS.items():
        (folder / name).write_text(schema_text(model), encoding="utf-8")
        print(folder / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
