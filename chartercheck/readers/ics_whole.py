"""Reading a whole iCalendar file with icalendar at once: the way for files out of the common shape.

:mod:`.ics_stream` reads the files shaped as exporters write them, event
by event. A file it does not read that way (content outside the
VCALENDAR, components that do not close as they open, events nested in
other components, a line or a component icalendar refuses, date lists
over their budget...) is read here as a whole, as icalendar reads it, and
its events are then handed to the same :class:`~.ics_events.EventSink`.
"""
from __future__ import annotations

import warnings
from collections import defaultdict

from ..errors import CalendarError, Problem
from .base import CalendarSource, ReadOptions, ReadResult
from .ics_date_lists import bounded_date_lists
from .ics_events import LOOK_BACK, EventSink
from .ics_text import decode, event_blocks, parse, repaired
from .ics_zone_rules import bounded_zones
from .ics_zones import calendar_zone, make_event_aware, utc_to_calendar_zone
from .normalize import EntryReader

#: Components that are not posts, reported once per kind (CC913).
NOT_POSTS = ("VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY")


def read_whole(source: CalendarSource, options: ReadOptions) -> ReadResult:
    """Read an iCalendar file; raises :class:`CalendarError` only when it is not iCalendar at all."""
    result = ReadResult(format="ics")
    reader = EntryReader(source.path, options, result.problems)
    text = decode(source, reader)
    floor = options.expand_start.date() - LOOK_BACK if options.expand_start else None
    calendars = parse(bounded_date_lists(bounded_zones(repaired(text, reader), reader, floor), reader),
                      source.path, reader)
    calendars = [c for c in calendars if getattr(c, "name", "") == "VCALENDAR"]
    if not calendars:
        raise CalendarError(Problem(source.path, 1, "no BEGIN:VCALENDAR found",
                                    hint="an iCalendar file starts with BEGIN:VCALENDAR",
                                    msgid="error.ics_no_calendar"))
    blocks = event_blocks(text)
    events: list[tuple[object, int, tuple, object]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for calendar in calendars:
            report_other_components(reader, other_components(calendar))
            events.extend(_prepare_calendar(calendar, blocks, len(events), reader, options))
    sink = EventSink(reader, options, result)
    for event, line, field_lines, note in events:
        sink.add(event, line, field_lines, note)
    sink.finish()
    return result


def is_other_component(name: str) -> bool:
    """Whether a component of a VCALENDAR is one of those reported by CC913."""
    return name in NOT_POSTS or (name.startswith("X-") and name != "VEVENT")


def other_components(calendar) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for component in calendar.subcomponents:
        if is_other_component(component.name):
            counts[component.name] += 1
    return counts


def report_other_components(reader: EntryReader, counts: dict[str, int]) -> None:
    for name in sorted(counts):
        reader.problem("CC913", None, component=name, count=counts[name], key=name)


def report_unknown_zone(reader: EntryReader, unknown) -> None:
    if unknown:
        reader.problem("CC905", None, zone=unknown, read_as="UTC", key=unknown, field="X-WR-TIMEZONE")


def _prepare_calendar(calendar, blocks, offset: int, reader: EntryReader, options: ReadOptions):
    """Settle zones (events mutated in place), then pair each VEVENT with its lines."""
    zone, unknown = calendar_zone(calendar)
    report_unknown_zone(reader, unknown)
    notes = {}
    for index, event in enumerate(calendar.walk("VEVENT")):
        try:
            notes[index] = make_event_aware(event, options.tz, zone)
        except Exception as exc:  # noqa: BLE001 - a malformed time is reported by the sink
            notes[index] = exc
    standard = utc_to_calendar_zone(calendar, zone)
    prepared = []
    for index, event in enumerate(standard.walk("VEVENT")):
        line, field_lines = blocks[offset + index] if offset + index < len(blocks) else (None, ())
        prepared.append((event, line, field_lines, notes.get(index)))
    return prepared
