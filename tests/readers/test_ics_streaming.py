"""iCalendar files read event by event give what reading them whole gives, without holding them.

Each calendar here is read by both ways (``ics_stream`` and ``ics_whole``,
the latter being icalendar's parse of the whole file, as before): same
posts, same lines, same problems. Then the reading's shape: a post is
made as soon as its event ends.
"""
import uuid
from datetime import datetime

import pytest

from chartercheck.errors import CalendarError
from chartercheck.readers import CalendarSource, ics_calendar, ics_events, ics_stream, ics_survey, ics_whole

from .helpers import PARIS, event, ics, local, options

CUSTOM_ZONE = """BEGIN:VTIMEZONE
TZID:Custom/Harbour
BEGIN:STANDARD
DTSTART:19700101T000000
TZOFFSETFROM:+0300
TZOFFSETTO:+0300
TZNAME:HBT
END:STANDARD
END:VTIMEZONE"""


def _source(text, path="plan.ics"):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return CalendarSource(path, data, "ics")


def _digest(result):
    """Everything a reading gives: posts (all fields) in order, problems in any order."""
    problems = sorted((repr(p) for p in result.problems))
    return [repr(post) for post in result.posts], problems


def both(text, **extra):
    """The streamed reading, checked against the whole-file reading."""
    streamed = ics_stream.read_stream(_source(text), options(**extra))
    whole = ics_whole.read_whole(_source(text), options(**extra))
    assert _digest(streamed) == _digest(whole)
    return streamed


def test_vtimezone_after_the_events_that_use_it():
    # icalendar keeps the zones it parses for the whole process: a name of its own, so that
    # the zone is unknown until this file defines it
    name = f"Custom/Harbour-{uuid.uuid4().hex}"
    zone = CUSTOM_ZONE.replace("Custom/Harbour", name)
    first = event("a", f"DTSTART;TZID={name}:20261124T090000", "[IG] a")
    zone_last = both(ics(first, zone))
    zone_first = both(ics(zone, first))
    [post] = zone_last.posts
    assert post.at.isoformat() == "2026-11-24T06:00:00+00:00"   # +03:00, the file's own zone
    assert zone_last.problems == [] and [p.at for p in zone_first.posts] == [post.at]


def test_x_wr_timezone_after_the_events_still_applies():
    google = event("b", "DTSTART:20261020T100000Z", "[IG] b", "RRULE:FREQ=WEEKLY;COUNT=2")
    before = both(ics(google, head="X-WR-TIMEZONE:Europe/Paris"))
    after = both(ics(google, "X-WR-TIMEZONE:Europe/Paris"))
    assert [local(p).strftime("%m-%d %H:%M") for p in after.posts] == ["10-20 12:00", "10-27 12:00"]
    assert [p.at for p in after.posts] == [p.at for p in before.posts]


SERIES = [
    event("rdv", "DTSTART;TZID=Europe/Paris:20261013T120000", "[IG] Mardi conseil",
          "RRULE:FREQ=WEEKLY;COUNT=4", "DESCRIPTION:conseil"),
    event("rdv", "DTSTART;TZID=Europe/Paris:20261020T150000", "[IG] déplacé",
          "RECURRENCE-ID;TZID=Europe/Paris:20261020T120000", "DESCRIPTION:déplacé"),
    event("rdv", "DTSTART;TZID=Europe/Paris:20261027T120000", "[IG] annulé",
          "RECURRENCE-ID;TZID=Europe/Paris:20261027T120000", "STATUS:CANCELLED"),
]


def test_overrides_before_their_master():
    master_first = both(ics(*SERIES))
    overrides_first = both(ics(SERIES[2], SERIES[1], SERIES[0]))
    got = [(local(p).strftime("%m-%d %H:%M"), p.text) for p in overrides_first.posts]
    assert got == [("10-13 12:00", "conseil"), ("10-20 15:00", "déplacé"), ("11-03 12:00", "conseil")]
    assert got == [(local(p).strftime("%m-%d %H:%M"), p.text) for p in master_first.posts]
    # each occurrence keeps the line of the event it comes from
    assert [p.source.line for p in overrides_first.posts] == [18, 11, 18]


def test_two_series_interleaved_with_single_events():
    week = event("w", "DTSTART;TZID=Europe/Paris:20261102T090000", "[IG] w", "RRULE:FREQ=WEEKLY;COUNT=3")
    day = event("d", "DTSTART;TZID=Europe/Paris:20261103T100000", "[FB] d", "RRULE:FREQ=DAILY;COUNT=2")
    moved = event("w", "DTSTART;TZID=Europe/Paris:20261109T180000", "[IG] w moved",
                  "RECURRENCE-ID;TZID=Europe/Paris:20261109T090000")
    alone = event("s", "DTSTART;TZID=Europe/Paris:20261104T110000", "[IG] s")
    result = both(ics(week, day, alone, moved))
    got = [(p.id, local(p).strftime("%m-%d %H:%M")) for p in result.posts]
    # events that do not recur first, in file order; then each series, by first appearance
    assert got == [("s", "11-04 11:00"), ("w", "11-02 09:00"), ("w", "11-09 18:00"), ("w", "11-16 09:00"),
                   ("d", "11-03 10:00"), ("d", "11-04 10:00")]


