"""``concise`` (editors' file:line: lines) and ``gitlab`` (Code Quality), checked as their consumers read them."""
from __future__ import annotations

import json
import re

import pytest

from chartercheck.formatters.concise import render as render_concise
from chartercheck.formatters.gitlab import render as render_gitlab
from chartercheck.model import Finding, Location, Report, Severity

from .conftest import WEEK, post_lines

#: GitLab's Code Quality report: the fields it requires of every issue, and its severity scale.
GITLAB_REQUIRED = {"description", "check_name", "fingerprint", "severity", "location"}
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}
#: Vim's default errorformat for grep-like lines, as a regular expression.
EDITOR_LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<code>CC\d{3}) (?P<message>.+)$")


def _check_gitlab(issues: list) -> None:
    assert isinstance(issues, list)
    for issue in issues:
        assert GITLAB_REQUIRED <= set(issue), issue
        assert all(isinstance(issue[key], str) and issue[key] for key in ("description", "check_name", "fingerprint"))
        assert issue["severity"] in GITLAB_SEVERITIES
        location = issue["location"]
        assert isinstance(location["path"], str) and not location["path"].startswith("/")
        assert isinstance(location["lines"]["begin"], int) and location["lines"]["begin"] >= 1
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints), "GitLab merges issues that share a fingerprint"


def test_concise_lines_are_what_editors_parse(week):
    report, _, _ = week
    lines = render_concise(report).splitlines()
    assert len(lines) == len(report.findings) + 1
    for finding, line in zip(report.findings, lines):
        match = EDITOR_LINE.match(line)
        assert match, line
        assert match["path"] == WEEK and match["code"] == finding.code
        if finding.location.post_id:
            assert int(match["line"]) in post_lines(WEEK, finding.location.post_id)
    assert "in 3 posts" in lines[-1]  # the unknown channel's event is not judged as a post


def test_concise_never_splits_a_finding_over_two_lines():
    finding = Finding("CC201", "commercial-score", Severity.ERROR, "one\ntwo", Location("a.yaml", None))
    assert render_concise(Report("c", (finding,), 1, (), None, None)).splitlines()[0] == "a.yaml:1: CC201 one two"


def test_gitlab_report_has_the_required_fields(week):
    report, _, _ = week
    issues = json.loads(render_gitlab(report))
    _check_gitlab(issues)
    assert [i["check_name"].split()[0] for i in issues] == [f.code for f in report.findings]
    assert {i["location"]["path"] for i in issues} == {WEEK}
    by_severity = {i["check_name"].split()[0]: i["severity"] for i in issues}
    assert by_severity["CC105"] == "major" and by_severity["CC101"] == "minor"


def test_gitlab_fingerprints_are_unique_and_ignore_lines():
    def finding(line, post="ig2"):
        return Finding("CC101", "channel-daily-cap", Severity.WARNING, "m", Location("a.yaml", line, post, "instagram"))
    same = json.loads(render_gitlab(Report("c", (finding(12), finding(40)), 2, ("instagram",), None, None)))
    _check_gitlab(same)   # the same finding twice still gets two fingerprints
    moved = json.loads(render_gitlab(Report("c", (finding(30),), 1, ("instagram",), None, None)))
    assert moved[0]["fingerprint"] == same[0]["fingerprint"]


def test_gitlab_paths_are_relative_to_the_project_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("CI_PROJECT_DIR", str(tmp_path))
    inside = Finding("CC101", "channel-daily-cap", Severity.WARNING, "m", Location(str(tmp_path / "b" / "w.yaml"), 3))
    stdin = Finding("CC101", "channel-daily-cap", Severity.WARNING, "m", Location("<stdin>", None))
    issues = json.loads(render_gitlab(Report("c", (inside, stdin), 2, (), None, None)))
    _check_gitlab(issues)
    assert [i["location"] for i in issues] == [{"path": "b/w.yaml", "lines": {"begin": 3}},
                                               {"path": "stdin", "lines": {"begin": 1}}]


@pytest.mark.parametrize("render", [render_concise, render_gitlab])
def test_empty_report(render):
    text = render(Report("c", (), 0, (), None, None))
    assert text.endswith("\n")
