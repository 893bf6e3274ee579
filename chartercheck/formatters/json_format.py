"""The ``json`` format: the stable machine interface (schema documented in docs/json-format.md).

``schema`` is bumped whenever a field changes meaning or disappears; new
fields may be added within a schema version.
"""
from __future__ import annotations

from typing import Iterator

from .. import __version__
from ..model import Report
from .json_stream import Streamed, iter_json

SCHEMA_VERSION = 1


def _envelope(report: Report, findings) -> dict:
    """The report's data around ``findings`` (a list, or a :class:`Streamed` array)."""
    counts = report.counts()
    return {
        "tool": "chartercheck",
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "charter": report.charter,
        "summary": {
            "error": counts["error"], "warning": counts["warning"], "info": counts["info"],
            "posts": report.post_count,
            "channels": list(report.channels),
            "from": report.date_from.isoformat() if report.date_from else None,
            "until": report.date_until.isoformat() if report.date_until else None,
            "suppressed": report.suppressed,
        },
        "findings": findings,
    }


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
