"""SARIF 2.1.0: valid against the official schema, right file and line, stable fingerprints."""
from __future__ import annotations

import json

import jsonschema
import pytest

from chartercheck.formatters.sarif import artifact_location, markdown_help, render, report_to_sarif
from chartercheck.model import Finding, Location, Report, Severity

from .conftest import DATA, HERE, WEEK, lint, post_lines


@pytest.fixture(scope="module")
def schema():
    return json.loads((HERE / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def test_valid_against_the_official_schema(week, schema):
    report, _, _ = week
    log = json.loads(render(report))
    jsonschema.validate(log, schema)
    assert log["version"] == "2.1.0" and log["$schema"]


def test_empty_report_is_valid_too(schema):
    empty = Report("embedded:default", (), 0, (), None, None)
    log = report_to_sarif(empty)
    jsonschema.validate(log, schema)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_driver_and_rules_table(week):
    report, _, _ = week
    driver = report_to_sarif(report)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "chartercheck" and driver["version"] and driver["informationUri"].startswith("https://")
    ids = [r["id"] for r in driver["rules"]]
    assert ids == sorted(set(f.code for f in report.findings))
    for descriptor in driver["rules"]:
        assert descriptor["name"] and descriptor["shortDescription"]["text"]
        assert descriptor["fullDescription"]["text"] and "Why" in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] in ("error", "warning", "note")


def test_results_point_at_the_yaml_line_of_the_post(week):
    report, _, _ = week
    results = report_to_sarif(report)["runs"][0]["results"]
    rules = report_to_sarif(report)["runs"][0]["tool"]["driver"]["rules"]
    for finding, result in zip(report.findings, results):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.code
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity.label]
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == WEEK
        if finding.location.post_id:
            assert physical["region"]["startLine"] in post_lines(WEEK, finding.location.post_id)
        elif finding.location.line:  # a summary (CC902 on a channel) points at its first event
            assert physical["region"]["startLine"] == finding.location.line
        else:  # a calendar-wide finding has no line: region omitted, not invented
            assert "region" not in physical


def test_csv_input_points_at_the_row(tmp_path, schema):
    csv = tmp_path / "week.csv"
    csv.write_text("id,channel,at,text\n"
                   "ig1,instagram,2026-11-23 09:30,Un conseil d'entretien\n"
                   "ig2,instagram,2026-11-23 11:00,Une astuce de réglage\n", encoding="utf-8")
    try:
        report, _, _ = lint(calendars=[str(csv)])
    except Exception as exc:  # the CSV reader may not ship in this build yet
        if "not supported" in str(exc):
            pytest.skip(f"CSV calendars not supported in this build: {exc}")
        raise
    log = report_to_sarif(report)
    jsonschema.validate(log, schema)
    by_code = {r["ruleId"]: r for r in log["runs"][0]["results"]}
    region = by_code["CC101"]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 3  # header is line 1, ig2 is line 3


def test_fingerprints_survive_inserting_posts_above(tmp_path):
    original = (HERE.parents[1] / WEEK).read_text(encoding="utf-8")
    head, _, posts = original.partition("posts:\n")
    inserted = ("  - id: new0\n    channel: facebook\n    at: 2026-11-27 10:00\n"
                "    text: \"Un conseil d'entretien du vendredi.\"\n")
    plan = tmp_path / "week.yaml"
    runs = []
    for text in (original, head + "posts:\n" + inserted + posts):  # same file, edited in between
        plan.write_text(text, encoding="utf-8")
        report, _, _ = lint(calendars=[str(plan)])
        runs.append({(r["ruleId"], r["properties"].get("post_id")):
                     (r["partialFingerprints"]["chartercheck/v1"], r["locations"][0]["physicalLocation"].get("region"))
                     for r in report_to_sarif(report)["runs"][0]["results"]})
    before, after = runs
    about_posts = [key for key in before if key[1] is not None]
    assert about_posts
    for key in about_posts:
        assert after[key][0] == before[key][0]  # same fingerprint...
        assert after[key][1] != before[key][1]  # ...although the post moved down


