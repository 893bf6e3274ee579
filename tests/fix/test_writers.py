"""Each format round-trips: only the moved times change, byte for byte."""
import difflib

import icalendar

from .helpers import local_moves, run_fix

IG = ("channels: {instagram: {platform: instagram, max_per_day: 1, min_gap: 4h}}\n"
      "cadence: {windows: {daily: ['08:00-20:00']}}\n")


def changed_lines(before: bytes, after: bytes):
    old, new = before.decode("utf-8-sig").splitlines(True), after.decode("utf-8-sig").splitlines(True)
    return [line for line in difflib.ndiff(old, new) if line[:1] in "+-"]


YAML = """\
# Plan of week 48 — comments stay.
calendar: {timezone: Europe/Paris}
posts:
  - id: a                # first
    channel: instagram
    at: "2026-11-23 09:30"
    text: >-
      Un texte plié
      sur deux lignes.
  - {id: b, channel: instagram, at: '2026-11-23 11:00', text: "Deux"}
  - id: c
    channel: instagram
    at: 2026-11-23T12:00:00+01:00   # explicit offset
    text: Trois
"""


def test_yaml_changes_only_the_moved_at_scalars_keeping_quotes_and_comments():
    result, charter = run_fix(IG, YAML)
    assert local_moves(result, charter) == {"b": "2026-11-24 08:00", "c": "2026-11-25 08:00"}
    assert sorted(changed_lines(YAML.encode(), result.data)) == [
        "+     at: 2026-11-25T08:00:00+01:00   # explicit offset\n",
        "+   - {id: b, channel: instagram, at: '2026-11-24 08:00', text: \"Deux\"}\n",
        "-     at: 2026-11-23T12:00:00+01:00   # explicit offset\n",
        "-   - {id: b, channel: instagram, at: '2026-11-23 11:00', text: \"Deux\"}\n",
    ]
    assert result.after == []


def test_yaml_keeps_crlf_and_bom():
    data = b"\xef\xbb\xbf" + YAML.replace("\n", "\r\n").encode()
    result, _ = run_fix(IG, data)
    assert result.data.startswith(b"\xef\xbb\xbf") and result.data.count(b"\r\n") == data.count(b"\r\n")
    assert len(changed_lines(data, result.data)) == 4


def test_yaml_aliased_time_key_and_header_zone():
    calendar = ("calendar: {timezone: America/New_York}\nposts:\n"
                "  - {id: a, channel: instagram, date: 2026-11-23 03:30, text: x}\n")
    result, charter = run_fix(IG, calendar)
    # 03:30 New York is 09:30 Paris: fine; moving is not needed.
    assert result.plan.moves == []
    calendar = calendar.replace("03:30", "15:30")   # 21:30 Paris, after the window
    result, charter = run_fix(IG, calendar)
    assert b"date: 2026-11-23 13:55" in result.data


CSV = ('id;channel;at;text;approved_by\r\n'
       'a;instagram;23/11/2026 09:30;"Un texte; avec ""guillemets""\r\nsur deux lignes";marc\r\n'
       'b;instagram;23/11/2026 11:00;Deux;marc\r\n'
       'c;instagram;"24/11/2026 19:00";Trois;marc\r\n')


def test_csv_keeps_dialect_quoting_and_other_cells():
    data = b"\xef\xbb\xbf" + CSV.encode("utf-8")
    result, charter = run_fix(IG, data, "csv")
    assert local_moves(result, charter) == {"b": "2026-11-24 08:00", "c": "2026-11-25 08:00"}
    assert result.data.startswith(b"\xef\xbb\xbf")
    assert sorted(changed_lines(data, result.data)) == [
        "+ b;instagram;24/11/2026 08:00;Deux;marc\r\n",
        '+ c;instagram;"25/11/2026 08:00";Trois;marc\r\n',
        "- b;instagram;23/11/2026 11:00;Deux;marc\r\n",
        '- c;instagram;"24/11/2026 19:00";Trois;marc\r\n',
    ]
    assert result.after == []


def test_csv_google_calendar_export_moves_start_and_end():
    calendar = ("Subject,Start Date,Start Time,End Date,End Time,Description\n"
                "[IG] Un,11/23/2026,9:30 AM,11/23/2026,9:45 AM,Un texte\n"
                "[IG] Deux,11/23/2026,11:00 AM,11/23/2026,11:15 AM,Deux textes\n")
    result, _ = run_fix(IG, calendar, "csv")
    assert changed_lines(calendar.encode(), result.data) == [
        "- [IG] Deux,11/23/2026,11:00 AM,11/23/2026,11:15 AM,Deux textes\n",
        "+ [IG] Deux,11/24/2026,8:00 AM,11/24/2026,8:15 AM,Deux textes\n",
    ]


