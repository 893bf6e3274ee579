"""The ``gitlab`` format: a GitLab Code Quality report (``artifacts: reports: codequality``).

GitLab shows these issues in the merge request's Code Quality widget and on
the changed lines. Each issue has the fields GitLab requires: ``description``,
``check_name``, ``fingerprint`` (unique within the report, so that GitLab
neither merges two findings nor reports one twice), ``severity`` (GitLab's
scale: errors are ``major``, warnings ``minor``, info ``info``) and
``location`` with a ``path`` relative to the project (``CI_PROJECT_DIR``
when set) and ``lines.begin`` (1 for a finding about a whole calendar).
The fingerprint comes from :meth:`Finding.fingerprint`, never the line, so
an issue keeps its identity when posts are inserted above it.
"""
from __future__ import annotations

import hashlib
from typing import Iterator, Optional

from ..model import Finding, Report, Severity
from .json_stream import Streamed, iter_json
from .locations import display_path, source_root

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _fingerprint(finding: Finding, seen: dict[str, int]) -> str:
    """A hash of what the finding concerns, made unique by a counter when two findings concern the same."""
    base = finding.fingerprint()
    count = seen.get(base, 0)
    seen[base] = count + 1
    text = base if count == 0 else f"{base}#{count}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def issue(finding: Finding, root: str, seen: dict[str, int]) -> dict:
    """The Code Quality issue of one finding."""
    loc = finding.location
    about = " ".join(part for part in (loc.post_id, loc.channel) if part)
    description = (f"[{about}] " if about else "") + finding.message
    if finding.hint:
        description += f" → {finding.hint}"
    return {
        "type": "issue",
        "description": description,
        "check_name": f"{finding.code} {finding.rule}",
        "categories": ["Style"],
        "fingerprint": _fingerprint(finding, seen),
        "severity": SEVERITIES[finding.severity],
        "location": {"path": display_path(loc.path, root), "lines": {"begin": int(loc.line or 1)}},
    }


def chunks(report: Report, root: Optional[str] = None, **_options) -> Iterator[str]:
    """The JSON array of issues, encoded a batch at a time."""
    root = source_root() if root is None else root
    seen: dict[str, int] = {}
    yield from iter_json(Streamed(issue(f, root, seen) for f in report.findings))
    yield "\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
