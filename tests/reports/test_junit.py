"""JUnit XML parses and counts what a CI server will display."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from chartercheck.formatters.junit import render
from chartercheck.model import Finding, Location, Report, Severity


def test_parses_with_one_failure_per_finding(week):
    report, _, _ = week
    root = ET.fromstring(render(report, fail_on="info").encode("utf-8"))
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(report.findings) == int(root.get("tests")) == int(root.get("failures"))
    for suite in root.findall("testsuite"):
        assert int(suite.get("tests")) == len(suite.findall("testcase"))
    failures = [case.find("failure") for case in cases]
    assert [f.get("type") for f in failures] == [f.severity.label for f in report.findings]
    assert failures[0].get("message") == report.findings[0].message
    assert "→" in failures[0].text  # the hint is in the details


def test_clean_run_is_one_passing_test():
    root = ET.fromstring(render(Report("embedded:default", (), 3, ("instagram",), None, None)))
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None
    assert root.get("failures") == "0"


def test_awkward_characters_are_escaped():
    finding = Finding("CC201", "commercial-score", Severity.WARNING, 'a <b> & "c" ]]> -- \x1b',
                      Location("x&y.yaml", 2, "p<1>", "instagram"))
    text = render(Report("c", (finding,), 1, ("instagram",), None, None), fail_on="warning")
    root = ET.fromstring(text)  # parses despite <, &, quotes and a comment-breaking "--"
    assert root.find(".//failure").get("message").startswith('a <b> & "c"')


def _check_common_shape(root: ET.Element) -> None:
    """What Jenkins, GitLab and the common JUnit XSD expect: counts that add up, one outcome per case."""
    assert root.tag == "testsuites"
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for suite in root.findall("testsuite"):
        cases = suite.findall("testcase")
        assert suite.get("name") and int(suite.get("errors")) == 0
        outcomes = [[child.tag for child in case if child.tag in ("failure", "error", "skipped")] for case in cases]
        assert all(len(outcome) <= 1 for outcome in outcomes)
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(o == ["failure"] for o in outcomes)
        assert int(suite.get("skipped")) == sum(o == ["skipped"] for o in outcomes)
        for case in cases:
            assert case.get("name") and case.get("classname")
        for key in totals:
            totals[key] += int(suite.get(key))
    for key, total in totals.items():
        if key == "tests":
            total = max(total, 1)
        assert int(root.get(key, 0)) == total


def test_findings_below_fail_on_are_skipped_not_failed(week):
    report, _, _ = week
    severities = [f.severity for f in report.findings]
    assert Severity.WARNING in severities and Severity.INFO in severities  # the week holds both
    for fail_on, failing in (("error", {Severity.ERROR}), ("warning", {Severity.ERROR, Severity.WARNING}),
                             ("info", set(Severity)), ("never", set())):
        root = ET.fromstring(render(report, fail_on=fail_on).encode("utf-8"))
        _check_common_shape(root)
        cases = root.findall("./testsuite/testcase")
        assert [case.find("failure") is not None for case in cases] == [s in failing for s in severities]
        assert int(root.get("failures")) == sum(s in failing for s in severities)
        skipped = [case.find("skipped") for case in cases if case.find("skipped") is not None]
        assert all(s.text and s.get("message") for s in skipped)
        if fail_on != "never" and skipped:
            assert f"below --fail-on {fail_on}" in skipped[0].get("message")


def test_the_cli_fails_the_cases_it_fails_the_job_for(tmp_path):
    from click.testing import CliRunner

    from chartercheck.cli import main

    from .conftest import CLI_ARGS, WEEK
    for fail_on in ("error", "warning", "never"):
        out = tmp_path / f"junit-{fail_on}.xml"
        result = CliRunner().invoke(main, ["lint", WEEK, *CLI_ARGS, "--format", "junit", "-o", str(out),
                                           "--fail-on", fail_on])
        root = ET.parse(out).getroot()
        _check_common_shape(root)
        assert result.exit_code == (1 if int(root.get("failures")) else 0), fail_on
    assert root.get("failures") == "0" and int(root.get("skipped")) == int(root.get("tests"))
