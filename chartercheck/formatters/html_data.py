"""What the HTML report shows, computed before any markup: the week grid and chart figures.

:func:`build_grid` places every post of the linted range in its (channel,
local day) cell and pins each finding to its post — or, for a finding about
the calendar as a whole, to the cell of its channel and day, or to a
"whole calendar" list. Without posts (a bare :class:`Report`), the grid is
rebuilt from the findings' own locations, so the page still works.

:func:`commercial_stats` and :func:`pillar_stats` feed the two charts; both
return None when they cannot be computed, and the page says so.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Optional, Sequence

from ..model import Finding, Post, Report

#: Most weeks drawn; a year-long calendar still renders, the rest is listed as findings.
MAX_WEEKS = 12


@dataclass
class Entry:
    """One post as drawn in the grid, with the findings pinned to it."""

    id: str
    channels: tuple[str, ...]
    at: datetime  # local to the brand
    text: str = ""
    pillar: Optional[str] = None
    findings: list[Finding] = field(default_factory=list)

    def findings_for(self, channel: str) -> list[Finding]:
        """Findings shown in ``channel``'s row: those about that channel, or about no
        channel of the post (shown in its first row) — never twice."""
        first = self.channels[0] if self.channels else channel
        return [f for f in self.findings
                if f.location.channel == channel
                or (channel == first and f.location.channel not in self.channels)]


@dataclass
class Grid:
    """The weeks drawn, the channels (rows), entries per cell and unpinned findings."""

    weeks: list[list[date]]
    channels: list[str]
    cells: dict[tuple[str, date], list[Entry]]
    notes: dict[tuple[str, date], list[Finding]]
    unpinned: list[Finding]
    in_range: tuple[Optional[date], Optional[date]]
    truncated_weeks: int = 0
    entries: list[Entry] = field(default_factory=list)


def report_zone(charter, report: Report) -> tzinfo:
    """The brand's zone (charter), else the zone findings were written in, else UTC."""
    if charter is not None and getattr(charter, "tz", None) is not None:
        return charter.tz
    for finding in report.findings:
        if finding.location.at is not None and finding.location.at.tzinfo is not None:
            return finding.location.at.tzinfo
    return timezone.utc


def _span(report: Report, entries: list[Entry], findings: Sequence[Finding]) -> tuple[Optional[date], Optional[date]]:
    days = [e.at.date() for e in entries] + [f.location.at.date() for f in findings if f.location.at]
    first = report.date_from or (min(days) if days else None)
    last = report.date_until or (max(days) if days else None)
    return first, last


def entries_from_posts(posts: Sequence[Post], zone: tzinfo) -> list[Entry]:
    """Posts as grid entries on the brand's wall clock, sorted by time."""
    out = [Entry(p.id, tuple(dict.fromkeys(p.channels)), p.at.astimezone(zone), p.text or p.title or "",
                 p.pillar) for p in posts]
    out.sort(key=lambda e: (e.at, e.channels, e.id))
    return out


def _entries(report: Report, posts: Optional[Sequence[Post]], zone: tzinfo) -> list[Entry]:
    if posts is not None:
        return entries_from_posts(posts, zone)
    seen: dict[str, Entry] = {}  # no posts given: rebuild them from where findings point
    for f in report.findings:
        loc = f.location
        if loc.post_id is None or loc.at is None:
            continue
        entry = seen.setdefault(loc.post_id, Entry(loc.post_id, (), loc.at.astimezone(zone)))
        if loc.channel and loc.channel not in entry.channels:
            entry.channels += (loc.channel,)
    out = list(seen.values())
    out.sort(key=lambda e: (e.at, e.channels, e.id))
    return out


