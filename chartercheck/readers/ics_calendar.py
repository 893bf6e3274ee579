"""iCalendar (RFC 5545) calendars: one VEVENT (or one occurrence of it) is one post.

Parsing is ``icalendar``'s; recurrences are expanded by
``recurring-ical-events`` (see :mod:`.ics_recurrence` for the bounds), time
zones are settled by :mod:`.ics_zones`, and every field is then handed to
:class:`~.normalize.EntryReader` like a YAML or CSV entry, so the three
formats give the same posts. The properties read are listed in
``docs/formats.md``.

A file is read event by event (:mod:`.ics_stream`): an event that does not
recur becomes its post as soon as its END line is read, and the calendar
is never held as objects. A file of an unusual shape is read whole
(:mod:`.ics_whole`), as icalendar reads it; the posts and problems are the
same either way.

Which occurrences are expanded: with ``--from/--until``, those from a month
before ``--from`` (cadence rules look back) to ``--until``; without, the
calendar's own span — from its first DTSTART to its last explicit date, or,
when a series has no end (or only a COUNT), to a year past ``--now``. Events
that do not recur are always read, whatever their date.
"""
from __future__ import annotations

from .base import CalendarSource, ReadOptions, ReadResult
from .ics_stream import Unsupported, read_stream
from .ics_whole import read_whole


def read_ics_calendar(source: CalendarSource, options: ReadOptions) -> ReadResult:
    """Read an iCalendar file; raises :class:`CalendarError` only when it is not iCalendar at all."""
    try:
        return read_stream(source, options)
    except Unsupported:   # a file of another shape
        pass
    except Exception:  # noqa: BLE001 - a value icalendar fails on (so the whole file fails), or a slip
        pass           # of this reading: the whole-file reading is the reference, and says what is wrong
    return read_whole(source, options)
