"""Control characters from the data, made visible before they reach a person.

Calendars come from tools nobody here controls. A post id, a channel or a
text holding ESC (``\\x1b``) or BEL would otherwise drive the terminal that
shows a report — move the cursor, clear the screen, retitle the window —
or, in a CI log, hide a line. Every human-facing report and message shows
such characters as ``\\x1b``: C0 controls but tab and line breaks, DEL, and
the C1 controls (``\\x80``-``\\x9f``, which some terminals obey too). A NUL
never reaches an HTML report. Machine formats (JSON, SARIF) keep the data
as it is, JSON-escaped.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable, Iterator, Optional

from .model import Finding, Report

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_ESCAPES = {code: f"\\x{code:02x}" for code in [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20),
                                              *range(0x7f, 0xa0)]}


def escape_controls(text: str) -> str:
    """``text`` with every control character written ``\\xNN`` (tab, line feed and carriage return kept)."""
    if not _CONTROL.search(text):
        return text
    return text.translate(_ESCAPES)


def _optional(text: Optional[str]) -> Optional[str]:
    return escape_controls(text) if text else text


def _finding(finding: Finding) -> Finding:
    location = finding.location
    fields = (location.path, location.post_id, location.channel)
    # A text not written yet stays unwritten when its parameters show it clean.
    if not any(value and _CONTROL.search(value) for value in fields) and finding.texts_free_of(_CONTROL):
        return finding
    return replace(finding, message=escape_controls(finding.message), hint=_optional(finding.hint),
                   location=replace(location, path=_optional(location.path), post_id=_optional(location.post_id),
                                    channel=_optional(location.channel)))


def report_with_escaped_controls(report: Report) -> Report:
    """The same report, its messages, hints, places, channels and charter name made safe to show."""
    return replace(report, charter=escape_controls(report.charter),
                   findings=tuple(_finding(finding) for finding in report.findings),
                   channels=tuple(escape_controls(channel) for channel in report.channels))


def chunks_with_escaped_controls(chunks: Iterable[str]) -> Iterator[str]:
    """A rendered report's pieces made safe, for formats whose own markup holds no control character."""
    for chunk in chunks:
        yield escape_controls(chunk)
