"""The ``markdown`` format: a pull-request (or merge-request) comment.

A title with the verdict, the summary line, then a table of errors and
warnings; info findings fold into a ``<details>`` block so the comment stays
short. Very long reports are cut (GitHub refuses comments over 65,536
characters) with a line saying how many findings were left out.
"""
from __future__ import annotations

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


def _table(findings: list[Finding], words: dict) -> list[str]:
    head = [f"| {words['rule']} | {words['post']} | {words['where']} | {words['message']} |",
            "|---|---|---|---|"]
    return head + [_row(f, words) for f in findings]


def render(report: Report, **_options) -> str:
    words = LABELS.get(report.lang, LABELS["en"])
    counts = report.counts()
    if report.findings:
        icon = "❌" if counts["error"] else ("⚠️" if counts["warning"] else "ℹ️")
        title = f"## {icon} {words['title']}: {len(report.findings)} {words['failing']}"
    else:
        title = f"## ✅ {words['title']}"
    out = [title, "", summary_line(report), "", f"{words['charter']} `{report.charter}`", ""]
    if not report.findings:
        out += [words["clean"], ""]
        return "\n".join(out)
    shown = list(report.findings[:MAX_ROWS])
    serious = [f for f in shown if f.severity > Severity.INFO]
    infos = [f for f in shown if f.severity is Severity.INFO]
    if serious:
        out += _table(serious, words) + [""]
    if infos:
        out += ["<details>", f"<summary>{words['info'].format(count=counts['info'])}</summary>", ""]
        out += _table(infos, words) + ["", "</details>", ""]
    hidden = len(report.findings) - len(shown)
    if hidden:
        out += [words["more"].format(count=hidden), ""]
    return "\n".join(out)
