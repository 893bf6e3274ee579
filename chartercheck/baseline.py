"""Baselines: accept today's findings so that only new ones are reported.

A fingerprint is what a finding concerns — code, file, post id (or the time
for calendar-wide findings), channel and a rule-specific key — never a line
number, so inserting posts above an old one does not resurrect its findings.
"""
from __future__ import annotations

import json

from .errors import Problem, UsageError, unknown_rule_problem
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


#: Largest baseline read: a fingerprint is about 60 bytes, so this holds a million findings.
MAX_BASELINE_BYTES = 64 << 20


def read_baseline(path: str) -> frozenset:
    """Fingerprints stored at ``path``; raises :class:`UsageError` when unreadable,
    or when a fingerprint names no rule (it would hide nothing, silently)."""
    from .readers.bounded import check_readable, read_bounded
    try:
        with open(path, "rb") as handle:
            size = check_readable(handle, path, MAX_BASELINE_BYTES, UsageError, option="")
            payload = json.loads(read_bounded(handle, path, MAX_BASELINE_BYTES, UsageError, option="", size=size))
    except FileNotFoundError:
        raise UsageError(Problem(path, None, "baseline file not found",
                                 hint="create it with --write-baseline")) from None
    except (OSError, ValueError) as exc:
        raise UsageError(Problem(path, None, f"not a chartercheck baseline: {exc}")) from None
    if not isinstance(payload, dict) or not isinstance(payload.get("fingerprints"), list):
        raise UsageError(Problem(path, None, "not a chartercheck baseline (no 'fingerprints' list)"))
    prints = frozenset(str(p) for p in payload["fingerprints"])
    _check_codes(prints, path)
    return prints


def _check_codes(prints: frozenset, path: str) -> None:
    """Every fingerprint starts with the code of a rule (exactly: a baseline is written, not typed)."""
    from .rules.registry import MAX_SUGGESTIONS, closest_selector, find_rule
    codes = sorted({fingerprint.split("|", 1)[0] for fingerprint in prints})
    unknown = [code for code in codes if find_rule(code) is None or find_rule(code).code != code]
    unknown = [(code, closest_selector(code) if index < MAX_SUGGESTIONS else "") for index, code in enumerate(unknown)]
    if unknown:
        raise UsageError([unknown_rule_problem(path, None, code, suggestion, "fingerprints")
                          for code, suggestion in unknown])
