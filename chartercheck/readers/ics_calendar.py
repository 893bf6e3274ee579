"""iCalendar (RFC 5545) calendars: one VEVENT (or one occurrence of it) is one post.

Parsing is ``icalendar``'s; recurrences are expanded by
``recurring-ical-events`` (see :mod:`.ics_recurrence` for the bounds), time
zones are settled by :mod:`.ics_zones`, and every field is then handed to
:class:`~.normalize.EntryReader` like a YAML or CSV entry, so the three
formats give the same posts. The properties read are listed in
``docs/formats.md``.

Which occurrences are expanded: with ``--from/--until``, those from a month
before ``--from`` (cadence rules look back) to ``--until``; without, the
calendar's own span — from its first DTSTART to its last explicit date, or,
when a series has no end (or only a COUNT), to a year past ``--now``. Events
that do not recur are always read, whatever their date.
"""
from __future__ import annotations

import warnings
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Optional
from zoneinfo import ZoneInfo

from ..errors import CalendarError, Problem
from .base import CalendarSource, ReadOptions, ReadResult
from .ics_date_lists import bounded_date_lists
from .ics_fields import event_fields, is_cancelled
from .ics_bounds import HORIZON_DAYS
from .ics_recurrence import MAX_OCCURRENCES, TOTAL_OCCURRENCES, expand_series, series_limit
from .ics_text import decode, event_blocks, parse, repaired
from .ics_zone_rules import bounded_zones
from .ics_zones import calendar_zone, is_all_day, make_event_aware, safe_dt, utc_to_calendar_zone
from .normalize import EntryReader

#: How far before ``--from`` recurrences are still expanded (cadence look-back).
LOOK_BACK = timedelta(days=31)
#: Default horizon of series with no end, past ``--now``.
HORIZON = timedelta(days=365)
_NOT_POSTS = ("VTODO", "VJOURNAL", "VFREEBUSY", "VAVAILABILITY")


def read_ics_calendar(source: CalendarSource, options: ReadOptions) -> ReadResult:
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
    events: list[tuple[object, int, tuple]] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for calendar in calendars:
            _report_other_components(calendar, reader)
            events.extend(_prepare_calendar(calendar, blocks, len(events), reader, options))
    _read_events(events, reader, options, result)
    return result


def _report_other_components(calendar, reader: EntryReader) -> None:
    counts: dict[str, int] = defaultdict(int)
    for component in calendar.subcomponents:
        if component.name in _NOT_POSTS or (component.name.startswith("X-") and component.name != "VEVENT"):
            counts[component.name] += 1
    for name in sorted(counts):
        reader.problem("CC913", None, component=name, count=counts[name], key=name)


def _prepare_calendar(calendar, blocks, offset: int, reader: EntryReader, options: ReadOptions):
    """Settle zones (events mutated in place), then pair each VEVENT with its lines."""
    zone, unknown = calendar_zone(calendar)
    if unknown:
        reader.problem("CC905", None, zone=unknown, read_as="UTC", key=unknown, field="X-WR-TIMEZONE")
    notes = {}
    for index, event in enumerate(calendar.walk("VEVENT")):
        try:
            notes[index] = make_event_aware(event, options.tz, zone)
        except Exception as exc:  # noqa: BLE001 - a malformed time is reported below
            notes[index] = exc
    standard = utc_to_calendar_zone(calendar, zone)
    prepared = []
    for index, event in enumerate(standard.walk("VEVENT")):
        line, field_lines = blocks[offset + index] if offset + index < len(blocks) else (None, ())
        prepared.append((event, line, field_lines, notes.get(index)))
    return prepared


