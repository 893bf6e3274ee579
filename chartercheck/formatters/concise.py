"""The ``concise`` format: one line per finding, ``path:line: CODE message``, for editors.

Vim's quickfix (``:cexpr``, ``errorformat=%f:%l: %m``), Emacs' compilation
mode and VS Code's problem matchers jump to ``file:line:`` lines. A finding
about a whole calendar has no line of its own and points at line 1, so that
every line keeps the shape editors parse; the summary line closes the output.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Finding, Report
from .text import summary_line


def line_of(finding: Finding) -> str:
    """``week48.yaml:12: CC101 message`` (line 1 when the finding has none; ``-`` for no file)."""
    loc = finding.location
    return f"{loc.path or '-'}:{loc.line or 1}: {finding.code} {finding.message}".replace("\n", " ")


def chunks(report: Report, **_options) -> Iterator[str]:
    """One line per finding, in the report's order, then the summary."""
    for finding in report.findings:
        yield line_of(finding) + "\n"
    yield summary_line(report) + "\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