def test_line_numbers_after_folded_lines_blank_lines_and_stray_lines():
    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
            "BEGIN:VEVENT\r\n"                                   # 4
            "UID:fold\r\n"
            "DESCRIPTION:Une description assez longue pour être pliée \r\n"
            " sur trois lignes\\, comme le font les exports \r\n"
            "\tOutlook et Google.\r\n"
            "\r\n"                                               # 9: blank
            "SUMMARY:[IG] Titre\r\n"                             # 10
            "DTSTART;TZID=Europe/\r\n"                           # 11: folded inside the parameter
            " Paris:20261124T120000\r\n"
            "X\r\n"                                              # 13: stray line, dropped
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\n"                                   # 15
            "UID:second\r\nDTSTART:20261125T110000Z\r\nSUMMARY:[IG] second\r\nEND:VEVENT\r\n"
            "END:VCALENDAR\r\n")
    result = both(text)
    first, second = result.posts
    assert first.source.line == 4 and second.source.line == 15
    assert (first.line_of("text"), first.line_of("title"), first.line_of("at")) == (6, 10, 11)
    assert first.text == ("Une description assez longue pour être pliée sur trois lignes, "
                          "comme le font les exports Outlook et Google.")
    assert local(first).hour == 12
    assert [(p.code, p.line) for p in result.problems] == [("CC901", 13)]


@pytest.mark.parametrize("newline", ["\n", "\r"])
def test_other_line_breaks(newline):
    text = ics(event("a", "DTSTART:20261124T110000Z"), event("b", "DTSTART:20261124T120000Z"))
    result = both(text.replace("\r\n", newline))
    assert [p.source.line for p in result.posts] == [4, 9]


def test_alarms_todos_and_several_calendars():
    alarm = "BEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT15M\nDESCRIPTION:rappel\nEND:VALARM"
    first = ics(event("a", "DTSTART:20261124T110000", "[IG] a", alarm), "BEGIN:VTODO\nUID:t\nEND:VTODO",
                head="X-WR-TIMEZONE:America/New_York")
    second = ics(event("b", "DTSTART:20261124T110000", "[IG] b"), head="X-WR-TIMEZONE:Europe/Paris")
    result = both(first + second)
    assert [p.at.isoformat() for p in result.posts] == ["2026-11-24T16:00:00+00:00", "2026-11-24T10:00:00+00:00"]
    assert [(p.code, p.params.get("component")) for p in result.problems] == [("CC913", "VTODO")]


def test_truncated_file_and_windows_1252():
    text = ics(event("a", "DTSTART:20261124T110000Z", "[IG] Vélo")).replace("END:VCALENDAR\r\n", "")
    result = both(text.encode("cp1252"))
    assert result.posts[0].title == "Vélo"
    assert [(p.code, p.message) for p in result.problems] == [("CC914", "message"), ("CC901", "unclosed")]


def test_duplicates_cancelled_and_unreadable_events():
    result = both(ics(event("dup", "DTSTART:20261124T110000Z"), event("dup", "DTSTART:20261125T110000Z"),
                      event("c", "DTSTART:20261124T130000Z", "[IG] c", "STATUS:CANCELLED"),
                      event("d", "DTSTART:garbage"), event("e", "DTSTART;VALUE=DATE:20261124"),
                      event("f", "DTSTART:20261124T120000")))
    assert sorted(p.code for p in result.problems) == ["CC904", "CC906", "CC907", "CC908", "CC919"]


@pytest.mark.parametrize("first, second", [
    ("UID:a\\,b", "UID:a,b"),                 # one UID, written two ways
    ("UID:  dup ", "UID:dup"),
    ("UID;X-P=1:dup", "UID:dup"),              # a UID line with parameters: every UID is kept
])
def test_a_uid_given_again_far_away_is_a_duplicate(first, second):
    many = [event(f"e{i}", f"DTSTART:202611{10 + i % 18:02d}T100000Z") for i in range(300)]
    text = ics(event("x", "DTSTART:20261124T110000Z").replace("UID:x", first), *many,
               event("x", "DTSTART:20261125T110000Z").replace("UID:x", second))
    result = both(text)
    [problem] = [p for p in result.problems if p.code == "CC907"]
    assert problem.line == 4 + 5 * 301 and problem.params["other"] == "plan.ics:4"


