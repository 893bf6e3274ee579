"""Several brands in one run: calendars grouped by their nearest charter, each group linted on its own.

An agency keeps every client's charter beside its plans (``brands/velo/
chartercheck.yaml``, ``brands/cafe/pyproject.toml``...). Each calendar meets
the charter :mod:`.discovery` finds from the calendar's own folder. Calendars
that share a charter are linted together, so cadence counts a brand's last
week with this week; calendars of different charters never see each
other's posts. ``--charter`` puts every calendar in one group.

The engine runs each group as it runs a single charter. :func:`combine` then
sums the groups' reports into one: its findings are every group's, each
knowing its charter (:attr:`.Finding.charter`), ranked as one run ranks
them; its ``groups`` keeps each charter's own report for the formats that
give each brand its section. A run of one charter returns the engine's
report untouched, so its output is byte for byte what it always was.
"""
from __future__ import annotations

import heapq
import os
from dataclasses import dataclass, field, replace
from typing import Iterable, Optional, Sequence

from .discovery import discover, discover_charter
from .errors import Problem, UsageError
from .model import Finding, Report


@dataclass
class CalendarGroup:
    """Calendars judged against one charter.

    ``charter`` is the charter's path (None: the embedded default);
    ``config`` the ``pyproject.toml`` that named it, if one did.
    """

    charter: Optional[str]
    config: Optional[str] = None
    calendars: list[str] = field(default_factory=list)


def _identity(charter: Optional[str]) -> Optional[str]:
    """Two spellings of one charter file (``./a/x.yaml``, ``a/x.yaml``, a link) are one group."""
    return os.path.normcase(os.path.realpath(charter)) if charter else None


def group_by_charter(calendars: Iterable[str], charter: Optional[str] = None) -> list[CalendarGroup]:
    """``calendars`` grouped by their nearest charter, groups in the order of their first calendar.

    With ``charter`` (``--charter``) every calendar is in its one group.
    Standard input (``-``) looks for its charter from the current directory.
    """
    calendars = list(calendars)
    if charter is not None:
        return [CalendarGroup(charter, None, calendars)]
    found_in: dict[str, tuple[Optional[str], Optional[str]]] = {}  # folder → discovery, once per folder
    groups: dict[Optional[str], CalendarGroup] = {}
    for calendar in calendars:
        folder = os.getcwd() if calendar == "-" else os.path.dirname(os.path.abspath(calendar))
        if folder not in found_in:
            found_in[folder] = discover(folder)
        path, config = found_in[folder]
        group = groups.setdefault(_identity(path), CalendarGroup(path, config))
        group.calendars.append(calendar)
    return list(groups.values())


def one_charter(calendars: Sequence[str]) -> Optional[str]:
    """The nearest charter of ``calendars``, which must share it (``stats`` and ``fix`` take one brand).

    Without calendars, the charter discovered from the current directory.
    Raises :class:`UsageError` when the calendars belong to several charters.
    """
    groups = group_by_charter(calendars)
    if not groups:
        return discover_charter()
    if len(groups) > 1:
        names = ", ".join(group.charter or "embedded:default" for group in groups)
        raise UsageError(Problem(calendars[0], None, f"these calendars belong to several charters ({names})",
                                 hint="run the command once per brand, or give --charter",
                                 msgid="error.several_charters", params=(("charters", names),)))
    return groups[0].charter


def _tagged(report: Report) -> Report:
    """``report`` with each finding knowing its charter."""
    return replace(report, findings=tuple(replace(f, charter=report.charter) for f in report.findings))


def combine(reports: Sequence[Report], lang: Optional[str] = None) -> Report:
    """One report of the groups' ``reports`` (see the module's documentation).

    Counts and posts are summed, channels and days joined; findings are
    merged in :meth:`.Finding.sort_key` order, each group's already being
    in it. ``lang`` is the language of what belongs to no group (headings,
    the total); by default the first group's.
    """
    if len(reports) == 1:
        return reports[0]
    groups = tuple(_tagged(report) for report in reports)
    starts = [r.date_from for r in groups if r.date_from]
    ends = [r.date_until for r in groups if r.date_until]
    scores: dict = {}
    for report in groups:
        scores.update(report.commercial_scores)
    return Report(
        charter=", ".join(r.charter for r in groups),
        findings=tuple(heapq.merge(*(r.findings for r in groups), key=Finding.sort_key)),
        post_count=sum(r.post_count for r in groups),
        channels=tuple(sorted({c for r in groups for c in r.channels})),
        date_from=min(starts) if starts else None, date_until=max(ends) if ends else None,
        lang=lang or (groups[0].lang if groups else "en"),
        suppressed=sum(r.suppressed for r in groups),
        read_posts=tuple(p for r in groups for p in r.read_posts),
        commercial_scores=scores,
        dates_with_year=any(r.dates_with_year for r in groups),
        calendar_count=sum(r.calendar_count for r in groups),
        groups=groups)
