"""Time zone definitions (VTIMEZONE) kept to the years a calendar needs.

``dateutil`` answers "what offset at this time?" for a custom zone by
walking each STANDARD and DAYLIGHT rule from its DTSTART to that time, and
keeps every step it made. Outlook writes ``DTSTART:16010101T...`` with a
yearly rule: four centuries of steps per rule, harmless; but thirty rules
repeating daily from 1601 took 14 s and 286 MB, and ``FREQ=SECONDLY`` ran
away. Before the file is parsed, each rule of each VTIMEZONE is therefore
brought to the calendar's years, in its text:

* a rule repeating more often than monthly is no time zone rule (a zone
  changes offset a few times a year at most): it is read as the single
  change at its DTSTART (CC905);
* a rule that cannot occur in the years after the calendar's first date
  (the 30th of February) is read the same way (CC905);
* a yearly or monthly rule starting long before the calendar's first date
  starts the year before it instead: same month, day and time, whole
  periods later, hence the same changes where the calendar has times.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, datetime
from math import gcd
from typing import Optional

from .ics_bounds import first_possible_day, week_numbers_outside_yearly
from .normalize import EntryReader

_DATE_PROPS = re.compile(r"^(?:DTSTART|DTEND|DUE|RECURRENCE-ID|RDATE|EXDATE)[;:][^\r\n]*?(\d{4})(\d{2})(\d{2})",
                         re.I | re.M)
_STAMP = re.compile(r"(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})")
_ZONE_RULE_FREQS = ("YEARLY", "MONTHLY")


_VTIMEZONE = re.compile(r"^BEGIN:VTIMEZONE[ \t]*\r?$.*?^END:VTIMEZONE[ \t]*\r?$", re.I | re.M | re.S)


def bounded_zones(text: str, reader: EntryReader, floor: Optional[date] = None) -> str:
    """``text`` with each VTIMEZONE rule brought to the calendar's years (see the module docstring).

    ``floor`` is the earliest date the reader will look at, when known
    (``--from``); the earliest date of the calendar's own events counts too.
    Only the VTIMEZONE blocks are rewritten; a file without one is returned as is.
    """
    zones = [match.span() for match in _VTIMEZONE.finditer(text)]
    if not zones:
        return text
    floor = _earliest(text, zones, floor)
    if floor is None:
        return text
    return _VTIMEZONE.sub(lambda match: _bounded_zone(match.group(0), floor, reader), text)


def bounded_zone(zone_text: str, floor: Optional[date], reader: EntryReader) -> str:
    """One VTIMEZONE block brought to the years from ``floor`` on, as :func:`bounded_zones`
    brings each (``floor``: the earliest date it would find; None leaves the block as is)."""
    return zone_text if floor is None else _bounded_zone(zone_text, floor, reader)


def _bounded_zone(zone_text: str, floor: date, reader: EntryReader) -> str:
    """One VTIMEZONE block, each of its STANDARD and DAYLIGHT rules bounded."""
    out: list[str] = []
    block: Optional[list[str]] = None
    zone = ""
    for line in zone_text.split("\r\n"):
        upper = line.upper()
        if upper.startswith("TZID") and block is None:
            zone = line.split(":", 1)[-1].strip()
        elif upper.startswith(("BEGIN:STANDARD", "BEGIN:DAYLIGHT")):
            out.append(line)
            block = []
            continue
        elif block is not None and upper.startswith(("END:STANDARD", "END:DAYLIGHT")):
            out.extend(_bounded_block(block, zone, floor, reader))
            block = None
        if block is not None:
            block.append(line)
        else:
            out.append(line)
    return "\r\n".join(out)


def _earliest(text: str, zones: list[tuple[int, int]], floor: Optional[date]) -> Optional[date]:
    """The earliest date of the events' own times (the VTIMEZONE blocks' excluded), or ``floor``."""
    earliest = floor
    starts = [start for start, _ in zones]
    for match in _DATE_PROPS.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < zones[index][1]:
            continue
        try:
            day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            continue
        earliest = day if earliest is None or day < earliest else earliest
    return earliest


def _logical(block: list[str]) -> list[list[str]]:
    """The block's content lines, each with its folded continuation lines."""
    grouped: list[list[str]] = []
    for line in block:
        if line[:1] in (" ", "\t") and grouped:
            grouped[-1].append(line)
        else:
            grouped.append([line])
    return grouped


def _bounded_block(block: list[str], zone: str, floor: date, reader: EntryReader) -> list[str]:
    """One STANDARD or DAYLIGHT block's lines, its rule bounded."""
    import icalendar

    grouped = _logical(block)
    start_at = rule_at = None
    for index, parts in enumerate(grouped):
        name = re.split(r"[;:]", parts[0], maxsplit=1)[0].upper()
        if name == "DTSTART":
            start_at = index
        elif name == "RRULE":
            rule_at = index
    if start_at is None or rule_at is None:
        return block
    start_line = "".join(p[1:] if i else p for i, p in enumerate(grouped[start_at]))
    rule_text = "".join(p[1:] if i else p for i, p in enumerate(grouped[rule_at])).split(":", 1)[-1]
    stamp = _STAMP.search(start_line.split(":", 1)[-1])
    try:
        start = datetime(*(int(g) for g in stamp.groups())) if stamp else None
        rule = icalendar.vRecur.from_ical(rule_text.strip())
    except (ValueError, TypeError):
        start, rule = None, None
    if start is None or rule is None:
        return block  # icalendar reports what it cannot read
    freq = str((rule.get("FREQ") or [""])[0]).upper()
    single = None
    try:
        if freq not in _ZONE_RULE_FREQS:
            single = "zone_rule_freq"
        elif week_numbers_outside_yearly(rule):
            single = "zone_rule_never"
        elif first_possible_day(rule, start.date(), max(floor, start.date())) is None:
            single = "zone_rule_never"
        interval = int(str((rule.get("INTERVAL") or [1])[0]) or 1)
    except (ValueError, TypeError):
        return block  # a rule part nobody can read: icalendar reports it
    if single:
        reader.problem("CC905", None, message=single, zone=zone, freq=freq, rule=rule_text.strip()[:80],
                       start=start.strftime("%Y-%m-%d %H:%M"), key=f"{zone}:{rule_text.strip()[:80]}",
                       field="VTIMEZONE")
        del grouped[rule_at]
    elif "COUNT" not in rule:
        moved = _moved(start, floor, freq, interval)
        if moved is not None:
            prefix = start_line.split(":", 1)[0]
            grouped[start_at] = [f"{prefix}:{moved:%Y%m%dT%H%M%S}"]
    return [line for parts in grouped for line in parts]


def _moved(start: datetime, floor: date, freq: str, interval: int) -> Optional[datetime]:
    """``start`` moved by whole periods to the year before ``floor``; None when not worth it or not exact."""
    years = floor.year - 1 - start.year
    step = max(1, interval) if freq == "YEARLY" else max(1, interval) // gcd(12, max(1, interval))
    years -= years % step
    if years <= 0:
        return None
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # the 29th of February of a year that has none
        return None
