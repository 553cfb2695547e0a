"""The documentation site: ``mkdocs build --strict`` passes (built once per test session),
the API reference documents every public name, every public object has a docstring,
and the home page and the gallery render in headless Chromium.

The build is skipped where the ``docs`` extra is missing, the browser checks where
Chromium is; CI has both. Screenshots go to ``$NEWSDIFF_SCREENSHOTS`` when set.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.cdp_browser import Browser, Page
from tests.conftest import ROOT

# The modules whose names make the public API; the reference has a page for each.
PUBLIC_MODULES = [
    "newsdiff",
    "newsdiff.render",
    "newsdiff.history",
    "newsdiff.corpus",
    "newsdiff.archive",
    "newsdiff.demo",
    "newsdiff.quality",
    "newsdiff.schema",
]
WIDTH = 1000


def public_names(module: ModuleType) -> list[str]:
    """``__all__``, or else the public names the module defines itself."""
    names = getattr(module, "__all__", None)
    if names is not None:
        return [name for name in names if not name.startswith("__")]
    return [
        name
        for name, value in vars(module).items()
        if not name.startswith("_")
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module.__name__
    ]


PUBLIC = [
    (module, name, getattr(importlib.import_module(module), name))
    for module in PUBLIC_MODULES
    for name in public_names(importlib.import_module(module))
]
DOCUMENTED = [(m, n, v) for m, n, v in PUBLIC if inspect.isclass(v) or inspect.isfunction(v)]


def _docstring(value: Any) -> str:
    """The object's own docstring: not a base class's, nor the one dataclasses write."""
    if not inspect.isclass(value):
        return (value.__doc__ or "").strip()
    doc = (vars(value).get("__doc__") or "").strip()
    return "" if doc.startswith(f"{value.__name__}(") else doc


def _members(cls: type) -> Iterator[tuple[str, Any]]:
    """The methods and properties a class defines itself, public ones only."""
    for name, value in vars(cls).items():
        if name.startswith("_"):
            continue
        if isinstance(value, property):
            yield name, value.fget
        elif isinstance(value, cached_property):
            yield name, value.func
        elif isinstance(value, staticmethod | classmethod):
            yield name, value.__func__
        elif inspect.isfunction(value):
            yield name, value


@pytest.mark.parametrize(("module", "name", "value"), DOCUMENTED, ids=[n for _, n, _ in DOCUMENTED])
def test_every_public_object_has_a_docstring(module: str, name: str, value: Any) -> None:
    assert (importlib.import_module(module).__doc__ or "").strip(), f"{module} has no docstring"
    assert _docstring(value), f"{module}.{name} has no docstring"
    if inspect.isclass(value):
        missing = [member for member, func in _members(value) if not _docstring(func)]
        assert not missing, f"{module}.{name}: no docstring on {missing}"


# --- the built site -------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The documentation site, built once with ``mkdocs build --strict``."""
    for package in ("mkdocs", "material", "mkdocstrings_handlers.python", "mkdocs_jupyter"):
        if importlib.util.find_spec(package.split(".")[0]) is None:
            pytest.skip(f"{package} is not installed (pip install -e '.[docs]')")
    out = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # a notice of the theme's, not ours
        check=False,
    )
    assert build.returncode == 0, f"mkdocs build --strict failed:\n{build.stderr[-4000:]}"
    return out


def test_the_site_has_its_pages_and_figures(site: Path) -> None:
    pages = [
        "index.html",
        "tutorial/index.html",
        "how-to/saved-pages/index.html",
        "concepts/pipeline/index.html",
        "reference/newsdiff/index.html",
        "gallery/newsdiff/index.html",
        "quality/index.html",
        "performance/index.html",
    ]
    for page in pages:
        assert (site / page).is_file(), page
    assert (site / "concepts" / "pipeline.svg").is_file()
    assert (site / "revision.schema.json").is_file()  # linked from the JSON format page
    # The alignment-quality figures are the README's, included: a change there shows here.
    quality = (site / "quality" / "index.html").read_text(encoding="utf-8")
    assert "link F1 1.000" in " ".join(quality.split())


def test_the_reference_documents_every_public_name(site: Path) -> None:
    reference = " ".join(
        page.read_text(encoding="utf-8") for page in (site / "reference").rglob("*.html")
    )
    anchors = set(re.findall(r'id="(newsdiff[\w.]*)"', reference))
    missing = [
        f"{module}.{name}"
        for module, name, value in PUBLIC
        if f"{module}.{name}" not in anchors
        and f"{getattr(value, '__module__', module)}.{name}" not in anchors
    ]
    assert not missing, f"not in the API reference: {missing}"
    # Sphinx roles of the docstrings are rendered, not shown as markup, and doctest
    # examples as code, not as nested quotations (tools/griffe_roles.py).
    assert ":class:`" not in reference
    assert ":func:`" not in reference
    assert "<blockquote>" not in reference


# --- in the browser --------------------------------------------------------------------

OVERFLOW = """(() => ({
  scroll: document.documentElement.scrollWidth,
  client: document.documentElement.clientWidth,
}))()"""

# The side-by-side view of the gallery's first revision: its table is drawn, in the
# page's width, with both versions' columns holding text.
SIDE_BY_SIDE = """(() => {
  const view = document.querySelector('.nd');
  if (!view) return null;
  const box = view.getBoundingClientRect();
  const style = getComputedStyle(view);
  return {
    width: box.width, height: box.height, left: box.left, right: box.right,
    visible: style.display !== 'none' && style.visibility !== 'hidden',
    text: view.innerText,
  };
})()"""


def _open(browser: Browser, site: Path, page: str, shots: Path) -> Page:
    opened = browser.open(site / page, width=WIDTH, height=900)
    name = "site-" + (page.removesuffix("index.html").strip("/").replace("/", "-") or "home")
    shot = opened.screenshot(shots / f"{name}.png", full_page=False)
    assert shot.stat().st_size > 10_000  # a real picture, not a blank page
    fit = opened.evaluate(OVERFLOW)
    assert fit["scroll"] <= fit["client"] == WIDTH, f"{page} is wider than {WIDTH} px"
    return opened


def test_home_page(browser: Browser, site: Path, shots: Path) -> None:
    page = _open(browser, site, "index.html", shots)
    text = page.evaluate("document.querySelector('article').innerText")
    for heading in ("Tutorial", "How-to guides", "Concepts", "Reference", "Figures"):
        assert heading in text
    links = page.evaluate("[...document.querySelectorAll('article a')].map(a => a.href)")
    assert any(link.endswith("/performance/") for link in links)
    assert any(link.endswith("/gallery/newsdiff/") for link in links)


def test_gallery_shows_the_side_by_side_view(browser: Browser, site: Path, shots: Path) -> None:
    page = _open(browser, site, "gallery/newsdiff/index.html", shots)
    view = page.evaluate(SIDE_BY_SIDE)
    assert view is not None, "the notebook's HTML output is not in the page"
    assert view["visible"]
    assert view["height"] > 1000  # every row of the revision, not a collapsed box
    assert 0 <= view["left"] < view["right"] <= WIDTH
    assert "v2 → v5 (canonical)" in view["text"]
    assert "Kowalczyk" in view["text"]  # v5's spelling, in its column
    assert page.evaluate("document.querySelectorAll('.nd script').length") == 0
