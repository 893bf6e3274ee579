"""Baselines: accept today's findings so that only new ones are reported.

A fingerprint is what a finding concerns — code, file, post id (or the time
for calendar-wide findings), channel and a rule-specific key — never a line
number, so inserting posts above an old one does not resurrect its findings.
"""
from __future__ import annotations

import json

from .errors import Problem, UsageError
from .model import Report

BASELINE_VERSION = 1


def write_baseline(report: Report, path: str) -> int:
    """Write every finding's fingerprint to ``path``; returns how many."""
    prints = sorted({f.fingerprint() for f in report.findings})
    payload = {"tool": "chartercheck", "baseline": BASELINE_VERSION, "fingerprints": prints}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(payload, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return len(prints)


def read_baseline(path: str) -> frozenset:
    """Fingerprints stored at ``path``; raises :class:`UsageError` when unreadable."""
    try:
        with open(path, encoding="utf-8") as handle:
            payload = json.load(handle)
    except FileNotFoundError:
        raise UsageError(Problem(path, None, "baseline file not found",
                                 hint="create it with --write-baseline")) from None
    except (OSError, ValueError) as exc:
        raise UsageError(Problem(path, None, f"not a chartercheck baseline: {exc}")) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("fingerprints"), list):
        raise UsageError(Problem(path, None, "not a chartercheck baseline (no 'fingerprints' list)"))
    return frozenset(str(p) for p in payload["fingerprints"])
