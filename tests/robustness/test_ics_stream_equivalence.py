"""Random calendars: reading event by event gives what reading the whole file gives.

The whole-file reading (``ics_whole``) is icalendar's parse of the whole
file, as the reader did before it streamed. For any calendar, the streamed
reading either gives the same posts and problems, or says the file is of
another shape (``Unsupported``: it is then read whole), or fails where the
whole-file reading refuses the file too (it is then read whole, and the
same error is reported).
"""
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, event, given, settings, strategies as st

from chartercheck.errors import CalendarError
from chartercheck.readers import CalendarSource, ReadOptions, ics_stream, ics_whole

PARIS = ZoneInfo("Europe/Paris")

ZONES = [
    "BEGIN:VTIMEZONE\nTZID:Custom/Zone\nBEGIN:STANDARD\nDTSTART:16010101T030000\nTZOFFSETFROM:+0200\n"
    "TZOFFSETTO:+0100\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\nEND:STANDARD\nBEGIN:DAYLIGHT\n"
    "DTSTART:16010101T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\n"
    "END:DAYLIGHT\nEND:VTIMEZONE",
    "BEGIN:VTIMEZONE\nTZID:Broken/Zone\nBEGIN:STANDARD\nDTSTART:19700101T000000\nTZOFFSETFROM:+5328\n"
    "TZOFFSETTO:+0100\nEND:STANDARD\nEND:VTIMEZONE",
    "BEGIN:VTIMEZONE\nTZID:Daily/Zone\nBEGIN:STANDARD\nDTSTART:20200101T000000\nTZOFFSETFROM:+0100\n"
    "TZOFFSETTO:+0100\nRRULE:FREQ=DAILY\nEND:STANDARD\nEND:VTIMEZONE",
]
STARTS = ["DTSTART:20261124T110000Z", "DTSTART;TZID=Europe/Paris:20261124T120000", "DTSTART:20261124T120000",
          "DTSTART;VALUE=DATE:20261124", "DTSTART:garbage", "DTSTART;TZID=Custom/Zone:20261125T090000",
          "DTSTART;TZID=Broken/Zone:20261125T090000", "DTSTART;TZID=Daily/Zone:20261124T120000",
          "DTSTART;TZID=Romance Standard Time:20261124T120000", "dtstart:20261124T130000Z",
          'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20261124T120000',
          "DTSTART;TZID=Nowhere/Land:20261124T110000", "DTSTART;TZID=Europe/Paris:20270328T023000", ""]
PROPERTIES = [
    "SUMMARY:[IG] Bonjour\\, le monde", "SUMMARY:Instagram: hello", "DESCRIPTION:Texte\\nsur deux lignes",
    "CATEGORIES:Facebook,Réunion", "CATEGORIES:a\\,b,LinkedIn", "LOCATION:Facebook", "STATUS:CANCELLED",
    "STATUS:TENTATIVE", "ORGANIZER;CN=Léa Martin:mailto:lea@x.example", 'ORGANIZER;CN="Martin, Léa":mailto:l@x',
    "ATTENDEE;PARTSTAT=ACCEPTED;CN=Marc:mailto:marc@x.example", "X-CHARTERCHECK-APPROVAL:role=x",
    "X-CHARTERCHECK-ID:custom\\,id", "X-CHARTERCHECK-CHANNEL:linkedin", "X-CHARTERCHECK-SPONSORED:peut-être",
    "X-CHARTERCHECK-IGNORE:CC201", "URL:https://x.example/?a=1\\,2", "LAST-MODIFIED:20261119T100000Z",
    "LAST-MODIFIED:garbage", "DTEND;TZID=Europe/Paris:20261124T130000", "DTSTAMP:bad", "SEQUENCE:x",
    "RDATE:20261130T110000Z", "RDATE:", "EXDATE;TZID=Europe/Paris:20261201T120000,20261208T120000",
    "RECURRENCE-ID:20261201T110000Z", "X-MS-OLK-FOO;VALUE=A,B:x", "SUMMARY :odd", "X",
    "BEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT15M\nEND:VALARM", "BEGIN:VALARM\nTRIGGER:garbage\nEND:VALARM"]
RULES = ["RRULE:FREQ=WEEKLY;COUNT=3", "RRULE:FREQ=DAILY", "RRULE:nonsense", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"]
OTHERS = ["X-WR-TIMEZONE:Europe/Paris", "X-WR-TIMEZONE:America/New_York", "X-WR-TIMEZONE:Mars/Olympus",
          "BEGIN:VTODO\nUID:t\nEND:VTODO", "BEGIN:X-FOO\nX-A:1\nEND:X-FOO", "BEGIN:VTODO\nDUE:garbage\nEND:VTODO",
          "X-COMMENT:x", "BEGIN:VEVENT \nUID:z\nDTSTART:20261124T110000Z\nEND:VEVENT", "stray line"]

events = st.builds(
    lambda uid, start, extra, rule: "\n".join(
        ["BEGIN:VEVENT"] + [line for line in (uid, start) if line] + extra + rule + ["END:VEVENT"]),
    st.sampled_from(["UID:a", "UID:b", "UID:rdv", ""]), st.sampled_from(STARTS),
    st.lists(st.sampled_from(PROPERTIES), max_size=5), st.lists(st.sampled_from(RULES), max_size=1))
blocks = st.lists(st.one_of(events, events, st.sampled_from(ZONES), st.sampled_from(OTHERS)), max_size=7)


@st.composite
def calendars(draw):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0"] + "\n".join(draw(blocks)).split("\n")
    if draw(st.booleans()) or not draw(st.booleans()):
        lines.append("END:VCALENDAR")
    folded = []
    for line in lines:
        cut = draw(st.integers(0, 40))
        folded.append(line[:cut] + "\r\n " + line[cut:] if 0 < cut < len(line) and cut % 7 == 0 else line)
    newline = draw(st.sampled_from(["\r\n", "\n"]))
    return newline.join(folded).replace("\r\n", newline) + newline


def _digest(result):
    return [repr(post) for post in result.posts], sorted(repr(p) for p in result.problems)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(calendars(), st.booleans())
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_streamed_reading_is_the_whole_files_reading(text, window):
    extra = dict(expand_start=datetime(2026, 11, 16, tzinfo=PARIS),
                 expand_end=datetime(2026, 12, 22, tzinfo=PARIS)) if window else {}
    options = ReadOptions(tz=PARIS, known_channels=("instagram", "facebook", "linkedin"),
                          now=datetime(2026, 11, 20, 9, 0, tzinfo=PARIS), **extra)
    source = CalendarSource("plan.ics", text.encode("utf-8"), "ics")
    try:
        streamed = ics_stream.read_stream(source, options)
    except ics_stream.Unsupported:
        event("read whole: another shape")
        return
    except Exception:  # noqa: BLE001 - only where icalendar refuses the whole file
        event("read whole: refused")
        with pytest.raises(CalendarError):
            ics_whole.read_whole(source, options)
        return
    event(f"streamed: {min(len(streamed.posts), 3)}+ posts, {min(len(streamed.problems), 3)}+ problems")
    assert _digest(streamed) == _digest(ics_whole.read_whole(source, options))
