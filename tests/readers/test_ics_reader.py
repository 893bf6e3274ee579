"""iCalendar reader: fields, channels, statuses, approvals, zones, recurrences, bad input."""
import time
from datetime import datetime

import pytest

from chartercheck.errors import CalendarError
from chartercheck.testing import lint_text

from .helpers import PARIS, codes, event, ics, local, read

CHARTER = "channels: {instagram: {platform: instagram}, facebook: {platform: facebook}, linkedin: {platform: linkedin}}"


# -- fields and channels ------------------------------------------------------
def test_event_becomes_a_post_with_its_fields_and_line():
    text = ics(event("ig-1@x", "DTSTART;TZID=Europe/Paris:20261124T120000", "[IG] Mardi conseil",
                     "DESCRIPTION:Vérifie ton éclairage\\, c'est l'hiver.",
                     "ORGANIZER;CN=Léa Martin:mailto:lea@velolumiere.example",
                     "LAST-MODIFIED:20261119T100000Z", "URL:https://velolumiere.example",
                     "X-CHARTERCHECK-PILLAR:conseils", "X-CHARTERCHECK-OBJECTIVE:notoriete",
                     "X-CHARTERCHECK-SPONSORED:oui", "X-CHARTERCHECK-IMAGES:retouched",
                     "X-CHARTERCHECK-MEDIA:a.jpg|b.jpg", "X-CHARTERCHECK-IGNORE:CC201,CC305"))
    result = read(text, "ics")
    [post] = result.posts
    assert post.id == "ig-1@x" and post.source.uid == "ig-1@x" and post.source.line == 4
    assert post.channels == ("instagram",)
    assert post.title == "Mardi conseil" and post.text == "Vérifie ton éclairage, c'est l'hiver."
    assert local(post) == datetime(2026, 11, 24, 12, 0, tzinfo=PARIS)
    assert post.author == "lea@velolumiere.example" and post.link == "https://velolumiere.example"
    assert (post.pillar, post.objective, post.sponsored) == ("conseils", "notoriete", True)
    assert post.media == ("a.jpg", "b.jpg") and post.get_extra("images") == "retouched"
    assert post.ignore == frozenset({"CC201", "CC305"})
    assert post.updated_at.isoformat() == "2026-11-19T10:00:00+00:00"
    assert post.line_of("at") == 6 and result.problems == []


@pytest.mark.parametrize("summary, extra, expected", [
    ("[FB][IG] Merci", (), ("facebook", "instagram")),
    ("Instagram: Merci", (), ("instagram",)),
    ("Merci", ("CATEGORIES:Réunion,LinkedIn",), ("linkedin",)),
    ("Merci", ("LOCATION:Facebook",), ("facebook",)),
    ("[IG] Merci", ("X-CHARTERCHECK-CHANNEL:linkedin",), ("linkedin",)),
])
def test_channel_sources(summary, extra, expected):
    [post] = read(ics(event("a", "DTSTART:20261124T110000Z", summary, "DESCRIPTION:texte", *extra)), "ics").posts
    assert post.channels == expected


def test_colon_prefix_that_names_no_channel_stays_in_the_title():
    result = read(ics(event("a", "DTSTART:20261124T110000Z", "Rappel: balade samedi", "LOCATION:Lyon")), "ics")
    [post] = result.posts
    assert post.channels == () and post.title == "Rappel: balade samedi"
    assert post.text == "Rappel: balade samedi"
    assert codes(result) == ["CC903"]


def test_unknown_label_is_reported_with_a_suggestion():
    report = lint_text(CHARTER, ics(event("a", "DTSTART:20261124T110000Z", "[Instagrm] Merci",
                                          "DESCRIPTION:Merci")), "ics", select=["CC902"])
    [finding] = report.findings
    assert "instagrm" in finding.message and "instagram" in finding.message


def test_statuses_and_cancelled_events():
    result = read(ics(event("a", "DTSTART:20261124T110000Z", "[IG] a", "STATUS:TENTATIVE"),
                      event("b", "DTSTART:20261124T120000Z", "[IG] b", "STATUS:CONFIRMED"),
                      event("c", "DTSTART:20261124T130000Z", "[IG] c", "STATUS:CONFIRMED",
                            "X-CHARTERCHECK-STATUS:scheduled"),
                      event("d", "DTSTART:20261124T140000Z", "[IG] d", "STATUS:CANCELLED")), "ics")
    assert [(p.id, p.status) for p in result.posts] == [("a", "review"), ("b", "approved"), ("c", "scheduled")]
    assert codes(result) == ["CC919"]


