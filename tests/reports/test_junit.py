"""JUnit XML parses and counts what a CI server will display."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from chartercheck.formatters.junit import render
from chartercheck.model import Finding, Location, Report, Severity


def test_parses_with_one_failure_per_finding(week):
    report, _, _ = week
    root = ET.fromstring(render(report).encode("utf-8"))
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
    text = render(Report("c", (finding,), 1, ("instagram",), None, None))
    root = ET.fromstring(text)  # parses despite <, &, quotes and a comment-breaking "--"
    assert root.find(".//failure").get("message").startswith('a <b> & "c"')
