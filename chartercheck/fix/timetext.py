"""Rewrite a written date/time in the shape it was written in.

A calendar says ``2026-11-23 09:30``, ``23/11/2026 9:30``, ``11/23/2026
09:30 PM`` or ``2026-11-23T08:30:00Z``; a fixed plan must say the new time
the same way, so the diff shows only the moved numbers. The numbers of the
original text are matched to the fields of the time it was read as (year,
month, day, hour, minute, second) and replaced one by one, keeping their
width, the separators, a 12-hour clock, month names and any UTC offset.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Optional

from ..timeutil import parse_offset

_OFFSET = re.compile(r"(Z|[+-]\d{2}:?\d{2})(\s*)$", re.I)
_TOKEN = re.compile(r"\d+|[^\W\d_]+", re.UNICODE)
_AMPM = re.compile(r"^([AaPp])(\.?)([Mm])(\.?)$")
_MONTHS = (
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"),
    ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
     "octobre", "novembre", "décembre"),
)


class TimeTextError(ValueError):
    """The text's numbers cannot be matched to the time it stands for."""


def _month_of(word: str) -> Optional[tuple[int, int, int]]:
    """(month, language, length written) when ``word`` names a month, full or abbreviated."""
    low = word.lower()
    for lang, names in enumerate(_MONTHS):
        for index, name in enumerate(names):
            if len(low) >= 3 and name.startswith(low):
                return index + 1, lang, len(low)
    return None


def _same_case(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _offset_text(model: str, moment: datetime) -> str:
    if model.upper() == "Z":
        return model
    offset = moment.utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}" if ":" in model else f"{sign}{hours:02d}{mins:02d}"


def rewrite(text: str, old_at: datetime, new_at: datetime, tz: tzinfo, *, part: str = "datetime",
            day_first: bool = True) -> str:
    """``text`` (which was read as ``old_at``) rewritten to stand for ``new_at``.

    Naive text is wall-clock time in ``tz``. Text with ``Z`` stays in UTC; text
    with an offset keeps writing ``tz``'s offset of the new moment when it
    matched ``tz`` before (so a move across a DST change writes the new
    offset), else keeps its own fixed offset. ``part`` says whether the text
    holds a ``datetime``, only a ``date`` or only a ``time`` (split CSV
    columns); ``day_first`` settles ``05/05/2026``-style ambiguity.
    Raises :class:`TimeTextError` when the numbers cannot be matched.
    """
    body, tail = text, ""
    zone: tzinfo = tz
    match = _OFFSET.search(text) if part != "date" else None
    if match and re.search(r"\d", text[:match.start()]):
        body, tail = text[:match.start()], match.group(0)
        written = match.group(1)
        if written.upper() == "Z":
            zone = timezone.utc
        else:
            fixed = parse_offset(written)
            zone = tz if old_at.astimezone(tz).utcoffset() == fixed.utcoffset(None) else fixed
        new_local = new_at.astimezone(zone)
        tail = _offset_text(written, new_local) + match.group(2)
    old, new = old_at.astimezone(zone), new_at.astimezone(zone)
    tokens = list(_TOKEN.finditer(body))
    plan = _assign(tokens, old, part, day_first)
    padded = {"date": _padded(tokens, plan, ("day", "month"), True),
              "hour": _padded(tokens, plan, ("hour12",), False) if "hour12" in plan
              else _padded(tokens, plan, ("hour",), True)}
    pieces, last = [], 0
    for token, role in zip(tokens, plan):
        pieces.append(body[last:token.start()])
        pieces.append(_render(token.group(0), role, new, padded))
        last = token.end()
    pieces.append(body[last:])
    return "".join(pieces) + tail