def test_approvals_from_attendees_and_the_documented_property():
    [post] = read(ics(event("a", "DTSTART:20261124T110000Z", "[IG] a",
                            "ATTENDEE;PARTSTAT=ACCEPTED;CN=Marc Dubois:mailto:marc@velolumiere.example",
                            "ATTENDEE;PARTSTAT=NEEDS-ACTION:mailto:sophie@velolumiere.example",
                            "X-CHARTERCHECK-APPROVAL:by=sophie;role=legal;at=2026-11-20T10:00:00+01:00"))
                  , "ics").posts
    assert [(a.by, a.role) for a in post.approvals] == [("marc@velolumiere.example", None), ("sophie", "legal")]
    assert post.approvals[1].at.isoformat() == "2026-11-20T09:00:00+00:00"


def test_approval_property_without_a_name_is_reported():
    result = read(ics(event("a", "DTSTART:20261124T110000Z", "[IG] a", "X-CHARTERCHECK-APPROVAL:role=legal")), "ics")
    assert codes(result) == ["CC917"] and result.posts[0].approvals == ()


# -- time zones -----------------------------------------------------------------
def test_windows_zone_name_without_vtimezone_is_resolved_silently():
    result = read(ics(event("a", "DTSTART;TZID=Romance Standard Time:20261124T120000")), "ics")
    assert local(result.posts[0]).hour == 12 and result.problems == []


def test_unknown_display_name_zone_is_read_at_its_offset_and_reported():
    result = read(ics(event("a", 'DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20261124T120000')), "ics")
    assert result.posts[0].at.isoformat() == "2026-11-24T17:00:00+00:00"
    [problem] = result.problems
    assert problem.code == "CC905" and problem.params["read_as"] == "UTC-05:00"


def test_floating_time_is_read_in_the_brand_zone_and_reported():
    result = read(ics(event("a", "DTSTART:20261124T120000")), "ics")
    assert local(result.posts[0]).hour == 12 and codes(result) == ["CC904"]


def test_x_wr_timezone_settles_floating_and_utc_times():
    head = "X-WR-TIMEZONE:Europe/Paris"
    result = read(ics(event("a", "DTSTART:20261124T120000"),
                      event("b", "DTSTART:20261020T100000Z", "[IG] b", "RRULE:FREQ=WEEKLY;COUNT=2"), head=head), "ics")
    assert result.problems == []
    hours = sorted((p.id, local(p).strftime("%m-%d %H:%M")) for p in result.posts)
    # Google's UTC time becomes 12:00 Paris, kept across the change to winter time.
    assert hours == [("a", "11-24 12:00"), ("b", "10-20 12:00"), ("b", "10-27 12:00")]


def test_all_day_and_missing_start_are_reported_and_skipped():
    result = read(ics(event("a", "DTSTART;VALUE=DATE:20261124"), event("b", "")), "ics")
    assert result.posts == [] and codes(result) == ["CC906", "CC908"]


def test_spring_forward_gap_is_reported_like_in_yaml():
    result = read(ics(event("a", "DTSTART;TZID=Europe/Paris:20270328T023000")), "ics")
    assert codes(result) == ["CC910"] and local(result.posts[0]).hour == 3


# -- recurrences ------------------------------------------------------------------
SERIES = ics(
    event("rdv", "DTSTART;TZID=Europe/Paris:20261013T120000", "[IG] Mardi conseil",
          "RRULE:FREQ=WEEKLY;COUNT=6", "EXDATE;TZID=Europe/Paris:20261020T120000", "DESCRIPTION:conseil"),
    event("rdv", "DTSTART;TZID=Europe/Paris:20261027T150000", "[IG] Mardi conseil déplacé",
          "RECURRENCE-ID;TZID=Europe/Paris:20261027T120000", "DESCRIPTION:déplacé"),
    event("rdv", "DTSTART;TZID=Europe/Paris:20261103T120000", "[IG] Mardi conseil",
          "RECURRENCE-ID;TZID=Europe/Paris:20261103T120000", "STATUS:CANCELLED"))


def test_recurrence_with_exdate_override_and_cancelled_instance_across_dst():
    result = read(SERIES, "ics")
    got = [(local(p).strftime("%m-%d %H:%M"), p.text, p.source.line) for p in result.posts]
    assert got == [("10-13 12:00", "conseil", 4), ("10-27 15:00", "déplacé", 12),
                   ("11-10 12:00", "conseil", 4), ("11-17 12:00", "conseil", 4)]
    assert {p.id for p in result.posts} == {"rdv"}
    assert codes(result) == ["CC919"]


def test_instances_of_one_uid_are_not_duplicates():
    report = lint_text(CHARTER, SERIES, "ics", select=["CC907"])
    assert list(report.findings) == []


