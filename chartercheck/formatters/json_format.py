"""The ``json`` format: the stable machine interface (schema documented in docs/json-format.md).

``schema`` is bumped whenever a field changes meaning or disappears; new
fields may be added within a schema version.
"""
from __future__ import annotations

import json

from .. import __version__
from ..model import Report

SCHEMA_VERSION = 1


def report_to_dict(report: Report) -> dict:
    """The report as plain JSON-ready data."""
    counts = report.counts()
    return {
        "tool": "chartercheck",
        "version": __version__,
        "schema": SCHEMA_VERSION,
        "charter": report.charter,
        "summary": {
            "error": counts["error"], "warning": counts["warning"], "info": counts["info"],
            "posts": report.posts,
            "channels": list(report.channels),
            "from": report.date_from.isoformat() if report.date_from else None,
            "until": report.date_until.isoformat() if report.date_until else None,
            "suppressed": report.suppressed,
        },
        "findings": [f.to_dict() for f in report.findings],
    }


def render(report: Report, **_options) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
