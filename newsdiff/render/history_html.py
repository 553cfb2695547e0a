"""The story over time as HTML: the timeline strip, the figure table, the paragraph
history, and each step of the timeline as a revision (a fragment for notebooks, or a
standalone page).

Built from the same pieces as the terminal views (:mod:`newsdiff.render.history`), with
the escaping and page rules of :mod:`newsdiff.render.html`: every piece of article text
and every version name is escaped, and the page runs no script.
"""

from __future__ import annotations

from html import escape

from newsdiff.fields import field_value
from newsdiff.models import StoryHistory
from newsdiff.render.history import (
    ABSENT,
    CARRIED,
    EVENT_HELP,
    chain_where,
    marks,
    version_date,
)
from newsdiff.render.html import TALL_NAMES, new_prefix, page, revision_html
from newsdiff.render.options import ViewOptions
from newsdiff.text import plural


def _e(text: str) -> str:
    return escape(text, quote=True)


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)


def timeline_html(history: StoryHistory, prefix: str) -> str:
    """The versions in time order; each step's significance line links to its diff."""
    story = history.story
    steps = {rev.new_name: rev for rev in history.timeline}
    out = [
        f'<div class="nd-head"><div class="nd-title">'
        f"{plural(len(story.versions), 'version')} in time order</div></div>",
        '<ol class="nd-timeline">',
    ]
    for name in story.in_time_order:
        if name in steps:
            rev = steps[name]
            out.append(
                f'<li class="nd-step"><a href="#{prefix}-s-{_slug(name)}">'
                f"{_e(rev.old_name)} → {_e(name)}</a>: "
                f'<span class="nd-significance">{_e(rev.significance)}</span></li>'
            )
        article = story.version(name).article
        when = version_date(article)
        headline = field_value(article, "headline") or ""
        canonical = ' <span class="nd-quiet">(canonical)</span>' if name == story.canonical else ""
        out.append(
            f'<li class="nd-version"><span class="nd-vname">{_e(name)}</span> '
            f'<span class="nd-quiet">{_e(when)}</span> '
            f'<span class="nd-headline">{_e(headline)}</span>{canonical}</li>'
        )
    out.append("</ol>")
    return "".join(out)


def figures_html(history: StoryHistory) -> str:
    """One row per figure the story updates, one column per version."""
    order = history.story.in_time_order
    if not history.figures:
        return '<div class="nd-head"><div class="nd-title">figures updated: none</div></div>'
    out = [
        '<div class="nd-head"><div class="nd-title">figures updated</div></div>',
        '<div class="nd-scroll"><table class="nd-figures"><colgroup><col><col class="nd-ncol">',
        '<col class="nd-fcol">' * len(order),
        "</colgroup><thead><tr><th>figure</th><th>where</th>",
        "".join(f'<th class="nd-v" title="{_e(n)}">{_e(n)}</th>' for n in order),
        "</tr></thead><tbody>",
    ]
    for chain in history.figures:
        values = {v.version: v.value for v in chain.values}
        first = chain.values[0]
        where = chain_where(chain)
        out.append(f'<tr><td title="{_e(chain.text)}">{_e(chain.label)}</td><td>{_e(where)}</td>')
        started = False
        for name in order:
            started = started or name in values
            if name in values:
                cls = "nd-fv" if name == first.version else "nd-fv nd-new-value"
                out.append(f'<td class="{cls}">{_e(values[name])}</td>')
            else:
                out.append(f'<td class="nd-quiet nd-fv">{CARRIED if started else ""}</td>')
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def paragraphs_html(history: StoryHistory) -> str:
    """Every paragraph that ever appeared: a symbol per version, and its history."""
    order = history.story.in_time_order
    out = [
        '<div class="nd-head"><div class="nd-title">'
        f"{plural(len(history.paragraphs), 'paragraph')} over time "
        '<span class="nd-quiet">(numbered in the order first seen)</span></div></div>',
        # Names longer than a column is wide (capture times) stand on end, as in the map.
        '<div class="nd-scroll"><table class="nd-map nd-phist'
        + (" nd-tall" if max(map(len, order), default=0) > TALL_NAMES else "")
        + '"><colgroup><col class="nd-ncol">',
        '<col class="nd-vcol">' * len(order),
        '<col class="nd-hcol"><col></colgroup><thead><tr><th>¶</th>',
        "".join(f'<th class="nd-v" title="{_e(n)}">{_e(n)}</th>' for n in order),
        "<th>history</th><th>paragraph</th></tr></thead><tbody>",
    ]
    for paragraph in history.paragraphs:
        out.append(f'<tr><td class="nd-num">{paragraph.id + 1}</td>')
        for name, mark in zip(order, marks(paragraph, order), strict=True):
            cls = "nd-quiet" if mark in (CARRIED, ABSENT) else "nd-mark"
            tip = f"{name}: {EVENT_HELP[mark]}"
            out.append(f'<td class="nd-c {cls}" title="{_e(tip)}">{_e(mark)}</td>')
        text = paragraph.last_text
        out.append(
            f'<td class="nd-summary">{_e(paragraph.summary)}</td>'
            f'<td class="nd-text" title="{_e(text)}">{_e(text)}</td></tr>'
        )
    out.append('</tbody></table></div><div class="nd-legend">')
    out.append(" ".join(f"<span>{_e(m)} {_e(h)}</span>" for m, h in EVENT_HELP.items()))
    out.append("</div>")
    return "".join(out)


def history_html(
    history: StoryHistory, options: ViewOptions | None = None, *, prefix: str | None = None
) -> str:
    """A story over time as an HTML fragment: the timeline strip, the figure table, the
    paragraph history, then each step of the timeline (earlier → later) side by side."""
    prefix = prefix or new_prefix()
    out = [timeline_html(history, prefix), figures_html(history), paragraphs_html(history)]
    for rev in history.timeline:
        anchor = f"{prefix}-s-{_slug(rev.new_name)}"
        out.append(
            f'<details open id="{anchor}"><summary>{_e(rev.old_name)} → {_e(rev.new_name)} '
            f'<span class="nd-quiet">{_e(rev.significance)}</span></summary>'
        )
        out.append(revision_html(rev, options, prefix=anchor))
        out.append("</details>")
    return "".join(out)


def history_page(history: StoryHistory, options: ViewOptions | None = None) -> str:
    """A story over time as a standalone HTML page."""
    order = ", ".join(history.story.in_time_order)
    return page(f"newsdiff: a story over time ({order})", history_html(history, options))
