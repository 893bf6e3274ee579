"""The ``junit`` format: JUnit XML, which Jenkins, GitLab and most CI servers display.

One ``<testsuite>`` per calendar file, one ``<testcase>`` per finding
(named after the rule and the post, so a CI server's history of "tests"
follows a finding from run to run). A finding at or above ``fail_on`` (the
``--fail-on`` of the run) is a ``<failure>``; one below it is ``<skipped>``
with the same details, so a job that passes is not shown as "10 failed".
A clean run holds a single passing test case, so the CI view says "1 test
passed" rather than nothing.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Iterator

from ..model import Finding, Report, Severity
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
    if finding.charter:  # a run of several brands
        lines.append(f"charter: {finding.charter}")
    return "\n".join(lines)


def threshold(fail_on: str) -> Severity | None:
    """The lowest severity that fails for ``fail_on`` (``never``: None, nothing fails)."""
    return None if fail_on == "never" else Severity.parse(fail_on)


def _fails(finding: Finding, lowest: Severity | None) -> bool:
    return lowest is not None and finding.severity >= lowest


def _by_path(report: Report) -> dict[str, list[Finding]]:
    """The findings by calendar file, files in order of their first finding (the report's own findings)."""
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_path.setdefault(finding.location.path or "-", []).append(finding)
    return by_path


def _root(report: Report, lowest: Severity | None) -> ET.Element:
    """The ``<testsuites>`` element, without children."""
    failures = sum(_fails(f, lowest) for f in report.findings)
    return ET.Element("testsuites", name=SUITE_NAME, tests=str(max(1, len(report.findings))),
                      failures=str(failures), errors="0", skipped=str(len(report.findings) - failures))


def _suite(path: str, findings: list[Finding], lowest: Severity | None) -> ET.Element:
    """The ``<testsuite>`` of one file, without children."""
    failures = sum(_fails(f, lowest) for f in findings)
    return ET.Element("testsuite", name=xml_safe(path), tests=str(len(findings)), failures=str(failures),
                      errors="0", skipped=str(len(findings) - failures))


def _clean_suite() -> ET.Element:
    """The suite of a clean run: one passing test case."""
    suite = ET.Element("testsuite", name=SUITE_NAME, tests="1", failures="0", errors="0", skipped="0")
    ET.SubElement(suite, "testcase", classname=SUITE_NAME, name="calendar follows the charter")
    return suite


def _case(path: str, finding: Finding, lowest: Severity | None) -> ET.Element:
    """The ``<testcase>`` of one finding: failing at or above ``lowest``, skipped below it."""
    case = ET.Element("testcase", classname=xml_safe(path), name=xml_safe(_case_name(finding)), file=xml_safe(path))
    if finding.location.line:
        case.set("line", str(finding.location.line))
    if _fails(finding, lowest):
        outcome = ET.SubElement(case, "failure", type=finding.severity.label, message=xml_safe(finding.message))
    else:
        below = f"below --fail-on {lowest.label}" if lowest is not None else "--fail-on never"
        outcome = ET.SubElement(case, "skipped", message=xml_safe(f"{finding.severity.label} ({below}): "
                                                                   f"{finding.message}"))
    outcome.text = xml_safe(_details(finding))
    return case


def _summary_comment(report: Report) -> ET.Element:
    # The summary as a comment keeps the file valid JUnit while telling a reader the totals.
    return ET.Comment(" " + xml_safe(summary_line(report)).replace("--", "- -") + " ")


def report_to_xml(report: Report, fail_on: str = "error") -> ET.Element:
    """The report as an ``<testsuites>`` element; ``fail_on`` as ``--fail-on`` says it."""
    lowest = threshold(fail_on)
    suites = _root(report, lowest)
    by_path = _by_path(report)
    if not by_path:
        suites.append(_clean_suite())
    for path, findings in by_path.items():
        suite = _suite(path, findings, lowest)
        suite.extend(_case(path, finding, lowest) for finding in findings)
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


def chunks(report: Report, fail_on: str = "error", **_options) -> Iterator[str]:
    """The document in pieces: each test case is built, written and dropped in turn.

    The layout is the one ``ET.indent`` gives the whole tree: each element on
    its own line, two spaces deeper than its parent.
    """
    lowest = threshold(fail_on)
    yield XML_DECLARATION + _start_tag(_root(report, lowest))
    yield "\n" + INDENT + _serialise(_summary_comment(report), 1)
    by_path = _by_path(report)
    if not by_path:
        yield "\n" + INDENT + _serialise(_clean_suite(), 1)
    for path, findings in by_path.items():
        yield "\n" + INDENT + _start_tag(_suite(path, findings, lowest))
        for finding in findings:
            yield "\n" + INDENT * 2 + _serialise(_case(path, finding, lowest), 2)
        yield "\n" + INDENT + "</testsuite>"
    yield "\n</testsuites>\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
