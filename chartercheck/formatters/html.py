"""The ``html`` format: one self-contained page a community manager would rather look at.

A week-by-channel heat map (rows = channels, columns = days, colour = posts
that day) with each post's findings pinned to it, severity filters, the
commercial share and the pillar mix as inline SVG charts, and the summary.
Everything is inline (no CDN, no network); it reads at 1366×768 and prints.

``render(report, posts=None, charter=None)``: with the run's posts and
charter the page shows every post and the two charts; with a bare report it
rebuilds the grid from the findings and says the charts are unavailable.
The filter state can be preset with ``?severity=error,warning``.

Unlike the other formats the page is built whole, not written piece by
piece: the grid and charts need every post and finding first, and the page
stays bounded anyway (weeks drawn and findings listed in full are capped).
"""
from __future__ import annotations

from datetime import date
from html import escape
from importlib import resources
from typing import Optional, Sequence

from .. import __version__, i18n
from ..model import Finding, Post, Report, Severity
from .html_charts import charts
from .html_data import Entry, Grid, build_grid
from .html_words import SEVERITY_WORDS, WORDS
from .text import summary_line

SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
#: Findings listed in full at the bottom; a year-long calendar would otherwise weigh tens of megabytes.
MAX_LISTED = 1000
def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("html_assets", name).read_text("utf-8")


def _finding_li(finding: Finding, lang: str, with_where: bool = False, year: bool = False) -> str:
    sev = finding.severity.label
    where = ""
    if with_where:
        loc = finding.location
        parts = [escape((loc.path or "") + (f":{loc.line}" if loc.line else ""))]
        if loc.post_id is not None:
            parts.append(f"<b>{escape(loc.post_id)}</b>")
        if loc.channel:
            parts.append(escape(loc.channel))
        if loc.at:
            parts.append(escape(i18n.format_datetime(loc.at, lang, year)))
        where = f'<span class="where">{" · ".join(p for p in parts if p)}</span>'
    hint = f'<span class="hint">→ {escape(finding.hint)}</span>' if finding.hint else ""
    return (f'<li class="finding sev-{sev}" data-severity="{sev}" title="{escape(finding.rule)}">'
            f'<span class="badge {sev}">{finding.code}</span> {where}'
            f'<span class="msg">{escape(finding.message)}</span>{hint}</li>')


def _post_card(entry: Entry, channel: str, lang: str) -> str:
    findings = entry.findings_for(channel)
    worst = max((f.severity for f in findings), default=None)
    badges = "".join(
        f'<span class="count {s.label}" data-severity="{s.label}">{n}</span>'
        for s in SEVERITIES if (n := sum(f.severity is s for f in findings)))
    snippet = entry.text.strip().replace("\n", " ")
    snippet = escape(snippet[:90] + ("…" if len(snippet) > 90 else ""))
    items = "".join(_finding_li(f, lang) for f in findings)
    cls = f"post worst-{worst.label}" if worst else "post clean"
    return (f'<article class="{cls}" data-post="{escape(entry.id)}">'
            f'<header><time datetime="{entry.at.isoformat()}">{entry.at:%H:%M}</time> '
            f'<b class="pid">{escape(entry.id)}</b>{badges}</header>'
            + (f'<p class="snippet">{snippet}</p>' if snippet else "")
            + (f'<ul class="findings">{items}</ul>' if items else "") + "</article>")


def _cap(charter, channel: str) -> Optional[int]:
    if charter is None:
        return None
    cap = charter.channel(channel).get("max_per_day") if hasattr(charter, "channel") else None
    return int(cap) if isinstance(cap, int) else None


def _week_table(days: list[date], grid: Grid, charter, lang: str) -> str:
    words = WORDS[lang]
    first, last = grid.in_range
    day_labels = {d: escape(i18n.format_day(d, lang)) for d in days}
    head = "".join(
        f'<th scope="col" class="{"out" if first and last and not first <= d <= last else ""}">'
        f'{escape(i18n.format_day(d, lang))}</th>' for d in days)
    rows = []
    for channel in grid.channels:
        cap = _cap(charter, channel)
        cells = []
        busy = False  # anything drawn in this channel's row this week
        for day in days:
            entries = grid.cells.get((channel, day), [])
            notes = grid.notes.get((channel, day), [])
            count = len(entries)
            classes = [f"cell heat-{min(count, 4)}"]
            if cap is not None and count > cap:
                classes.append("over-cap")
            if first and last and not first <= day <= last:
                classes.append("out")
            body = "".join(_post_card(e, channel, lang) for e in entries)
            if notes:
                body += '<ul class="findings notes">' + "".join(_finding_li(f, lang) for f in notes) + "</ul>"
            if body:
                busy = True
            else:
                classes.append("empty")
            label = f"{count} {words['posts']}" + (f" / {cap}" if cap is not None else "")
            # data-day labels the cell where the week is a list (narrow screens: see report.css)
            cells.append(f'<td class="{" ".join(classes)}" data-count="{count}" data-day="{day_labels[day]}" '
                         f'title="{escape(label)}">{body}</td>')
        row_class = "" if busy else ' class="quiet"'
        rows.append(f'<tr{row_class}><th scope="row" class="channel" data-none="{escape(words["quiet"])}">'
                    f'{escape(channel)}</th>{"".join(cells)}</tr>')
    title = escape(words["week"].format(day=i18n.format_day(days[0], lang)) + f" {days[0].year}")
    return (f'<section class="week"><h2>{title}</h2><table class="heatmap">'
            f'<thead><tr><th scope="col">{words["channel"]}</th>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></section>')


