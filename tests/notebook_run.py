"""Execute the example notebook once per test session (nbclient + ipykernel, headless),
and turn its outputs into a page a browser can open the way a notebook shows them.

The notebook ships with its outputs, so it reads on a code host without running it;
``tests/test_notebook.py`` checks that they are what a run gives today. After a change
to the views, refresh them with ``python -m tests.notebook_run``.
"""

from __future__ import annotations

from functools import cache
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "newsdiff.ipynb"

# Appended for the browser test only: article text that tries to run script.
HOSTILE_CELL = "from tests.render_samples import hostile_revision\nhostile_revision()"


@cache
def executed(*, hostile: bool = False) -> Any:
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]
    if hostile:
        notebook.cells.append(nbformat.v4.new_code_cell(HOSTILE_CELL))  # type: ignore[no-untyped-call]
    client = NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT)}},
        record_timing=False,  # the saved outputs must not change from run to run
    )
    client.execute()
    return notebook


def saved() -> Any:
    import nbformat

    return nbformat.read(NOTEBOOK, as_version=4)  # type: ignore[no-untyped-call]


def cell_outputs(notebook: Any) -> list[tuple[Any, list[Any]]]:
    """Each code cell's execution count and outputs: what a reader sees."""
    return [
        (cell.get("execution_count"), cell.get("outputs", []))
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]


def refresh() -> None:
    """Run the notebook and save its outputs into it (its metadata stays as it was)."""
    import nbformat

    notebook = saved()
    for cell, ran in zip(notebook.cells, executed().cells, strict=True):
        if cell.cell_type == "code":
            cell.execution_count = ran.execution_count
            cell.outputs = ran.outputs
    nbformat.write(notebook, NOTEBOOK)  # type: ignore[no-untyped-call]


def html_outputs(notebook: Any) -> list[str]:
    """The text/html of every code cell's outputs, in order."""
    return [
        output["data"]["text/html"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "text/html" in output.get("data", {})
    ]


def as_page(notebook: Any) -> str:
    """The executed notebook as a notebook front end lays it out: a prompt column, then
    each cell's source and its HTML output (inserted as is, like Jupyter does)."""
    cells = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            cells.append(f'<div class="md">{escape(cell.source)}</div>')
            continue
        outputs = []
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                outputs.append(data["text/html"])
            elif "text/plain" in data:
                outputs.append(f"<pre>{escape(data['text/plain'])}</pre>")
            elif output.get("output_type") == "stream":
                outputs.append(f"<pre>{escape(output['text'])}</pre>")
        cells.append(
            f'<div class="cell"><pre class="in">{escape(cell.source)}</pre>'
            f'<div class="out">{"".join(outputs)}</div></div>'
        )
    style = (
        "body{margin:0;padding:12px 24px;font-family:sans-serif;background:#fff;color:#111}"
        ".cell{margin:12px 0}.in{background:#f5f5f5;padding:6px;margin:0 0 6px 90px;"
        "white-space:pre-wrap}.out{margin-left:90px}.md{margin:12px 0 12px 90px}"
        "pre{white-space:pre-wrap;overflow-wrap:anywhere}"
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>notebook</title>'
        f"<style>{style}</style></head><body>{''.join(cells)}</body></html>"
    )


if __name__ == "__main__":
    refresh()
    print(f"saved the outputs of {NOTEBOOK.relative_to(ROOT)}")