def test_fingerprint_ignores_line_numbers():
    def finding(line):
        return Finding("CC101", "channel-daily-cap", Severity.WARNING, "m",
                       Location("a.yaml", line, "ig2", "instagram", None, "at"))
    report = Report("c", (finding(12), finding(40)), 1, ("instagram",), None, None)
    results = report_to_sarif(report)["runs"][0]["results"]
    assert results[0]["partialFingerprints"] == results[1]["partialFingerprints"]


@pytest.mark.parametrize("path,location", [
    ("tests/reports/data/week.yaml", {"uri": "tests/reports/data/week.yaml", "uriBaseId": "%SRCROOT%"}),
    ("./plans/my week.yaml", {"uri": "plans/my%20week.yaml", "uriBaseId": "%SRCROOT%"}),
    ("/elsewhere/plans/week.yaml", {"uri": "file:///elsewhere/plans/week.yaml"}),
    ("<stdin>", {"uri": "stdin", "uriBaseId": "%SRCROOT%"}), (None, {"uri": "stdin", "uriBaseId": "%SRCROOT%"}),
    ("embedded:default", {"uri": "embedded-default", "uriBaseId": "%SRCROOT%"}),
])
def test_artifact_location(path, location):
    assert artifact_location(path, str(HERE.parents[1])) == location


def test_absolute_paths_under_the_root_are_relative(tmp_path):
    assert artifact_location(str(tmp_path / "brand" / "w.yaml"), str(tmp_path)) == {
        "uri": "brand/w.yaml", "uriBaseId": "%SRCROOT%"}


def test_the_root_is_the_ci_checkout_and_is_declared(week, monkeypatch, tmp_path):
    monkeypatch.setenv("GITHUB_WORKSPACE", str(HERE.parents[0]))   # checkout = tests/
    run = report_to_sarif(week[0])["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == HERE.parents[0].as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"reports/data/week.yaml"}


def test_stdin_findings_keep_a_physical_location(schema):
    finding = Finding("CC101", "channel-daily-cap", Severity.WARNING, "m", Location("<stdin>", 3, "ig2", "instagram"))
    log = report_to_sarif(Report("c", (finding,), 1, ("instagram",), None, None))
    jsonschema.validate(log, schema)
    location = log["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"] == {"artifactLocation": {"uri": "stdin", "uriBaseId": "%SRCROOT%"},
                                            "region": {"startLine": 3}}
    assert location["logicalLocations"][0]["name"] == "ig2"


def test_every_result_has_a_physical_location(week):
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               for r in report_to_sarif(week[0])["runs"][0]["results"])


def test_rules_have_a_help_uri_and_help_without_docstring_markup(week):
    docs = (HERE.parents[1] / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in report_to_sarif(week[0])["runs"][0]["tool"]["driver"]["rules"]:
        assert rule["helpUri"].startswith("https://") and rule["helpUri"].endswith(
            "/docs/rules.md#" + rule["id"].lower() + "-" + rule["name"])
        assert f"### {rule['id']} `{rule['name']}`" in docs   # the heading the anchor is made from
        for text in (rule["shortDescription"]["text"], rule["fullDescription"]["text"], rule["help"]["text"]):
            assert "``" not in text
        prose = "\n".join(line for line in rule["help"]["markdown"].splitlines() if not line.startswith("```"))
        assert "``" not in prose and "::" not in prose


def test_markdown_help_turns_examples_into_yaml_blocks():
    doc = "Too many ``posts``.\n\nFires::\n\n    posts:\n      - {id: a}\n\nPasses::\n\n    posts: []\n"
    assert markdown_help(doc) == ("Too many `posts`.\n\nFires:\n\n```yaml\nposts:\n  - {id: a}\n```\n\n"
                                  "Passes:\n\n```yaml\nposts: []\n```")


def test_paths_are_relative_to_the_repository(week):
    assert all(not r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("/")
               for r in report_to_sarif(week[0])["runs"][0]["results"])
    assert DATA in render(week[0])
