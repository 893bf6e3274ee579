"""Dates show their year when the calendar spans years or lies outside the current one."""
from __future__ import annotations

from datetime import date

import pytest

from chartercheck.formatters.text import render
from chartercheck.timeutil import needs_year
from chartercheck.testing import lint_text

CHARTER = """
channels:
  instagram: {platform: instagram}
cadence:
  windows: {mon-sun: ["08:00-20:00"]}
"""


def _calendar(*moments: str) -> str:
    rows = "".join(f"  - {{id: p{i}, channel: instagram, at: '{at}', text: 'Un conseil vélo du soir.'}}\n"
                   for i, at in enumerate(moments))
    return "posts:\n" + rows


@pytest.mark.parametrize("first,last,today,expected", [
    (date(2026, 11, 23), date(2026, 11, 29), date(2026, 12, 5), False),
    (date(2026, 12, 28), date(2027, 1, 3), date(2026, 12, 5), True),
    (date(2015, 12, 15), date(2015, 12, 15), date(2026, 12, 5), True),
    (date(2027, 3, 1), date(2027, 3, 8), date(2026, 12, 5), True),
    (date(2026, 3, 1), date(2026, 3, 8), None, False),
])
def test_needs_year(first, last, today, expected):
    assert needs_year(first, last, today) is expected


def test_a_calendar_across_new_year_shows_years_in_messages_and_headings():
    report = lint_text(CHARTER, _calendar("2026-12-29 22:00", "2027-01-05 22:30"), now="2026-12-01 09:00",
                       select=["CC105"])
    text = render(report)
    assert "planned Tue 29 Dec 2026 22:00" in text
    assert "Tue 5 Jan 2027 22:30" in text
    assert "p1  instagram  Tue 5 Jan 2027 22:30" in text


def test_an_old_calendar_shows_its_year_even_on_one_day():
    report = lint_text(CHARTER, _calendar("2015-12-15 22:00"), now="2026-12-05 09:00", select=["CC105"])
    assert "Tue 15 Dec 2015 22:00" in render(report)


def test_this_years_week_stays_short():
    report = lint_text(CHARTER, _calendar("2026-11-24 22:00"), now="2026-11-20 09:00", select=["CC105"])
    text = render(report)
    assert "Tue 24 Nov 22:00" in text and "2026 22:00" not in text


def test_french_dates_with_year():
    report = lint_text(CHARTER + "lang: fr\n", _calendar("2015-12-15 22:00"), now="2026-12-05 09:00",
                       select=["CC105"])
    assert "mar. 15 déc. 2015 22:00" in render(report)
