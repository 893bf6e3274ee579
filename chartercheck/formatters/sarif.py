"""The ``sarif`` format: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure).

One run whose ``tool.driver.rules`` lists the rules that have results, with
their documentation as help text. Each result points at the calendar file
and line (omitted when unknown, e.g. a finding about the calendar as a
whole read from stdin) and carries ``partialFingerprints`` derived from
:meth:`Finding.fingerprint`: post id, code and what the finding concerns,
never the line, so a dashboard keeps tracking a finding when posts are
inserted above it.
"""
from __future__ import annotations

import hashlib
import os
from typing import Iterator, Optional
from urllib.parse import quote

from .. import __version__
from ..model import Finding, Report, Severity
from .json_stream import Streamed, iter_json

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = "https://pypi.org/project/chartercheck/"
#: Name of the fingerprint in ``partialFingerprints``; bump the suffix if its recipe changes.
FINGERPRINT_NAME = "chartercheck/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_uri(path: Optional[str]) -> Optional[str]:
    """A relative, forward-slashed, percent-encoded URI for ``path`` (None for stdin/memory).

    Absolute paths under the current directory become relative, because code
    scanning resolves URIs against the repository root.
    """
    if not path or path.startswith("<") or path.startswith("embedded:"):
        return None
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        if not relative.startswith(".."):
            path = relative
    path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return quote(path, safe="/:@-._~")


def stable_fingerprint(finding: Finding) -> str:
    """A short hash of what the finding concerns (independent of line numbers)."""
    return hashlib.sha256(finding.fingerprint().encode("utf-8")).hexdigest()[:32]


def _rule_descriptor(code: str, first: Finding) -> dict:
    """The ``tool.driver.rules`` entry of ``code``; ``first`` is its first finding in the report."""
    from ..rules.registry import find_rule
    spec = find_rule(code)
    if spec is None:  # a code the registry no longer knows (e.g. a plugin): describe minimally
        return {"id": code, "name": first.rule, "shortDescription": {"text": first.rule},
                "defaultConfiguration": {"level": LEVELS[first.severity]}}
    doc = spec.doc
    body = doc.split("Fires::", 1)[0].strip()
    return {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": spec.summary},
        "fullDescription": {"text": body},
        "help": {"text": body + f"\n\nMore: chartercheck explain {spec.code}"},
        "defaultConfiguration": {"level": LEVELS[spec.severity]},
        "properties": {"family": spec.family, "tags": ["content-calendar", spec.family]
                       + ([spec.pack] if spec.pack else [])},
    }


def _result(finding: Finding, rule_index: int) -> dict:
    loc = finding.location
    text = finding.message + (f"\n→ {finding.hint}" if finding.hint else "")
    result: dict = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
    }
    uri = artifact_uri(loc.path)
    if uri:
        physical: dict = {"artifactLocation": {"uri": uri}}
        if loc.line:
            physical["region"] = {"startLine": int(loc.line)}
        result["locations"] = [{"physicalLocation": physical}]
    if loc.post_id is not None:
        result.setdefault("locations", [{}])[0]["logicalLocations"] = [
            {"name": loc.post_id, "kind": "object", "fullyQualifiedName": f"{loc.channel or ''}/{loc.post_id}"}]
    result["partialFingerprints"] = {FINGERPRINT_NAME: stable_fingerprint(finding)}
    props = {k: v for k, v in (("post_id", loc.post_id), ("channel", loc.channel),
                               ("at", loc.at.isoformat() if loc.at else None), ("field", loc.field),
                               ("hint", finding.hint), ("rule", finding.rule)) if v is not None}
    result["properties"] = props
    return result


def _log(report: Report, streamed: bool) -> dict:
    """The SARIF log of ``report``, its results a list or (``streamed``) a :class:`Streamed` array."""
    first_by_code: dict[str, Finding] = {}
    for finding in report.findings:
        first_by_code.setdefault(finding.code, finding)
    codes = sorted(first_by_code)
    driver = {
        "name": "chartercheck",
        "version": __version__,
        "semanticVersion": __version__,
        "informationUri": INFORMATION_URI,
        "rules": [_rule_descriptor(code, first_by_code[code]) for code in codes],
    }
    index = {code: i for i, code in enumerate(codes)}
    results = (_result(f, index[f.code]) for f in report.findings)
    run = {
        "tool": {"driver": driver},
        "results": Streamed(results) if streamed else list(results),
        "columnKind": "unicodeCodePoints",
        "properties": {"charter": report.charter, "posts": report.post_count, "channels": list(report.channels),
                       "from": report.date_from.isoformat() if report.date_from else None,
                       "until": report.date_until.isoformat() if report.date_until else None,
                       "suppressed": report.suppressed},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def report_to_sarif(report: Report) -> dict:
    """The report as a SARIF 2.1.0 log (plain data)."""
    return _log(report, streamed=False)


def chunks(report: Report, **_options) -> Iterator[str]:
    """The SARIF log in pieces: results are built and encoded a batch at a time."""
    yield from iter_json(_log(report, streamed=True))
    yield "\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
