"""Time zones as iCalendar producers really write them.

``icalendar`` already resolves IANA names, Windows names (``Romance Standard
Time``, with or without a VTIMEZONE, from the CLDR table it ships), vendor
prefixed ids (``/freeassociation.sourceforge.net/Europe/Paris``) and custom
VTIMEZONE definitions. What it cannot resolve it leaves as a naive datetime
with the TZID parameter kept — that, floating times and Google's
``X-WR-TIMEZONE`` are handled here, before recurrences are expanded, so that
every time the expansion sees is aware:

* a floating time is read in the calendar's ``X-WR-TIMEZONE`` when it has
  one (that is what Google and Apple mean by it), else in the brand's zone
  (CC904);
* an unknown TZID such as Outlook Web Access's ``"(UTC-05:00) Eastern Time
  (US & Canada)"`` is read at the UTC offset its name shows, or else in the
  brand's zone (CC905): an approximation, said as such;
* UTC times of a calendar with ``X-WR-TIMEZONE`` are moved to that zone by
  ``x-wr-timezone``, so a weekly event keeps its local hour across a DST change.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Optional

from ..timeutil import optional_zone

#: Properties holding the times of one event.
TIME_PROPERTIES = ("DTSTART", "DTEND", "RDATE", "EXDATE", "RECURRENCE-ID")
_OFFSET_IN_NAME = re.compile(r"\((?:UTC|GMT)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?\)", re.I)


def safe_dt(prop):
    """A property's date or datetime, or None when absent or unreadable (a broken value)."""
    if prop is None:
        return None
    try:
        return prop.dt
    except Exception:  # noqa: BLE001 - icalendar raises on access to a broken value
        return None


def zone_by_name(name: str) -> Optional[tzinfo]:
    """A zone from an IANA or Windows name, as icalendar would resolve it."""
    zone = optional_zone(name)
    if zone is not None:
        return zone
    from icalendar.timezone import tzp
    try:
        return tzp.timezone(str(name))
    except Exception:  # noqa: BLE001 - an odd name is just unknown
        return None


def approximate_zone(tzid: str, fallback: tzinfo) -> tuple[tzinfo, str]:
    """A stand-in for an unknown TZID: the offset in its name, else ``fallback``.

    Returns the zone and how to describe it in a message.
    """
    match = _OFFSET_IN_NAME.search(tzid)
    if match:
        sign, hours, minutes = match.groups()
        if not sign:
            return timezone.utc, "UTC"
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta < timedelta(hours=15):
            offset = delta if sign == "+" else -delta
            return timezone(offset), f"UTC{sign}{int(hours):02d}:{int(minutes or 0):02d}"
    return fallback, str(fallback)


class ZoneNote:
    """What was approximated for one event: a CC904 or CC905 to report."""

    def __init__(self, code: str, zone_label: str, value: datetime, read_as: str):
        self.code, self.zone_label, self.value, self.read_as = code, zone_label, value, read_as


def make_event_aware(event, default: tzinfo, calendar_zone: Optional[tzinfo]) -> Optional[ZoneNote]:
    """Give every naive time of ``event`` a zone; return the note when it was a guess.

    All-day values (dates) are left alone: the reader reports and skips them.
    """
    start_prop = event.get("DTSTART")
    start = safe_dt(start_prop)
    note = None
    zone: Optional[tzinfo] = None
    if isinstance(start, datetime):
        if start.tzinfo is not None:
            zone = start.tzinfo
        else:
            tzid = _tzid(start_prop)
            if tzid:
                zone, label = approximate_zone(tzid, default)
                note = ZoneNote("CC905", tzid, start, label)
            elif calendar_zone is not None:
                zone = calendar_zone
            else:
                zone = default
                note = ZoneNote("CC904", str(default), start, str(default))
    if zone is None:
        return note
    for name in TIME_PROPERTIES:
        if name in event:
            event[name] = _localize_property(event[name], zone)
    return note


def _tzid(prop) -> Optional[str]:
    params = getattr(prop, "params", None) or {}
    tzid = params.get("TZID")
    return str(tzid) if tzid else None


def _localize_property(value, zone: tzinfo):
    """The same property value with naive datetimes placed in ``zone``."""
    import icalendar

    if isinstance(value, list):
        return [_localize_property(item, zone) for item in value]
    if isinstance(value, icalendar.vDDDLists):     # EXDATE / RDATE lists
        items = [safe_dt(d) for d in value.dts]
        if not any(_is_naive(i) for i in items):
            return value
        fixed = [(_aware(i, zone) if _is_naive(i) else i) for i in items if i is not None]
        return icalendar.vDDDLists(fixed) if fixed else value
    inner = safe_dt(value)
    if _is_naive(inner):
        return icalendar.vDDDTypes(_aware(inner, zone))
    return value


def _is_naive(value) -> bool:
    return isinstance(value, datetime) and value.tzinfo is None


def _aware(value: datetime, zone: tzinfo) -> datetime:
    return value.replace(tzinfo=zone)


def calendar_zone(calendar) -> tuple[Optional[tzinfo], Optional[str]]:
    """The calendar's ``X-WR-TIMEZONE`` as a zone, and its name when it is unknown."""
    name = calendar.get("X-WR-TIMEZONE")
    if not name or not str(name).strip():
        return None, None
    zone = zone_by_name(str(name).strip())
    return (zone, None) if zone is not None else (None, str(name).strip())


def utc_to_calendar_zone(calendar, zone: Optional[tzinfo]):
    """Google writes UTC times beside ``X-WR-TIMEZONE``: move them into that zone."""
    if zone is None:
        return calendar
    import x_wr_timezone

    return x_wr_timezone.to_standard(calendar, timezone=zone)


def event_to_calendar_zone(event, zone: Optional[tzinfo]):
    """One event as :func:`utc_to_calendar_zone` gives it (``x-wr-timezone``'s walk of
    an event); an event read by :mod:`.ics_lite` is changed in place."""
    if zone is None:
        return event
    import x_wr_timezone

    from .ics_lite import LiteEvent

    walker = x_wr_timezone.UTCChangingWalker(zone)
    if isinstance(event, LiteEvent):   # the reader's own: changed where it stands
        for name in walker.VALUE_ATTRIBUTES:
            value = event.get(name)
            if value is not None:
                changed = walker.walk_value(value)
                if changed is not value:
                    event[name] = changed
        return event
    return walker.walk_event(event)


def is_all_day(value) -> bool:
    return isinstance(value, date) and not isinstance(value, datetime)
