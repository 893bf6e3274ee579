"""Bounded cost whatever the input (issue items 5-8): reading with a ceiling, recurrence rules
searched within a horizon, zone rules kept to the calendar's years, control characters escaped."""
import io
import os
from datetime import date

import pytest

from chartercheck.charter import load_charter_text
from chartercheck.control_chars import escape_controls, report_with_escaped_controls
from chartercheck.errors import CalendarError, CharterError
from chartercheck.readers import ReadOptions, load_source
from chartercheck.readers.base import InputProblem
from chartercheck.readers.bounded import check_readable, read_bounded
from chartercheck.readers.ics_bounds import first_possible_day
from chartercheck.readers.ics_recurrence import MAX_OCCURRENCES, MIN_OCCURRENCES, series_limit
from chartercheck.readers.ics_zone_rules import bounded_zones
from chartercheck.readers.normalize import EntryReader
from chartercheck.testing import lint_text

# -- reading -------------------------------------------------------------------------------


def test_a_stream_is_cut_as_soon_as_it_passes_the_limit():
    class Endless(io.RawIOBase):
        asked = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            self.asked += len(buffer)
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    stream = io.BufferedReader(Endless())
    with pytest.raises(CalendarError) as caught:
        read_bounded(stream, "<stdin>", 3_000_000)
    assert "over the limit of 3,000,000 bytes (and not at its end)" in str(caught.value)
    assert stream.raw.asked < 3_000_000 + 2 * (1 << 20)


def test_a_regular_file_is_refused_on_its_size_before_any_read(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "wb") as handle:
        handle.truncate(5000)
    with pytest.raises(CalendarError) as caught:
        load_source(str(path), max_bytes=4999)
    assert "5,000 bytes, over the limit of 4,999 bytes" in str(caught.value)
    assert load_source(str(path), max_bytes=5000).data == b"\0" * 5000


def test_devices_are_refused(tmp_path):
    with open(os.devnull, "rb") as handle, pytest.raises(CalendarError) as caught:
        check_readable(handle, os.devnull, 10)
    assert "is a character device, not a regular file or a pipe" in str(caught.value)


def test_a_pipe_is_read(tmp_path):
    read, write = os.pipe()
    os.write(write, b"posts: []\n")
    os.close(write)
    with os.fdopen(read, "rb") as handle:
        assert check_readable(handle, "<pipe>", 100) is None
        assert read_bounded(handle, "<pipe>", 100) == b"posts: []\n"


