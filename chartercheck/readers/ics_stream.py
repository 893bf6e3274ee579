"""Reading an iCalendar file event by event, in two passes over its lines.

icalendar parses a whole file into objects before the first event can be
read: 100,000 events held 700 MB. Here the file's bytes are read twice,
line by line, and never held as objects:

1. **a survey** checks the file has the shape this module reads (below),
   reports the lines :func:`.ics_text.repaired` drops, and gathers what
   events depend on but may come after them: each calendar's own
   properties (``X-WR-TIMEZONE``), its VTIMEZONE blocks (Outlook and others
   write them after the events), the earliest date of the events (which
   the VTIMEZONE rules are brought to, see :mod:`.ics_zone_rules`), and
   how many dates the RDATE/EXDATE lists hold (see :mod:`.ics_date_lists`);
   the time zones are then parsed, by icalendar, and known to it;
2. **the reading** takes each VEVENT as it ends: its properties are read
   when asked (:mod:`.ics_lite`), its times settled (:mod:`.ics_zones`) and
   it is handed to :class:`~.ics_events.EventSink`, which makes the post at
   once unless the event belongs to a recurring series. A series' events
   (master and ``RECURRENCE-ID`` overrides, grouped by UID) are parsed by
   icalendar and kept until the end, when they are expanded.

The shape read this way is the shape exporters write: VCALENDAR blocks
holding properties, VEVENTs (with alarms or other components inside),
VTIMEZONEs and other components, each closed by its own END line, every
BEGIN/END line written plainly. Anything else — content outside a
VCALENDAR, an event inside another component, a component icalendar
refuses, a BEGIN hidden in a folded line, date lists over their budget —
raises :class:`Unsupported`, and the file is read whole by
:mod:`.ics_whole`, as icalendar reads it. Either way the posts, their
lines and the problems are the same; only their order among problems can
differ (reports sort them).
"""
from __future__ import annotations

import re
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .base import CalendarSource, ReadOptions, ReadResult
from .ics_date_lists import _DATE_LIST, MAX_LISTED_DATES
from .ics_events import LOOK_BACK, EventSink, UidCounts
from .ics_lines import logical_lines, physical_lines, split_simple, structure_name, unfold
from .ics_lite import LiteEvent, parses_plainly
from .ics_text import _FIELD_PROPS
from .ics_whole import is_other_component, report_other_components, report_unknown_zone
from .ics_zone_rules import _DATE_PROPS, bounded_zone
from .ics_zones import calendar_zone, event_to_calendar_zone, make_event_aware
from .normalize import EntryReader


class Unsupported(Exception):
    """The file is not of the shape read event by event (see the module docstring)."""


# What :func:`.ics_text.event_blocks` takes for a BEGIN or END line (on the stripped line).
_BEGIN_END = re.compile(r"^(?:BEGIN|END):\S+?\s*$", re.I)
_FIELD_NAME = re.compile(r"[;:]")
#: Component blocks already parsed without error (alarms repeat from event to event).
_VALIDATED_MAX = 512
_NOT_SPLIT = ("", "", "")


def read_stream(source: CalendarSource, options: ReadOptions) -> ReadResult:
    """Posts and problems of ``source``; raises :class:`Unsupported` for a file of another shape."""
    result = ReadResult(format="ics")
    reader = EntryReader(source.path, options, result.problems)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        encoding = "utf-8-sig"
        try:
            survey = _survey(source, options, encoding)
        except UnicodeDecodeError:
            reader.problem("CC914", None, encoding="windows-1252")
            encoding = "cp1252"
            survey = _survey(source, options, encoding)
        result.problems.extend(survey.problems)
        _load_zones(survey, reader)
        zones = []
        for calendar in survey.calendars:
            report_other_components(reader, calendar.others)
            zone, unknown = calendar_zone(_parse(calendar.text())[0])
            report_unknown_zone(reader, unknown)
            zones.append(zone)
        sink = EventSink(reader, options, result, survey.uids)
        _read_events(source.data, encoding, zones, sink, options)
    sink.finish()
    return result


