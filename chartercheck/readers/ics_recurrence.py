"""Expanding one recurring iCalendar series inside a window, in bounded time.

``recurring-ical-events`` does the RFC 5545 work (RRULE, RDATE, EXDATE,
RECURRENCE-ID overrides, THISANDFUTURE); this module only keeps it bounded.
``dateutil`` walks a rule from its DTSTART, one candidate at a time, and
returns whole lists, so an absurd rule (``FREQ=SECONDLY`` with no end, or a
daily rule that started in 1970) would cost time and memory without limit.
Three guards keep every series cheap whatever it says:

* **rebasing** — when the rule would take more than :data:`STEP_BUDGET` steps
  to reach the window, its DTSTART is moved forward by a whole number of
  periods (same wall-clock time, so the same occurrences), and COUNT is
  lowered by the periods skipped;
* **a short window for dense rules** — the series is only asked for the span
  that can hold :data:`MAX_OCCURRENCES` candidates, judged from its
  frequency, interval and BYxxx lists; what lies beyond is reported (CC912);
* **a bounded search** — a rule with no possible day in the years after the
  window's start (the 30th of February) is not walked at all (see
  :mod:`.ics_bounds`), and reported (CC920).

The reader adds a fourth: every series of a file shares a budget of
occurrences (see :func:`series_limit`), so many endless series cannot add
up to more posts than one file may hold.

A component with several RRULEs (RFC 5545 allows it, though it advises
against it) is expanded rule by rule, each rule as a series of its own under
the same guards and an even share of the series' budget, and the occurrences
are merged (see :func:`_expand_rule_by_rule`): unguarded, a weekly rule beside
a ``FREQ=SECONDLY`` one would walk every second of the window.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any, Optional

from .ics_bounds import first_possible_day, week_numbers_outside_yearly

#: Occurrences kept per series; more is reported as CC912.
MAX_OCCURRENCES = 1000
#: Occurrences all the series of one file may give together, shared evenly.
TOTAL_OCCURRENCES = 20_000
#: Occurrences any series may give, however many series share the budget.
MIN_OCCURRENCES = 10
#: Rule steps tolerated between DTSTART and the window before rebasing.
STEP_BUDGET = 20_000

_PERIODS = {"SECONDLY": timedelta(seconds=1), "MINUTELY": timedelta(minutes=1),
            "HOURLY": timedelta(hours=1), "DAILY": timedelta(days=1), "WEEKLY": timedelta(weeks=1),
            "MONTHLY": timedelta(days=28), "YEARLY": timedelta(days=365)}
#: Only these periods are exact in wall-clock time, so only they can be rebased.
_REBASABLE = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY")
#: BYxxx parts that can multiply the candidates of one period.
_EXPANDING_PARTS = ("BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY",
                    "BYWEEKNO", "BYMONTH", "BYSETPOS")


@dataclass
class Expansion:
    """What one series gave: (start, source component) pairs, and whether it was cut."""

    occurrences: list[tuple[datetime, Any]] = field(default_factory=list)
    capped_at: Optional[datetime] = None     # the last occurrence kept, when more were cut
    error: Optional[str] = None              # the series could not be expanded at all
    #: why the rule was dropped (the series read as DTSTART and its extra dates): "never" when it
    #: has no possible day within :data:`.ics_bounds.HORIZON_DAYS` of the window's start, "weeks"
    #: when it has week numbers without being yearly; "" when it was expanded
    never: str = ""


def series_limit(series: int) -> int:
    """Occurrences one of ``series`` recurring series may give: an even share of
    :data:`TOTAL_OCCURRENCES`, at most :data:`MAX_OCCURRENCES`, at least :data:`MIN_OCCURRENCES`."""
    return max(MIN_OCCURRENCES, min(MAX_OCCURRENCES, TOTAL_OCCURRENCES // max(1, series)))


def expand_series(components: list, start: datetime, end: datetime,
                  limit: int = MAX_OCCURRENCES) -> Expansion:
    """Occurrences of one UID's components (a master and its overrides) in ``[start, end)``.

    ``start``/``end`` must be aware; every DTSTART of ``components`` must be
    an aware datetime already (the reader resolves zones first).
    """
    from recurring_ical_events.series import Series

    master = next((c for c in components if "RECURRENCE-ID" not in c), None)
    rules = master.get("RRULE") if master is not None else None
    if isinstance(rules, list) and len(rules) > 1:
        return _expand_rule_by_rule(components, master, rules, start, end, limit)
    stop = end
    never = ""
    rule = _single_rule(master) if master is not None else None
    try:
        if rule is not None:
            if not _rebase(master, rule, start):
                return Expansion()   # COUNT ran out before the window: nothing to expand
            dtstart = master["DTSTART"].dt
            first = max(start, dtstart)
            weeks = week_numbers_outside_yearly(rule)
            possible = None if weeks else first_possible_day(rule, dtstart.date(),
                                                             first.astimezone(dtstart.tzinfo).date())
            if possible is None:  # keep DTSTART, extra dates and moved occurrences; drop the rule
                del master["RRULE"]
                rule, never = None, "weeks" if weeks else "never"
            elif possible > end.astimezone(dtstart.tzinfo).date() and not _has_overrides(components):
                return Expansion()   # its next day is past the window: nothing to walk to
            else:
                stop = min(end, first + _short_window(rule, limit))
        series = Series(list(map(_at_its_start(), components)))
        found: dict[datetime, Any] = {}
        for occurrence in series.between(start, stop):
            begin = occurrence.start
            if isinstance(begin, datetime) and begin >= start and begin not in found:
                found[begin] = occurrence._adapter._component   # the override, or the master
    except Exception as exc:  # noqa: BLE001 - any library failure is one unreadable series
        return Expansion(error=f"{type(exc).__name__}: {exc}"[:200])
    ordered = sorted(found.items(), key=lambda item: item[0])
    result = Expansion(ordered[:limit], never=never)
    rule_goes_on = (rule is not None and stop < end and _part(rule, "COUNT") is None
                    and _continues_after(rule, stop))
    if len(ordered) > limit or (rule_goes_on and ordered):
        result.capped_at = result.occurrences[-1][0]
    return result


def _expand_rule_by_rule(components: list, master, rules: list, start: datetime, end: datetime,
                         limit: int) -> Expansion:
    """The occurrences of a master with several RRULEs: each rule expanded alone (with the
    master's extra and excluded dates, and its overrides) as one series under every guard,
    with an even share of ``limit``; the union, each start once, attributed to the master.

    The union is the rule set's own occurrences: RFC 5545 makes a component's instances the
    union of its rules' (and its RDATEs'), minus its EXDATEs; each rule keeps its own COUNT.
    When a rule's expansion was cut, the union stops at the earliest cut, so that everything
    up to where it says it stopped is there.
    """
    share = max(MIN_OCCURRENCES, limit // len(rules))
    overrides = [c for c in components if c is not master]
    found: dict[datetime, Any] = {}
    cut: Optional[datetime] = None
    never = ""
    for rule in rules:
        alone = master.copy()  # why a copy: rebasing a rule moves its DTSTART and COUNT
        alone["RRULE"] = rule.copy()
        part = expand_series([alone, *overrides], start, end, share)
        if part.error:
            return part
        never = never or part.never
        if part.capped_at is not None:
            cut = part.capped_at if cut is None else min(cut, part.capped_at)
        for begin, component in part.occurrences:
            found.setdefault(begin, master if component is alone else component)
    ordered = sorted((item for item in found.items() if cut is None or item[0] <= cut), key=lambda item: item[0])
    result = Expansion(ordered[:limit], never=never)
    if cut is not None or len(ordered) > limit:
        result.capped_at = result.occurrences[-1][0] if result.occurrences else None
    return result


@lru_cache(maxsize=None)  # one class, made when the first series is expanded (the library loads late)
def _at_its_start():
    """The library's adapter of a VEVENT, reading it as a post is read: a moment, its DTSTART.

    Why: the library orders an event's start and end, so an event whose DTEND (or
    DURATION) falls before its DTSTART would recur from its end's time (a daily rule at
    08:00 where DTSTART says 09:00), and walk its rule from there (a year of seconds for
    ``FREQ=SECONDLY`` and an end a year early).  And an event's length only widens the span
    the library searches backwards, for occurrences that start before the window, which
    :func:`expand_series` drops anyway.
    """
    from recurring_ical_events.adapters.event import EventAdapter

    class AtItsStart(EventAdapter):
        @property
        def span(self):
            start = self.raw_start
            return start, start

    return AtItsStart


def _has_overrides(components: list) -> bool:
    """Whether the series has moved occurrences or extra dates, which may fall in the window."""
    return any("RECURRENCE-ID" in c or "RDATE" in c for c in components)


def _single_rule(component) -> Optional[dict]:
    """The component's RRULE as a dict of lists, or None (none, several, or unreadable)."""
    rule = component.get("RRULE")
    if isinstance(rule, list):
        rule = rule[0] if len(rule) == 1 else None
    if rule is None:
        return None
    return rule if hasattr(rule, "get") else None


