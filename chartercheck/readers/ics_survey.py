"""The first pass of the event-by-event iCalendar reader (:mod:`.ics_stream`): the survey.

It reads every line once, holding no objects, and checks the file has the
shape read event by event (see :mod:`.ics_stream`), else raises
:class:`Unsupported`.  It reports the lines :func:`.ics_text.repaired` drops,
and gathers what events depend on but may come after them: each calendar's
own properties (``X-WR-TIMEZONE``) and the components that are not posts,
its VTIMEZONE blocks (Outlook and others write them after the events), the
earliest date of the events (which the VTIMEZONE rules are brought to, see
:mod:`.ics_zone_rules`), the UIDs given to more than one event, and how many
dates the RDATE/EXDATE lists hold (see :mod:`.ics_date_lists`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from .base import CalendarSource, ReadOptions
from .ics_date_lists import _DATE_LIST, MAX_LISTED_DATES
from .ics_events import LOOK_BACK, UidCounts
from .ics_lines import logical_lines, physical_lines, split_simple, structure_name, unfold
from .ics_whole import is_other_component
from .ics_zone_rules import _DATE_PROPS
from .normalize import EntryReader


class Unsupported(Exception):
    """The file is not of the shape read event by event (see :mod:`.ics_stream`)."""


# What :func:`.ics_text.event_blocks` takes for a BEGIN or END line (on the stripped line).
_BEGIN_END = re.compile(r"^(?:BEGIN|END):\S+?\s*$", re.I)


@dataclass
class _Calendar:
    """One VCALENDAR's own property lines and its components that are not posts."""

    properties: list = field(default_factory=list)
    others: dict = field(default_factory=lambda: defaultdict(int))

    def text(self) -> str:
        return "\r\n".join(["BEGIN:VCALENDAR", *self.properties, "END:VCALENDAR"]) + "\r\n"


@dataclass
class Survey:
    """What the survey gathered (see the module docstring)."""

    problems: list = field(default_factory=list)
    calendars: list = field(default_factory=list)
    zones: list = field(default_factory=list)        # each VTIMEZONE block's lines
    earliest: Optional[date] = None
    #: the UIDs given to more than one VEVENT (None: unknown, any may be)
    uids: Optional[UidCounts] = None


