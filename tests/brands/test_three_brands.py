"""One command over an agency's repository of three brands: each calendar meets its own charter."""
from __future__ import annotations

import json
import re

from click.testing import CliRunner

from chartercheck.cli import main

from .conftest import NOW

CAFE, WINE, VELO = "brands/cafe/charter.yaml", "brands/fr/wine/chartercheck.yaml", "brands/velo/chartercheck.yaml"


def lint(*args, input=None):
    return CliRunner().invoke(main, ["lint", *args, "--now", NOW], input=input)


def test_text_has_one_section_per_charter_then_the_total(agency):
    result = lint("brands")
    assert result.exit_code == 1, result.output
    sections = re.findall(r"^charter: (.+)$", result.output, re.M)
    assert sections == [CAFE, WINE, VELO]  # the order of each charter's first calendar, walked sorted
    summaries = re.findall(r"^\d+ errors?, \d+ warnings?, \d+ info in \d+ posts.*$", result.output, re.M)
    assert len(summaries) == 3
    assert result.output.rstrip().splitlines()[-1].startswith("total, 3 charters: ")
    assert "archive" not in result.output  # excluded by the root's pyproject.toml


def test_each_calendar_is_judged_by_its_own_charter_and_options(agency):
    data = json.loads(lint("brands", "--format", "json").output)
    assert data["charter"] is None
    assert [c["charter"] for c in data["charters"]] == [CAFE, WINE, VELO]
    folder_of = {CAFE: "brands/cafe/", WINE: "brands/fr/wine/", VELO: "brands/velo/"}
    for finding in data["findings"]:
        assert finding["location"]["path"].startswith(folder_of[finding["charter"]])
    by_charter = {c: {f["code"] for f in data["findings"] if f["charter"] == c} for c in folder_of}
    assert "CC101" in by_charter[CAFE]  # Northwind's Instagram cap of 1
    assert not any(code.startswith("CC2") for code in by_charter[CAFE])  # its pyproject.toml ignores CC2
    assert by_charter[WINE] and all(code[:3] in ("CC5", "CC6") for code in by_charter[WINE])  # lint: select
    assert {"CC101", "CC105"} <= by_charter[VELO]
    totals = data["summary"]
    assert totals["posts"] == sum(c["summary"]["posts"] for c in data["charters"]) == 31


def test_the_command_line_overrides_every_brand(agency):
    data = json.loads(lint("brands", "--format", "json", "--select", "CC101").output)
    assert {f["code"] for f in data["findings"]} == {"CC101"}
    assert {f["charter"] for f in data["findings"]} == {CAFE, VELO}


def test_charter_option_puts_every_calendar_under_one_charter(agency):
    result = lint("brands", "--charter", VELO, "--select", "CC1")
    assert re.findall(r"^charter: (.+)$", result.output, re.M) == [VELO]
    assert "total," not in result.output


def test_standard_input_uses_the_current_folder(agency, monkeypatch):
    monkeypatch.chdir(agency / "brands" / "cafe")
    calendar = (agency / "brands" / "cafe" / "plans" / "week48.yaml").read_text(encoding="utf-8")
    result = lint("-", "--input-format", "yaml", input=calendar)
    assert "charter: charter.yaml" in result.output and "CC101" in result.output


def test_exclude_on_the_command_line_replaces_the_configured_one(agency):
    result = lint("brands", "--exclude", "fr", "--select", "CC1")
    sections = re.findall(r"^charter: (.+)$", result.output, re.M)
    assert sections == [CAFE, VELO]
    assert "brands/velo/archive/week47.yaml" in result.output  # the root's exclude no longer applies


def test_a_named_file_is_linted_even_when_excluded(agency):
    result = lint("brands/velo/archive/week47.yaml", "--select", "CC101")
    assert "charter: brands/velo/chartercheck.yaml" in result.output
    assert "week47.yaml" in result.output


def test_one_brand_alone_runs_with_the_options_of_its_pyproject(agency):
    assert lint("brands/cafe").exit_code == 1  # fail-on = "warning": its two warnings fail
    assert lint("brands/cafe", "--fail-on", "error").exit_code == 0


def test_stats_and_fix_use_the_calendar_s_own_charter_and_refuse_two_brands(agency):
    result = CliRunner().invoke(main, ["stats", "brands/cafe/plans/week48.yaml"])
    assert result.exit_code == 0 and result.output.startswith(f"charter: {CAFE}\n")
    result = CliRunner().invoke(main, ["fix", "brands/cafe/plans/week48.yaml", "--dry-run", "--now", NOW])
    assert result.exit_code == 0 and "cafe-ig2" in result.output  # moved: Northwind's cap is 1 a day
    result = CliRunner().invoke(main, ["stats", "brands/cafe/plans/week48.yaml", "brands/velo/week48.yaml"])
    assert result.exit_code == 2
    assert f"belong to several charters ({CAFE}, {VELO}) (run the command once per brand, or give --charter)" \
        in result.output
