"""Events that are not posts: no channel, or channels the charter does not declare."""
from __future__ import annotations

import os
import re

import pytest
import yaml

from chartercheck.charter import load_charter
from chartercheck.engine import LintOptions, run
from chartercheck.testing import lint_text
from chartercheck.timeutil import parse_cli_datetime

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "ics")

CHARTER = """
channels:
  instagram: {platform: instagram}
cadence:
  windows: {mon-sun: ["07:00-21:00"]}
approval:
  steps: [{role: editor}]
team:
  members: [{id: lea, email: lea@example.org, roles: [editor]}]
"""


def _event(uid: str, start: str, summary: str, extra: str = "") -> str:
    return (f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:{start}\r\n"
            f"SUMMARY:{summary}\r\n{extra}END:VEVENT\r\n")


def _calendar(*events: str) -> str:
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + "".join(events) + "END:VCALENDAR\r\n"


def _codes(report) -> list[str]:
    return [f.code for f in report.findings]


def test_course_codes_are_one_finding_per_channel_and_no_channel_rule_runs():
    # Two course codes as CATEGORIES, at 02:30 (outside the posting window).
    events = [_event(f"c{i}@lms", f"2026111{i}T023000Z", f"Assignment {i} due",
                     f"CATEGORIES:in19-s04-it240{i % 2}\r\n") for i in range(1, 6)]
    report = lint_text(CHARTER, _calendar(*events), "ics")
    unknown = [f for f in report.findings if f.code == "CC902"]
    assert [f.location.channel for f in unknown] == ["in19-s04-it2400", "in19-s04-it2401"]
    assert "on 2 event(s) (first: c2@lms, c4@lms)" in unknown[0].message
    assert "on 3 event(s) (first: c1@lms, c3@lms, c5@lms)" in unknown[1].message
    assert all(f.location.post_id is None for f in unknown)
    # No post rule judged the course events: no window, approval or tone finding.
    assert set(_codes(report)) <= {"CC902", "CC107", "CC108"}, _codes(report)
    assert report.post_count == 0


def test_the_channel_map_hint_is_yaml_that_can_be_pasted():
    event = _event("m@x", "20261117T100000Z", "Weekly sync", "CATEGORIES:Meeting\\, John\r\n")
    report = lint_text(CHARTER, _calendar(event), "ics")
    hint = next(f.hint for f in report.findings if f.code == "CC902")
    snippet = re.search(r"input\.channel_map: (\{.*?\})", hint).group(1)
    assert yaml.safe_load(snippet) == {"meeting, john": "instagram"}
    assert "channels.meeting" not in hint


def test_a_post_with_a_declared_and_an_unknown_channel_is_judged_on_the_declared_one():
    cal = ("posts:\n  - {id: a, channels: [instagram, newsletter], at: '2026-11-24 03:00',"
           " text: 'Un conseil pour vos vélos cet hiver.'}\n")
    report = lint_text(CHARTER, cal, select=["CC105", "CC902"])
    windows = [f for f in report.findings if f.code == "CC105"]
    assert [f.location.channel for f in windows] == ["instagram"]
    assert [f.location.channel for f in report.findings if f.code == "CC902"] == ["newsletter"]
    assert report.post_count == 1


def test_meetings_without_a_channel_are_counted_once_per_file_and_not_judged():
    attendee = "ATTENDEE;PARTSTAT=ACCEPTED;CN=Bob:mailto:bob@example.org\r\n"
    events = [_event(f"meet-{i}@x", f"202611{10 + i}T020000Z", "STAND-UP MEETING!!!", attendee)
              for i in range(8)]
    report = lint_text(CHARTER, _calendar(*events), "ics")
    missing = [f for f in report.findings if f.code == "CC903"]
    assert len(missing) == 1
    assert missing[0].message == ("8 event(s) without a channel (first: meet-0@x, meet-1@x, meet-2@x, …): "
                                  "not checked as posts")
    assert missing[0].location.line == 4  # the first event's line
    judged = {"CC105", "CC106", "CC204", "CC401", "CC402", "CC404", "CC304", "CC305"}
    assert not judged & set(_codes(report)), _codes(report)
    from chartercheck.formatters.text import summary_line
    assert summary_line(report).endswith(" in 0 posts (0 channels)")  # said, not left out


def test_one_missing_channel_finding_per_file(tmp_path):
    charter = load_charter(os.path.join(ROOT, "charters", "velo-lumiere.yaml"))
    paths = []
    for name in ("a.ics", "b.ics"):
        path = tmp_path / name
        path.write_text(_calendar(_event(f"{name}-1", "20261117T100000Z", "Sync"),
                                  _event(f"{name}-2", "20261118T100000Z", "Sync")), encoding="utf-8")
        paths.append(str(path))
    report = run(paths, charter, LintOptions(now=parse_cli_datetime("2026-11-01 09:00", charter.tz)))
    missing = [f for f in report.findings if f.code == "CC903"]
    assert sorted(os.path.basename(f.location.path) for f in missing) == ["a.ics", "b.ics"]
    assert all("2 event(s)" in f.message for f in missing)


@pytest.mark.skipif(not os.path.isdir(CORPUS), reason="../shared/corpus is not beside the repository")
def test_real_moodle_export_gets_no_channel_rule():
    charter = load_charter(os.path.join(ROOT, "charters", "cabinet-atlas.yaml"))
    report = run([os.path.join(CORPUS, "moodle-categories-multi-value.ics")], charter,
                 LintOptions(now=parse_cli_datetime("2020-11-01 09:00", charter.tz), ignore=["CC8"]))
    codes = _codes(report)
    assert "CC105" not in codes and "CC401" not in codes and "CC304" not in codes
    unknown = [f.location.channel for f in report.findings if f.code == "CC902"]
    assert len(unknown) == len(set(unknown)) >= 2
