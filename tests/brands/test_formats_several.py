"""Every format with several charters: valid for its consumer, and each finding knows its charter."""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from chartercheck.brands import combine
from chartercheck.cli import main
from chartercheck.model import Finding, Location, Report, Severity

from .conftest import NOW

REPORTS = Path(__file__).resolve().parents[1] / "reports"
DOCS = Path(__file__).resolve().parents[2] / "docs"
CAFE, WINE, VELO = "brands/cafe/charter.yaml", "brands/fr/wine/chartercheck.yaml", "brands/velo/chartercheck.yaml"


def lint_output(fmt: str) -> str:
    result = CliRunner().invoke(main, ["lint", "brands", "--now", NOW, "--format", fmt])
    assert result.exit_code == 1, result.output
    return result.output


def json_schema() -> dict:
    blocks = re.findall(r"```json\n(.*?)```", (DOCS / "json-format.md").read_text(encoding="utf-8"), re.S)
    return json.loads(next(b for b in blocks if '"$schema"' in b))


def test_json_is_valid_against_the_documented_schema(agency):
    data = json.loads(lint_output("json"))
    jsonschema.validate(data, json_schema())
    assert {f["charter"] for f in data["findings"]} == {CAFE, WINE, VELO}


def test_the_documented_example_of_several_charters_is_valid():
    blocks = re.findall(r"```json\n(.*?)```", (DOCS / "json-format.md").read_text(encoding="utf-8"), re.S)
    example = json.loads(next(b for b in blocks if '"charters"' in b and '"$schema"' not in b))
    jsonschema.validate(example, json_schema())


def test_json_documentation_names_the_current_revision():
    from chartercheck.formatters.json_format import SCHEMA_MINOR, SCHEMA_VERSION
    assert f"**{SCHEMA_VERSION}.{SCHEMA_MINOR}**" in (DOCS / "json-format.md").read_text(encoding="utf-8")


def test_sarif_is_one_valid_run_whose_results_name_their_charter(agency):
    log = json.loads(lint_output("sarif"))
    jsonschema.validate(log, json.loads((REPORTS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    (run,) = log["runs"]
    assert run["properties"]["charter"] is None
    assert [c["charter"] for c in run["properties"]["charters"]] == [CAFE, WINE, VELO]
    for result in run["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert uri.startswith(result["properties"]["charter"].rsplit("/", 1)[0] + "/")


def test_junit_parses_and_names_each_failure_s_charter(agency):
    root = ET.fromstring(lint_output("junit"))
    details = [case.find("failure").text for case in root.iter("testcase") if case.find("failure") is not None]
    assert details and all(re.search(r"^charter: brands/", text, re.M) for text in details)


def test_gitlab_issues_have_the_required_fields_and_unique_fingerprints(agency):
    issues = json.loads(lint_output("gitlab"))
    assert all({"description", "check_name", "fingerprint", "severity", "location"} <= set(i) for i in issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["location"]["path"].split("/")[1] for i in issues} == {"cafe", "fr", "velo"}


def test_concise_and_github_point_at_each_brand_s_files(agency):
    concise = lint_output("concise").splitlines()
    assert all(re.match(r"^brands/[^:]+:\d+: CC\d{3} ", line) for line in concise if line.startswith("brands/"))
    github = lint_output("github")
    for folder in ("brands/cafe/", "brands/fr/wine/", "brands/velo/"):
        assert f"file={folder}" in github


def test_markdown_lists_each_charter_with_its_summary(agency):
    text = lint_output("markdown")
    for charter in (CAFE, WINE, VELO):
        assert re.search(rf"^- `{re.escape(charter)}`: \d+ errors?, ", text, re.M)


def test_html_gives_each_brand_its_section_with_unique_ids(agency):
    page = lint_output("html")
    sections = re.findall(r'<section class="brand" id="brand-(\d)"><h2 class="brand-name">charter: ([^<]+)</h2>', page)
    assert sections == [("1", CAFE), ("2", WINE), ("3", VELO)]
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def _report(charter: str, *severities: Severity) -> Report:
    findings = tuple(Finding("CC101", "channel-daily-cap", s, "m", Location(f"{charter}.yaml", i + 1))
                     for i, s in enumerate(severities))
    return Report(charter, findings, len(findings), ("x",), None, None)


def test_combining_one_report_returns_it_unchanged():
    report = _report("a", Severity.ERROR)
    assert combine([report]) is report
    assert "charter" not in report.findings[0].to_dict()


def test_combining_sums_counts_and_ranks_findings_across_charters():
    merged = combine([_report("a", Severity.INFO), _report("b", Severity.ERROR, Severity.WARNING)], "fr")
    assert [f.severity for f in merged.findings] == [Severity.ERROR, Severity.WARNING, Severity.INFO]
    assert [f.charter for f in merged.findings] == ["b", "b", "a"]
    assert merged.counts() == {"error": 1, "warning": 1, "info": 1}
    assert merged.post_count == 3 and merged.lang == "fr" and merged.worst() is Severity.ERROR
    assert [g.charter for g in merged.groups] == ["a", "b"]


@pytest.mark.parametrize("fmt", ["text", "concise", "json", "sarif", "github", "gitlab", "junit", "markdown", "html"])
def test_every_format_renders_a_combined_report(fmt):
    from chartercheck.formatters import get_formatter
    merged = combine([_report("a", Severity.INFO), _report("b", Severity.ERROR)])
    assert get_formatter(fmt)(merged)
