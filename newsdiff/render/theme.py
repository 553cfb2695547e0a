"""Colours and marks, in one place: rich styles for the terminal, CSS for HTML.

Terminal colours are the terminal's own named colours, so they follow its light or
dark theme. Without colour, edits are marked in text (``[-deleted-]``,
``{+inserted+}``, as ``wdiff`` and ``git diff --word-diff`` do) so they survive pipes
and logs.
"""

from __future__ import annotations

from rich.console import Console
from rich.style import Style
from rich.text import Text

from newsdiff.models import ChangeKind, Presence, SpanOp
from newsdiff.render.options import ViewOptions
from newsdiff.render.rows import Gap, Para

DELETE = Style(color="red", strike=True)
INSERT = Style(color="green", bold=True)
# Edits that leave the meaning alone (typography, punctuation, spelling): the same
# colours, quieter, so the substantive ones stand out.
MINOR_DELETE = Style(color="red", strike=True, dim=True)
MINOR_INSERT = Style(color="green", dim=True)
NUMBER = Style(dim=True)
NOTE = Style(color="magenta", italic=True)
DATELINE = Style(dim=True, italic=True)
HEADING = Style(bold=True)
DIM = Style(dim=True)
HEADER = Style(bold=True)
GAP = Style(dim=True, italic=True)

MARKS = {SpanOp.DELETE: ("[-", "-]"), SpanOp.INSERT: ("{+", "+}")}

KIND = {
    ChangeKind.UNCHANGED: Style(dim=True),
    ChangeKind.CHANGED: Style(color="yellow", bold=True),
    ChangeKind.MOVED: Style(color="magenta", bold=True),
    ChangeKind.SPLIT: Style(color="cyan", bold=True),
    ChangeKind.MERGED: Style(color="cyan", bold=True),
    ChangeKind.ADDED: Style(color="green", bold=True),
    ChangeKind.REMOVED: Style(color="red", bold=True),
}

# The story heat map: a symbol that reads without colour, and a cell colour.
PRESENCE: dict[Presence, tuple[str, Style]] = {
    Presence.CANONICAL: ("■", Style(color="black", bgcolor="bright_white", bold=True)),
    Presence.UNCHANGED: ("=", Style(color="black", bgcolor="green")),
    Presence.CHANGED: ("~", Style(color="black", bgcolor="yellow")),
    Presence.MOVED: ("↕", Style(color="black", bgcolor="magenta")),
    Presence.SPLIT: ("<", Style(color="black", bgcolor="cyan")),
    Presence.MERGED: (">", Style(color="black", bgcolor="cyan")),
    Presence.ADDED: ("+", Style(color="black", bgcolor="blue")),
    Presence.ABSENT: ("·", Style(dim=True)),
    Presence.TRUNCATED: ("✂", Style(dim=True)),
}

PRESENCE_HELP = {
    Presence.CANONICAL: "the canonical",
    Presence.UNCHANGED: "unchanged",
    Presence.CHANGED: "changed",
    Presence.MOVED: "moved",
    Presence.SPLIT: "split",
    Presence.MERGED: "merged",
    Presence.ADDED: "not in the canonical",
    Presence.ABSENT: "absent",
    Presence.TRUNCATED: "cut off (the version stops early)",
}


def use_markers(console: Console, options: ViewOptions) -> bool:
    """Whether edits need text marks: asked for, or the console cannot show colour."""
    if options.markers is not None:
        return options.markers
    return console.no_color or console.color_system is None


def para_text(para: Para, markers: bool, *, dim: bool = False, number: bool = True) -> Text:
    """One paragraph as rich Text. Article text is only ever appended, never parsed as
    markup, so ``[bold]`` in an article stays literal."""
    text = Text(style=DIM if dim else "")
    if number:
        text.append(f"¶{para.number} ", NUMBER)
    if para.dateline:
        text.append(para.dateline, DATELINE)
    base = HEADING if para.heading else Style()
    for piece in para.pieces:
        if piece.op is SpanOp.EQUAL:
            text.append(piece.text, base)
            continue
        if piece.minor:
            style = base + (MINOR_DELETE if piece.op is SpanOp.DELETE else MINOR_INSERT)
        else:
            style = base + (DELETE if piece.op is SpanOp.DELETE else INSERT)
        if markers:
            start, end = MARKS[piece.op]
            text.append(start + piece.text + end, style)
        else:
            text.append(piece.text, style)
    return text


def gap_text(gap: Gap) -> Text:
    return Text(gap.message, NOTE if gap.truncated else GAP)