def test_expansion_follows_from_and_until_with_a_month_of_look_back():
    start = datetime(2026, 11, 16, tzinfo=PARIS)
    end = datetime(2026, 11, 22, tzinfo=PARIS)
    text = ics(event("w", "DTSTART;TZID=Europe/Paris:20260106T120000", "[IG] w", "RRULE:FREQ=WEEKLY"))
    result = read(text, "ics", expand_start=start, expand_end=end)
    days = [local(p).date().isoformat() for p in result.posts]
    assert days[0] == "2026-10-20" and days[-1] == "2026-11-17" and len(days) == 5


def test_series_entirely_outside_the_range_is_reported():
    text = ics(event("w", "DTSTART;TZID=Europe/Paris:20200106T120000", "[IG] w", "RRULE:FREQ=WEEKLY;COUNT=3"))
    result = read(text, "ics", expand_start=datetime(2026, 11, 16, tzinfo=PARIS),
                  expand_end=datetime(2026, 11, 22, tzinfo=PARIS))
    assert result.posts == [] and codes(result) == ["CC920"]


@pytest.mark.parametrize("dtstart", ["20261123T100000", "19700101T000000"])
def test_secondly_rule_without_end_is_capped_quickly(dtstart):
    text = ics(event("spam", f"DTSTART;TZID=Europe/Paris:{dtstart}", "[IG] spam", "RRULE:FREQ=SECONDLY"))
    began = time.perf_counter()
    result = read(text, "ics", expand_start=datetime(2026, 11, 23, tzinfo=PARIS))
    assert time.perf_counter() - began < 1.0
    assert len(result.posts) == 1000 and codes(result) == ["CC912"]


def test_count_bounded_series_is_not_reported_as_capped():
    text = ics(event("d", "DTSTART:20240325T070000Z", "[IG] d", "RRULE:FREQ=DAILY;COUNT=30"))
    result = read(text, "ics")
    assert len(result.posts) == 30 and result.problems == []


def test_duplicate_uid_at_another_time_is_reported():
    result = read(ics(event("dup", "DTSTART:20261124T110000Z"), event("dup", "DTSTART:20261125T110000Z")), "ics")
    assert len(result.posts) == 2 and codes(result) == ["CC907"]


def test_pasted_copy_is_reported_once_by_the_engine():
    text = ics(event("dup", "DTSTART:20261124T110000Z", "[IG] a", "DESCRIPTION:x"),
               event("dup", "DTSTART:20261124T110000Z", "[IG] a", "DESCRIPTION:x"))
    assert [f.code for f in lint_text(CHARTER, text, "ics", select=["CC907"]).findings] == ["CC907"]


# -- other components and bad input --------------------------------------------------
def test_todo_and_journal_are_ignored_with_a_note():
    text = ics(event("a", "DTSTART:20261124T110000Z"), "BEGIN:VTODO\nUID:t\nSUMMARY:t\nEND:VTODO",
               "BEGIN:VJOURNAL\nUID:j\nEND:VJOURNAL", "BEGIN:VTODO\nUID:t2\nEND:VTODO")
    result = read(text, "ics")
    assert len(result.posts) == 1
    assert sorted((p.code, p.params["component"], p.params["count"]) for p in result.problems) == [
        ("CC913", "VJOURNAL", 1), ("CC913", "VTODO", 2)]


def test_stray_line_and_missing_end_are_reported_not_fatal():
    text = ics(event("a", "DTSTART:20261124T110000Z")).replace("SUMMARY", "X\r\nSUMMARY")
    text = text.replace("END:VCALENDAR\r\n", "")
    result = read(text, "ics")
    assert len(result.posts) == 1
    assert [(p.code, p.message) for p in result.problems] == [("CC901", "line"), ("CC901", "unclosed")]


def test_windows_1252_file_is_decoded_and_reported():
    data = ics(event("a", "DTSTART:20261124T110000Z", "[IG] Vélo")).encode("cp1252")
    result = read(data, "ics")
    assert result.posts[0].title == "Vélo" and codes(result) == ["CC914"]


@pytest.mark.parametrize("junk", ["hello", "BEGIN:VEVENT\r\nEND:VEVENT\r\n", "\x00\x01\x02"])
def test_text_that_is_not_icalendar_is_a_clean_error(junk):
    with pytest.raises(CalendarError):
        read(junk, "ics")


def test_an_unreadable_dtstart_gets_an_icalendar_hint():
    from chartercheck.testing import lint_text
    calendar = ics("BEGIN:VEVENT\nUID:a\nSUMMARY:[IG] Bonjour\nDTSTART:2026-11-24 12:00\nEND:VEVENT")
    [finding] = [f for f in lint_text("", calendar, "ics").findings if f.code == "CC908"]
    assert finding.message.startswith("'2026-11-24 12:00' is not a date and time")  # as written, not b'...'
    assert "DTSTART;TZID=Europe/Paris:20261124T120000" in finding.hint and "YYYY-MM-DD" not in finding.hint