def build_grid(report: Report, posts: Optional[Sequence[Post]] = None, charter=None) -> Grid:
    """Place posts and findings on the week-by-channel grid."""
    zone = report_zone(charter, report)
    entries = _entries(report, posts, zone)
    first, last = _span(report, entries, report.findings)
    if first is not None and last is not None:
        entries = [e for e in entries if first <= e.at.date() <= last]
    by_id: dict[str, list[Entry]] = {}
    for entry in entries:
        by_id.setdefault(entry.id, []).append(entry)
    cells: dict[tuple[str, date], list[Entry]] = {}
    for entry in entries:
        for channel in entry.channels or ("-",):
            cells.setdefault((channel, entry.at.date()), []).append(entry)
    notes: dict[tuple[str, date], list[Finding]] = {}
    unpinned: list[Finding] = []
    channels = list(dict.fromkeys(list(report.channels) + [c for e in entries for c in e.channels]))
    for finding in report.findings:
        loc = finding.location
        candidates = by_id.get(loc.post_id, []) if loc.post_id is not None else []
        if candidates:
            # A recurring event keeps its UID on every instance: pick the one at the finding's time.
            match = next((e for e in candidates if loc.at and e.at == loc.at.astimezone(zone)), candidates[0])
            match.findings.append(finding)
        elif loc.channel and loc.at and loc.channel in channels and first and last \
                and first <= loc.at.astimezone(zone).date() <= last:
            notes.setdefault((loc.channel, loc.at.astimezone(zone).date()), []).append(finding)
        else:
            unpinned.append(finding)
    weeks: list[list[date]] = []
    truncated = 0
    if first is not None and last is not None:
        monday = first - timedelta(days=first.weekday())
        while monday <= last:
            if len(weeks) < MAX_WEEKS:
                weeks.append([monday + timedelta(days=i) for i in range(7)])
            else:
                truncated += 1
            monday += timedelta(days=7)
    if any(c == "-" for c, _ in cells):
        channels.append("-")
    return Grid(weeks, channels, cells, notes, unpinned, (first, last), truncated, entries)


@dataclass(frozen=True)
class CommercialStats:
    """Commercial posts per day and overall, against the charter's ``max_share``."""

    days: tuple[tuple[date, int, int], ...]  # (day, posts, commercial posts)
    total: int
    commercial: int
    max_share: Optional[float]
    threshold: float

    @property
    def share(self) -> float:
        return self.commercial / self.total if self.total else 0.0


def commercial_stats(entries: Sequence[Entry], charter, days: Sequence[date] = (),
                     scores: Optional[dict] = None) -> Optional[CommercialStats]:
    """Share of posts whose commercial score is above ``tone.commercial.max_score``
    (per day of ``days`` plus any day holding a post). ``scores`` (text → score)
    are those the lint already computed; only texts missing there are analysed."""
    if charter is None or not entries or all(not e.text for e in entries):
        return None
    from ..rules.context import text_options
    from ..text.facts import analyze
    scores = scores or {}
    options = text_options(charter)
    threshold = float(charter.get("tone.commercial.max_score", 0.6))
    per_day: dict[date, list[int]] = {day: [0, 0] for day in days}
    for entry in entries:
        if not entry.text:
            score = 0.0
        elif entry.text in scores:
            score = scores[entry.text]
        else:
            score = analyze(entry.text, *options).commercial_score
        counts = per_day.setdefault(entry.at.date(), [0, 0])
        counts[0] += 1
        counts[1] += score > threshold
    days = tuple((day, n, c) for day, (n, c) in sorted(per_day.items()))
    share = charter.get("tone.commercial.max_share")
    return CommercialStats(days, sum(d[1] for d in days), sum(d[2] for d in days),
                           float(share) if share is not None else None, threshold)


@dataclass(frozen=True)
class PillarShare:
    pillar: str
    posts: int
    share: float
    min: Optional[float] = None
    max: Optional[float] = None


def _keyword_pillar(text: str, pillars: list[dict]) -> Optional[str]:
    from ..text.normalize import fold, tokenize
    words = set(tokenize(text))
    folded = " " + fold(text) + " "
    for pillar in pillars:
        for keyword in pillar.get("keywords") or ():
            key = fold(str(keyword))
            if key in words or (" " in key and f" {key} " in folded):
                return pillar["id"]
    return None


def pillar_stats(entries: Sequence[Entry], charter) -> Optional[list[PillarShare]]:
    """Posts per pillar (declared, else the first pillar whose keyword the text holds)."""
    pillars = list(charter.get("positioning.pillars", [])) if charter is not None else []
    if not pillars or not entries:
        return None
    known = [p["id"] for p in pillars]
    counts: Counter = Counter()
    for entry in entries:
        declared = entry.pillar if entry.pillar in known else _keyword_pillar(entry.text, pillars)
        counts[declared or ""] += 1
    total = sum(counts.values())
    out = [PillarShare(p["id"], counts[p["id"]], counts[p["id"]] / total,
                       (p.get("share") or {}).get("min"), (p.get("share") or {}).get("max")) for p in pillars]
    if counts[""]:
        out.append(PillarShare("", counts[""], counts[""] / total))
    return out