# HTML: every rule is scoped under .nd so a notebook's own styles are left alone. Text
# keeps the page's colour (light or dark theme); edits and kinds are marked with
# translucent backgrounds, which read on both.
CSS = """
.nd{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:14px;
  line-height:1.5;color:inherit;max-width:100%;box-sizing:border-box}
.nd *{box-sizing:border-box}
.nd p{margin:0}
.nd p+p{margin-top:.6em}
.nd del{background:rgba(215,58,73,.28);text-decoration:line-through;
  text-decoration-color:rgba(215,58,73,.9);color:inherit;border-radius:2px}
.nd ins{background:rgba(46,160,67,.36);text-decoration:none;color:inherit;border-radius:2px}
.nd del+ins{margin-left:.15em}
.nd del.nd-minor{background:rgba(215,58,73,.12)}
.nd ins.nd-minor{background:rgba(46,160,67,.14)}
.nd .nd-head{margin:0 0 .8em}
.nd .nd-title{font-size:1.15em;font-weight:600}
.nd .nd-title .nd-quiet,.nd .nd-quiet{font-weight:normal;opacity:.65}
.nd .nd-stats{margin-top:.2em}
.nd .nd-significance{margin-top:.2em;font-style:italic}
.nd .nd-num{opacity:.55;font-size:.85em;font-variant-numeric:tabular-nums;margin-right:.3em}
.nd .nd-dateline{opacity:.6;font-style:italic}
.nd .nd-heading{font-weight:650}
.nd .nd-note{font-style:italic;font-size:.9em;margin-bottom:.3em;color:inherit}
.nd table{border-collapse:collapse;width:100%;table-layout:fixed}
.nd th{text-align:left;font-weight:600;padding:.35em .6em;
  border-bottom:2px solid rgba(128,128,128,.45)}
.nd td{vertical-align:top;padding:.45em .6em;border-bottom:1px solid rgba(128,128,128,.22);
  overflow-wrap:anywhere}
.nd .nd-kcol{width:6.2em}
.nd td.nd-new{border-left:1px solid rgba(128,128,128,.22)}
.nd tr.nd-dim td{opacity:.6}
.nd tr.nd-gap td{font-style:italic;opacity:.65;padding:.2em .6em}
.nd tr.nd-cut td{opacity:.85;border-top:1px dashed rgba(128,128,128,.6)}
.nd .nd-badge{display:inline-block;border-radius:4px;padding:0 .4em;font-size:.85em;
  white-space:nowrap;background:rgba(128,128,128,.15)}
.nd .nd-changed{background:rgba(210,153,34,.3)}
.nd .nd-moved{background:rgba(163,113,247,.32)}
.nd .nd-split,.nd .nd-merged{background:rgba(57,170,200,.32)}
.nd .nd-added{background:rgba(46,160,67,.3)}
.nd .nd-removed{background:rgba(215,58,73,.28)}
.nd .nd-typography{background:rgba(128,128,128,.15)}
.nd .nd-map td,.nd .nd-map th{padding:.12em .4em;border-bottom:1px solid rgba(128,128,128,.15)}
.nd .nd-map .nd-text{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.nd .nd-map .nd-extra .nd-text{font-style:italic;opacity:.75}
.nd .nd-map .nd-ncol{width:2.6em}
.nd .nd-map .nd-vcol{width:3.6em}
.nd .nd-map th.nd-v{text-align:center;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.nd .nd-map.nd-tall th.nd-v{writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;
  vertical-align:top;text-overflow:clip;padding:.4em 0;font-weight:normal}
.nd .nd-map td.nd-c{text-align:center;padding:.12em .15em}
.nd .nd-map td.nd-c a,.nd .nd-map td.nd-c span{display:block;border-radius:3px;
  color:inherit;text-decoration:none;font-family:ui-monospace,monospace}
.nd .nd-p-canonical{background:rgba(128,128,128,.38)}
.nd .nd-p-unchanged{background:rgba(46,160,67,.3)}
.nd .nd-p-changed{background:rgba(210,153,34,.42)}
.nd .nd-p-moved{background:rgba(163,113,247,.42)}
.nd .nd-p-split,.nd .nd-p-merged{background:rgba(57,170,200,.42)}
.nd .nd-p-added{background:rgba(56,132,244,.38)}
.nd .nd-p-absent,.nd .nd-p-truncated{opacity:.45}
.nd .nd-legend{margin:.5em 0 1em;font-size:.9em}
.nd .nd-legend span.nd-key{display:inline-block;min-width:1.7em;text-align:center;border-radius:3px;
  font-family:ui-monospace,monospace;margin:0 .25em 0 .9em}
.nd .nd-scroll{overflow-x:auto;max-width:100%}
.nd details{margin:1.2em 0}
.nd summary{cursor:pointer;font-weight:600;margin-bottom:.6em}
.nd .nd-totals td{border:none;padding:.1em .6em}
.nd a.nd-go{color:inherit}
.nd table.nd-fields{margin:0 0 .6em}
.nd .nd-fields th{border:none;padding:.15em .6em;font-weight:normal;opacity:.7;
  vertical-align:top}
.nd .nd-fields td{border:none;padding:.15em .6em;font-weight:600}
.nd .nd-fields tr.nd-dim td{opacity:.6}
.nd ol.nd-timeline{list-style:none;margin:0 0 1em;padding:0}
.nd ol.nd-timeline li{padding:.15em 0;overflow-wrap:anywhere}
.nd ol.nd-timeline li.nd-step{padding-left:1.6em;font-size:.92em}
.nd ol.nd-timeline li.nd-step::before{content:"↓ ";opacity:.6}
.nd ol.nd-timeline .nd-significance{display:inline;font-style:italic}
.nd .nd-vname{font-weight:650;display:inline-block;min-width:3em}
.nd .nd-headline{font-weight:600}
.nd table.nd-figures{margin:0 0 1em}
.nd .nd-figures td,.nd .nd-figures th{padding:.15em .5em;
  border-bottom:1px solid rgba(128,128,128,.15)}
.nd .nd-figures .nd-fcol{width:7.5em}
.nd .nd-figures th.nd-v{text-align:right;overflow:hidden;text-overflow:ellipsis;
  white-space:nowrap}
.nd .nd-figures .nd-ncol{width:5.5em}
.nd .nd-figures td.nd-fv{text-align:right;font-variant-numeric:tabular-nums}
.nd .nd-figures td.nd-new-value{background:rgba(46,160,67,.22);font-weight:600}
.nd .nd-phist .nd-hcol{width:30%}
.nd .nd-phist td.nd-summary{font-style:italic;font-size:.92em}
.nd .nd-phist td.nd-mark{font-weight:700}
.nd .nd-legend span{margin-right:1em;white-space:nowrap}
"""

PAGE_CSS = """
body{margin:1.5em auto;padding:0 1.2em;max-width:1600px;background:#fff;color:#1f2328}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}}
"""
