"""Reading an iCalendar file event by event, in two passes over its lines.

icalendar parses a whole file into objects before the first event can be
read: 100,000 events held 700 MB. Here the file's bytes are read twice,
line by line, and never held as objects:

1. **a survey** (:mod:`.ics_survey`) checks the file has the shape this
   module reads (below) and gathers what events depend on but may come
   after them: each calendar's own properties (``X-WR-TIMEZONE``), its
   VTIMEZONE blocks, the earliest date of the events, the UIDs used twice;
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
from typing import Optional

from .base import CalendarSource, ReadOptions, ReadResult
from .ics_events import EventSink
from .ics_lines import logical_lines, physical_lines, split_simple, unfold
from .ics_lite import LiteEvent, parses_plainly
from .ics_survey import Survey, Unsupported, survey_of
from .ics_text import _FIELD_PROPS
from .ics_whole import report_other_components, report_unknown_zone
from .ics_zone_rules import bounded_zone
from .ics_zones import calendar_zone, event_to_calendar_zone, make_event_aware
from .normalize import EntryReader


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
            survey = survey_of(source, options, encoding)
        except UnicodeDecodeError:
            reader.problem("CC914", None, encoding="windows-1252")
            encoding = "cp1252"
            survey = survey_of(source, options, encoding)
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


def _load_zones(survey: Survey, reader: EntryReader) -> None:
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
