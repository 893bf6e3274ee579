"""Write moved posts back into an iCalendar file, touching only their start and end.

The file is edited as text, content line by content line, so every property
the plan does not move (descriptions, attendees, alarms, vendor ``X-``
properties, folding, line endings) stays byte for byte as it was:

* a single event, or an instance already overridden (``RECURRENCE-ID``), gets
  its ``DTSTART`` rewritten and its ``DTEND`` shifted by the same amount
  (a ``DURATION`` needs nothing);
* an instance of a recurring series is **never** an edit of the series: a
  new VEVENT with the same UID, ``RECURRENCE-ID`` set to the instance's
  original start and the new ``DTSTART`` is added right after the master,
  copying its other properties (RFC 5545 section 3.8.4.4). Other instances
  keep their rendez-vous.

Times are written the way the line wrote them: with its ``TZID``, in UTC
with ``Z``, or floating.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Optional

from ..errors import CalendarError, Problem
from ..model import Post
from ..readers.base import CalendarSource
from ..readers.ics_zones import zone_by_name

_SERIES_ONLY = ("RRULE", "RDATE", "EXDATE", "EXRULE")
_STAMP = re.compile(r"^(\d{8})T(\d{6})(Z?)$", re.I)
_TZID = re.compile(r";TZID=(\"[^\"]*\"|[^;:]*)", re.I)


@dataclass
class _Line:
    """One content line (with its folded continuation lines), as written."""

    raw: str                 # physical lines joined, line endings included
    first: int               # 1-based number of its first physical line

    @property
    def unfolded(self) -> str:
        return re.sub(r"\r?\n[ \t]", "", self.raw).rstrip("\r\n")

    @property
    def name(self) -> str:
        return re.split(r"[;:]", self.unfolded, maxsplit=1)[0].upper()

    @property
    def value(self) -> str:
        return _split(self.unfolded)[1]


@dataclass
class _Event:
    begin: int                       # index of BEGIN:VEVENT in the line list
    end: int                         # index of END:VEVENT
    own: list[int] = field(default_factory=list)   # indexes of its own properties (not alarms')

    def find(self, lines: list[_Line], name: str) -> Optional[int]:
        return next((i for i in self.own if lines[i].name == name), None)


def _split(unfolded: str) -> tuple[str, str]:
    """``DTSTART;TZID=X:2026...`` → (``DTSTART;TZID=X``, ``2026...``), quotes respected."""
    quoted = False
    for index, char in enumerate(unfolded):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return unfolded[:index], unfolded[index + 1:]
    return unfolded, ""


def _lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    for number, physical in enumerate(text.splitlines(keepends=True), 1):
        if physical[:1] in (" ", "\t") and out:
            out[-1].raw += physical
        else:
            out.append(_Line(physical, number))
    return out


def _events(lines: list[_Line]) -> dict[int, _Event]:
    """VEVENTs by the line number of their BEGIN (what the reader reports)."""
    events: dict[int, _Event] = {}
    current, depth = None, 0
    for index, line in enumerate(lines):
        text = line.unfolded.strip().upper()
        if text.startswith("BEGIN:"):
            if text == "BEGIN:VEVENT" and current is None:
                current, depth = _Event(index, index), 0
            elif current is not None:
                depth += 1
        elif text.startswith("END:") and current is not None:
            if depth == 0:
                current.end = index
                events[lines[current.begin].first] = current
                current = None
            else:
                depth -= 1
        elif current is not None and depth == 0:
            current.own.append(index)
    return events


def _calendar_zone(lines: list[_Line]) -> Optional[tzinfo]:
    for line in lines:
        if line.name == "X-WR-TIMEZONE":
            return zone_by_name(line.value.strip())
    return None


def _zone_of(line: _Line, instance: datetime, floating: list[tzinfo], exact: bool) -> tzinfo:
    """The zone a DTSTART line's value is written in, checked against the post's time."""
    head, value = _split(line.unfolded)
    stamp = _STAMP.match(value.strip())
    if stamp is None:
        raise ValueError(f"{value!r} is not a date-time (YYYYMMDDTHHMMSS)")
    if stamp.group(3):
        return timezone.utc
    wall = datetime.strptime(stamp.group(1) + stamp.group(2), "%Y%m%d%H%M%S")
    tzid = _TZID.search(head)
    candidates = [zone_by_name(tzid.group(1).strip('"'))] if tzid else []
    candidates += floating
    for zone in candidates:
        if zone is None:
            continue
        local = instance.astimezone(zone).replace(tzinfo=None)
        if local == wall or (not exact and local.time() == wall.time()):
            return zone
    # An unknown zone read through a stand-in: keep the offset the reader used.
    offset = wall - instance.astimezone(timezone.utc).replace(tzinfo=None)
    return timezone(offset) if exact else timezone(timedelta(seconds=round(offset.total_seconds() / 900) * 900))


def _with_time(line: _Line, name: str, moment: datetime, eol: str) -> str:
    """``line`` renamed to ``name`` and holding ``moment`` in the line's own style."""
    head, value = _split(line.unfolded)
    head = name + head[len(line.name):]
    if value.strip().upper().endswith("Z"):
        text = moment.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    else:
        text = moment.strftime("%Y%m%dT%H%M%S")
    return f"{head}:{text}{eol}"


