"""The ``sarif`` format: SARIF 2.1.0 for code-scanning dashboards (GitHub, GitLab, Azure).

One run whose ``tool.driver.rules`` lists the rules that have results, each
with its documentation as plain text and Markdown and a ``helpUri`` to its
entry in the rules reference. Each result points at the calendar file, as a
URI relative to ``%SRCROOT%`` (the checkout: ``GITHUB_WORKSPACE`` or
``CI_PROJECT_DIR`` when set, else the current directory; the run's
``originalUriBaseIds`` says where that was), or as a ``file://`` URI for a
file outside it. Code scanning drops a result without a physical location,
so every result has one: standard input is named ``stdin``. Results carry
``partialFingerprints`` derived from :meth:`Finding.fingerprint`: post id,
code and what the finding concerns, never the line, so a dashboard keeps
tracking a finding when posts are inserted above it.

A report of several charters stays one run: each result names its charter
in ``properties.charter``, and the run's ``properties.charters`` lists each
charter with its summary (``properties.charter`` is then null). One run per
charter would repeat the tool and its rules in each, and GitHub code
scanning expects one run per tool and category in an upload.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator, Optional
from urllib.parse import quote

from .. import __version__, __url__
from ..model import Finding, Report, Severity
from .json_stream import Streamed, iter_json
from .locations import is_file_path, pseudo_name, relative_to_root, source_root

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
INFORMATION_URI = __url__
#: The rules reference of this version; a rule's entry is its ``#ccNNN-name`` anchor.
RULES_DOC_URI = f"{__url__}/blob/v{__version__}/docs/rules.md"
#: The base id of every relative artifact URI: the checkout.
SRCROOT = "%SRCROOT%"
#: Name of the fingerprint in ``partialFingerprints``; bump the suffix if its recipe changes.
FINGERPRINT_NAME = "chartercheck/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def artifact_location(path: Optional[str], root: str) -> dict:
    """The ``artifactLocation`` of ``path``: relative to ``%SRCROOT%`` (``root``), else a ``file://`` URI.

    Input that is not a file (standard input, the embedded charter) gets a
    name under ``%SRCROOT%`` (``stdin``...), so that its results are kept.
    """
    if not is_file_path(path):
        return {"uri": pseudo_name(path), "uriBaseId": SRCROOT}
    relative = relative_to_root(path, root)
    if relative is None:
        return {"uri": Path(os.path.abspath(path)).as_uri()}
    return {"uri": quote(relative, safe="/@-._~"), "uriBaseId": SRCROOT}


def root_uri(root: str) -> str:
    """``root`` as the directory URI ``originalUriBaseIds`` wants (ending with a slash)."""
    return Path(root).as_uri().rstrip("/") + "/"


def plain_text(doc: str) -> str:
    """A rule's docstring text without its reStructuredText markup (````max_per_day```` → ``max_per_day``)."""
    return doc.replace("``", "")


def markdown_help(doc: str) -> str:
    """A rule's docstring as Markdown: inline code in single backticks, examples as YAML blocks."""
    lines = doc.replace("``", "`").splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.strip() not in ("Fires::", "Passes::"):
            out.append(line)
            continue
        block: list[str] = []
        while index < len(lines) and (not lines[index].strip() or lines[index].startswith("    ")):
            block.append(lines[index][4:])
            index += 1
        while block and not block[-1].strip():
            block.pop()
        while block and not block[0].strip():
            block.pop(0)
        out += [line.strip()[:-1], "", "```yaml", *block, "```"]
        if index < len(lines):
            out.append("")
    return "\n".join(out).strip()


def rule_help_uri(code: str, name: str) -> str:
    """The address of the rule's entry in docs/rules.md (the anchor of ``### CC101 `channel-daily-cap```)."""
    return f"{RULES_DOC_URI}#{code.lower()}-{name}"


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
    body = spec.doc.split("Fires::", 1)[0].strip()
    more = f"chartercheck explain {spec.code}"
    return {
        "id": spec.code,
        "name": spec.name,
        "shortDescription": {"text": plain_text(spec.summary)},
        "fullDescription": {"text": plain_text(body)},
        "helpUri": rule_help_uri(spec.code, spec.name),
        "help": {"text": plain_text(body) + f"\n\nMore: {more}",
                 "markdown": markdown_help(spec.doc) + f"\n\nMore: `{more}`"},
        "defaultConfiguration": {"level": LEVELS[spec.severity]},
        "properties": {"family": spec.family, "tags": ["content-calendar", spec.family]
                       + ([spec.pack] if spec.pack else [])},
    }


def _result(finding: Finding, rule_index: int, root: str, places: dict) -> dict:
    """One SARIF result; ``places`` keeps each path's ``artifactLocation`` for the whole log (a
    report's findings name a handful of files, each thousands of times)."""
    loc = finding.location
    text = finding.message + (f"\n→ {finding.hint}" if finding.hint else "")
    result: dict = {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": text},
    }
    place = places.get(loc.path)
    if place is None:
        place = places[loc.path] = artifact_location(loc.path, root)
    physical: dict = {"artifactLocation": dict(place)}
    if loc.line:
        physical["region"] = {"startLine": int(loc.line)}
    result["locations"] = [{"physicalLocation": physical}]
    if loc.post_id is not None:
        result["locations"][0]["logicalLocations"] = [
            {"name": loc.post_id, "kind": "object", "fullyQualifiedName": f"{loc.channel or ''}/{loc.post_id}"}]
    result["partialFingerprints"] = {FINGERPRINT_NAME: stable_fingerprint(finding)}
    props = {k: v for k, v in (("post_id", loc.post_id), ("channel", loc.channel),
                               ("at", loc.at.isoformat() if loc.at else None), ("field", loc.field),
                               ("hint", finding.hint), ("rule", finding.rule), ("charter", finding.charter))
             if v is not None}
    result["properties"] = props
    return result


def _run_properties(report: Report) -> dict:
    """The run's charter and summary; with several charters, ``charter`` is null and ``charters`` lists each."""
    def summary(part: Report) -> dict:
        return {"posts": part.post_count, "channels": list(part.channels),
                "from": part.date_from.isoformat() if part.date_from else None,
                "until": part.date_until.isoformat() if part.date_until else None, "suppressed": part.suppressed}
    if len(report.groups) > 1:
        return {"charter": None, **summary(report),
                "charters": [{"charter": group.charter, **summary(group)} for group in report.groups]}
    return {"charter": report.charter, **summary(report)}


def _log(report: Report, streamed: bool, root: Optional[str] = None) -> dict:
    """The SARIF log of ``report``, its results a list or (``streamed``) a :class:`Streamed` array.

    ``root`` is the checkout relative URIs start from (default: :func:`source_root`).
    """
    root = source_root() if root is None else root
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
    places: dict = {}
    results = (_result(f, index[f.code], root, places) for f in report.findings)
    run = {
        "tool": {"driver": driver},
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri(root)}},
        "results": Streamed(results) if streamed else list(results),
        "columnKind": "unicodeCodePoints",
        "properties": _run_properties(report),
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def report_to_sarif(report: Report, root: Optional[str] = None) -> dict:
    """The report as a SARIF 2.1.0 log (plain data); ``root`` as in :func:`_log`."""
    return _log(report, streamed=False, root=root)


def chunks(report: Report, root: Optional[str] = None, **_options) -> Iterator[str]:
    """The SARIF log in pieces: results are built and encoded a batch at a time."""
    yield from iter_json(_log(report, streamed=True, root=root))
    yield "\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
