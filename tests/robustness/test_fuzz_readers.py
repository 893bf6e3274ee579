"""hypothesis beyond YAML (see test_hostile_yaml.py): CSV and iCalendar readers never crash,
and the bounded search for a rule's first day never misses a day ``dateutil`` would give."""
from datetime import date, datetime, timedelta

import icalendar
from dateutil.rrule import rrulestr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chartercheck.errors import ChartercheckError
from chartercheck.readers.ics_bounds import HORIZON_DAYS, first_possible_day
from chartercheck.testing import lint_text

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

cells = st.one_of(st.text(max_size=12), st.sampled_from(["2026-11-24 10:00", "24/11/2026", "instagram", '"', ";",
                                                         "\x00", "\x1b[2J", "id", "at", "text", "channel"]))


@FAST
@given(st.lists(st.lists(cells, min_size=1, max_size=5), max_size=6), st.sampled_from([",", ";", "\t"]))
def test_any_csv_never_crashes(rows, delimiter):
    text = "\n".join(delimiter.join(row) for row in [["id", "channel", "at", "text"], *rows])
    try:
        lint_text("", text, fmt="csv")
    except ChartercheckError:
        pass


ICS_LINES = st.sampled_from([
    "BEGIN:VEVENT", "END:VEVENT", "UID:a", "UID:b", "DTSTART:20261124T100000", "DTSTART;TZID=Nowhere:20261124T100000",
    "DTSTART;VALUE=DATE:20261124", "DTSTART:2026", "RRULE:FREQ=DAILY;COUNT=3", "RRULE:FREQ=SECONDLY",
    "RRULE:FREQ=MONTHLY;BYMONTHDAY=31;BYMONTH=2", "RRULE:FREQ=WEEKLY;BYDAY=5MO", "RRULE:GARBAGE",
    "RECURRENCE-ID:20261125T100000", "EXDATE:20261125T100000", "RDATE:20261130T100000", "SUMMARY:[IG] Bonjour",
    "CATEGORIES:instagram", "STATUS:CANCELLED", "BEGIN:VTIMEZONE", "END:VTIMEZONE", "TZID:Nowhere",
    "BEGIN:STANDARD", "END:STANDARD", "DTSTART:16010101T000000", "TZOFFSETTO:+0100", "TZOFFSETFROM:+0200",
    "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "X-WR-TIMEZONE:Europe/Paris", "BROKEN LINE", "\x1b[2J",
])


@FAST
@given(st.lists(ICS_LINES, max_size=25))
def test_any_icalendar_never_crashes(lines):
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *lines, "END:VCALENDAR", ""])
    try:
        lint_text("", text, fmt="ics")
    except ChartercheckError:
        pass


WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
by_day = st.lists(st.tuples(st.sampled_from(["", "1", "2", "-1", "5", "-5", "53"]), st.sampled_from(WEEKDAYS)),
                  max_size=2)


@st.composite
def yearly_rules(draw):
    """Yearly rules: the frequency whose impossible forms ``dateutil`` gives up on quickly (it
    walks them to the year 9999: 8,000 steps, not 100,000 months or 3 million days)."""
    parts = ["FREQ=YEARLY",
             f"INTERVAL={draw(st.integers(1, 4))}"]
    for name, values in (("BYMONTH", st.lists(st.integers(1, 12), max_size=2)),
                         ("BYMONTHDAY", st.lists(st.sampled_from([1, 15, 28, 29, 30, 31, -1, -30, -31]), max_size=2)),
                         ("BYYEARDAY", st.lists(st.sampled_from([1, 60, 365, 366, -1, -366]), max_size=1)),
                         ("BYWEEKNO", st.lists(st.sampled_from([1, 20, 52, 53, -1]), max_size=1))):
        chosen = draw(values)
        if chosen:
            parts.append(f"{name}={','.join(map(str, chosen))}")
    days = draw(by_day)
    if days:
        parts.append("BYDAY=" + ",".join(n + d for n, d in days))
    return ";".join(parts)


@settings(max_examples=25, deadline=None)
@given(yearly_rules(), st.dates(date(2000, 1, 1), date(2040, 12, 31)))
def test_the_first_possible_day_is_never_after_the_real_first_occurrence(rule, anchor):
    start = datetime.combine(anchor, datetime.min.time()).replace(hour=10)
    try:
        real = rrulestr(rule, dtstart=start).after(start, inc=True)
    except (ValueError, IndexError):  # dateutil refuses it outright: the reader reports it as unreadable
        return
    ours = first_possible_day(icalendar.vRecur.from_ical(rule), anchor, anchor)
    if real is not None and real.date() <= anchor + timedelta(days=HORIZON_DAYS):
        assert ours is not None and ours <= real.date(), (rule, anchor, ours, real)
