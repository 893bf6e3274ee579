"""Real exports and random input: findings or a clean error, never a traceback."""
import glob
import os

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from chartercheck.charter import load_charter
from chartercheck.engine import LintOptions, run
from chartercheck.errors import CalendarError
from chartercheck.timeutil import parse_cli_datetime

from .helpers import read

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "ics")
SAMPLES = os.path.join(ROOT, "sample_calendars")
CORPUS_FILES = sorted(glob.glob(os.path.join(CORPUS, "*.ics")))


@pytest.mark.skipif(not CORPUS_FILES, reason="../shared/corpus/ics is not beside the repository")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=os.path.basename)
def test_every_real_export_gives_findings_or_a_clean_error(path):
    with open(path, "rb") as handle:
        data = handle.read()
    try:
        result = read(data, "ics", path=os.path.basename(path))
    except CalendarError as exc:
        assert exc.problems and exc.problems[0].message
        return
    assert result.posts or result.problems


PRODUCER_SAMPLES = sorted(
    os.path.basename(p) for pattern in ("google-*.ics", "outlook-*.ics", "apple-*.ics", "nextcloud-*.ics",
                                        "sprout-*.csv", "buffer-*.csv", "hootsuite-*.csv", "excel-fr-*.csv")
    for p in glob.glob(os.path.join(SAMPLES, pattern)))


@pytest.mark.parametrize("name", PRODUCER_SAMPLES)
def test_producer_samples_lint_without_any_option(name):
    charter = load_charter(os.path.join(ROOT, "charters", "velo-lumiere.yaml"))
    report = run([os.path.join(SAMPLES, name)], charter,
                 LintOptions(now=parse_cli_datetime("2026-10-01 09:00", charter.tz)))
    assert report.post_count >= 2
    unexpected = {f.code for f in report.findings} & {"CC901", "CC902", "CC903", "CC904", "CC905", "CC908",
                                                       "CC912", "CC914", "CC915", "CC916"}
    assert not unexpected, [f.message for f in report.findings if f.code in unexpected]


ICS_LINES = st.sampled_from([
    "BEGIN:VEVENT", "END:VEVENT", "UID:a", "UID:b", "DTSTART:20261124T110000Z", "DTSTART:20261124T1100",
    "DTSTART;TZID=Nowhere/Land:20261124T110000", "DTSTART;VALUE=DATE:20261124", "DTSTART:garbage",
    "RRULE:FREQ=SECONDLY", "RRULE:FREQ=DAILY;COUNT=3", "RRULE:FREQ=WEEKLY;UNTIL=20261201", "RRULE:nonsense",
    "EXDATE:20261125T110000Z", "RDATE:20261130T110000Z", "RECURRENCE-ID:20261125T110000Z", "STATUS:CANCELLED",
    "SUMMARY:[IG] x", "CATEGORIES:Facebook", "BEGIN:VTODO", "END:VTODO", "BEGIN:VALARM", "END:VALARM",
    "X", " folded", "X-CHARTERCHECK-APPROVAL:by=", "ATTENDEE;PARTSTAT=ACCEPTED:mailto:",
    "X-WR-TIMEZONE:Mars/Olympus", "DURATION:PT15M", "DTEND:20261124T100000Z"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ICS_LINES, max_size=30))
def test_any_ics_soup_reads_or_fails_cleanly(lines):
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", *lines, "END:VCALENDAR"])
    try:
        read(text, "ics")
    except CalendarError:
        pass


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["id", "at", "channel", "text", "23/11/2026 10:00", "11/23/2026",
                                          "2026-11-24 10:00", "instagram", "", "\"", "é", ";", "date",
                                          "time_24hr", "message_text", "24:99"]), max_size=6), max_size=8),
       st.sampled_from([",", ";"]))
def test_any_csv_soup_reads_or_fails_cleanly(rows, delimiter):
    text = "\n".join(delimiter.join(row) for row in rows)
    try:
        read(text, "csv")
    except CalendarError:
        pass
