"""The ``markdown`` format: a pull-request (or merge-request) comment.

A title with the verdict, the summary line, then a table of errors and
warnings; info findings fold into a ``<details>`` block so the comment stays
short. Very long reports are cut (GitHub refuses comments over 65,536
characters) with a line saying how many findings were left out.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Finding, Report, Severity
from .text import summary_line

#: Findings listed in full; the rest are counted. Keeps the comment under GitHub's size limit.
MAX_ROWS = 150
ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}
LABELS = {
    "en": {"title": "chartercheck", "clean": "No findings: the calendar follows the charter.",
           "failing": "findings to fix before publication", "where": "Where", "post": "Post",
           "rule": "Rule", "message": "Message", "severity": "Severity", "info": "Info ({count})",
           "more": "… and {count} more findings (see the full report).", "charter": "Charter:",
           "calendar": "whole calendar"},
    "fr": {"title": "chartercheck", "clean": "Aucun problème : le calendrier respecte la charte.",
           "failing": "points à corriger avant publication", "where": "Où", "post": "Publication",
           "rule": "Règle", "message": "Message", "severity": "Gravité", "info": "Infos ({count})",
           "more": "… et {count} autres points (voir le rapport complet).", "charter": "Charte :",
           "calendar": "tout le calendrier"},
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


def _table(findings: list[Finding], words: dict) -> Iterator[str]:
    """The table's lines: head, rule, one row per finding."""
    yield f"| {words['rule']} | {words['post']} | {words['where']} | {words['message']} |"
    yield "|---|---|---|---|"
    for finding in findings:
        yield _row(finding, words)


def _lines(report: Report) -> Iterator[str]:
    """The comment's lines: title, summary, charter, then the tables or the all-clear; the last is blank."""
    words = LABELS.get(report.lang, LABELS["en"])
    counts = report.counts()
    if report.findings:
        icon = "❌" if counts["error"] else ("⚠️" if counts["warning"] else "ℹ️")
        yield f"## {icon} {words['title']}: {len(report.findings)} {words['failing']}"
    else:
        yield f"## ✅ {words['title']}"
    yield from ("", summary_line(report), "", f"{words['charter']} `{report.charter}`", "")
    if not report.findings:
        yield from (words["clean"], "")
        return
    shown = report.findings[:MAX_ROWS]
    serious = [f for f in shown if f.severity > Severity.INFO]
    infos = [f for f in shown if f.severity is Severity.INFO]
    if serious:
        yield from _table(serious, words)
        yield ""
    if infos:
        yield from ("<details>", f"<summary>{words['info'].format(count=counts['info'])}</summary>", "")
        yield from _table(infos, words)
        yield from ("", "</details>", "")
    hidden = len(report.findings) - len(shown)
    if hidden:
        yield words["more"].format(count=hidden)
        yield ""


def chunks(report: Report, **_options) -> Iterator[str]:
    """The comment line by line (it is short: at most ``MAX_ROWS`` findings are listed).

    Lines are joined by newlines; the last one, always empty, ends the comment with one.
    """
    separator = ""
    for line in _lines(report):
        yield separator + line
        separator = "\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
