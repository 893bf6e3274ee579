"""Parsing of the charter's time vocabulary and local-time arithmetic.

All day and week arithmetic happens in the brand's zone with :mod:`zoneinfo`
(``tzdata`` ships the database so results never depend on the host).
Durations look like ``90m``, ``4h``, ``2d`` or ``1h30m``; clock times are
``HH:MM``; day sets are ``mon-fri``, ``sat``, ``mon,wed,fri``, ``sat-sun``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

class ParseError(ValueError):
    """A value that cannot be read, with a catalogue entry to say so in other languages."""

    def __init__(self, message: str, msgid: Optional[str] = None, **params):
        super().__init__(message)
        self.msgid = msgid
        self.params = params


DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_ALIASES = {
    "lun": 0, "mar": 1, "mer": 2, "jeu": 3, "ven": 4, "sam": 5, "dim": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_DAY_ALIASES.update({name: i for i, name in enumerate(DAY_NAMES)})

_DURATION = re.compile(r"^\s*(?:(\d+)\s*w)?\s*(?:(\d+)\s*d)?\s*(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*$", re.I)
_CLOCK = re.compile(r"^\s*([01]?\d|2[0-4])[:h]([0-5]\d)\s*$")


def parse_duration(text) -> timedelta:
    """``"90m"`` → 90 minutes; ``"1h30m"``, ``"2d"``, ``"1w"``. Raises ``ValueError``."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise ParseError("expected a duration such as 90m, 4h or 2d", "error.duration_type")
    if isinstance(text, int):
        raise ParseError(f"{text} has no unit: write {text}m, {text}h or {text}d", "error.duration_unit", value=str(text))
    match = _DURATION.match(text)
    if not match or not any(match.groups()):
        raise ParseError(f"{text!r} is not a duration: write e.g. 90m, 4h, 2d or 1h30m", "error.duration", value=repr(text))
    weeks, days, hours, minutes = (int(g or 0) for g in match.groups())
    return timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes)


@lru_cache(maxsize=4096)
def format_duration(delta: timedelta) -> str:
    """The inverse of :func:`parse_duration`, compact: ``1h30m``, ``2d``, ``45m``.

    Remembered (why: messages write the same few durations tens of thousands of
    times on a large calendar: limits, gaps rounded to the minute).
    """
    minutes = int(round(delta.total_seconds() / 60))
    sign = "-" if minutes < 0 else ""
    minutes = abs(minutes)
    # Under two days, hours read better ("24h" lead time, not "1d").
    days, rest = divmod(minutes, 1440) if minutes >= 2880 else (0, minutes)
    hours, mins = divmod(rest, 60)
    parts = [f"{days}d" if days else "", f"{hours}h" if hours else "", f"{mins}m" if mins else ""]
    return sign + ("".join(parts) or "0m")


def parse_clock(text) -> time:
    """``"08:00"`` (or ``8h00``) → :class:`datetime.time`; ``24:00`` means end of day."""
    match = _CLOCK.match(str(text)) if isinstance(text, str) else None
    if not match:
        raise ParseError(f"{text!r} is not a time of day: write HH:MM, e.g. 08:30", "error.clock", value=repr(text))
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour == 24:
        if minute:
            raise ParseError(f"{text!r} is past midnight", "error.past_midnight", value=repr(text))
        return time.max
    return time(hour, minute)


def parse_dayset(text) -> frozenset[int]:
    """``"mon-fri"`` → {0..4}; ``"sat-sun"``, ``"mon,wed,fri"``, ``"daily"``; wraps (``fri-mon``)."""
    if not isinstance(text, str) or not text.strip():
        raise ParseError("expected days such as mon-fri, sat or mon,wed,fri", "error.dayset_type")
    if text.strip().lower() in ("daily", "all", "everyday", "mon-sun"):
        return frozenset(range(7))
    days: set[int] = set()
    for part in text.lower().replace(" ", "").split(","):
        bounds = part.split("-")
        try:
            idx = [_DAY_ALIASES[b] for b in bounds]
        except KeyError as exc:
            raise ParseError(f"unknown day {exc.args[0]!r} in {text!r} (use mon, tue, wed, thu, fri, sat, sun)",
                             "error.unknown_day", day=repr(exc.args[0]), value=repr(text)) from None
        if len(idx) == 1:
            days.add(idx[0])
        elif len(idx) == 2:
            start, end = idx
            span = (end - start) % 7
            days.update((start + i) % 7 for i in range(span + 1))
        else:
            raise ParseError(f"{part!r} is not a day or a range of days", "error.dayset", value=repr(part))
    return frozenset(days)


@dataclass(frozen=True)
class ClockRange:
    """A span of local clock time within one day, ``start`` < ``end``."""

    start: time
    end: time

    def contains(self, moment: time) -> bool:
        return self.start <= moment < self.end or (self.end == time.max and moment >= self.start)

    def __str__(self) -> str:
        end = "24:00" if self.end == time.max else self.end.strftime("%H:%M")
        return f"{self.start.strftime('%H:%M')}-{end}"


def parse_clock_range(text) -> ClockRange:
    """``"08:00-20:00"`` → :class:`ClockRange`."""
    if not isinstance(text, str) or "-" not in text:
        raise ParseError(f"{text!r} is not a time range: write HH:MM-HH:MM, e.g. 08:00-20:00", "error.clock_range",
                         value=repr(text))
    start_text, end_text = text.split("-", 1)
    start, end = parse_clock(start_text), parse_clock(end_text)
    if end <= start:
        raise ParseError(f"{text!r} ends before it starts (ranges cannot cross midnight; split it in two)",
                         "error.range_backwards", value=repr(text))
    return ClockRange(start, end)


