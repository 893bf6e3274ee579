"""The YAML calendar reader: lines, defaults, problems as CC9xx findings, never a crash."""
import pytest

from chartercheck.errors import CalendarError
from chartercheck.testing import lint_text


def test_header_defaults_and_field_lines():
    cal = ("calendar: {timezone: America/New_York, channel: x}\n"
           "posts:\n"
           "  - id: a\n"
           "    at: 2026-11-24 09:00\n"
           "    text: Hello\n")
    report = lint_text("channels: {x: {platform: x}}", cal)
    assert report.post_count == 1
    assert report.channels == ("x",)


def test_unknown_field_and_channel_are_reported_with_suggestions():
    cal = "posts:\n  - {id: a, channel: instagrm, at: '2026-11-24 09:00', text: Bonjour, pilar: conseils}\n"
    report = lint_text("channels: {instagram: {platform: instagram}}", cal)
    found = {f.code: f for f in report.findings}
    assert found["CC902"].message == "unknown channel 'instagrm' on 1 event(s) (first: a); did you mean 'instagram'?"
    assert found["CC902"].hint.startswith("fix the name, or map it with input.channel_map: {instagrm: instagram}")
    assert found["CC916"].hint == "did you mean 'pillar'?"
    assert found["CC916"].location.line == 2


@pytest.mark.parametrize("cal,code", [
    ("posts:\n  - {id: a, channel: x, text: hi}\n", "CC908"),
    ("posts:\n  - {id: a, channel: x, at: tomorrow, text: hi}\n", "CC908"),
    ("posts:\n  - {id: a, channel: x, at: '2026-11-24', text: hi}\n", "CC906"),
    ("posts:\n  - {id: a, at: '2026-11-24 10:00', text: hi}\n", "CC903"),
    ("posts:\n  - {id: a, channel: x, at: '2026-11-24 10:00', text: ''}\n", "CC909"),
    ("posts:\n  - just a string\n", "CC901"),
    ("posts:\n  - {id: a, channel: x, at: '2026-11-24 10:00', text: hi, status: maybe}\n", "CC917"),
    ("posts:\n  - {id: a, channel: x, at: '2026-11-24 10:00', text: hi}\n"
     "  - {id: a, channel: x, at: '2026-11-25 10:00', text: ho}\n", "CC907"),
])
def test_bad_entries_become_findings(cal, code):
    report = lint_text("channels: {x: {platform: x}}", cal)
    assert code in {f.code for f in report.findings}


@pytest.mark.parametrize("cal,message", [
    ("posts: 3\n", "must be a list"),
    ("hello: world\n", "no 'posts:' list"),
    ("posts: [\n", "YAML syntax error"),
    ("calendar: {timezone: Mars/Olympus}\nposts: []\n", "unknown time zone"),
])
def test_unusable_files_raise_calendar_error_with_line(cal, message):
    with pytest.raises(CalendarError, match=message) as info:
        lint_text("", cal)
    assert info.value.problems[0].path == "calendar.yaml"


def test_per_post_ignore_suppresses_by_code_and_name():
    charter = "channels: {x: {platform: x, max_per_day: 1}}"
    cal = ("posts:\n  - {id: a, channel: x, at: '2026-11-24 09:00', text: hi}\n"
           "  - {id: b, channel: x, at: '2026-11-24 15:00', text: ho, ignore: [channel-daily-cap]}\n")
    report = lint_text(charter, cal, select=["CC101"])
    assert report.findings == () and report.suppressed == 1
