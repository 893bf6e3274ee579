"""The ``text`` format: findings grouped by post, most serious first, and a summary line.

Colour (ANSI) only when asked, which the CLI does only on a terminal.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .. import i18n
from ..model import Finding, Report, Severity

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
#: Severity labels are padded to this width so that codes line up.
_LABEL_WIDTH = max(len(s.label) for s in Severity)
#: Where a finding's time and hint lines start: under its code.
_DETAIL_INDENT = " " * (_LABEL_WIDTH + 4)


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _group_key(finding: Finding) -> tuple:
    loc = finding.location
    if loc.post_id is None:  # calendar-wide or charter finding: grouped by its own place
        return (loc.path or "", None, loc.line, None)
    # The occurrences of a recurring event share its id: each gets its own heading.
    return (loc.path or "", loc.post_id, None, loc.at)


def _heading(finding: Finding, lang: str, year: bool) -> str:
    loc = finding.location
    where = (loc.path or "") + (f":{loc.line}" if loc.line else "")
    parts = [where or "-"]
    if loc.post_id is not None:
        parts.append(loc.post_id)
        if loc.channel:
            parts.append(loc.channel)
        if loc.at:
            parts.append(i18n.format_datetime(loc.at, lang, year))
    else:
        label = "output.charter_wide" if finding.code.startswith("CC8") else "output.calendar_wide"
        parts.append(i18n.render(label, lang))
    return "  ".join(parts)


def summary_line(report: Report) -> str:
    """``3 errors, 5 warnings, 2 info in 48 posts (4 channels, 2026-11-23..2026-11-29)``."""
    counts = report.counts()
    lang = report.lang
    span = ""
    if report.date_from and report.date_until:
        span = f", {report.date_from.isoformat()}..{report.date_until.isoformat()}"
    if not report.post_count and not report.channels:  # e.g. `charter check`: no calendar at all
        text = ", ".join(i18n.plural(f"output.{kind}", counts[key], lang)
                         for kind, key in (("errors", "error"), ("warnings", "warning"), ("infos", "info")))
        return text + (i18n.render("output.suppressed", lang, count=report.suppressed) if report.suppressed else "")
    text = i18n.render("output.summary", lang, errors=i18n.plural("output.errors", counts["error"], lang),
                       warnings=i18n.plural("output.warnings", counts["warning"], lang),
                       infos=i18n.plural("output.infos", counts["info"], lang),
                       posts=i18n.plural("output.posts", report.post_count, lang),
                       channels=i18n.plural("output.channels", len(report.channels), lang), span=span)
    if report.suppressed:
        text += i18n.render("output.suppressed", lang, count=report.suppressed)
    return text


def _groups(report: Report) -> Iterable[list[Finding]]:
    """The findings by post (or place), in order of each group's first, most serious finding.

    A post's findings are spread through the ranked report, so they are
    gathered first; the groups hold the report's own findings, not copies.
    """
    groups: dict[tuple, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(_group_key(finding), []).append(finding)
    return groups.values()


def _group_text(findings: list[Finding], lang: str, color: bool, year: bool = False) -> str:
    """One group's lines: its heading, each finding (with its time and hint), then a blank line."""
    lines = [_paint(_heading(findings[0], lang, year), "1", color)]
    for finding in findings:
        label = _paint(finding.severity.label.ljust(_LABEL_WIDTH), _COLOURS[finding.severity], color)
        lines.append(f"  {label}  {finding.code} {finding.rule}: {finding.message}")
        if finding.location.post_id is None and finding.location.at:
            lines.append(_DETAIL_INDENT + i18n.format_datetime(finding.location.at, lang, year))
        if finding.hint:
            lines.append(_DETAIL_INDENT + _paint("→ " + finding.hint, "2", color))
    lines.append("\n")
    return "\n".join(lines)


def chunks(report: Report, color: bool = False, **_options) -> Iterator[str]:
    """The report in pieces: the charter line, then one piece per group, then the summary."""
    lang = report.lang
    yield i18n.render("output.charter", lang, charter=report.charter) + "\n\n"
    for findings in _groups(report):
        yield _group_text(findings, lang, color, report.dates_with_year)
    if not report.findings:
        yield i18n.render("output.clean", lang) + "\n\n"
    yield summary_line(report) + "\n"


def render(report: Report, color: bool = False, **options) -> str:
    return "".join(chunks(report, color=color, **options))
