"""GitHub workflow annotations: escaping, severities, and the lines they land on."""
from __future__ import annotations

import pytest

from chartercheck.formatters.github import annotation, escape_data, escape_property, render
from chartercheck.model import Finding, Location, Severity

from .conftest import WEEK, post_lines


@pytest.mark.parametrize("raw,escaped", [
    ("100% sure", "100%25 sure"), ("a\nb", "a%0Ab"), ("a\r\nb", "a%0D%0Ab"), ("%0A", "%250A"),
    ("time 10:00, ok", "time 10:00, ok"),  # ':' and ',' are fine in the message
])
def test_escape_data(raw, escaped):
    assert escape_data(raw) == escaped


@pytest.mark.parametrize("raw,escaped", [
    ("a:b", "a%3Ab"), ("a,b", "a%2Cb"), ("50%", "50%25"), ("x\ny", "x%0Ay"), ("C:\\plan,v2.yaml", "C%3A\\plan%2Cv2.yaml"),
])
def test_escape_property(raw, escaped):
    assert escape_property(raw) == escaped


def test_annotation_escapes_message_and_properties():
    finding = Finding("CC201", "commercial-score", Severity.ERROR, "score 90% > 60%\nsecond line",
                      Location("plans/week 1,2.yaml", 7, "p:1", "instagram"), hint="drop the 'code: X'")
    line = annotation(finding)
    assert line.startswith("::error file=plans/week 1%2C2.yaml,line=7,title=CC201 commercial-score::")
    message = line.split("::", 2)[2]
    assert "\n" not in line and "90%25 > 60%25%0Asecond line" in message
    assert message.endswith("%0A→ drop the 'code: X'")


@pytest.mark.parametrize("severity,command", [(Severity.ERROR, "error"), (Severity.WARNING, "warning"),
                                              (Severity.INFO, "notice")])
def test_severity_commands(severity, command):
    finding = Finding("CC101", "channel-daily-cap", severity, "m", Location("a.yaml", 3))
    assert annotation(finding).startswith(f"::{command} file=a.yaml,line=3,")


def test_no_file_or_line_when_unknown():
    finding = Finding("CC901", "unreadable-entry", Severity.ERROR, "m", Location("<stdin>", 4))
    assert annotation(finding).startswith("::error title=CC901 unreadable-entry::")
    wide = Finding("CC107", "missed-rendezvous", Severity.WARNING, "m", Location("a.yaml", None, None, "instagram"))
    assert annotation(wide).startswith("::warning file=a.yaml,title=")


def test_annotations_land_on_the_posts_lines(week):
    report, _, _ = week
    output = render(report).splitlines()
    assert len(output) == len(report.findings) + 1 and not output[-1].startswith("::")
    for finding, line in zip(report.findings, output):
        if finding.location.post_id is not None:
            number = int(line.split(",line=")[1].split(",")[0])
            assert number in post_lines(WEEK, finding.location.post_id)


def test_file_is_relative_to_the_github_workspace(monkeypatch, tmp_path):
    brand = tmp_path / "brands" / "nord"
    brand.mkdir(parents=True)
    finding = Finding("CC101", "channel-daily-cap", Severity.WARNING, "m", Location(str(brand / "w.yaml"), 3))
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))
    assert annotation(finding).startswith("::warning file=brands/nord/w.yaml,line=3,")
    monkeypatch.chdir(brand)   # a run started in a sub-folder, with a path relative to it
    relative = Finding("CC101", "channel-daily-cap", Severity.WARNING, "m", Location("w.yaml", 3))
    assert annotation(relative) == "::warning file=brands/nord/w.yaml,line=3,title=CC101 channel-daily-cap::m"
    outside = Finding("CC101", "channel-daily-cap", Severity.WARNING, "m", Location("/elsewhere/w.yaml", 3))
    assert annotation(outside).startswith("::warning file=/elsewhere/w.yaml,")
