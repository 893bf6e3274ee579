"""Times are rewritten in the shape they were written in."""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from chartercheck.fix.timetext import TimeTextError, rewrite

PARIS = ZoneInfo("Europe/Paris")


def at(text):
    return datetime.fromisoformat(text).replace(tzinfo=PARIS)


OLD, NEW = at("2026-11-23 09:30"), at("2026-11-24 17:05")


@pytest.mark.parametrize("text, expected", [
    ("2026-11-23 09:30", "2026-11-24 17:05"),
    ("2026-11-23T09:30:00", "2026-11-24T17:05:00"),
    ("23/11/2026 09:30", "24/11/2026 17:05"),
    ("11/23/2026 9:30 AM", "11/24/2026 5:05 PM"),
    ("23.11.26 9h30", "24.11.26 17h05"),
    ("23 Nov 2026 09:30", "24 Nov 2026 17:05"),
    ("23 novembre 2026 09:30", "24 novembre 2026 17:05"),
])
def test_shapes_are_kept(text, expected):
    assert rewrite(text, OLD, NEW, PARIS) == expected


def test_offsets_follow_the_zone_across_dst_or_stay_fixed():
    old = datetime(2027, 3, 27, 9, 0, tzinfo=PARIS)
    new = datetime(2027, 3, 29, 9, 0, tzinfo=PARIS)   # summer time by then
    assert rewrite("2027-03-27T09:00+01:00", old, new, PARIS) == "2027-03-29T09:00+02:00"
    assert rewrite("2027-03-27T08:00Z", old, new, PARIS) == "2027-03-29T07:00Z"
    assert rewrite("2027-03-27T08:00+0000", old, new, PARIS) == "2027-03-29T07:00+0000"


def test_split_date_and_time_columns():
    assert rewrite("11/23/2026", OLD, NEW, PARIS, part="date", day_first=False) == "11/24/2026"
    assert rewrite("9:30 AM", OLD, NEW, PARIS, part="time") == "5:05 PM"


def test_ambiguous_day_and_month_follow_the_file_order():
    old, new = at("2026-05-05 10:00"), at("2026-05-06 10:00")
    assert rewrite("05/05/2026 10:00", old, new, PARIS, day_first=True) == "06/05/2026 10:00"
    assert rewrite("05/05/2026 10:00", old, new, PARIS, day_first=False) == "05/06/2026 10:00"


def test_text_that_does_not_say_the_old_time_is_refused():
    with pytest.raises(TimeTextError):
        rewrite("2026-11-25 09:30", OLD, NEW, PARIS)
    with pytest.raises(TimeTextError):
        rewrite("tomorrow", OLD, NEW, PARIS)
