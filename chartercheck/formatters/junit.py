"""The ``junit`` format: JUnit XML, which Jenkins, GitLab and most CI servers display.

One ``<testsuite>`` per calendar file, one failing ``<testcase>`` per
finding (named after the rule and the post, so a CI server's history of
"tests" follows a finding from run to run). A clean run holds a single
passing test case, so the CI view says "1 test passed" rather than nothing.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterator

from ..model import Finding, Report
from .text import summary_line

SUITE_NAME = "chartercheck"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
#: One level of indentation of the document.
INDENT = "  "
#: Characters XML 1.0 cannot hold even escaped (control characters from a pasted caption).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (each becomes U+FFFD)."""
    return _NOT_XML.sub("\ufffd", text)


def _case_name(finding: Finding) -> str:
    loc = finding.location
    about = loc.post_id if loc.post_id is not None else (loc.at.isoformat() if loc.at else "calendar")
    if loc.channel:
        about += f" ({loc.channel})"
    return f"{finding.code} {finding.rule}: {about}"


def _details(finding: Finding) -> str:
    loc = finding.location
    where = (loc.path or "-") + (f":{loc.line}" if loc.line else "")
    lines = [f"{where}: {finding.severity.label}: {finding.code} {finding.rule}", finding.message]
    if finding.hint:
        lines.append(f"→ {finding.hint}")
    if loc.at:
        lines.append(f"at {loc.at.isoformat()}")
    return "\n".join(lines)


def _by_path(report: Report) -> dict[str, list[Finding]]:
    """The findings by calendar file, files in order of their first finding (the report's own findings)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_path.setdefault(finding.location.path or "-", []).append(finding)
    return by_path


def _root(report: Report) -> ET.Element:
    """The ``<testsuites>`` element, without children."""
    return ET.Element("testsuites", name=SUITE_NAME, tests=str(max(1, len(report.findings))),
                      failures=str(len(report.findings)), errors="0")


def _suite(path: str, findings: list[Finding]) -> ET.Element:
    """The ``<testsuite>`` of one file, without children."""
    return ET.Element("testsuite", name=xml_safe(path), tests=str(len(findings)), failures=str(len(findings)),
                      errors="0", skipped="0")


def _clean_suite() -> ET.Element:
    """The suite of a clean run: one passing test case."""
    suite = ET.Element("testsuite", name=SUITE_NAME, tests="1", failures="0", errors="0", skipped="0")
    ET.SubElement(suite, "testcase", classname=SUITE_NAME, name="calendar follows the charter")
    return suite


def _case(path: str, finding: Finding) -> ET.Element:
    """The failing ``<testcase>`` of one finding."""
    case = ET.Element("testcase", classname=xml_safe(path), name=xml_safe(_case_name(finding)), file=xml_safe(path))
    if finding.location.line:
        case.set("line", str(finding.location.line))
    failure = ET.SubElement(case, "failure", type=finding.severity.label, message=xml_safe(finding.message))
    failure.text = xml_safe(_details(finding))
    return case


def _summary_comment(report: Report) -> ET.Element:
    # The summary as a comment keeps the file valid JUnit while telling a reader the totals.
    return ET.Comment(" " + xml_safe(summary_line(report)).replace("--", "- -") + " ")


def report_to_xml(report: Report) -> ET.Element:
    """The report as an ``<testsuites>`` element."""
    suites = _root(report)
    by_path = _by_path(report)
    if not by_path:
        suites.append(_clean_suite())
    for path, findings in by_path.items():
        suite = _suite(path, findings)
        suite.extend(_case(path, finding) for finding in findings)
        suites.append(suite)
    return suites


def _serialise(element: ET.Element, level: int) -> str:
    """``element`` as it reads at ``level`` of the indented document (its tail excluded)."""
    ET.indent(element, space=INDENT, level=level)
    return ET.tostring(element, encoding="unicode")


def _start_tag(element: ET.Element) -> str:
    """The start tag of ``element`` (a childless element), escaped as ElementTree escapes it."""
    whole = ET.tostring(element, encoding="unicode", short_empty_elements=False)
    return whole[:-len(f"</{element.tag}>")]


def chunks(report: Report, **_options) -> Iterator[str]:
    """The document in pieces: each test case is built, written and dropped in turn.

    The layout is the one ``ET.indent`` gives the whole tree: each element on
    its own line, two spaces deeper than its parent.
    """
    yield XML_DECLARATION + _start_tag(_root(report))
    yield "\n" + INDENT + _serialise(_summary_comment(report), 1)
    by_path = _by_path(report)
    if not by_path:
        yield "\n" + INDENT + _serialise(_clean_suite(), 1)
    for path, findings in by_path.items():
        yield "\n" + INDENT + _start_tag(_suite(path, findings))
        for finding in findings:
            yield "\n" + INDENT * 2 + _serialise(_case(path, finding), 2)
        yield "\n" + INDENT + "</testsuite>"
    yield "\n</testsuites>\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
