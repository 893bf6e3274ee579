"""Recurring iCalendar events in reports: each occurrence is its own post."""
from __future__ import annotations

from chartercheck.formatters.text import render
from chartercheck.testing import lint_text

CHARTER = """
channels:
  instagram: {platform: instagram}
cadence:
  windows: {mon-sun: ["08:00-20:00"]}
"""

TEXT = ("Mardi conseil : règle ton phare vers le sol et garde un feu arrière propre, "
        "pour rouler visible sans éblouir personne sur la piste.")

#: A weekly series of four Tuesdays at noon, the third moved to 06:30 (outside the window).
SERIES = f"""BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:series-1
DTSTAMP:20261001T080000Z
DTSTART;TZID=Europe/Paris:20261013T120000
RRULE:FREQ=WEEKLY;COUNT=4
SUMMARY:Mardi conseil
DESCRIPTION:{TEXT}
CATEGORIES:Instagram
END:VEVENT
BEGIN:VEVENT
UID:series-1
DTSTAMP:20261001T080000Z
RECURRENCE-ID;TZID=Europe/Paris:20261027T120000
DTSTART;TZID=Europe/Paris:20261027T063000
SUMMARY:Mardi conseil
DESCRIPTION:{TEXT}
CATEGORIES:Instagram
END:VEVENT
END:VCALENDAR
"""


def _lint(select):
    return lint_text(CHARTER, SERIES.replace("\n", "\r\n"), "ics", now="2026-10-01 09:00", select=select)


def test_a_finding_about_a_moved_occurrence_sits_under_that_occurrence():
    report = _lint(["CC105"])
    [finding] = report.findings
    text = render(report)
    heading = next(line for line in text.splitlines() if line.startswith("calendar.ics"))
    assert heading.endswith("series-1  instagram  Tue 27 Oct 06:30"), heading
    assert "Tue 13 Oct" not in text


def test_every_occurrence_gets_its_own_heading():
    report = lint_text(CHARTER, SERIES.replace("\n", "\r\n").replace("DTSTART;TZID=Europe/Paris:20261027T063000",
                                                                     "DTSTART;TZID=Europe/Paris:20261027T053000")
                       .replace("T120000\r\nRRULE", "T060000\r\nRRULE")
                       .replace("RECURRENCE-ID;TZID=Europe/Paris:20261027T120000",
                                "RECURRENCE-ID;TZID=Europe/Paris:20261027T060000"), "ics", now="2026-10-01 09:00",
                       select=["CC105"])
    headings = [line for line in render(report).splitlines() if line.startswith("calendar.ics")]
    assert [h.rsplit("  ", 1)[1] for h in headings] == [
        "Tue 13 Oct 06:00", "Tue 20 Oct 06:00", "Tue 27 Oct 05:30", "Tue 3 Nov 06:00"]


def test_occurrences_of_one_series_are_not_near_duplicates_of_each_other():
    assert _lint(["CC205"]).findings == ()


def test_a_copy_outside_the_series_is_still_a_near_duplicate():
    copy = ("BEGIN:VEVENT\nUID:other\nDTSTAMP:20261001T080000Z\nDTSTART;TZID=Europe/Paris:20261015T120000\n"
            f"SUMMARY:Jeudi\nDESCRIPTION:{TEXT}\nCATEGORIES:Instagram\nEND:VEVENT\nEND:VCALENDAR\n")
    calendar = SERIES.replace("END:VCALENDAR\n", copy).replace("\n", "\r\n")
    report = lint_text(CHARTER, calendar, "ics", now="2026-10-01 09:00", select=["CC205"])
    assert report.findings and all("100" in f.message for f in report.findings)
    assert {f.location.post_id for f in report.findings} <= {"series-1", "other"}
