"""The text of an iCalendar file before and around ``icalendar``'s parser.

Decoding, the repairs that keep one bad line from losing a whole file, and
the line numbers icalendar does not keep: each VEVENT's BEGIN line and the
lines of its own properties, so findings point into the file.
"""
from __future__ import annotations

import re
import warnings

from ..errors import CalendarError, Problem
from .base import CalendarSource
from .ics_lines import logical_lines, unfold
from .normalize import EntryReader

_VTIMEZONE = re.compile(r"^BEGIN:VTIMEZONE\s*$.*?^END:VTIMEZONE\s*$\n?", re.I | re.M | re.S)
_BEGIN = re.compile(r"^BEGIN:(\S+?)\s*$", re.I)
_END = re.compile(r"^END:(\S+?)\s*$", re.I)
_FIELD_PROPS = {"DTSTART": "at", "DESCRIPTION": "text", "SUMMARY": "title", "CATEGORIES": "channel",
                "X-CHARTERCHECK-CHANNEL": "channel", "ORGANIZER": "author", "STATUS": "status"}


def parse(text: str, path: str, reader: EntryReader) -> list:
    """icalendar's parse; a file whose VTIMEZONEs break it is read again without them."""
    import icalendar

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return icalendar.Calendar.from_ical(text, multiple=True)
        except Exception as exc:  # noqa: BLE001 - icalendar raises several kinds
            first_error = exc
        without_zones = _VTIMEZONE.sub("", text)
        if without_zones != text:
            try:
                calendars = icalendar.Calendar.from_ical(without_zones, multiple=True)
            except Exception:  # noqa: BLE001
                pass
            else:
                reader.problem("CC901", None, message="vtimezone", reason=str(first_error)[:160])
                return calendars
    raise CalendarError(Problem(path, None, f"not a readable iCalendar file: {first_error}",
                                hint="export the calendar again as .ics (RFC 5545)"))


def repaired(text: str, reader: EntryReader) -> str:
    """Drop lines that are not content lines, close an unclosed VCALENDAR; report both.

    Real exports carry stray lines (a lone ``X``) and truncated files; icalendar
    rejects the whole file for either, while one lost line is all that is wrong.
    """
    kept, opened, closed = [], 0, 0
    for number, lines in logical_lines(text.splitlines()):
        if ":" not in unfold(lines):
            reader.problem("CC901", number, message="line", content=lines[0].strip()[:40])
            continue
        upper = lines[0].strip().upper()
        opened += upper == "BEGIN:VCALENDAR"
        closed += upper == "END:VCALENDAR"
        kept.extend(lines)
    if opened > closed:
        reader.problem("CC901", len(kept), message="unclosed")
        kept.extend(["END:VCALENDAR"] * (opened - closed))
    return "\r\n".join(kept) + "\r\n"


def decode(source: CalendarSource, reader: EntryReader) -> str:
    try:
        return source.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        reader.problem("CC914", None, encoding="windows-1252")
        return source.data.decode("cp1252", errors="replace")


def event_blocks(text: str) -> list[tuple[int, tuple]]:
    """Each VEVENT's BEGIN line and the lines of its own properties (not its alarms')."""
    blocks: list[tuple[int, tuple]] = []
    depth, current, fields = 0, None, {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        begin = _BEGIN.match(line)
        if begin:
            if begin.group(1).upper() == "VEVENT" and current is None:
                current, depth, fields = number, 0, {}
            elif current is not None:
                depth += 1
            continue
        end = _END.match(line)
        if end and current is not None:
            if depth == 0:
                blocks.append((current, tuple(fields.items())))
                current = None
            else:
                depth -= 1
            continue
        if current is not None and depth == 0 and raw[:1] not in (" ", "\t"):
            name = re.split(r"[;:]", line, maxsplit=1)[0].upper()
            if name in _FIELD_PROPS and _FIELD_PROPS[name] not in fields:
                fields[_FIELD_PROPS[name]] = number
    return blocks