def write_ics(source: CalendarSource, moves: list[tuple[Post, datetime]], tz) -> bytes:
    """``source`` with each moved post (or instance) at its new time."""
    bom = source.data.startswith(b"\xef\xbb\xbf")
    try:
        text, encoding = source.data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = source.data.decode("cp1252"), "cp1252"
    lines = _lines(text)
    eol = "\r\n" if lines and lines[0].raw.endswith("\r\n") else "\n"
    events = _events(lines)
    floating = [z for z in (_calendar_zone(lines), tz) if z is not None]
    replaced: dict[int, str] = {}
    inserted: dict[int, list[str]] = {}
    for post, new_at in moves:
        event = events.get(post.source.line or 0)
        start_index = event.find(lines, "DTSTART") if event else None
        if event is None or start_index is None:
            raise CalendarError(Problem(source.path, post.source.line,
                                        f"cannot find the event of post {post.id!r} to move it"))
        start = lines[start_index]
        recurring = event.find(lines, "RECURRENCE-ID") is None and any(
            event.find(lines, name) is not None for name in ("RRULE", "RDATE"))
        try:
            zone = _zone_of(start, post.at, floating, exact=not recurring)
            old_local, new_local = post.at.astimezone(zone), new_at.astimezone(zone)
            if recurring:
                block = _override(lines, event, start_index, old_local, new_local, eol)
                inserted.setdefault(event.end, []).append(block)
            else:
                replaced[start_index] = _with_time(start, "DTSTART", new_local, eol)
                end_index = event.find(lines, "DTEND")
                if end_index is not None:
                    replaced[end_index] = _end_line(lines[end_index], start, new_local, eol)
        except ValueError as exc:
            raise CalendarError(Problem(source.path, start.first, f"cannot move post {post.id!r}: {exc}")) from None
    pieces = []
    for index, line in enumerate(lines):
        pieces.append(replaced.get(index, line.raw))
        if index in inserted:
            if not line.raw.endswith(("\n", "\r")):
                pieces.append(eol)
            pieces.extend(inserted[index])
    data = "".join(pieces).encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def _wall(line: _Line) -> datetime:
    return datetime.strptime(_split(line.unfolded)[1].strip()[:15], "%Y%m%dT%H%M%S")


def _end_line(end: _Line, start: _Line, new_start: datetime, eol: str) -> str:
    """DTEND moved with its start (``new_start`` is in the start's zone), same length."""
    new_end = new_start + (_wall(end) - _wall(start))   # wall-clock length, as written
    return _with_time(end, "DTEND", new_end, eol)


def _override(lines: list[_Line], master: _Event, start_index: int, old_local: datetime,
              new_local: datetime, eol: str) -> str:
    """A VEVENT overriding one instance of ``master``: same UID and properties, new start."""
    start = lines[start_index]
    end_index = master.find(lines, "DTEND")
    out = [f"BEGIN:VEVENT{eol}"]
    for index in range(master.begin + 1, master.end):
        line = lines[index]
        if index in master.own and line.name in _SERIES_ONLY:
            continue
        if index == start_index:
            out.append(_with_time(start, "DTSTART", new_local, eol))
            out.append(_with_time(start, "RECURRENCE-ID", old_local, eol))
        elif index == end_index:
            out.append(_end_line(line, start, new_local, eol))
        else:
            out.append(line.raw if line.raw.endswith(("\n", "\r")) else line.raw + eol)
    out.append(f"END:VEVENT{eol}")
    return "".join(out)
