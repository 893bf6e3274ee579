"""Whether a recurrence rule can occur soon, answered in bounded time.

``dateutil`` finds a rule's next occurrence by walking its periods, and a
period that its BYxxx parts filter out entirely does not count against
UNTIL or COUNT: a rule that can never match (``FREQ=SECONDLY;BYMONTH=2;
BYMONTHDAY=30``, the 30th of February) is walked day by day to the year
9999, seconds per series; time zone rules too (``dateutil`` walks them from
their DTSTART to every time asked). Before a rule is handed over, this
module looks for the first *day* it may occur on within :data:`HORIZON_DAYS`,
with the RFC 5545 meaning of the day-level parts (BYMONTH, BYMONTHDAY,
BYYEARDAY, BYWEEKNO, BYDAY with or without ordinal) and the rule's period
grid. A rule with no such day is not expanded, and said so. The test is a
necessary condition (time-level parts and BYSETPOS are not applied), so a
rule it lets through has a candidate day near, and ``dateutil``'s walk to it
is short.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

#: How far ahead the first possible day of a rule is looked for: eight years
#: hold every 29th of February, even across 2100, and any weekday on any date.
HORIZON_DAYS = 8 * 366

_WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_SECONDS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400}


def _ints(rule, name: str) -> frozenset:
    values = rule.get(name) or []
    out = set()
    for value in values if isinstance(values, (list, tuple)) else [values]:
        try:
            out.add(int(str(value)))
        except ValueError:
            continue
    return frozenset(out)


def _weekdays(rule) -> tuple[frozenset, frozenset]:
    """BYDAY as (plain weekdays, (ordinal, weekday) pairs)."""
    plain, nth = set(), set()
    values = rule.get("BYDAY") or []
    for value in values if isinstance(values, (list, tuple)) else [values]:
        text = str(value).strip().upper()
        day = _WEEKDAYS.get(text[-2:])
        if day is None:
            continue
        ordinal = text[:-2]
        if ordinal in ("", "+"):
            plain.add(day)
        else:
            try:
                nth.add((int(ordinal), day))
            except ValueError:
                continue
    return frozenset(plain), frozenset(nth)


@lru_cache(maxsize=4096)
def _day_facts(ordinal: int) -> tuple:
    """(month, day, negative day, year day, negative year day, weekday, ISO week, negative week,
    nth weekday in month, from its end, nth in year, from its end) of one date."""
    day = date.fromordinal(ordinal)
    month_len = calendar.monthrange(day.year, day.month)[1]
    year_len = 366 if calendar.isleap(day.year) else 365
    yday = day.timetuple().tm_yday
    iso_year, week, _ = day.isocalendar()
    weeks = date(iso_year, 12, 28).isocalendar()[1]
    return (day.month, day.day, day.day - month_len - 1, yday, yday - year_len - 1, day.weekday(),
            week, week - weeks - 1, (day.day - 1) // 7 + 1, -((month_len - day.day) // 7 + 1),
            (yday - 1) // 7 + 1, -((year_len - yday) // 7 + 1))


class DayTest:
    """The day-level parts of one rule, ready to test day after day."""

    def __init__(self, rule, anchor: date):
        self.freq = str((rule.get("FREQ") or ["DAILY"])[0]).upper()
        self.interval = max(1, int(str((rule.get("INTERVAL") or [1])[0]) or 1))
        self.anchor = anchor
        self.months = _ints(rule, "BYMONTH")
        self.monthdays = _ints(rule, "BYMONTHDAY")
        self.yeardays = _ints(rule, "BYYEARDAY")
        self.weeknos = _ints(rule, "BYWEEKNO")
        self.plain, self.nth = _weekdays(rule)
        self._defaults()
        self.stride = self._stride()

    def _defaults(self) -> None:
        """The parts a rule takes from its DTSTART when it gives none (RFC 5545, 3.3.10)."""
        any_day = self.monthdays or self.yeardays or self.weeknos or self.plain or self.nth
        if self.freq == "YEARLY" and not any_day:
            if not self.months:
                self.months = frozenset({self.anchor.month})
            self.monthdays = frozenset({self.anchor.day})
        elif self.freq == "MONTHLY" and not any_day:
            self.monthdays = frozenset({self.anchor.day})
        elif self.freq == "WEEKLY" and not any_day:
            self.plain = frozenset({self.anchor.weekday()})

    def _stride(self) -> Optional[int]:
        """Days between candidate days, when the period grid is a whole number of days."""
        seconds = _SECONDS.get(self.freq)
        if seconds is not None and (seconds * self.interval) % 86400 == 0:
            return seconds * self.interval // 86400
        return None

    def on_grid(self, day: date) -> bool:
        if self.stride:
            return (day - self.anchor).days % self.stride == 0
        if self.interval == 1:
            return True
        if self.freq == "WEEKLY":
            weeks = ((day - timedelta(days=day.weekday())) - (self.anchor - timedelta(days=self.anchor.weekday())))
            return (weeks.days // 7) % self.interval == 0
        if self.freq == "MONTHLY":
            return ((day.year - self.anchor.year) * 12 + day.month - self.anchor.month) % self.interval == 0
        if self.freq == "YEARLY":
            return (day.year - self.anchor.year) % self.interval == 0
        return True

    def allows(self, day: date) -> bool:
        (month, mday, nmday, yday, nyday, weekday, week, nweek,
         in_month, in_month_end, in_year, in_year_end) = _day_facts(day.toordinal())
        if self.months and month not in self.months:
            return False
        if self.monthdays and mday not in self.monthdays and nmday not in self.monthdays:
            return False
        if self.yeardays and yday not in self.yeardays and nyday not in self.yeardays:
            return False
        # Week numbers depend on WKST and, at a year's edges, on the year the rule is walking:
        # a neighbouring number is accepted too (a necessary condition, never a false "never").
        if self.weeknos and not self.weeknos & {week - 1, week, week + 1, nweek - 1, nweek, nweek + 1}:
            return False
        if self.plain or self.nth:
            if weekday in self.plain:
                return True
            # An ordinal counts within the month for monthly rules (and yearly ones
            # with BYMONTH), within the year otherwise; in finer rules RFC 5545
            # forbids it, so only the weekday is kept (a necessary condition).
            if self.freq == "MONTHLY" or (self.freq == "YEARLY" and self.months):
                counts = (in_month, in_month_end)
            elif self.freq == "YEARLY":
                counts = (in_year, in_year_end)
            else:
                return any(day_ == weekday for _, day_ in self.nth)
            return any(day_ == weekday and n in counts for n, day_ in self.nth)
        return True


def week_numbers_outside_yearly(rule) -> bool:
    """Whether ``rule`` has BYWEEKNO without being yearly, which RFC 5545 forbids.

    Week numbers are the one part :class:`DayTest` checks loosely (they depend
    on WKST and on the year ``dateutil`` walks), and only a yearly rule keeps
    ``dateutil``'s walk short when the loose test is wrong: so such a rule is
    not expanded, and said so.
    """
    freq = str((rule.get("FREQ") or ["DAILY"])[0]).upper()
    return bool(rule.get("BYWEEKNO")) and freq != "YEARLY"


def first_possible_day(rule, anchor: date, start: date, horizon: int = HORIZON_DAYS) -> Optional[date]:
    """The first day from ``start`` on which ``rule`` (anchored at its DTSTART day ``anchor``)
    may occur, looking ``horizon`` days ahead; None when there is none."""
    test = DayTest(rule, anchor)
    day = max(start, anchor)
    step = test.stride or 1
    end = date.fromordinal(min(date.max.toordinal(), day.toordinal() + horizon))
    if test.stride:  # start on the grid, then walk it
        day = date.fromordinal(min(date.max.toordinal(), day.toordinal() + (-(day - anchor).days) % step))
    while day <= end:
        if test.on_grid(day) and test.allows(day):
            return day
        if end.toordinal() - day.toordinal() < step:  # the next step would pass the horizon (or year 9999)
            return None
        day += timedelta(days=step)
    return None
