"""``--statistics``: how many findings each rule gave, most frequent first.

The view to adopt a linter by (which rules to tune or turn off first), as
``ruff check --statistics`` and ``flake8 --statistics`` give it. Counts are
of the findings the report shows (after ``--baseline`` and suppressions).
"""
from __future__ import annotations

import json
from collections import Counter
from typing import NamedTuple

from ..model import Report, Severity
from .text import summary_line


class RuleCount(NamedTuple):
    count: int
    code: str
    rule: str
    severity: Severity


def rule_counts(report: Report) -> list[RuleCount]:
    """One row per rule that gave findings: most findings first, then by code."""
    counts = Counter((f.code, f.rule, f.severity) for f in report.findings)
    rows = [RuleCount(n, code, rule, severity) for (code, rule, severity), n in counts.items()]
    return sorted(rows, key=lambda row: (-row.count, row.code, -int(row.severity)))


def render(report: Report, fmt: str = "text") -> str:
    """The table as aligned text and the summary line, or (``fmt="json"``) a JSON list."""
    rows = rule_counts(report)
    if fmt == "json":
        return json.dumps([{"code": r.code, "rule": r.rule, "severity": r.severity.label, "count": r.count}
                           for r in rows], ensure_ascii=False, indent=2) + "\n"
    width = max((len(str(r.count)) for r in rows), default=1)
    name_width = max((len(r.rule) for r in rows), default=0)
    lines = [f"{r.count:>{width}}  {r.code}  {r.rule.ljust(name_width)}  {r.severity.label}" for r in rows]
    return "\n".join(lines + [summary_line(report)]) + "\n"
