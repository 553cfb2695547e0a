"""The HTML export and the executed notebook in headless Chromium: nothing from article
text runs, nothing overflows a 1000 px page, and the screenshots are kept to look at.

Skipped where Chromium is missing (CI installs Debian's ``chromium``). Screenshots go
to ``$NEWSDIFF_SCREENSHOTS`` when set, else to pytest's temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cdp_browser import Browser, Page, chromium
from tests.render_samples import (
    against_canonical,
    demo_history,
    demo_story,
    hostile_revision,
    hostile_story,
)

pytestmark = pytest.mark.skipif(chromium() is None, reason="chromium is not installed")

WIDTH = 1000

# Every way the hostile sample tries to run script; none may have worked.
NOTHING_RAN = """(() => ({
  pwned: window.__pwned === undefined ? null : window.__pwned,
  scripts: document.querySelectorAll('script').length,
  images: document.querySelectorAll('img').length,
  handlers: [...document.querySelectorAll('*')].filter(
      e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
  jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
  shown: document.body.innerText.includes('<script>window.__pwned = 1</script>'),
}))()"""

OVERFLOW = """(() => ({
  scroll: document.documentElement.scrollWidth,
  client: document.documentElement.clientWidth,
  wide: [...document.querySelectorAll('.nd *')].filter(
      e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
           && !e.closest('.nd-scroll')).length,
}))()"""


def _open(browser: Browser, shots: Path, name: str, html: str, *, dark: bool = False) -> Page:
    page_file = shots / f"{name}.html"
    page_file.write_text(html, encoding="utf-8")
    page = browser.open(page_file, width=WIDTH, dark=dark)
    shot = page.screenshot(shots / f"{name}.png", full_page=False)
    assert shot.stat().st_size > 10_000  # a real picture, not a blank page
    return page


def _assert_safe_and_fits(page: Page, *, hostile: bool) -> None:
    ran = page.evaluate(NOTHING_RAN)
    assert ran["pwned"] is None
    assert ran["images"] == 0
    assert ran["handlers"] == 0
    assert ran["jsLinks"] == 0
    if hostile:
        assert ran["shown"], "the article's markup should be shown as text"
    fit = page.evaluate(OVERFLOW)
    assert fit["scroll"] <= fit["client"] == WIDTH
    assert fit["wide"] == 0


@pytest.mark.parametrize(
    ("name", "make", "hostile"),
    [
        ("revision-demo", lambda: against_canonical("v3").to_html(), False),
        ("revision-inline", lambda: against_canonical("v2").to_html(view="inline"), False),
        ("story-demo", lambda: demo_story().to_html(), False),
        ("revision-hostile", lambda: hostile_revision().to_html(), True),
        ("story-hostile", lambda: hostile_story().to_html(), True),
        ("history-demo", lambda: demo_history().to_html(), False),
        ("history-hostile", lambda: hostile_story().history.to_html(), True),
    ],
)
def test_html_export(browser: Browser, shots: Path, name: str, make: object, hostile: bool) -> None:
    assert callable(make)
    page = _open(browser, shots, name, make())
    _assert_safe_and_fits(page, hostile=hostile)
    assert page.evaluate("document.querySelectorAll('script').length") == 0


def test_html_export_dark_theme(browser: Browser, shots: Path) -> None:
    page = _open(browser, shots, "revision-dark", against_canonical("v2").to_html(), dark=True)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(13, 17, 23)"
    _assert_safe_and_fits(page, hostile=False)


def test_executed_notebook(browser: Browser, shots: Path) -> None:
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    from tests.notebook_run import as_page, executed

    page = _open(browser, shots, "notebook", as_page(executed(hostile=True)))
    _assert_safe_and_fits(page, hostile=True)
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    text = page.evaluate("document.body.innerText")
    assert "Kowalczyk" in text
    assert "Kowalczik" in text