def _part(rule, name: str, default=None):
    value = rule.get(name)
    if value is None:
        return default
    return value[0] if isinstance(value, (list, tuple)) and value else value


def _frequency(rule) -> str:
    """The rule's FREQ, upper case (DAILY when it has none)."""
    return str(_part(rule, "FREQ", "DAILY")).upper()


def _step(rule) -> timedelta:
    """One step of ``rule``: its frequency's period (a day for one nobody knows) times its INTERVAL."""
    return _PERIODS.get(_frequency(rule), timedelta(days=1)) * max(1, int(_part(rule, "INTERVAL", 1) or 1))


def _effective_period(rule) -> timedelta:
    """The shortest average gap between candidates of ``rule`` (never zero)."""
    period = _step(rule)
    factor = 1
    for name in _EXPANDING_PARTS:
        values = rule.get(name)
        if isinstance(values, (list, tuple)) and len(values) > 1:
            factor *= len(values)
    return max(period / factor, timedelta(seconds=1))


#: Parts of a rule that recurs within the day (SECONDLY, MINUTELY, HOURLY) that limit its times of
#: day: the name, how many values the day's unit holds, and the frequencies it is free for when absent.
_TIMES_OF_DAY = (("BYHOUR", 24, ("SECONDLY", "MINUTELY", "HOURLY")),
                 ("BYMINUTE", 60, ("SECONDLY", "MINUTELY")),
                 ("BYSECOND", 60, ("SECONDLY",)))