def test_charter_files_and_their_values_have_limits(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text("version: 1\n# " + "x" * (1 << 20) + "\n")
    child = tmp_path / "child.yaml"
    child.write_text("version: 1\nextends: big.yaml\n")
    from chartercheck.charter import load_charter
    with pytest.raises(CharterError) as caught:
        load_charter(str(child))
    assert "over the limit of 1,048,576 bytes (split it into files that extend each other)" in str(caught.value)
    with pytest.raises(CharterError) as caught:
        load_charter_text("version: 1\nbrand: {name: '" + "B" * 201 + "'}\n", "c.yaml")
    assert str(caught.value) == "c.yaml:2: brand.name: 201 characters, over the 200 limit (shorten the value)"


def test_a_text_over_the_analysis_limit_is_cut_and_reported():
    calendar = "posts:\n  - {id: p, channel: instagram, at: '2026-11-24 10:00', text: '" + "a" * 120 + "'}\n"
    report = lint_text("", calendar, select=["CC923", "CC501"], max_text_chars=100)
    messages = {f.code: f.message for f in report.findings}
    assert messages["CC923"] == ("text of 120 characters, over the analysis limit of 100: "
                                 "only the first 100 were checked")
    assert report.findings[0].severity.label == "error"


def test_csv_cells_are_as_long_as_yaml_texts():
    text = "é" * 200_000
    csv_report = lint_text("", f"id,channel,at,text\np,instagram,2026-11-24 10:00,{text}\n", fmt="csv",
                           select=["CC9"])
    yaml_report = lint_text("", f"posts:\n  - {{id: p, channel: instagram, at: '2026-11-24 10:00', text: {text}}}\n",
                            select=["CC9"])
    assert [f.code for f in csv_report.findings] == [f.code for f in yaml_report.findings] == ["CC923"]


# -- recurrence rules ----------------------------------------------------------------------

@pytest.mark.parametrize("rule, first", [
    ("FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30", None),
    ("FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31", None),
    ("FREQ=DAILY;INTERVAL=7;BYDAY=TU", date(2026, 11, 24)),
    ("FREQ=DAILY;INTERVAL=7;BYDAY=WE", None),                 # every 7 days from a Tuesday: never a Wednesday
    ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", date(2028, 2, 29)),
    ("FREQ=MONTHLY;BYDAY=-1SU", date(2026, 11, 29)),
    ("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", date(2027, 10, 31)),
    ("FREQ=MINUTELY", date(2026, 11, 24)),
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", date(2026, 12, 7)),   # the anchor's week is the first
    ("FREQ=WEEKLY;BYMONTH=1,3;BYMONTHDAY=-1", date(2027, 1, 31)),  # no weekday taken from DTSTART here
    ("FREQ=YEARLY;BYWEEKNO=-1;BYDAY=1FR", date(2027, 1, 1)),  # the last ISO week of 2026 ends in 2027
])
def test_first_possible_day(rule, first):
    import icalendar
    anchor = date(2026, 11, 24)  # a Tuesday
    assert first_possible_day(icalendar.vRecur.from_ical(rule), anchor, anchor) == first


def test_series_share_a_budget():
    assert series_limit(1) == MAX_OCCURRENCES
    assert series_limit(300) == 66
    assert series_limit(100_000) == MIN_OCCURRENCES


def _reader():
    from zoneinfo import ZoneInfo
    return EntryReader("z.ics", ReadOptions(tz=ZoneInfo("Europe/Paris")), [])


def test_zone_rules_are_brought_to_the_calendar_years():
    text = "\r\n".join([
        "BEGIN:VCALENDAR", "BEGIN:VTIMEZONE", "TZID:Z",
        "BEGIN:STANDARD", "DTSTART:16011028T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:16010101T000000", "RRULE:FREQ=DAILY", "END:DAYLIGHT",
        "END:VTIMEZONE", "BEGIN:VEVENT", "DTSTART;TZID=Z:20261124T100000", "END:VEVENT", "END:VCALENDAR"])
    reader = _reader()
    out = bounded_zones(text, reader).split("\r\n")
    assert "DTSTART:20251028T030000" in out and "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU" in out
    assert "RRULE:FREQ=DAILY" not in out and "DTSTART:16010101T000000" in out
    assert [(p.code, p.message) for p in reader.problems] == [("CC905", "zone_rule_freq")]


def test_zone_offsets_are_unchanged_by_the_bounding():
    """An Outlook-style zone from 1601 gives the same times as Europe/Paris, before and after."""
    calendar = "\r\n".join([
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "BEGIN:VTIMEZONE", "TZID:Romance",
        "BEGIN:STANDARD", "DTSTART:16011028T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "BEGIN:DAYLIGHT", "DTSTART:16010325T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT", "END:VTIMEZONE",
        "BEGIN:VEVENT", "UID:a", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Romance:20260710T100000",
        "SUMMARY:[IG] été", "END:VEVENT",
        "BEGIN:VEVENT", "UID:b", "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Romance:20261124T100000",
        "SUMMARY:[IG] hiver", "END:VEVENT", "END:VCALENDAR", ""])
    report = lint_text("", calendar, fmt="ics", select=["CC9"])
    hours = sorted(p.at.isoformat() for p in report.read_posts)
    assert hours == ["2026-07-10T08:00:00+00:00", "2026-11-24T09:00:00+00:00"]


# -- control characters --------------------------------------------------------------------

def test_controls_are_escaped_but_layout_characters_kept():
    assert escape_controls("a\x1b[2Jb\x07c\x9bd\x00e\x7f\tf\ng\r") == "a\\x1b[2Jb\\x07c\\x9bd\\x00e\\x7f\tf\ng\r"
    plain = "Bonjour à tous 🚲"
    assert escape_controls(plain) is plain


def test_reports_are_escaped_field_by_field():
    calendar = "posts:\n  - {id: \"p\\e1\", channel: \"insta\\agram\", at: '2026-11-24 10:00', text: x}\n"
    report = report_with_escaped_controls(lint_text("channels: {instagram: {}}", calendar, select=["CC902"]))
    [finding] = report.findings  # one CC902 per undeclared channel, naming its first events
    assert finding.location.channel == "insta\\x07gram"
    assert "\x07" not in finding.message and "\\x07" in finding.message
    assert "\x1b" not in finding.message and "p\\x1b1" in finding.message


def test_input_problem_shape_is_unchanged():
    """CC92x problems are plain InputProblems: the engine renders them like any reader's."""
    assert InputProblem("CC922", "a.yaml").message == "message"


def test_date_lists_are_cut_once_the_file_budget_is_spent():
    from chartercheck.readers.ics_date_lists import bounded_date_lists
    text = "\r\n".join([
        "BEGIN:VEVENT", 'RDATE;TZID="(UTC+01:00) Paris":20261124T100000,20261125T100000,', " 20261126T100000",
        "EXDATE:20261127T100000,20261128T100000", "END:VEVENT",
        "BEGIN:VEVENT", "EXDATE:20261129T100000", "END:VEVENT", ""])
    reader = _reader()
    out = bounded_date_lists(text, reader, budget=4).split("\r\n")
    assert 'RDATE;TZID="(UTC+01:00) Paris":20261124T100000,20261125T100000,' in out  # whole: as it was
    assert " 20261126T100000" in out
    assert "EXDATE:20261127T100000" in out and "EXDATE:20261129T100000" not in out
    [problem] = reader.problems
    assert (problem.code, problem.message, problem.params["count"], problem.params["lists"]) == \
        ("CC912", "dates_cut", "2", 2)
    untouched = _reader()
    assert bounded_date_lists(text, untouched, budget=6) == text and not untouched.problems


def test_csv_rows_with_cells_past_the_parser_limit_read_as_the_parser_would(monkeypatch):
    """Rows past the cell limit are parsed again from their lines: same cells, same line numbers,
    each long cell cut to its first characters with its whole length kept."""
    import csv
    from chartercheck.readers import csv_long_cells
    monkeypatch.setattr(csv_long_cells, "CELL_LIMIT", 50)
    big = "x" * 120
    text = (f'id,text,tail\r\na,short,1\r\nb,"{big}\r\n{big}, ""quoted"" ; end",2\r\nc,{big},3\r\n'
            f'd,"multi\r\nline",4\r\n"{big}')
    rows = list(csv_long_cells.stream_rows(io.StringIO(text, newline=""), ",", 30, "t.csv"))
    assert [start for start, _ in rows] == [1, 2, 3, 5, 6, 8]
    csv.field_size_limit(10_000)
    expected = list(csv.reader(io.StringIO(text, newline="")))
    for (_, cells), whole in zip(rows, expected):
        assert [cell[:30] for cell in whole] == list(cells)
        assert [len(cell) for cell in whole] == [getattr(cell, "full_length", len(cell)) for cell in cells]


def test_a_long_cell_outside_the_text_is_reported(monkeypatch):
    from chartercheck.readers import csv_long_cells
    monkeypatch.setattr(csv_long_cells, "CELL_LIMIT", 50)
    report = lint_text("", "id,channel,at,text\n" + "p" * 200 + ",instagram,2026-11-24 10:00,Bonjour\n", fmt="csv",
                       select=["CC917"], max_text_chars=20)
    [finding] = report.findings
    assert finding.message == "column id: a cell of 200 characters; only its first 21 were read"


def test_rules_near_the_end_of_time_are_searched_safely():
    import icalendar
    rule = icalendar.vRecur.from_ical("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30")
    assert first_possible_day(rule, date(9999, 12, 1), date(9999, 12, 1)) is None
    assert first_possible_day(icalendar.vRecur.from_ical("FREQ=DAILY;INTERVAL=400"), date(9999, 12, 31),
                              date(9999, 12, 31)) == date(9999, 12, 31)


def test_fields_other_than_the_text_are_cut_and_reported():
    from chartercheck.readers.normalize import MAX_FIELD_CHARS
    long_id, long_pillar = "p" * (MAX_FIELD_CHARS + 5), "q" * (MAX_FIELD_CHARS + 1)
    calendar = (f"posts:\n  - {{id: {long_id}, channel: instagram, at: '2026-11-24 10:00', text: Bonjour,"
                f" media: [a.jpg, {long_pillar}], pillar: {long_pillar}}}\n")
    report = lint_text("", calendar, select=["CC917"])
    assert sorted(f.message for f in report.findings) == [
        "id of 1,005 characters, over the limit of 1,000: cut",
        "media of 1,001 characters, over the limit of 1,000: cut",
        "pillar of 1,001 characters, over the limit of 1,000: cut"]
    [post] = report.read_posts
    assert post.id == "p" * MAX_FIELD_CHARS and post.pillar == "q" * MAX_FIELD_CHARS
    assert post.media == ("a.jpg", "q" * MAX_FIELD_CHARS) and post.text == "Bonjour"


def test_week_numbers_outside_yearly_rules_are_not_walked():
    from chartercheck.readers.ics_bounds import week_numbers_outside_yearly
    import icalendar
    assert week_numbers_outside_yearly(icalendar.vRecur.from_ical("FREQ=MINUTELY;BYWEEKNO=20;BYMONTHDAY=28"))
    assert not week_numbers_outside_yearly(icalendar.vRecur.from_ical("FREQ=YEARLY;BYWEEKNO=20"))
    calendar = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "BEGIN:VEVENT", "UID:a",
                             "DTSTAMP:20261101T000000Z", "DTSTART;TZID=Europe/Paris:20261124T100000",
                             "RRULE:FREQ=MINUTELY;INTERVAL=3;BYMONTHDAY=-30,28;BYWEEKNO=20", "SUMMARY:[IG] x",
                             "END:VEVENT", "END:VCALENDAR", ""])
    report = lint_text("", calendar, fmt="ics", select=["CC920"])
    assert [f.message.split(";")[0] for f in report.findings] == [
        "recurring event has week numbers (BYWEEKNO) without being yearly, which RFC 5545 forbids"]
    assert len(report.read_posts) == 1