# -- the survey -----------------------------------------------------------------------------
@dataclass
class _Calendar:
    """One VCALENDAR's own property lines and its components that are not posts."""

    properties: list = field(default_factory=list)
    others: dict = field(default_factory=lambda: defaultdict(int))

    def text(self) -> str:
        return "\r\n".join(["BEGIN:VCALENDAR", *self.properties, "END:VCALENDAR"]) + "\r\n"


@dataclass
class _Survey:
    problems: list = field(default_factory=list)
    calendars: list = field(default_factory=list)
    zones: list = field(default_factory=list)        # each VTIMEZONE block's lines
    earliest: Optional[date] = None
    #: the UIDs given to more than one VEVENT (None: unknown, any may be)
    uids: Optional[UidCounts] = None


def _survey(source: CalendarSource, options: ReadOptions, encoding: str) -> _Survey:
    """The first pass (see the module docstring)."""
    survey = _Survey()
    reader = EntryReader(source.path, options, survey.problems)
    floor = options.expand_start.date() - LOOK_BACK if options.expand_start else None
    earliest = floor.strftime("%Y%m%d") if floor else None   # dates compare as written
    stack: list[str] = []
    zone: Optional[list[str]] = None    # the lines of the VTIMEZONE being read
    kept = opened = closed = dates = 0
    uids: Optional[UidCounts] = UidCounts(len(source.data) // 16)
    uid_lines: list[str] = []           # the UID lines of the VEVENT being read
    for number, parts in logical_lines(physical_lines(source.data, encoding)):
        head = parts[0]
        if len(parts) == 1:
            text = head
        else:
            text = unfold(parts)
            for part in parts[1:]:
                if _BEGIN_END.match(part.strip()):
                    raise Unsupported(f"line {number}: a BEGIN or END line folded into another")
        if ":" not in text:   # not a content line: .ics_text.repaired drops it
            reader.problem("CC901", number, message="line", content=head.strip()[:40])
            continue
        kept += len(parts)
        first = head[0]
        if first in "BbEe" or first.isspace():   # only such a line can be a BEGIN or END to icalendar
            split = split_simple(text)
            name = split[0] if split is not None else _name(text)
            if name == "BEGIN" or name == "END":
                component = structure_name(split[2]) if split is not None and not split[1] else None
                if component is None or len(parts) > 1:
                    raise Unsupported(f"line {number}: a BEGIN or END line not written plainly")
                if name == "BEGIN":
                    opened += component == "VCALENDAR"
                    _begin(survey, stack, component, number)
                    if component == "VTIMEZONE":
                        zone = []
                else:
                    closed += component == "VCALENDAR"
                    if not stack or stack[-1] != component:
                        raise Unsupported(f"line {number}: END:{component} closes {stack[-1:] or 'nothing'}")
                    stack.pop()
                    if component == "VEVENT" and uids is not None:
                        uids = _count_uid(uids, uid_lines)
                        uid_lines = []
                if zone is not None:
                    zone.extend(parts)
                    if name == "END" and component == "VTIMEZONE":
                        survey.zones.append(zone)
                        zone = None
                continue
            if _BEGIN_END.match(head.strip()):
                raise Unsupported(f"line {number}: a BEGIN or END line icalendar reads otherwise")
        depth = len(stack)
        if (first in "Uu" or first.isspace()) and depth == 2 and stack[1] == "VEVENT":
            split = split_simple(text)
            if (split[0] if split is not None else _name(text)) == "UID":
                uid_lines.append(split[2] if split is not None and not split[1] else None)
        if depth < 2:
            if not depth:
                raise Unsupported(f"line {number}: a property outside any component")
            survey.calendars[-1].properties.append(text)
        if zone is not None:
            zone.extend(parts)
        elif first in "DdRrEe":
            found = _DATE_PROPS.match(head)   # the calendar's earliest date, as bounded_zones finds it
            if found:
                digits = "".join(found.groups())
                if (earliest is None or digits < earliest) and _valid_date(digits):
                    earliest = digits
        if first in "RrEe" and head[:5].upper() in ("RDATE", "EXDAT"):
            match = _DATE_LIST.match("\r\n".join(parts))
            if match:
                dates += match.group(0).count(",") + 1
    if opened > closed:
        reader.problem("CC901", kept, message="unclosed")
        if stack != ["VCALENDAR"]:
            raise Unsupported("the file ends inside a component")
    if not survey.calendars:
        raise Unsupported("no VCALENDAR")
    if dates > MAX_LISTED_DATES:
        raise Unsupported("date lists over their budget")
    if earliest is not None:
        survey.earliest = date(int(earliest[:4]), int(earliest[4:6]), int(earliest[6:]))
    survey.uids = uids
    return survey


def _count_uid(uids: UidCounts, lines: list) -> Optional[UidCounts]:
    """Count one VEVENT's UID, as the reader will read it; None when that is not plain
    (a UID line with parameters or that icalendar splits otherwise, or several): every
    UID is then kept."""
    if not lines:
        return uids
    if len(lines) > 1 or lines[0] is None:
        return None
    from .ics_lite import library

    value = lines[0]
    uid = (library().unescape_backslash(value) if "\\" in value else value).strip()
    if uid:
        uids.add(uid)
    return uids


def _valid_date(digits: str) -> bool:
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True


def _name(text: str) -> Optional[str]:
    """The property name icalendar reads on a line that is not simple (None: it reads none)."""
    from .ics_lite import library

    try:
        return library().Contentline(text).parts()[0].upper()
    except ValueError:
        return None


def _begin(survey: _Survey, stack: list, component: str, number: int) -> None:
    """A component opens: check where; count the ones that are not posts."""
    depth = len(stack)
    if depth == 0:
        if component != "VCALENDAR":
            raise Unsupported(f"line {number}: {component} outside a VCALENDAR")
        survey.calendars.append(_Calendar())
    elif component == "VCALENDAR" or (depth > 1 and component in ("VEVENT", "VTIMEZONE")):
        raise Unsupported(f"line {number}: {component} inside another component")
    elif depth == 1 and is_other_component(component):
        survey.calendars[-1].others[component] += 1
    stack.append(component)


def _load_zones(survey: _Survey, reader: EntryReader) -> None:
    """Bring each VTIMEZONE to the calendar's years, then let icalendar parse (and keep) them.

    As when the whole file is parsed: when one fails, the ones before it are
    known, the others are not, and the failure is reported (CC901).
    """
    texts = [bounded_zone("\r\n".join(lines), survey.earliest, reader) for lines in survey.zones]
    import icalendar

    for text in texts:
        try:
            icalendar.Calendar.from_ical(text, multiple=True)
        except Exception as exc:  # noqa: BLE001 - icalendar raises several kinds
            reader.problem("CC901", None, message="vtimezone", reason=str(exc)[:160])
            return


def _parse(text: str) -> list:
    import icalendar

    try:
        return icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as exc:  # noqa: BLE001 - icalendar would fail the whole file: read it whole
        raise Unsupported(f"icalendar refuses a component: {exc}") from exc


# -- the reading ------------------------------------------------------------------------------
class _Event:
    """A VEVENT being read: its properties, its lines, and its whole text (for a series)."""

    __slots__ = ("line", "lite", "texts", "fields", "depth", "nested")

    def __init__(self, line: int, begin: str):
        self.line = line
        self.lite = LiteEvent()
        self.texts = [begin]
        self.fields: dict[str, int] = {}
        self.depth = 0
        self.nested: list[str] = []


def _read_events(data: bytes, encoding: str, zones: list, sink: EventSink, options: ReadOptions) -> None:
    """The second pass: each VEVENT to the sink as it ends (the survey checked the shape)."""
    depth = 0
    calendar = -1
    event: Optional[_Event] = None
    other: Optional[list[str]] = None     # a component that is not an event, to check
    validated: set = set()
    fields = _FIELD_PROPS
    for number, parts in logical_lines(physical_lines(data, encoding)):
        head = parts[0]
        text = head if len(parts) == 1 else unfold(parts)
        if ":" not in text:   # dropped; an event's own line still counts for its fields' lines
            if event is not None and not event.depth:
                _field_line(event, number, _head_name(head))
            continue
        split = _NOT_SPLIT
        if head[0] in "BbEe":
            split = split_simple(text)
            if split is not None and (split[0] == "BEGIN" or split[0] == "END"):
                if split[0] == "BEGIN":
                    depth += 1
                    if event is not None:
                        event.depth += 1
                        event.texts.append(text)
                        event.nested.append(text)
                    elif depth == 1:
                        calendar += 1
                    elif depth == 2:
                        component = split[2].upper()
                        if component == "VEVENT":
                            event = _Event(number, text)
                        elif component != "VTIMEZONE":   # a VTIMEZONE was read by the survey
                            other = [text]
                    elif other is not None:
                        other.append(text)
                else:
                    depth -= 1
                    if event is not None:
                        event.texts.append(text)
                        if event.depth:
                            event.depth -= 1
                            event.nested.append(text)
                            if not event.depth:
                                _validate(event.nested, validated)
                                event.nested = []
                        else:
                            _finish_event(event, zones[calendar], sink, options)
                            event = None
                    elif other is not None:
                        other.append(text)
                        if depth == 1:
                            _validate(other, validated)
                            other = None
                continue
        if event is not None:
            event.texts.append(text)
            if event.depth:
                event.nested.append(text)
                continue
            if split is _NOT_SPLIT:
                split = split_simple(text)
            if split is None:
                name = _head_name(head)
                event.lite.add_line(text)
            else:
                name = split[0] if len(parts) == 1 else _head_name(head)
                event.lite.add_simple(split[0], split[1], split[2])
            if name in fields:
                _field_line(event, number, name)
        elif other is not None:
            other.append(text)


def _head_name(head: str) -> str:
    """The property name :func:`.ics_text.event_blocks` reads on a line (its first physical line)."""
    return _FIELD_NAME.split(head.strip(), maxsplit=1)[0].upper()


def _field_line(event: _Event, number: int, name: str) -> None:
    """The line of a post field: the first of the event's own lines naming its property
    (read or dropped), as :func:`.ics_text.event_blocks` finds it."""
    field_name = _FIELD_PROPS.get(name)
    if field_name is not None and field_name not in event.fields:
        event.fields[field_name] = number


def _validate(lines: list[str], validated: set) -> None:
    """Check icalendar parses a component that is not an event (an alarm, a to-do: it would
    fail the whole file otherwise); raises Unsupported if it fails."""
    if parses_plainly(lines):
        return
    text = "\r\n".join(lines)
    if text in validated:
        return
    _parse(text)
    if len(validated) >= _VALIDATED_MAX:
        validated.clear()
    validated.add(text)


def _finish_event(event: _Event, zone, sink: EventSink, options: ReadOptions) -> None:
    """Settle one event's times and hand it over; a series' event is parsed whole by icalendar."""
    component = event.lite.close()
    uid = str(component.get("UID") or "").strip()
    if uid and ("RRULE" in component or "RDATE" in component or "RECURRENCE-ID" in component):
        [component] = _parse("\r\n".join(event.texts))
    try:
        note = make_event_aware(component, options.tz, zone)
    except Exception as exc:  # noqa: BLE001 - a malformed time is reported by the sink
        note = exc
    component = event_to_calendar_zone(component, zone)
    sink.add(component, event.line, tuple(event.fields.items()), note)
