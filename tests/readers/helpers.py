"""Small builders shared by the reader tests."""
from datetime import datetime
from zoneinfo import ZoneInfo

from chartercheck.readers import CalendarSource, ReadOptions, read_calendar

PARIS = ZoneInfo("Europe/Paris")
KNOWN = ("instagram", "facebook", "linkedin")


def options(**extra) -> ReadOptions:
    extra.setdefault("tz", PARIS)
    extra.setdefault("known_channels", KNOWN)
    extra.setdefault("now", datetime(2026, 11, 20, 9, 0, tzinfo=PARIS))
    return ReadOptions(**extra)


def read(text, fmt, path=None, **extra):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return read_calendar(CalendarSource(path or f"plan.{fmt}", data, fmt), options(**extra))


def ics(*events: str, head: str = "") -> str:
    """A VCALENDAR around ``events`` (each a block of lines, BEGIN/END included)."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//chartercheck//EN"]
    lines += [line for line in head.strip().splitlines() if line.strip()]
    for event in events:
        lines += [line.strip() for line in event.strip().splitlines() if line.strip()]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def event(uid="p1", start="DTSTART;TZID=Europe/Paris:20261124T120000", summary="[IG] Mardi conseil",
          *extra: str) -> str:
    body = ["BEGIN:VEVENT", f"UID:{uid}", start, f"SUMMARY:{summary}", *extra, "END:VEVENT"]
    return "\n".join(line for line in body if line)


def codes(result) -> list:
    return sorted(p.code for p in result.problems)


def local(post):
    return post.at.astimezone(PARIS)