def _short_window(rule, limit: int) -> timedelta:
    """The span asked of a dense rule: enough for ``limit`` occurrences (and one more, to know
    it goes on), judged from :func:`_occurrence_gap`, but at most
    ``STEP_BUDGET * limit / MAX_OCCURRENCES`` of the rule's own steps (never fewer than
    ``limit + 1``), which bounds what dateutil walks for a series whatever it filters out."""
    steps = max(limit + 1, STEP_BUDGET * limit // MAX_OCCURRENCES)
    return min(_occurrence_gap(rule) * (limit + 1), _step(rule) * steps)


def _occurrence_gap(rule) -> timedelta:
    """A lower bound of the average gap between occurrences of ``rule``: :func:`_effective_period`,
    or, for a rule that recurs within the day, a day over the most times of day its BYHOUR,
    BYMINUTE and BYSECOND allow, when that is longer.

    Why: for such a rule those parts limit, they do not multiply: "FREQ=HOURLY;BYHOUR=9,18" is
    twice a day, where :func:`_effective_period` (which bounds what is walked, every hour here)
    counts two an hour, and the series was cut after three weeks.
    """
    gap = _effective_period(rule)
    freq = _frequency(rule)
    if freq not in ("SECONDLY", "MINUTELY", "HOURLY"):
        return gap
    per_day = 1
    for name, units, free_for in _TIMES_OF_DAY:
        values = rule.get(name)
        if isinstance(values, (list, tuple)) and values:
            per_day *= len(values)
        elif freq in free_for:
            per_day *= units
    return max(gap, timedelta(days=1) / per_day)


def _rebase(master, rule, start: datetime) -> bool:
    """Move a far-away DTSTART close to ``start``; False when COUNT ends before it."""
    freq = str(_part(rule, "FREQ", "")).upper()
    dtstart = master["DTSTART"].dt
    if freq not in _REBASABLE or not isinstance(dtstart, datetime) or dtstart >= start:
        return True
    period = _step(rule)
    if (start - dtstart) / _effective_period(rule) <= STEP_BUDGET:
        return True
    import icalendar

    skipped = int((start - dtstart) / period)
    count = _part(rule, "COUNT")
    if count is not None:
        if int(count) <= skipped:
            return False
        rule["COUNT"] = [int(count) - skipped]
    # Aware + timedelta is wall-clock arithmetic: the local time of day is kept.
    # (DTEND is left as it is: occurrences are read at their start, see _at_its_start.)
    master["DTSTART"] = icalendar.vDDDTypes(dtstart + period * skipped)
    return True


def _continues_after(rule, moment: datetime) -> bool:
    until = _part(rule, "UNTIL")
    if isinstance(until, date) and not isinstance(until, datetime):
        return until > moment.date()
    if isinstance(until, datetime):
        if until.tzinfo is None:
            until = until.replace(tzinfo=moment.tzinfo)
        return until > moment
    return True