def _assign(tokens, old: datetime, part: str, day_first: bool) -> list[Optional[str]]:
    """The role of each token (year, month, day, hour, minute, second, ampm, month_name)."""
    roles: list[Optional[str]] = [None] * len(tokens)
    numbers = [i for i, t in enumerate(tokens) if t.group(0).isdigit()]
    words = [i for i, t in enumerate(tokens) if not t.group(0).isdigit()]
    twelve = False
    for i in words:
        word = tokens[i].group(0)
        if _AMPM.match(word):
            roles[i], twelve = "ampm", True
        elif part != "time" and _month_of(word):
            roles[i] = "month_name"
    named_month = "month_name" in roles
    date_count = 0 if part == "time" else (2 if named_month else 3)
    date_idx, time_idx = numbers[:date_count], numbers[date_count:]
    if part != "time":
        if len(date_idx) != date_count:
            raise TimeTextError("no complete date in the text")
        values = [int(tokens[i].group(0)) for i in date_idx]
        widths = [len(tokens[i].group(0)) for i in date_idx]
        if named_month:
            order = ("year", "day") if widths[0] == 4 else ("day", "year")
        elif widths[0] == 4:
            order = ("year", "month", "day")
        else:
            dmy = values[0] == old.day and values[1] == old.month
            mdy = values[0] == old.month and values[1] == old.day
            order = ("day", "month", "year") if dmy and (day_first or not mdy) else ("month", "day", "year")
        for i, role in zip(date_idx, order):
            roles[i] = role
    if part != "date":
        if len(time_idx) < 2 and not (part == "time" and len(time_idx) >= 1 and twelve):
            raise TimeTextError("no hour and minute in the text")
        for i, role in zip(time_idx, ("hour", "minute", "second")):
            roles[i] = "hour12" if role == "hour" and twelve else role
        for i in time_idx[3:]:
            roles[i] = "fraction"
    elif numbers[date_count:]:
        raise TimeTextError("unexpected numbers after the date")
    _check(tokens, roles, old)
    return roles


def _value(role: str, moment: datetime):
    if role == "hour12":
        return (moment.hour % 12) or 12
    if role == "fraction":
        return 0
    return getattr(moment, role)


def _check(tokens, roles, old: datetime) -> None:
    """The text must say what it was read as; otherwise rewriting would guess."""
    for token, role in zip(tokens, roles):
        text = token.group(0)
        if role in ("year", "month", "day", "hour", "minute", "second", "hour12"):
            expected = _value(role, old)
            value = int(text)
            if role == "year" and len(text) == 2:
                expected %= 100
            if value != expected:
                raise TimeTextError(f"{text!r} is not the {role} of {old.isoformat()}")
        elif role == "month_name" and _month_of(text)[0] != old.month:
            raise TimeTextError(f"{text!r} is not the month of {old.isoformat()}")


def _padded(tokens, roles, group: tuple, default: bool) -> bool:
    """Whether ``group``'s numbers are written on two digits: ``09`` says yes,
    ``9`` says no; ``11`` says nothing, so the usual style decides (12-hour
    clocks are rarely padded, dates and 24-hour clocks usually are)."""
    texts = [t.group(0) for t, role in zip(tokens, roles) if role in group]
    if any(len(text) > 1 and text.startswith("0") for text in texts):
        return True
    if any(len(text) == 1 for text in texts):
        return False
    return default


def _render(text: str, role: Optional[str], new: datetime, padded: dict) -> str:
    if role is None:
        return text
    if role == "ampm":
        match = _AMPM.match(text)
        letter = "A" if new.hour < 12 else "P"
        letter = letter if match.group(1).isupper() else letter.lower()
        return f"{letter}{match.group(2)}{match.group(3)}{match.group(4)}"
    if role == "month_name":
        _, lang, length = _month_of(text)
        name = _MONTHS[lang][new.month - 1]
        full = length >= len(_MONTHS[lang][_month_of(text)[0] - 1])
        return _same_case(text, name if full else name[:length])
    value = _value(role, new)
    if role == "year":
        return str(value % 100 if len(text) == 2 else value).zfill(len(text))
    if role in ("day", "month"):
        return str(value).zfill(2 if padded["date"] else 1)
    if role in ("hour", "hour12"):
        return str(value).zfill(2 if padded["hour"] else 1)
    return str(value).zfill(len(text))