def _read_events(events, reader: EntryReader, options: ReadOptions, result: ReadResult) -> None:
    groups: dict[str, list] = defaultdict(list)
    singles = []
    for event, line, field_lines, note in events:
        uid = str(event.get("UID") or "").strip() or None
        start = safe_dt(event.get("DTSTART"))
        post_id = _post_id(event, uid, line)
        if isinstance(note, Exception) or (event.get("DTSTART") is not None and start is None):
            raw = event.get("DTSTART")
            written = getattr(raw, "to_ical", lambda: raw)() if raw is not None else ""
            if isinstance(written, bytes):  # as the file wrote it, not as Python shows bytes
                written = written.decode("utf-8", "replace")
            reader.problem("CC908", line, post_id, message="ics_value", field="at", field_name="DTSTART",
                           value=str(written))
            continue
        if start is None:
            reader.problem("CC908", line, post_id, message="ics_missing", field="at", field_name="DTSTART")
            continue
        if is_all_day(start):
            reader.problem("CC906", line, post_id, field="at", value=start.isoformat())
            continue
        if note is not None:
            local = note.value
            reader.problem(note.code, line, post_id, field="at", value=local.strftime("%Y-%m-%d %H:%M"),
                           zone=note.zone_label, read_as=note.read_as, key=note.zone_label)
        item = (event, line, field_lines, uid, post_id)
        if uid and ("RRULE" in event or "RDATE" in event or "RECURRENCE-ID" in event):
            groups[uid].append(item)
        else:
            singles.append(item)
    _split_duplicate_masters(groups, singles, reader)
    window = _window(events, options)
    emitted = 0
    for event, line, field_lines, uid, post_id in singles:
        emitted = _emit(event, event["DTSTART"].dt, line, field_lines, uid, post_id, reader, options, result,
                        emitted)
    limit = series_limit(len(groups))
    for uid in groups:
        items = groups[uid]
        by_component = {id(item[0]): item for item in items}
        expansion = expand_series([item[0] for item in items], window[0], window[1], limit)
        head = items[0]
        if expansion.error:
            reader.problem("CC901", head[1], head[4], reason=expansion.error)
            continue
        if expansion.never:
            reader.problem("CC920", head[1], head[4], message=expansion.never, start=window[0],
                           years=HORIZON_DAYS // 366, field="at")
        elif not expansion.occurrences:
            reader.problem("CC920", head[1], head[4], start=window[0], end=window[1], field="at")
        for start, component in expansion.occurrences:
            event, line, field_lines, _, post_id = by_component.get(id(component), head)
            emitted = _emit(event, start, line, field_lines, uid, post_id, reader, options, result, emitted)
        if expansion.capped_at is not None:
            shared = limit < MAX_OCCURRENCES and len(expansion.occurrences) >= limit
            reader.problem("CC912", head[1], head[4], message="shared" if shared else "message", field="at",
                           limit=len(expansion.occurrences), until=expansion.capped_at, series=len(groups),
                           total=TOTAL_OCCURRENCES)
    if emitted > options.max_posts:
        reader.problem("CC918", None, count=emitted - options.max_posts, limit=options.max_posts)


def _emit(event, start: datetime, line, field_lines, uid, post_id, reader: EntryReader,
          options: ReadOptions, result: ReadResult, emitted: int) -> int:
    """Build one post (or report why not); returns how many posts were considered."""
    if emitted >= options.max_posts:
        return emitted + 1
    if is_cancelled(event):
        reader.problem("CC919", line, post_id, field="status", at=start)
        return emitted
    fields = event_fields(event, options, reader, line, post_id)
    tz = None
    if isinstance(start.tzinfo, ZoneInfo):
        # Hand over wall-clock time and zone, so DST gaps and overlaps are
        # reported exactly as for a YAML or CSV time.
        tz, start = start.tzinfo, start.replace(tzinfo=None)
    fields["at"] = start
    post = reader.build(fields, line, post_id, field_lines, uid=uid, tz=tz)
    if post is not None:
        result.posts.append(post)
    return emitted + 1


def _post_id(event, uid: Optional[str], line: Optional[int]) -> str:
    explicit = str(event.get("X-CHARTERCHECK-ID") or "").strip()
    return explicit or uid or f"line-{line}"


def _split_duplicate_masters(groups: dict, singles: list, reader: EntryReader) -> None:
    """Two events with one UID and no RECURRENCE-ID: an RFC error, often a paste.

    The second is read as an event of its own; the engine reports a same-time
    copy (CC907), and a copy at another time is reported here.
    """
    masters: dict[str, tuple] = {}
    for item in singles:
        uid = item[3]
        if uid:
            first = masters.setdefault(uid, item)
            if first is not item and first[0]["DTSTART"].dt != item[0]["DTSTART"].dt:
                _duplicate(reader, item, first)
    for uid, items in groups.items():
        kept = []
        for item in items:
            if "RECURRENCE-ID" not in item[0]:
                first = masters.setdefault(uid, item)
                if first is not item:
                    _duplicate(reader, item, first)
                    continue
            kept.append(item)
        items[:] = kept or items


def _duplicate(reader: EntryReader, item, first) -> None:
    reader.problem("CC907", item[1], item[4], field="id", id=item[3], other=f"{reader.path}:{first[1]}")


def _window(events, options: ReadOptions) -> tuple[datetime, datetime]:
    """Where recurrences are expanded (see the module docstring)."""
    starts, explicit_ends, open_ended = [], [], False
    for event, *_ in events:
        start = safe_dt(event.get("DTSTART"))
        if not isinstance(start, datetime) or start.tzinfo is None:
            continue
        starts.append(start)
        explicit_ends.append(start)
        rule = event.get("RRULE")
        if rule is not None and not isinstance(rule, list):
            until = (rule.get("UNTIL") or [None])[0]
            if isinstance(until, datetime):
                explicit_ends.append(until if until.tzinfo else until.replace(tzinfo=start.tzinfo))
            else:
                open_ended = open_ended or until is None
        elif rule is not None:
            open_ended = True
        for rdate in _rdates(event):
            explicit_ends.append(rdate)
    if not starts:
        now = options.now or datetime(2000, 1, 1, tzinfo=options.tz)
        return now, now
    now = options.now or max(explicit_ends)
    horizon = now + HORIZON
    start = options.expand_start - LOOK_BACK if options.expand_start else min(starts)
    if options.expand_end:
        end = options.expand_end
    else:
        end = horizon if open_ended else min(horizon, max(explicit_ends))
    return start, max(start, end + timedelta(seconds=1))


def _rdates(event) -> list[datetime]:
    values = event.get("RDATE")
    out = []
    for item in values if isinstance(values, list) else ([values] if values is not None else []):
        for value in getattr(item, "dts", []):
            moment = safe_dt(value)
            if isinstance(moment, tuple):
                moment = moment[0]
            if isinstance(moment, datetime) and moment.tzinfo is not None:
                out.append(moment)
    return out
