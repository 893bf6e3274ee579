"""From VEVENTs to posts, one event at a time.

Events come in file order, their times already settled (see
:mod:`.ics_zones`). :class:`EventSink` turns an event that does not recur
into its post at once, so the reader never holds more than one of them.
It keeps only the events of recurring series (grouped by UID: a master
and its overrides, in whatever order the file gives them): they are
expanded once the whole file is read, since the expansion window depends
on every event (see :class:`_Window`), and their posts come after those of
the events that do not recur, as they always did.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional
from zoneinfo import ZoneInfo

from .base import ReadOptions, ReadResult
from .ics_bounds import HORIZON_DAYS
from .ics_fields import event_fields, is_cancelled
from .ics_recurrence import MAX_OCCURRENCES, TOTAL_OCCURRENCES, expand_series, series_limit
from .ics_zones import is_all_day, safe_dt
from .normalize import EntryReader

#: How far before ``--from`` recurrences are still expanded (cadence look-back).
LOOK_BACK = timedelta(days=31)
#: Default horizon of series with no end, past ``--now``.
HORIZON = timedelta(days=365)


class UidCounts:
    """Which UIDs are given to more than one VEVENT, counted before reading them.

    One byte per bucket of UIDs' hashes, counting to two: a UID counted twice
    may be another's that shares its bucket, never the reverse. The reader
    keeps the first event of a UID only when its UID may come again, instead
    of a hundred thousand (line, time) pairs that would outlive their events
    in the memory the posts are made in.
    """

    def __init__(self, size_hint: int):
        size = 1 << 14
        while size < min(size_hint, 1 << 22):
            size <<= 1
        self.counts = bytearray(size)
        self.mask = size - 1

    def add(self, uid: str) -> None:
        index = hash(uid) & self.mask
        if self.counts[index] < 2:
            self.counts[index] += 1

    def repeated(self, uid: str) -> bool:
        return self.counts[hash(uid) & self.mask] > 1


class EventSink:
    """Posts and problems of one file's events, given one by one (:meth:`add`), then :meth:`finish`.

    ``uids`` tells which UIDs may be repeated (None: any may be).
    """

    def __init__(self, reader: EntryReader, options: ReadOptions, result: ReadResult,
                 uids: Optional[UidCounts] = None):
        self.reader, self.options, self.result = reader, options, result
        self.uids = uids
        self.window = _Window()
        #: UID → (line, start) of the first event of that UID that does not recur (and whose
        #: UID may come again)
        self.firsts: dict[str, tuple] = {}
        #: UID → (event, line, field lines, uid, post id) of a recurring series, in file order
        self.groups: dict[str, list] = {}
        self.emitted = 0

    def add(self, event, line: Optional[int], field_lines, note) -> None:
        """One VEVENT: ``note`` is what settling its times said (a ZoneNote, an exception, or None)."""
        reader = self.reader
        self.window.add(event)
        uid = str(event.get("UID") or "").strip() or None
        raw = event.get("DTSTART")
        start = safe_dt(raw)
        post_id = _post_id(event, uid, line)
        if isinstance(note, Exception) or (raw is not None and start is None):
            written = getattr(raw, "to_ical", lambda: raw)() if raw is not None else ""
            if isinstance(written, bytes):  # as the file wrote it, not as Python shows bytes
                written = written.decode("utf-8", "replace")
            reader.problem("CC908", line, post_id, message="ics_value", field="at", field_name="DTSTART",
                           value=str(written))
            return
        if start is None:
            reader.problem("CC908", line, post_id, message="ics_missing", field="at", field_name="DTSTART")
            return
        if is_all_day(start):
            reader.problem("CC906", line, post_id, field="at", value=start.isoformat())
            return
        if note is not None:
            local = note.value
            reader.problem(note.code, line, post_id, field="at", value=local.strftime("%Y-%m-%d %H:%M"),
                           zone=note.zone_label, read_as=note.read_as, key=note.zone_label)
        if uid and ("RRULE" in event or "RDATE" in event or "RECURRENCE-ID" in event):
            self.groups.setdefault(uid, []).append((event, line, field_lines, uid, post_id))
            return
        start = event["DTSTART"].dt
        if uid and (self.uids is None or self.uids.repeated(uid)):
            # Two events with one UID and no RECURRENCE-ID: an RFC error, often a paste.
            # The second is read as an event of its own; the engine reports a same-time
            # copy (CC907), and a copy at another time is reported here.
            first = self.firsts.setdefault(uid, (line, start))
            if first[1] is not start and first[1] != start:
                reader.problem("CC907", line, post_id, field="id", id=uid, other=f"{reader.path}:{first[0]}")
        self.emitted = self._emit(event, start, line, field_lines, uid, post_id)

    def finish(self) -> None:
        """Expand the series (every event has been given), then say what was left out."""
        reader, options, groups = self.reader, self.options, self.groups
        self._split_duplicate_masters()
        window = self.window.bounds(options)
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
                self.emitted = self._emit(event, start, line, field_lines, uid, post_id)
            if expansion.capped_at is not None:
                shared = limit < MAX_OCCURRENCES and len(expansion.occurrences) >= limit
                reader.problem("CC912", head[1], head[4], message="shared" if shared else "message", field="at",
                               limit=len(expansion.occurrences), until=expansion.capped_at, series=len(groups),
                               total=TOTAL_OCCURRENCES)
        if self.emitted > options.max_posts:
            reader.problem("CC918", None, count=self.emitted - options.max_posts, limit=options.max_posts)

    def _split_duplicate_masters(self) -> None:
        """A second master of a UID (RRULE or RDATE, no RECURRENCE-ID) is reported and left out;
        an event of that UID that does not recur counts as its first master."""
        firsts = self.firsts
        masters: dict[str, Optional[int]] = {}
        for uid, items in self.groups.items():
            kept = []
            for item in items:
                if "RECURRENCE-ID" not in item[0]:
                    if uid in firsts:
                        first_line = firsts[uid][0]
                    elif uid in masters:
                        first_line = masters[uid]
                    else:
                        masters[uid] = item[1]
                        kept.append(item)
                        continue
                    self.reader.problem("CC907", item[1], item[4], field="id", id=item[3],
                                        other=f"{self.reader.path}:{first_line}")
                    continue
                kept.append(item)
            items[:] = kept or items

    def _emit(self, event, start: datetime, line, field_lines, uid, post_id) -> int:
        """Build one post (or report why not); returns how many posts were considered."""
        reader, options, emitted = self.reader, self.options, self.emitted
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
            self.result.posts.append(post)
        return emitted + 1


def _post_id(event, uid: Optional[str], line: Optional[int]) -> str:
    explicit = str(event.get("X-CHARTERCHECK-ID") or "").strip()
    return explicit or uid or f"line-{line}"


class _Window:
    """Where recurrences are expanded: with ``--from/--until``, from a month before
    ``--from`` to ``--until``; else from the calendar's first DTSTART to its last
    explicit date or, when a series has no end (or only a COUNT), to a year past
    ``--now``. Gathered event by event, every event counting, read or not."""

    def __init__(self) -> None:
        self.first: Optional[datetime] = None
        self.last: Optional[datetime] = None
        self.open_ended = False

    def _end(self, moment: datetime) -> None:
        if self.last is None or moment > self.last:
            self.last = moment

    def add(self, event) -> None:
        start = safe_dt(event.get("DTSTART"))
        if not isinstance(start, datetime) or start.tzinfo is None:
            return
        if self.first is None or start < self.first:
            self.first = start
        self._end(start)
        rule = event.get("RRULE")
        if rule is not None and not isinstance(rule, list):
            until = (rule.get("UNTIL") or [None])[0]
            if isinstance(until, datetime):
                self._end(until if until.tzinfo else until.replace(tzinfo=start.tzinfo))
            else:
                self.open_ended = self.open_ended or until is None
        elif rule is not None:
            self.open_ended = True
        for rdate in _rdates(event):
            self._end(rdate)

    def bounds(self, options: ReadOptions) -> tuple[datetime, datetime]:
        if self.first is None:
            now = options.now or datetime(2000, 1, 1, tzinfo=options.tz)
            return now, now
        now = options.now or self.last
        horizon = now + HORIZON
        start = options.expand_start - LOOK_BACK if options.expand_start else self.first
        if options.expand_end:
            end = options.expand_end
        else:
            end = horizon if self.open_ended else min(horizon, self.last)
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
