"""Series of unusual shape, read right and in bounded time.

* An event with several RRULEs: its occurrences are the union of its rules', each rule bounded as
  a series of its own (unbounded, a weekly rule beside a FREQ=SECONDLY one walked every second of
  the window).
* An event whose DTEND or DURATION falls before its DTSTART: it recurs from its DTSTART (the
  library ordered the two, so it recurred from its end's time, and walked a FREQ=SECONDLY rule
  from an end a year early).
"""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from recurring_ical_events.adapters.event import EventAdapter
from recurring_ical_events.series import Series

from chartercheck.readers.ics_recurrence import MIN_OCCURRENCES, expand_series

from .helpers import codes, event, ics, read

PARIS = ZoneInfo("Europe/Paris")
WINDOW = (datetime(2026, 11, 23, tzinfo=PARIS), datetime(2027, 1, 4, tzinfo=PARIS))


def _component(*lines: str) -> icalendar.Event:
    text = ics(event("s1", "DTSTART;TZID=Europe/Paris:20261123T090000", "[IG] Série", *lines))
    component = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    component["DTSTART"] = icalendar.vDDDTypes(datetime(2026, 11, 23, 9, 0, tzinfo=PARIS))
    return component


def _starts(expansion) -> list[datetime]:
    return [start for start, _ in expansion.occurrences]


def _library_starts(*lines: str) -> list[datetime]:
    """What recurring-ical-events gives for the whole rule set at once, without any guard."""
    series = Series([EventAdapter(_component(*lines))])
    return sorted({o.start for o in series.between(*WINDOW)})


RULES = ["RRULE:FREQ=WEEKLY;BYDAY=MO", "RRULE:FREQ=WEEKLY;BYDAY=TH;COUNT=3", "RRULE:FREQ=DAILY;INTERVAL=10",
         "RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15", "RRULE:FREQ=WEEKLY;UNTIL=20261210T000000Z;BYDAY=FR"]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(RULES), min_size=2, max_size=3, unique=True),
       st.sampled_from(["", "EXDATE;TZID=Europe/Paris:20261130T090000", "RDATE;TZID=Europe/Paris:20261202T180000"]))
def test_the_union_of_the_rules_is_the_rule_set(rules, dates):
    lines = [*rules, dates] if dates else rules
    expansion = expand_series([_component(*lines)], *WINDOW)
    assert _starts(expansion) == _library_starts(*lines)
    assert expansion.capped_at is None and not expansion.error


def test_occurrences_are_attributed_to_the_master_and_overrides_kept():
    master = _component("RRULE:FREQ=WEEKLY;BYDAY=MO", "RRULE:FREQ=WEEKLY;BYDAY=TH")
    moved = _component("RECURRENCE-ID;TZID=Europe/Paris:20261126T090000")
    moved["DTSTART"] = icalendar.vDDDTypes(datetime(2026, 11, 27, 18, 0, tzinfo=PARIS))
    expansion = expand_series([master, moved], *WINDOW)
    by_start = dict(expansion.occurrences)
    assert by_start[datetime(2026, 11, 23, 9, 0, tzinfo=PARIS)] is master
    assert by_start[datetime(2026, 11, 27, 18, 0, tzinfo=PARIS)] is moved
    assert datetime(2026, 11, 26, 9, 0, tzinfo=PARIS) not in by_start  # the occurrence it moved
    assert "RRULE" in master and isinstance(master["RRULE"], list)  # the master itself is unchanged


