"""The ``text`` format: findings grouped by post, most serious first, and a summary line.

Colour (ANSI) only when asked, which the CLI does only on a terminal.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

from .. import i18n
from ..model import Finding, Report, Severity
from ..rules.triage import short_id
from .repeats import FIRST_SHOWN, Repeated, collapse

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def severity_label(severity: Severity, lang: str) -> str:
    """``warning`` / ``avertissement``: the severity in the report's language."""
    return i18n.render(f"output.severity.{severity.label}", lang)


@lru_cache(maxsize=None)
def _label_width(lang: str) -> int:
    """Severity labels are padded to this width so that codes line up."""
    return max(len(severity_label(s, lang)) for s in Severity)


def _detail_indent(lang: str) -> str:
    """Where a finding's time and hint lines start: under its code."""
    return " " * (_label_width(lang) + 4)


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
    if not report.post_count and not report.channels and not report.calendar_count:  # `charter check`
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


def _groups(report: Report, verbose: bool = False) -> Iterable[list]:
    """The findings by post (or place), in order of each group's first, most serious finding.

    A post's findings are spread through the ranked report, so they are
    gathered first; the groups hold the report's own findings, not copies.
    Unless ``verbose``, the same finding on many posts is one group of its
    own (a :class:`.repeats.Repeated`).
    """
    groups: dict[tuple, list] = {}
    items = report.findings if verbose else collapse(report.findings)
    for item in items:
        if isinstance(item, Repeated):
            groups[("repeated", id(item))] = [item]
        else:
            groups.setdefault(_group_key(item), []).append(item)
    return groups.values()


def _occurrence(finding: Finding, lang: str, year: bool) -> str:
    loc = finding.location
    name = short_id(str(loc.post_id))
    return f"{name} ({i18n.format_datetime(loc.at, lang, year)})" if loc.at else name


def _repeated_text(item: Repeated, lang: str, color: bool, year: bool) -> str:
    """A finding repeated on many posts: the finding once, then how many posts and the first ones."""
    finding, count = item.first, len(item.findings)
    paths = item.paths
    where = paths[0] if len(paths) == 1 else ", ".join(paths)
    heading = f"{where}  {i18n.render('output.repeated_heading', lang, count=count)}"
    label = _paint(severity_label(finding.severity, lang).ljust(_label_width(lang)), _COLOURS[finding.severity], color)
    first = ", ".join(_occurrence(f, lang, year) for f in item.findings[:FIRST_SHOWN])
    if count > FIRST_SHOWN:
        first += i18n.render("output.repeated_more", lang)
    lines = [_paint(heading, "1", color),
             f"  {label}  {finding.code} {finding.rule}: {finding.message}",
             _detail_indent(lang) + i18n.render("output.repeated_posts", lang, count=count, first=first)]
    if finding.hint:
        lines.append(_detail_indent(lang) + _paint("→ " + finding.hint, "2", color))
    lines.append("\n")
    return "\n".join(lines)


def _group_text(findings: list[Finding], lang: str, color: bool, year: bool = False) -> str:
    """One group's lines: its heading, each finding (with its time and hint), then a blank line."""
    lines = [_paint(_heading(findings[0], lang, year), "1", color)]
    width, indent = _label_width(lang), _detail_indent(lang)
    for finding in findings:
        label = _paint(severity_label(finding.severity, lang).ljust(width), _COLOURS[finding.severity], color)
        lines.append(f"  {label}  {finding.code} {finding.rule}: {finding.message}")
        if finding.location.post_id is None and finding.location.at:
            lines.append(indent + i18n.format_datetime(finding.location.at, lang, year))
        if finding.hint:
            lines.append(indent + _paint("→ " + finding.hint, "2", color))
    lines.append("\n")
    return "\n".join(lines)


def chunks(report: Report, color: bool = False, verbose: bool = False, **_options) -> Iterator[str]:
    """The report in pieces: the charter line, then one piece per group, then the summary.

    A report of several charters is one such section per charter, then a total line.

    The same finding on many posts is written once with its count and first
    posts, unless ``verbose``.
    """
    if len(report.groups) > 1:  # several brands: each charter's section and summary, then the total
        for group in report.groups:
            yield from chunks(group, color=color, verbose=verbose)
            yield "\n"
        yield i18n.render("output.total", report.lang, summary=summary_line(report),
                          charters=i18n.plural("output.charters", len(report.groups), report.lang)) + "\n"
        return
    lang = report.lang
    year = report.dates_with_year
    yield i18n.render("output.charter", lang, charter=report.charter) + "\n\n"
    for group in _groups(report, verbose):
        if isinstance(group[0], Repeated):
            yield _repeated_text(group[0], lang, color, year)
        else:
            yield _group_text(group, lang, color, year)
    if not report.findings:
        yield i18n.render("output.clean", lang) + "\n\n"
    yield summary_line(report) + "\n"


def render(report: Report, color: bool = False, **options) -> str:
    return "".join(chunks(report, color=color, **options))
