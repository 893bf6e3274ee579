"""The ``junit`` format: JUnit XML, which Jenkins, GitLab and most CI servers display.

One ``<testsuite>`` per calendar file, one failing ``<testcase>`` per
finding (named after the rule and the post, so a CI server's history of
"tests" follows a finding from run to run). A clean run holds a single
passing test case, so the CI view says "1 test passed" rather than nothing.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import Finding, Report
from .text import summary_line

SUITE_NAME = "chartercheck"
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


def report_to_xml(report: Report) -> ET.Element:
    """The report as an ``<testsuites>`` element."""
    suites = ET.Element("testsuites", name=SUITE_NAME, tests=str(max(1, len(report.findings))),
                        failures=str(len(report.findings)), errors="0")
    by_path: dict[str, list[Finding]] = {}
    for finding in report.findings:
        by_path.setdefault(finding.location.path or "-", []).append(finding)
    if not by_path:
        suite = ET.SubElement(suites, "testsuite", name=SUITE_NAME, tests="1", failures="0", errors="0",
                              skipped="0")
        ET.SubElement(suite, "testcase", classname=SUITE_NAME, name="calendar follows the charter")
    for path, findings in by_path.items():
        suite = ET.SubElement(suites, "testsuite", name=xml_safe(path), tests=str(len(findings)),
                              failures=str(len(findings)), errors="0", skipped="0")
        for finding in findings:
            case = ET.SubElement(suite, "testcase", classname=xml_safe(path), name=xml_safe(_case_name(finding)),
                                 file=xml_safe(path))
            if finding.location.line:
                case.set("line", str(finding.location.line))
            failure = ET.SubElement(case, "failure", type=finding.severity.label,
                                    message=xml_safe(finding.message))
            failure.text = xml_safe(_details(finding))
    return suites


def render(report: Report, **_options) -> str:
    root = report_to_xml(report)
    # The summary as a comment keeps the file valid JUnit while telling a reader the totals.
    root.insert(0, ET.Comment(" " + xml_safe(summary_line(report)).replace("--", "- -") + " "))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
