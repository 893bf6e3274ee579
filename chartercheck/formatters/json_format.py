"""The ``json`` format: the stable machine interface (schema documented in docs/json-format.md).

``schema`` is bumped whenever a field changes meaning or disappears; new
fields may be added within a schema version (a minor revision, named in the
documentation: 1.1 added the report of several charters).
"""
from __future__ import annotations

from typing import Iterator

from .. import __version__
from ..model import Report
from .json_stream import Streamed, iter_json

SCHEMA_VERSION = 1
#: The revision within :data:`SCHEMA_VERSION` (fields added, none changed): 1.1 added several charters.
SCHEMA_MINOR = 1


def _summary(report: Report) -> dict:
    counts = report.counts()
    return {
        "error": counts["error"], "warning": counts["warning"], "info": counts["info"],
        "posts": report.post_count,
        "channels": list(report.channels),
        "from": report.date_from.isoformat() if report.date_from else None,
        "until": report.date_until.isoformat() if report.date_until else None,
        "suppressed": report.suppressed,
    }


def _envelope(report: Report, findings) -> dict:
    """The report's data around ``findings`` (a list, or a :class:`Streamed` array).

    A report of several charters (schema 1.1) has ``charter`` null, a
    ``charters`` list of each charter and its summary, and findings that name
    their charter; ``summary`` is then the total.
    """
    several = len(report.groups) > 1
    envelope = {
        "tool": "chartercheck",
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "charter": None if several else report.charter,
        "summary": _summary(report),
    }
    if several:
        envelope["charters"] = [{"charter": group.charter, "summary": _summary(group)} for group in report.groups]
    envelope["findings"] = findings
    return envelope


def report_to_dict(report: Report) -> dict:
    """The report as plain JSON-ready data."""
    return _envelope(report, [f.to_dict() for f in report.findings])


def chunks(report: Report, **_options) -> Iterator[str]:
    """The report's JSON in pieces: findings become dicts and text a batch at a time."""
    findings = Streamed(f.to_dict() for f in report.findings)
    yield from iter_json(_envelope(report, findings))
    yield "\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