def test_max_posts_counts_series_after_single_events():
    result = both(ics(event("w", "DTSTART:20261102T090000Z", "[IG] w", "RRULE:FREQ=DAILY;COUNT=5"),
                      event("a", "DTSTART:20261124T110000Z"), event("b", "DTSTART:20261124T120000Z")),
                  max_posts=3)
    assert [p.id for p in result.posts] == ["a", "b", "w"]
    assert [(p.code, p.params) for p in result.problems] == [("CC918", {"count": 4, "limit": 3})]


def test_expansion_window_from_every_event():
    text = ics(event("w", "DTSTART;TZID=Europe/Paris:20260106T120000", "[IG] w", "RRULE:FREQ=WEEKLY"),
               event("late", "DTSTART;TZID=Europe/Paris:20261230T120000"))
    result = both(text, expand_start=datetime(2026, 11, 16, tzinfo=PARIS),
                  expand_end=datetime(2026, 11, 22, tzinfo=PARIS))
    assert [local(p).date().isoformat() for p in result.posts][:2] == ["2026-12-30", "2026-10-20"]


# -- files of another shape are read whole, as before ------------------------------------
@pytest.mark.parametrize("text, reason", [
    ("X-COMMENT:before\r\n" + ics(event("a", "DTSTART:20261124T110000Z")), "outside any component"),
    (ics(event("a", "DTSTART:20261124T110000Z")).replace("END:VEVENT", "END:VEV\r\n ENT"), "not written plainly"),
    (ics("BEGIN:VTODO\nUID:t\n" + event("a", "DTSTART:20261124T110000Z") + "\nEND:VTODO"), "inside another"),
    (ics(event("a", "DTSTART:20261124T110000Z", "[IG] a", "BEGIN:VALARM\nTRIGGER:garbage\nEND:VALARM")),
     "icalendar refuses"),
])
def test_other_shapes_are_read_whole(text, reason):
    with pytest.raises(ics_stream.Unsupported, match=reason):
        ics_stream.read_stream(_source(text), options())
    try:
        expected = _digest(ics_whole.read_whole(_source(text), options()))
    except CalendarError as exc:
        with pytest.raises(CalendarError) as got:
            ics_calendar.read_ics_calendar(_source(text), options())
        assert got.value.problems[0].message == exc.problems[0].message
    else:
        assert _digest(ics_calendar.read_ics_calendar(_source(text), options())) == expected


# -- the reading's shape ------------------------------------------------------------------
def test_each_post_is_made_when_its_event_ends(monkeypatch):
    """No timing: the lines each pass has read when each post is made."""
    events = [event(f"e{i}", f"DTSTART:202611{10 + i % 18:02d}T1{i % 10}0000Z", f"[IG] post {i}",
                    "DESCRIPTION:texte") for i in range(40)]
    text = ics(*events)
    read = {"pass": 0, "lines": 0}
    seen = []
    lines_of = ics_stream.physical_lines

    def counted(data, encoding):
        read["pass"] += 1
        read["lines"] = 0
        for line in lines_of(data, encoding):
            read["lines"] += 1
            yield line

    monkeypatch.setattr(ics_survey, "physical_lines", counted)
    monkeypatch.setattr(ics_stream, "physical_lines", counted)
    original = ics_events.EventSink._emit

    def emit(self, event_, start, line, *args):
        seen.append((read["pass"], read["lines"], line))
        return original(self, event_, start, line, *args)

    monkeypatch.setattr(ics_events.EventSink, "_emit", emit)
    result = ics_stream.read_stream(_source(text), options())
    assert len(result.posts) == 40 and len(seen) == 40
    for number, (pass_, lines, line) in enumerate(seen):
        assert pass_ == 2    # the survey makes no post
        # event n spans lines 4 + 6n .. 9 + 6n: its post is made once its END line and the
        # next line (which tells the END line is not folded) are read, not later
        assert line == 4 + 6 * number and lines <= line + 6, (number, lines)
    assert read["lines"] == 4 + 6 * 40


def test_events_that_do_not_recur_are_not_kept(monkeypatch):
    kept = []
    original = ics_events.EventSink.finish

    def finish(self):
        kept.append((len(self.groups), sum(len(items) for items in self.groups.values()), len(self.firsts)))
        return original(self)

    monkeypatch.setattr(ics_events.EventSink, "finish", finish)
    singles = [event(f"e{i}", "DTSTART:20261124T110000Z") for i in range(300)]
    both(ics(*SERIES, *singles, event("e7", "DTSTART:20261125T110000Z")))
    groups, events_kept, firsts = kept[0]   # the streamed reading's
    assert (groups, events_kept) == (1, 3)   # the series' three events only
    # the first event of a UID is remembered when the UID may come again (e7), not for
    # every UID (a few others share its bucket)
    assert 1 <= firsts <= 30
    assert kept[1][2] == 300                  # the whole-file reading remembers every UID