def _filters(report: Report, lang: str) -> str:
    counts = report.counts()
    boxes = "".join(
        f'<label class="filter {s}"><input type="checkbox" value="{s}" data-count="{counts[s]}" checked> '
        f'<span class="badge {s}">{counts[s]}</span> {SEVERITY_WORDS[lang][s]}</label>'
        for s in ("error", "warning", "info"))
    total = len(report.findings)
    return (f'<nav class="filters" aria-label="filters"><b>{WORDS[lang]["filters"]}</b> {boxes}'
            f'<span class="shown"><span id="shown-count">{total}</span>/{total} {WORDS[lang]["showing"]}</span></nav>')


def _brand_sections(report: Report, posts, charter, lang: str, suffix: str = "") -> str:
    """The plan, charts, calendar-wide findings and listing of one charter's ``report``.

    ``suffix`` keeps element ids unique when a page holds several brands.
    """
    words, year = WORDS[lang], report.dates_with_year
    grid = build_grid(report, posts, charter)
    weeks = "".join(_week_table(days, grid, charter, lang) for days in grid.weeks)
    if grid.truncated_weeks:
        weeks += f'<p class="muted">{escape(words["more_weeks"].format(count=grid.truncated_weeks))}</p>'
    calendar = ""
    if grid.unpinned:
        calendar = (f'<section class="calendar-wide"><h2>{words["calendar"]}</h2><ul class="findings">'
                    + "".join(_finding_li(f, lang, True, year) for f in grid.unpinned) + "</ul></section>")
    listing = ("".join(_finding_li(f, lang, True, year) for f in report.findings[:MAX_LISTED])
               or f'<li class="clean-note">{words["clean"]}</li>')
    if len(report.findings) > MAX_LISTED:
        more = words["more_findings"].format(count=len(report.findings) - MAX_LISTED)
        listing += f'<li class="muted">{escape(more)}</li>'
    chart_section = charts(grid, charter, lang, report.commercial_scores)
    if suffix:
        chart_section = chart_section.replace('-chart"', f'-chart{suffix}"')
    return f"""<section class="weeks">{weeks}<p class="legend muted">{words["legend"]}</p></section>
{chart_section}
{calendar}
<section class="all"><h2>{words["all"]}</h2><ul class="findings listing">{listing}</ul></section>"""


#: Only pages of several brands carry it, so a one-brand page stays exactly as it was.
_BRAND_CSS = (".brand { border-top: 3px solid var(--ink); margin-top: 28px; padding-top: 4px; }"
              " .brand-name { font-size: 20px; } .brand > .summary { margin: 0 0 8px; }")


def _brands(report: Report, charters: dict, lang: str) -> str:
    """One section per charter of a report of several: its name, summary and own sections."""
    out = []
    for number, group in enumerate(report.groups, start=1):
        charter_line = escape(i18n.render("output.charter", lang, charter=group.charter))
        out.append(f'<section class="brand" id="brand-{number}"><h2 class="brand-name">{charter_line}</h2>'
                   f'<p class="summary">{escape(summary_line(group))}</p>\n'
                   f'{_brand_sections(group, group.read_posts, charters.get(group.charter), lang, f"-{number}")}'
                   "</section>")
    return "\n".join(out)


def render(report: Report, posts: Optional[Sequence[Post]] = None, charter=None, charters=None,
           **_options) -> str:
    """The page; a report of several charters gives each brand its section (``charters``: name → charter)."""
    lang = report.lang if report.lang in WORDS else "en"
    words = WORDS[lang]
    if len(report.groups) > 1:
        main = _brands(report, charters or {}, lang)
        charter_line = escape(i18n.plural("output.charters", len(report.groups), lang))
    else:
        main = _brand_sections(report, posts, charter, lang)
        charter_line = escape(i18n.render("output.charter", lang, charter=report.charter))
    summary = escape(summary_line(report))
    style = _asset("report.css") + (_BRAND_CSS if len(report.groups) > 1 else "")
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="chartercheck {__version__}">
<title>{words["title"]} — {escape(report.charter)}</title>
<style>{style}</style></head>
<body class="{"has-findings" if report.findings else "clean"}">
<header class="top"><h1>{words["title"]}</h1>
<p class="summary" id="summary">{summary}</p><p class="muted">{charter_line}</p></header>
{_filters(report, lang)}
<main>
{main}
</main>
<footer class="muted">{escape(words["generated"].format(version=__version__))}</footer>
<script>{_asset("report.js")}</script>
</body></html>
"""
