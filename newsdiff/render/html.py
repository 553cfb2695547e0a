"""HTML for revisions and stories: a fragment for notebooks, a standalone page for files.

The markup is built by hand from the same rows as the terminal views, and every piece
of text that comes from an article or a version name goes through :func:`html.escape`.
The page has no script, loads nothing, and says so in its Content-Security-Policy, so
it opens offline and nothing in an article can run. Edits are ``<del>`` and ``<ins>``:
they stay visible even where the stylesheet is stripped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from html import escape
from itertools import count
from pathlib import Path

from newsdiff.models import ChangeKind, Presence, Revision, SpanOp, Story
from newsdiff.render import theme
from newsdiff.render.fields import field_note, field_para
from newsdiff.render.header import describe, kind_counts, stops_early
from newsdiff.render.inline import note as inline_note
from newsdiff.render.inline import redline
from newsdiff.render.options import Typography, View, ViewOptions, choice
from newsdiff.render.rows import Gap, Para, Piece, Row, build_rows, one_line, with_context
from newsdiff.render.story import cell_where
from newsdiff.text import plural

_ids = count(1)
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; script-src 'none'"
TALL_NAMES = 5
"""Version names longer than this (about a heat-map column's width) are set on end."""


def _e(text: str) -> str:
    return escape(text, quote=True)


def new_prefix() -> str:
    """A prefix for element ids, unique in this process: several views can share a page."""
    return f"nd{next(_ids)}"


def _kind_class(row: Row) -> str:
    if row.change.typography_only and row.label:
        return "nd-typography"
    return f"nd-{row.kind.value}"


def para_html(para: Para, *, number: bool = True, all_deleted: bool = False) -> str:
    out = ["<p>"]
    if number:
        out.append(f'<span class="nd-num">¶{para.number}</span>')
    if para.dateline:
        out.append(f'<span class="nd-dateline">{_e(para.dateline)}</span>')
    inner = pieces_html(para.pieces, all_deleted=all_deleted)
    out.append(f'<span class="nd-heading">{inner}</span>' if para.heading else inner)
    out.append("</p>")
    return "".join(out)


def pieces_html(pieces: Iterable[Piece], *, all_deleted: bool = False) -> str:
    """Pieces of text as escaped HTML, edits as ``<del>`` and ``<ins>``."""
    body = []
    for piece in pieces:
        op = SpanOp.DELETE if all_deleted else piece.op
        text = _e(piece.text)
        minor = ' class="nd-minor"' if piece.minor and not all_deleted else ""
        if op is SpanOp.DELETE:
            body.append(f"<del{minor}>{text}</del>")
        elif op is SpanOp.INSERT:
            body.append(f"<ins{minor}>{text}</ins>")
        else:
            body.append(text)
    return "".join(body)


def _badge(row: Row) -> str:
    label = _e(one_line(row.label))
    return f'<span class="nd-badge {_kind_class(row)}">{label}</span>' if label else ""


def _cell(paras: Iterable[Para], note: str) -> str:
    head = f'<div class="nd-note">↕ {_e(note)}</div>' if note else ""
    return head + "".join(para_html(p) for p in paras)


def stats_html(rev: Revision) -> str:
    parts = [
        f'<span class="nd-badge nd-{kind.value}">{n} {kind.value}</span>'
        for kind, n in kind_counts(rev)
    ]
    stats = rev.stats
    if stats.typography_only:
        parts.append(
            f'<span class="nd-quiet">({stats.typography_only} of them typography only)</span>'
        )
    if stops_early(rev):
        parts.append(f'<span class="nd-badge">✂ {_e(stops_early(rev))}</span>')
    words = "word" if stats.words_inserted == 1 else "words"
    return (
        f'<div class="nd-stats">{" ".join(parts)}</div>'
        f'<div class="nd-stats"><span class="nd-badge nd-added">+{stats.words_inserted}</span>'
        f" {words} inserted, "
        f'<span class="nd-badge nd-removed">−{stats.words_deleted}</span> deleted; '
        f"{stats.similarity:.0%} of words kept</div>"
    )


def fields_html(rev: Revision) -> str:
    """The fields as a small table of their own (empty when neither version has one)."""
    if not rev.fields:
        return ""
    out = ['<table class="nd-fields"><colgroup><col class="nd-kcol"><col></colgroup><tbody>']
    for field in rev.fields:
        note = field_note(field, rev)
        tail = f' <span class="nd-quiet">({_e(note)})</span>' if note else ""
        cls = "nd-field nd-dim" if field.kind is ChangeKind.UNCHANGED else "nd-field"
        body = pieces_html(field_para(field).pieces)
        out.append(f'<tr class="{cls}"><th>{_e(field.name)}</th><td>{body}{tail}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _role(role: str) -> str:
    return f"({_e(role)}) " if role else ""


def _head(rev: Revision) -> str:
    return (
        '<div class="nd-head"><div class="nd-title">'
        f"{_e(describe(rev.old_name, rev.old_article))} "
        f'<span class="nd-quiet">{_role(rev.old_role)}→ </span>'
        f"{_e(describe(rev.new_name, rev.new_article))}"
        f' <span class="nd-quiet">{_role(rev.new_role)}</span></div>{stats_html(rev)}'
        f'<div class="nd-significance">{_e(rev.significance)}</div></div>'
    )


def revision_html(
    rev: Revision,
    options: ViewOptions | None = None,
    *,
    view: View | str = View.SIDE_BY_SIDE,
    prefix: str | None = None,
    title: bool = True,
) -> str:
    """A revision as an HTML fragment (a ``<div class="nd">``, styles not included),
    drawn forward in time (:meth:`Revision.forward`)."""
    rev = rev.forward()
    options = options or ViewOptions()
    view = choice(View, view, "view")
    prefix = prefix or new_prefix()
    rows = with_context(build_rows(rev, options), options.context)
    out = [_head(rev)] if title else []
    out.append(fields_html(rev))
    out.append('<table class="nd-rev">')
    if view is View.SIDE_BY_SIDE:
        out.append(
            '<colgroup><col class="nd-kcol"><col><col></colgroup><thead><tr><th></th>'
            f'<th>{_e(rev.old_name)} <span class="nd-quiet">{_role(rev.old_role)}</span></th>'
            f'<th>{_e(rev.new_name)} <span class="nd-quiet">{_role(rev.new_role)}</span></th>'
            "</tr></thead>"
        )
    else:
        out.append('<colgroup><col class="nd-kcol"><col></colgroup>')
    out.append("<tbody>")
    for item in rows:
        if isinstance(item, Gap):
            span = 2 if view is View.SIDE_BY_SIDE else 1
            cls = "nd-gap nd-cut" if item.truncated else "nd-gap"
            out.append(
                f'<tr class="{cls}"><td>⋯</td><td colspan="{span}">{_e(item.message)}</td></tr>'
            )
            continue
        cls = "nd-row nd-dim" if item.dim else "nd-row"
        out.append(f'<tr class="{cls}" id="{prefix}-c{item.index}"><td>{_badge(item)}</td>')
        if view is View.SIDE_BY_SIDE:
            out.append(f'<td class="nd-old">{_cell(item.old, item.note_old)}</td>')
            out.append(f'<td class="nd-new">{_cell(item.new, item.note_new)}</td>')
        else:
            removed = item.kind is ChangeKind.REMOVED
            note = inline_note(item, rev.old_name)
            head = f'<div class="nd-note">{_e(note)}</div>' if note else ""
            body = "".join(
                para_html(p, number=not removed, all_deleted=removed) for p in redline(item)
            )
            out.append(f'<td class="nd-new">{head}{body}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _slug(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", name)


def story_html(
    story: Story,
    options: ViewOptions | None = None,
    *,
    prefix: str | None = None,
    view: View | str = View.SIDE_BY_SIDE,
) -> str:
    """A story as an HTML fragment: the heat map, per-version totals, then every
    revision side by side; each heat-map cell links to its row in that revision."""
    options = options or ViewOptions()
    prefix = prefix or new_prefix()
    names = [v.name for v in story.versions]
    rev_ids = {name: f"{prefix}-v{n}-{_slug(name)}" for n, name in enumerate(names)}
    # Which change of a version's revision holds each of its paragraphs.
    where: dict[str, dict[int, int]] = {}
    for name, rev in story.revisions.items():
        drawn = rev.forward()  # as revision_html draws it: the version may be the old side
        article = drawn.new_article if drawn.new_name == name else drawn.old_article
        numbers = {b.index: n for n, b in enumerate(article.paragraphs)}
        where[name] = {
            numbers[b.index]: k
            for k, change in enumerate(drawn.changes)
            for b in (change.new if drawn.new_name == name else change.old)
        }
    out = [
        '<div class="nd-head"><div class="nd-title">'
        f"{plural(len(story.versions), 'version')} of one story "
        f'<span class="nd-quiet">compared with {_e(story.canonical)}; '
        f"{len(story.rows)} paragraphs in all</span></div></div>",
        # Names longer than a column is wide (capture times, outlets) stand on end.
        '<div class="nd-scroll"><table class="nd-map'
        + (" nd-tall" if max(map(len, names), default=0) > TALL_NAMES else "")
        + '"><colgroup><col class="nd-ncol"><col>',
        '<col class="nd-vcol">' * len(names),
        '</colgroup><thead><tr><th>¶</th><th>paragraph <span class="nd-quiet">(',
        _e(story.canonical),
        " is canonical)</span></th>",
    ]
    for name in names:
        label = _e(name)
        if name in story.revisions:
            label = f'<a class="nd-go" href="#{rev_ids[name]}">{label}</a>'
        out.append(f'<th class="nd-v" title="{_e(name)}">{label}</th>')
    out.append("</tr></thead><tbody>")
    for row in story.rows:
        extra = row.position is None
        number = "+" if extra else str(row.position + 1) if row.position is not None else ""
        out.append(
            f'<tr class="{"nd-extra" if extra else ""}"><td class="nd-num">{number}</td>'
            f'<td class="nd-text" title="{_e(row.text)}">{_e(row.text)}</td>'
        )
        for name in names:
            cell = row.cells[name]
            symbol = theme.PRESENCE[cell.presence][0]
            tip = f"{name}: {theme.PRESENCE_HELP[cell.presence]}"
            if cell.positions:
                tip += f", ¶{cell_where(cell)}"
            if cell.presence in (Presence.CHANGED, Presence.SPLIT, Presence.MERGED):
                tip += f", {cell.similarity:.0%} similar"
            inner = f'<span class="nd-p-{cell.presence.value}">{symbol}</span>'
            change = where.get(name, {}).get(cell.positions[0]) if cell.positions else None
            if change is not None:
                inner = (
                    f'<a class="nd-p-{cell.presence.value}" '
                    f'href="#{rev_ids[name]}-c{change}">{symbol}</a>'
                )
            out.append(f'<td class="nd-c" title="{_e(tip)}">{inner}</td>')
        out.append("</tr>")
    out.append('</tbody></table></div><div class="nd-legend">')
    for presence in Presence:
        symbol = theme.PRESENCE[presence][0]
        out.append(
            f'<span class="nd-key nd-p-{presence.value}">{symbol}</span>'
            f"{_e(theme.PRESENCE_HELP[presence])}"
        )
    out.append("</div>")
    for name, rev in story.revisions.items():
        drawn = rev.forward()
        out.append(
            f'<details open id="{rev_ids[name]}"><summary>{_e(drawn.old_name)} → '
            f"{_e(drawn.new_name)}</summary>"
        )
        out.append(revision_html(rev, options, prefix=rev_ids[name], view=view))
        out.append("</details>")
    return "".join(out)


def fragment(body: str) -> str:
    """Wrap a view for embedding (a notebook cell): scoped styles and the view."""
    return f'<div class="nd"><style>{theme.CSS}</style>{body}</div>'


def page(title: str, body: str) -> str:
    """A standalone HTML page around a view: no script, nothing loaded from anywhere."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{theme.PAGE_CSS}{theme.CSS}</style></head>"
        f'<body><div class="nd">{body}</div></body></html>\n'
    )


def revision_page(
    rev: Revision,
    *,
    view: View | str = View.SIDE_BY_SIDE,
    typography: Typography | str = Typography.DIM,
    context: int | None = None,
    substantive: bool = False,
) -> str:
    """``rev`` as a standalone HTML page: side by side, or ``view="inline"``;
    ``typography``, ``context`` and ``substantive`` as in :class:`ViewOptions`."""
    options = ViewOptions(typography=typography, context=context, substantive=substantive)
    body = revision_html(rev, options, view=view, prefix="nd")
    return page(f"newsdiff: {rev.new_name} against {rev.old_name}", body)


def story_page(
    story: Story,
    *,
    view: View | str = View.SIDE_BY_SIDE,
    typography: Typography | str = Typography.DIM,
    context: int | None = None,
    substantive: bool = False,
) -> str:
    """``story`` as a standalone HTML page: the heat map, then each version against the
    canonical (side by side, or ``view="inline"``)."""
    options = ViewOptions(typography=typography, context=context, substantive=substantive)
    body = story_html(story, options, prefix="nd", view=view)
    title = f"newsdiff: {plural(len(story.versions), 'version')}, canonical {story.canonical}"
    return page(title, body)


def html_page(
    value: Revision | Story,
    *,
    view: View | str = View.SIDE_BY_SIDE,
    typography: Typography | str = Typography.DIM,
    context: int | None = None,
    substantive: bool = False,
) -> str:
    """:func:`revision_page` or :func:`story_page`, whichever ``value`` needs."""
    if isinstance(value, Story):
        return story_page(
            value, view=view, typography=typography, context=context, substantive=substantive
        )
    return revision_page(
        value, view=view, typography=typography, context=context, substantive=substantive
    )


def save_html(
    value: Revision | Story,
    path: str | os.PathLike[str],
    *,
    view: View | str = View.SIDE_BY_SIDE,
    typography: Typography | str = Typography.DIM,
    context: int | None = None,
    substantive: bool = False,
) -> Path:
    """Write ``value`` to ``path`` as a standalone HTML page (options as for
    :func:`revision_page` and :func:`story_page`) and return the path.

    The file is always UTF-8, as the page declares, whatever the system's default
    encoding: ``open(path, "w")`` on a Windows code page cannot write most articles.
    """
    page = html_page(
        value, view=view, typography=typography, context=context, substantive=substantive
    )
    target = Path(path)
    target.write_text(page, encoding="utf-8", newline="\n")
    return target
