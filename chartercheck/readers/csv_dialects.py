"""CSV dialects of real tools, recognised from their header, and their dates.

Each dialect maps its column names onto the canonical post fields of
:mod:`.normalize`. Column names are compared after folding case, spaces and
dashes (``Posting Time`` → ``posting_time``), so an edited header still reads.

===========  ==============================================  ===============
dialect      recognised by                                   dates
===========  ==============================================  ===============
native       ``at`` (or ``date`` + ``time``) and ``text``,   ISO, or d/m/y
             or their English and French variants
sprout       ``date``, ``time_24hr``, ``message_text``       m/d/y (US tool)
buffer       ``text`` and ``posting_time``                   ISO or m/d/y
gcal         ``subject``, ``start_date``, ``start_time``     m/d/y, 12-hour
hootsuite    no header: date-time, message, link             d/m/y or m/d/y
===========  ==============================================  ===============

"dates" is only the guess when nothing in the file decides: a day above 12
settles day-first or month-first for the whole file (CC915 otherwise).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from .csv_headers import LOCALISED_COLUMNS

#: Canonical field (or pseudo-field) for each known column, per dialect.
NATIVE_COLUMNS = {
    "id": "id", "channel": "channel", "channels": "channels", "network": "channel", "platform": "channel",
    "at": "at", "publish_at": "at", "datetime": "at", "date": "date", "time": "time",
    "text": "text", "message": "text", "body": "text", "caption": "text",
    "title": "title", "pillar": "pillar", "objective": "objective", "author": "author",
    "status": "status", "sponsored": "sponsored", "updated_at": "updated_at",
    "approved_by": "approved_by", "approved_at": "approved_at", "approved_role": "approved_role",
    "media": "media", "link": "link", "url": "link", "ignore": "ignore", "images": "images",
}
#: The native names and their usual variants, English and French (:mod:`.csv_headers`).
NATIVE_AND_LOCALISED = {**LOCALISED_COLUMNS, **NATIVE_COLUMNS}
SPROUT_COLUMNS = {"date": "date", "time_24hr": "time", "message_text": "text", "link": "link",
                  "image_url": "media", "image_urls": "media", "tags": "tags", "profile": "channel",
                  "network": "channel"}
BUFFER_COLUMNS = {"text": "text", "image_url": "media", "tags": "tags", "posting_time": "at",
                  "link": "link", "channel": "channel", "profile": "channel", "video_url": "media"}
GCAL_COLUMNS = {"subject": "subject", "start_date": "date", "start_time": "time", "end_date": None,
                "end_time": None, "all_day_event": "all_day", "description": "text", "location": "location",
                "private": None}


@dataclass
class Dialect:
    """How to read the rows of one file."""

    name: str
    columns: dict[int, str] = field(default_factory=dict)   # column index → canonical field
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (index, header name)
    has_header: bool = True
    month_first_default: bool = False


def fold(name: str) -> str:
    """``" Posting Time "`` → ``"posting_time"``, ``"Date de publication"`` →
    ``"date_de_publication"``, ``"Réseau"`` → ``"reseau"``: lower case, no
    accents, any run of other characters one ``_``."""
    text = unicodedata.normalize("NFKD", str(name).strip().lower().lstrip("\ufeff"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def detect(first_row: list[str]) -> Dialect:
    """The dialect a file's first row announces (a date in the first cell: Hootsuite, no header)."""
    names = [fold(cell) for cell in first_row]
    present = set(names)
    if first_row and looks_like_datetime(first_row[0]):
        return Dialect("hootsuite", {0: "at", 1: "text", 2: "link"}, has_header=False)
    if {"date", "time_24hr", "message_text"} <= present:
        return _mapped("sprout", names, SPROUT_COLUMNS, month_first=True)
    if {"subject", "start_date"} <= present:
        return _mapped("gcal", names, GCAL_COLUMNS, month_first=True)
    if "posting_time" in present and "text" in present:
        return _mapped("buffer", names, BUFFER_COLUMNS, month_first=True)
    return _mapped("native", names, NATIVE_AND_LOCALISED, month_first=False)


def _mapped(name: str, names: list[str], table: dict, month_first: bool) -> Dialect:
    dialect = Dialect(name, month_first_default=month_first)
    for index, column in enumerate(names):
        if column in table:
            if table[column]:
                dialect.columns.setdefault(index, table[column])
        elif column:
            dialect.unknown.append((index, column))
    return dialect


# -- dates --------------------------------------------------------------------
_SLASHED = re.compile(
    r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})"
    r"(?:[ T,]+(\d{1,2})(?:[:h](\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*$", re.I)
_ISO = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}")
_TIME = re.compile(r"^\s*(\d{1,2})(?:[:h](\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.I)


def looks_like_datetime(text: str) -> bool:
    return bool(_SLASHED.match(text or "") or (_ISO.match(text or "") and len(text.strip()) > 10))


def order_evidence(text: str) -> Optional[str]:
    """``"dmy"``/``"mdy"`` when a value settles the order (a part above 12), else None."""
    match = _SLASHED.match(text or "")
    if not match:
        return None
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 >= second:
        return "dmy"
    if second > 12 >= first:
        return "mdy"
    return None


def is_ambiguous(text: str) -> bool:
    match = _SLASHED.match(text or "")
    return bool(match) and int(match.group(1)) <= 12 and int(match.group(2)) <= 12 \
        and match.group(1) != match.group(2)


def to_iso(text: str, order: str, time_text: Optional[str] = None) -> str:
    """``"24/11/2026 17:00"`` (dmy) → ``"2026-11-24 17:00"``; unreadable text is returned as is.

    A separate ``time_text`` (``"5:00 PM"``, ``"17:00"``) is joined on. The
    result goes through the same parser as YAML times, which reports what is
    still wrong with it.
    """
    raw = (text or "").strip()
    if time_text and time_text.strip():
        raw = f"{raw} {time_text.strip()}"
    match = _SLASHED.match(raw)
    if not match:
        return _iso_with_ampm(raw)
    a, b, year, hour, minute, second, ampm = match.groups()
    day, month = (a, b) if order == "dmy" else (b, a)
    year = int(year) + (2000 if len(year) == 2 else 0)
    out = f"{year:04d}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        out += " " + _clock(int(hour), int(minute or 0), int(second or 0), ampm)
    return out


def _clock(hour: int, minute: int, second: int, ampm: Optional[str]) -> str:
    if ampm:
        pm = ampm.lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    text = f"{hour:02d}:{minute:02d}"
    return text + (f":{second:02d}" if second else "")


def _iso_with_ampm(raw: str) -> str:
    """``"2026-11-24 5:00 PM"`` → ``"2026-11-24 17:00"``; other text unchanged."""
    match = re.match(r"^(\s*\d{4}-\d{1,2}-\d{1,2})[ T]+(.+)$", raw)
    if match:
        clock = _TIME.match(match.group(2))
        if clock:
            hour, minute, second, ampm = clock.groups()
            return f"{match.group(1).strip()} {_clock(int(hour), int(minute or 0), int(second or 0), ampm)}"
    return raw