def test_a_dense_rule_beside_a_weekly_one_is_cut_at_its_share_and_the_union_with_it():
    expansion = expand_series([_component("RRULE:FREQ=WEEKLY", "RRULE:FREQ=SECONDLY")], *WINDOW, limit=1000)
    starts = _starts(expansion)
    assert len(starts) == 500  # the secondly rule's share of the series' 1,000
    assert starts[0] == datetime(2026, 11, 23, 9, 0, tzinfo=PARIS)
    assert starts[-1] == expansion.capped_at == datetime(2026, 11, 23, 9, 8, 19, tzinfo=PARIS)
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_many_rules_each_get_a_share_of_at_least_the_minimum():
    rules = [f"RRULE:FREQ=MINUTELY;BYSECOND={s}" for s in range(0, 60, 2)]
    expansion = expand_series([_component(*rules)], *WINDOW, limit=100)
    assert expansion.capped_at is not None
    assert len(expansion.occurrences) == 100
    # every kept start is the union's, up to the earliest cut: no gap before it
    starts = _starts(expansion)
    assert starts == [WINDOW[0] + timedelta(hours=9, seconds=2 * i) for i in range(100)]
    assert MIN_OCCURRENCES * len(rules) > 100  # so each rule had the minimum share, not 100 // 30


@pytest.mark.parametrize("fmt_lines", [
    ("RRULE:FREQ=WEEKLY;COUNT=2", "RRULE:FREQ=SECONDLY"),
    ("RRULE:FREQ=SECONDLY", "RRULE:FREQ=MINUTELY", "RRULE:FREQ=HOURLY"),
])
def test_a_calendar_with_a_dense_rule_among_several_reads_quickly_and_says_where_it_stopped(fmt_lines):
    text = ics(event("s1", "DTSTART;TZID=Europe/Paris:20261124T120000", "[IG] Série", *fmt_lines))
    result = read(text, "ics")
    assert "CC912" in codes(result)
    assert 0 < len(result.posts) <= 1000


@pytest.mark.parametrize("end", ["DTEND;TZID=Europe/Paris:20261124T080000", "DURATION:-PT1H",
                                 "DTEND;TZID=Europe/Paris:20251124T080000", "DURATION:PT2H"])
def test_a_series_recurs_from_its_start_whatever_its_end_says(end):
    text = ics(event("s1", "DTSTART;TZID=Europe/Paris:20261124T090000", "[IG] Série", end,
                     "RRULE:FREQ=DAILY;COUNT=3"))
    result = read(text, "ics")
    assert [post.at for post in result.posts] == [datetime(2026, 11, d, 9, 0, tzinfo=PARIS) for d in (24, 25, 26)]


def test_a_dense_series_ending_a_year_before_it_starts_is_bounded():
    text = ics(event("s1", "DTSTART;TZID=Europe/Paris:20261124T090000", "[IG] Série",
                     "DTEND;TZID=Europe/Paris:20251124T080000", "RRULE:FREQ=SECONDLY"))
    result = read(text, "ics")
    assert "CC912" in codes(result)
    assert result.posts[0].at == datetime(2026, 11, 24, 9, 0, tzinfo=PARIS)
    assert len(result.posts) == 1000


def _posts_of(rule: str) -> tuple[list[datetime], list[str]]:
    text = ics(event("s1", "DTSTART;TZID=Europe/Paris:20261124T090000", "[IG] Série", rule))
    result = read(text, "ics")
    return [post.at for post in result.posts], codes(result)


def test_times_of_day_limit_a_rule_within_the_day_as_they_expand_a_daily_one():
    """FREQ=HOURLY;BYHOUR=9,18 is twice a day, as FREQ=DAILY;BYHOUR=9,18: the whole year, not
    three weeks cut short (CC912) because the hours were read as multiplying the hourly rule."""
    hourly, hourly_codes = _posts_of("RRULE:FREQ=HOURLY;BYHOUR=9,18;COUNT=500")
    daily, daily_codes = _posts_of("RRULE:FREQ=DAILY;BYHOUR=9,18;COUNT=500")
    assert hourly == daily and len(hourly) == 500
    assert "CC912" not in hourly_codes + daily_codes


def test_a_rule_that_filters_most_of_its_steps_is_walked_within_a_bound_and_says_where_it_stopped():
    starts, found = _posts_of("RRULE:FREQ=SECONDLY;BYSECOND=0")  # once a minute, walked second by second
    assert "CC912" in found
    assert starts[1] - starts[0] == timedelta(minutes=1)
    assert 300 <= len(starts) <= 1000  # 20,000 seconds walked at most: 333 minutes