def parse_date(text) -> date:
    """``"2026-12-25"`` → date (ISO form only, so it is never ambiguous)."""
    if isinstance(text, date) and not isinstance(text, datetime):
        return text
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise ParseError(f"{text!r} is not a date: write YYYY-MM-DD", "error.date", value=repr(text)) from None


def parse_date_span(text) -> tuple[date, date]:
    """``"2026-12-25"`` or ``"2026-12-31..2027-01-01"`` → inclusive (first, last)."""
    raw = str(text)
    if ".." in raw:
        first_text, last_text = raw.split("..", 1)
        first, last = parse_date(first_text), parse_date(last_text)
        if last < first:
            raise ParseError(f"{raw!r} ends before it starts", "error.span_backwards", value=repr(raw))
        return first, last
    day = parse_date(raw)
    return day, day


@lru_cache(maxsize=None)
def load_zone(name: str) -> ZoneInfo:
    """A zone by IANA name; raises ``ValueError`` with a suggestion when unknown."""
    try:
        return ZoneInfo(str(name))
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ParseError(f"unknown time zone {name!r}: use an IANA name such as Europe/Paris", "error.timezone",
                         value=repr(name)) from None


_DATETIME = re.compile(
    r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2})[:h](\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?\s*$", re.I)


@dataclass(frozen=True)
class LocalReading:
    """How a written time was read: the aware result and any DST oddity."""

    at: datetime
    naive: bool = False
    nonexistent: bool = False
    ambiguous: bool = False
    date_only: bool = False


def parse_datetime(text, tz: ZoneInfo) -> LocalReading:
    """Read ``YYYY-MM-DD[ HH:MM[:SS]][Z|±HH:MM]``; naive values are local to ``tz``.

    A local time skipped by a spring-forward change is read with the offset in
    force before the change (02:30 → 03:30 summer time) and flagged
    ``nonexistent``; a time repeated by a fall-back change is read as its first
    occurrence and flagged ``ambiguous``. Raises ``ValueError`` when unreadable.
    """
    if isinstance(text, datetime):
        if text.tzinfo is None:
            return localize(text, tz)
        return LocalReading(text.astimezone(tz))
    match = _DATETIME.match(str(text))
    if not match:
        raise ParseError(f"{text!r} is not a date and time: write YYYY-MM-DD HH:MM (optionally +01:00 or Z)",
                         "error.datetime", value=repr(text))
    year, month, day, hour, minute, second, offset = match.groups()
    try:
        naive = datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError as exc:
        raise ValueError(f"{text!r} is not a valid date and time ({exc})") from None
    if offset:
        zone = parse_offset(offset)
        return LocalReading(naive.replace(tzinfo=zone).astimezone(tz), date_only=hour is None)
    reading = localize(naive, tz)
    if hour is None:
        return LocalReading(reading.at, naive=True, date_only=True)
    return reading


def parse_offset(text: str) -> timezone:
    """``Z``, ``+01:00`` or ``-0530`` (as matched by the datetime patterns) → a fixed zone."""
    if text.upper() == "Z":
        return timezone.utc
    digits = text.replace(":", "")
    sign = -1 if digits[0] == "-" else 1
    return timezone(sign * timedelta(hours=int(digits[1:3]), minutes=int(digits[3:5])))


def localize(naive: datetime, tz: ZoneInfo) -> LocalReading:
    """Attach ``tz`` to a naive local time, detecting DST gaps and overlaps."""
    first = naive.replace(tzinfo=tz, fold=0)
    second = naive.replace(tzinfo=tz, fold=1)
    if first.utcoffset() == second.utcoffset():
        return LocalReading(first, naive=True)
    round_trip = first.astimezone(timezone.utc).astimezone(tz)
    if round_trip.replace(tzinfo=None) != naive:
        # In a gap: fold=0 applies the pre-transition offset, i.e. the wall
        # clock moves forward by the size of the gap, which is what clocks do.
        return LocalReading(round_trip, naive=True, nonexistent=True)
    return LocalReading(first, naive=True, ambiguous=True)


def local_day(moment: datetime, tz: ZoneInfo) -> date:
    """The calendar day of ``moment`` in ``tz``."""
    return moment.astimezone(tz).date()


def week_start(day: date) -> date:
    """The Monday of the ISO week containing ``day``."""
    return day - timedelta(days=day.weekday())


def needs_year(first: date, last: date, today: Optional[date]) -> bool:
    """Whether dates between ``first`` and ``last`` must show their year: when
    they span more than one year, or lie outside ``today``'s year (without a
    year, "Tue 15 Dec" of 2015 and of 2025 cannot be told apart)."""
    return first.year != last.year or (today is not None and first.year != today.year)


def start_of_local_day(day: date, tz: ZoneInfo) -> datetime:
    """Aware midnight starting ``day`` in ``tz`` (a day may be 23 or 25 hours long)."""
    return localize(datetime.combine(day, time()), tz).at


def parse_cli_datetime(text: str, tz: ZoneInfo, end_of_day: bool = False) -> datetime:
    """A ``--from``/``--until``/``--now`` value: a date, or a date and time."""
    reading = parse_datetime(text, tz)
    if reading.date_only and end_of_day:
        return start_of_local_day(reading.at.date() + timedelta(days=1), tz) - timedelta(microseconds=1)
    return reading.at


def optional_zone(name: Optional[str]) -> Optional[ZoneInfo]:
    """Like :func:`load_zone` but returns None instead of raising."""
    try:
        return load_zone(name) if name else None
    except ValueError:
        return None
