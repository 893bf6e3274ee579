"""The ``markdown`` format: a pull-request (or merge-request) comment.

A title with the verdict, the summary line, then a table of errors and
warnings; info findings fold into a ``<details>`` block so the comment stays
short. Very long reports are cut (GitHub refuses comments over 65,536
characters) with a line saying how many findings were left out.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Finding, Report, Severity
from ..rules.triage import short_id
from .repeats import FIRST_SHOWN, Repeated, collapse
from .text import summary_line

#: Findings listed in full; the rest are counted. Keeps the comment under GitHub's size limit.
MAX_ROWS = 150
ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}
LABELS = {
    "en": {"title": "chartercheck", "clean": "No findings: the calendar follows the charter.",
           "failing": "findings to fix before publication", "where": "Where", "post": "Post",
           "rule": "Rule", "message": "Message", "severity": "Severity", "info": "Info ({count})",
           "more": "… and {count} more findings (see the full report).", "charter": "Charter:",
           "charters": "Charters:", "calendar": "whole calendar", "repeated": "{count} posts",
           "every": "every one: `--verbose` or `--format json`"},
    "fr": {"title": "chartercheck", "clean": "Aucun problème : le calendrier respecte la charte.",
           "failing": "points à corriger avant publication", "where": "Où", "post": "Publication",
           "rule": "Règle", "message": "Message", "severity": "Gravité", "info": "Infos ({count})",
           "more": "… et {count} autres points (voir le rapport complet).", "charter": "Charte :",
           "charters": "Chartes :", "calendar": "tout le calendrier", "repeated": "{count} publications",
           "every": "toutes : `--verbose` ou `--format json`"},
}


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell (pipes, newlines, HTML)."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("|", "\\|").replace("\r", "").replace("\n", "<br>"))


def _row(finding: Finding, words: dict) -> str:
    loc = finding.location
    where = f"`{loc.path}:{loc.line}`" if loc.path and loc.line else (f"`{loc.path}`" if loc.path else "")
    if loc.post_id is not None:
        post = f"**{cell(loc.post_id)}**" + (f" {cell(loc.channel)}" if loc.channel else "")
    else:
        post = f"*{words['calendar']}*" + (f" {cell(loc.channel)}" if loc.channel else "")
    if loc.at:
        post += f"<br>{loc.at.strftime('%Y-%m-%d %H:%M')}"
    message = cell(finding.message) + (f"<br>→ {cell(finding.hint)}" if finding.hint else "")
    rule = f"{ICONS[finding.severity]} `{finding.code}` {finding.rule}"
    return f"| {rule} | {post} | {where} | {message} |"


def _repeated_row(item: Repeated, words: dict) -> str:
    """One row for the same finding on many posts: how many, and the first of them."""
    finding = item.first
    paths = item.paths
    where = ", ".join(f"`{path}`" for path in paths[:FIRST_SHOWN] if path)
    shown = ", ".join(cell(short_id(str(f.location.post_id))) for f in item.findings[:FIRST_SHOWN])
    more = f", … ({words['every']})" if len(item.findings) > FIRST_SHOWN else ""
    post = f"**{words['repeated'].format(count=len(item.findings))}**<br>{shown}{more}"
    message = cell(finding.message) + (f"<br>→ {cell(finding.hint)}" if finding.hint else "")
    return f"| {ICONS[finding.severity]} `{finding.code}` {finding.rule} | {post} | {where} | {message} |"


def _table(items: list, words: dict) -> Iterator[str]:
    """The table's lines: head, rule, one row per finding (or repeated finding)."""
    yield f"| {words['rule']} | {words['post']} | {words['where']} | {words['message']} |"
    yield "|---|---|---|---|"
    for item in items:
        yield _repeated_row(item, words) if isinstance(item, Repeated) else _row(item, words)


def _severity(item) -> Severity:
    return item.first.severity if isinstance(item, Repeated) else item.severity


def _lines(report: Report, verbose: bool = False) -> Iterator[str]:
    """The comment's lines: title, summary, charter, then the tables or the all-clear; the last is blank."""
    words = LABELS.get(report.lang, LABELS["en"])
    counts = report.counts()
    if report.findings:
        icon = "❌" if counts["error"] else ("⚠️" if counts["warning"] else "ℹ️")
        yield f"## {icon} {words['title']}: {len(report.findings)} {words['failing']}"
    else:
        yield f"## ✅ {words['title']}"
    if len(report.groups) > 1:  # several brands: each charter with its own summary
        yield from ("", summary_line(report), "", words["charters"], "")
        yield from (f"- `{group.charter}`: {summary_line(group)}" for group in report.groups)
        yield ""
    else:
        yield from ("", summary_line(report), "", f"{words['charter']} `{report.charter}`", "")
    if not report.findings:
        yield from (words["clean"], "")
        return
    items = list(report.findings) if verbose else collapse(report.findings)
    shown = items[:MAX_ROWS]
    serious = [f for f in shown if _severity(f) > Severity.INFO]
    infos = [f for f in shown if _severity(f) is Severity.INFO]
    if serious:
        yield from _table(serious, words)
        yield ""
    if infos:
        yield from ("<details>", f"<summary>{words['info'].format(count=counts['info'])}</summary>", "")
        yield from _table(infos, words)
        yield from ("", "</details>", "")
    hidden = sum(len(item.findings) if isinstance(item, Repeated) else 1 for item in items[MAX_ROWS:])
    if hidden:
        yield words["more"].format(count=hidden)
        yield ""


def chunks(report: Report, verbose: bool = False, **_options) -> Iterator[str]:
    """The comment line by line (it is short: at most ``MAX_ROWS`` rows are listed).

    The same finding on many posts is one row with its count, unless ``verbose``.

    Lines are joined by newlines; the last one, always empty, ends the comment with one.
    """
    separator = ""
    for line in _lines(report, verbose):
        yield separator + line
        separator = "\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