def survey_of(source: CalendarSource, options: ReadOptions, encoding: str) -> Survey:
    """The first pass over ``source``'s lines, decoded with ``encoding`` (see the module docstring);
    raises :class:`Unsupported` for a file of another shape."""
    survey = Survey()
    reader = EntryReader(source.path, options, survey.problems)
    floor = options.expand_start.date() - LOOK_BACK if options.expand_start else None
    earliest = floor.strftime("%Y%m%d") if floor else None   # dates compare as written
    stack: list[str] = []
    zone: Optional[list[str]] = None    # the lines of the VTIMEZONE being read
    kept = opened = closed = dates = 0
    uids: Optional[UidCounts] = UidCounts(len(source.data) // 16)
    uid_lines: list[str] = []           # the UID lines of the VEVENT being read
    for number, parts in logical_lines(physical_lines(source.data, encoding)):
        head = parts[0]
        if len(parts) == 1:
            text = head
        else:
            text = unfold(parts)
            for part in parts[1:]:
                if _BEGIN_END.match(part.strip()):
                    raise Unsupported(f"line {number}: a BEGIN or END line folded into another")
        if ":" not in text:   # not a content line: .ics_text.repaired drops it
            reader.problem("CC901", number, message="line", content=head.strip()[:40])
            continue
        kept += len(parts)
        first = head[0]
        if first in "BbEe" or first.isspace():   # only such a line can be a BEGIN or END to icalendar
            split = split_simple(text)
            name = split[0] if split is not None else _name(text)
            if name == "BEGIN" or name == "END":
                component = structure_name(split[2]) if split is not None and not split[1] else None
                if component is None or len(parts) > 1:
                    raise Unsupported(f"line {number}: a BEGIN or END line not written plainly")
                if name == "BEGIN":
                    opened += component == "VCALENDAR"
                    _begin(survey, stack, component, number)
                    if component == "VTIMEZONE":
                        zone = []
                else:
                    closed += component == "VCALENDAR"
                    if not stack or stack[-1] != component:
                        raise Unsupported(f"line {number}: END:{component} closes {stack[-1:] or 'nothing'}")
                    stack.pop()
                    if component == "VEVENT" and uids is not None:
                        uids = _count_uid(uids, uid_lines)
                        uid_lines = []
                if zone is not None:
                    zone.extend(parts)
                    if name == "END" and component == "VTIMEZONE":
                        survey.zones.append(zone)
                        zone = None
                continue
            if _BEGIN_END.match(head.strip()):
                raise Unsupported(f"line {number}: a BEGIN or END line icalendar reads otherwise")
        depth = len(stack)
        if (first in "Uu" or first.isspace()) and depth == 2 and stack[1] == "VEVENT":
            split = split_simple(text)
            if (split[0] if split is not None else _name(text)) == "UID":
                uid_lines.append(split[2] if split is not None and not split[1] else None)
        if depth < 2:
            if not depth:
                raise Unsupported(f"line {number}: a property outside any component")
            survey.calendars[-1].properties.append(text)
        if zone is not None:
            zone.extend(parts)
        elif first in "DdRrEe":
            found = _DATE_PROPS.match(head)   # the calendar's earliest date, as bounded_zones finds it
            if found:
                digits = "".join(found.groups())
                if (earliest is None or digits < earliest) and _valid_date(digits):
                    earliest = digits
        if first in "RrEe" and head[:5].upper() in ("RDATE", "EXDAT"):
            match = _DATE_LIST.match("\r\n".join(parts))
            if match:
                dates += match.group(0).count(",") + 1
    if opened > closed:
        reader.problem("CC901", kept, message="unclosed")
        if stack != ["VCALENDAR"]:
            raise Unsupported("the file ends inside a component")
    if not survey.calendars:
        raise Unsupported("no VCALENDAR")
    if dates > MAX_LISTED_DATES:
        raise Unsupported("date lists over their budget")
    if earliest is not None:
        survey.earliest = date(int(earliest[:4]), int(earliest[4:6]), int(earliest[6:]))
    survey.uids = uids
    return survey


def _count_uid(uids: UidCounts, lines: list) -> Optional[UidCounts]:
    """Count one VEVENT's UID, as the reader will read it; None when that is not plain
    (a UID line with parameters or that icalendar splits otherwise, or several): every
    UID is then kept."""
    if not lines:
        return uids
    if len(lines) > 1 or lines[0] is None:
        return None
    from .ics_library import library

    value = lines[0]
    uid = (library().unescape_backslash(value) if "\\" in value else value).strip()
    if uid:
        uids.add(uid)
    return uids


def _valid_date(digits: str) -> bool:
    try:
        date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    except ValueError:
        return False
    return True


def _name(text: str) -> Optional[str]:
    """The property name icalendar reads on a line that is not simple (None: it reads none)."""
    from .ics_library import library

    try:
        return library().Contentline(text).parts()[0].upper()
    except ValueError:
        return None


def _begin(survey: Survey, stack: list, component: str, number: int) -> None:
    """A component opens: check where; count the ones that are not posts."""
    depth = len(stack)
    if depth == 0:
        if component != "VCALENDAR":
            raise Unsupported(f"line {number}: {component} outside a VCALENDAR")
        survey.calendars.append(_Calendar())
    elif component == "VCALENDAR" or (depth > 1 and component in ("VEVENT", "VTIMEZONE")):
        raise Unsupported(f"line {number}: {component} inside another component")
    elif depth == 1 and is_other_component(component):
        survey.calendars[-1].others[component] += 1
    stack.append(component)