ICS = """\
BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Test//Fix//EN
BEGIN:VEVENT
UID:tip@example
DTSTAMP:20261101T080000Z
DTSTART;TZID=Europe/Paris:20261123T093000
DTEND;TZID=Europe/Paris:20261123T094500
RRULE:FREQ=DAILY;COUNT=3
SUMMARY:[IG] Astuce
DESCRIPTION:Une astuce d'entretien\\, chaque matin\\, avec un texte assez lon
 g pour être plié sur deux lignes. #velolumiere
CATEGORIES:instagram
BEGIN:VALARM
ACTION:DISPLAY
TRIGGER:-PT15M
DESCRIPTION:rappel
END:VALARM
END:VEVENT
BEGIN:VEVENT
UID:other@example
DTSTAMP:20261101T080000Z
DTSTART:20261124T100000Z
DTEND:20261124T103000Z
SUMMARY:[IG] Deuxième
DESCRIPTION:Deuxième post du mardi.
CATEGORIES:instagram
X-VENDOR-THING;X-PARAM=1:keep me
END:VEVENT
END:VCALENDAR
""".replace("\n", "\r\n")


def test_ics_moved_instance_becomes_a_recurrence_id_override():
    result, charter = run_fix(IG, ICS, "ics")
    # other (Tue 11:00) collides with Tuesday's tip and moves to Wednesday 08:00,
    # which pushes Wednesday's tip to Thursday: an override, not an edit of the series.
    moved = sorted((m.post.id, m.new_at.astimezone(charter.tz).strftime("%d %H:%M")) for m in result.plan.moves)
    assert moved == [("other@example", "25 08:00"), ("tip@example", "26 08:00")]
    text = result.data.decode()
    assert text.startswith(ICS[:ICS.index("BEGIN:VEVENT\r\nUID:other")].split("END:VEVENT")[0])
    assert "RRULE:FREQ=DAILY;COUNT=3\r\n" in text and text.count("BEGIN:VEVENT") == 3
    override = text.split("END:VEVENT\r\n")[1]
    assert "RECURRENCE-ID;TZID=Europe/Paris:20261125T093000\r\n" in override
    assert "DTSTART;TZID=Europe/Paris:20261126T080000\r\n" in override
    assert "DTEND;TZID=Europe/Paris:20261126T081500\r\n" in override
    assert "RRULE" not in override and "BEGIN:VALARM" in override and "lon\r\n g pour" in override
    assert "DTSTART:20261125T070000Z\r\nDTEND:20261125T073000Z\r\n" in text
    assert "X-VENDOR-THING;X-PARAM=1:keep me\r\n" in text
    assert not [line for line in text.split("\r\n") if "\n" in line]   # no stray bare LF
    icalendar.Calendar.from_ical(text)   # still valid iCalendar
    assert result.after == []


def test_ics_existing_override_is_edited_in_place():
    override = ("BEGIN:VEVENT\r\nUID:tip@example\r\nDTSTAMP:20261101T080000Z\r\n"
                "RECURRENCE-ID;TZID=Europe/Paris:20261124T093000\r\n"
                "DTSTART;TZID=Europe/Paris:20261124T103000\r\nDURATION:PT15M\r\n"
                "SUMMARY:[IG] Astuce\r\nDESCRIPTION:Une astuce déplacée.\r\nCATEGORIES:instagram\r\nEND:VEVENT\r\n")
    calendar = ICS.replace("END:VCALENDAR", override + "END:VCALENDAR")
    result, _ = run_fix(IG, calendar, "ics")
    text = result.data.decode()
    assert "RECURRENCE-ID;TZID=Europe/Paris:20261124T093000\r\nDTSTART;TZID=Europe/Paris:20261124T" in text
    assert result.after == []


def test_same_plan_in_three_formats_gives_the_same_moves():
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    context = (root / "sample_calendars/previous-weeks-published.yaml").read_text("utf-8")
    charter = (root / "charters/velo-lumiere.yaml").read_text("utf-8")
    outcomes = []
    for fmt in ("yaml", "csv", "ics"):
        data = (root / f"sample_calendars/week48-faulty.{fmt}").read_bytes()
        result, _ = run_fix(charter, data, fmt, context=context, now="2026-11-21 09:00",
                                     max_shift="5d")
        outcomes.append(sorted((m.post.id, m.new_at) for m in result.plan.moves))
        assert result.before and result.after == []
    assert outcomes[0] == outcomes[1] == outcomes[2]
