"""``lint``'s output options: several reports from one run, --statistics, --exit-zero and colour."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from chartercheck.cli import main
from chartercheck.formatters import get_formatter
from chartercheck.formatters.statistics import render as render_statistics, rule_counts
from chartercheck.output_options import wants_color

from .conftest import CLI_ARGS, WEEK, lint


def _lint(*args, env=None):
    return CliRunner().invoke(main, ["lint", WEEK, *CLI_ARGS, *args], env=env)


def test_one_run_writes_every_report(tmp_path):
    sarif, junit, gitlab = tmp_path / "out.sarif", tmp_path / "out.xml", tmp_path / "cq.json"
    result = _lint("--format", "github", "--report", f"sarif:{sarif}", "--report", f"junit:{junit}",
                   "--report", f"gitlab:{gitlab}", "--fail-on", "warning")
    assert result.exit_code == 1
    report, posts, charter = lint()
    context = {"posts": posts, "charter": charter, "fail_on": "warning"}
    assert result.output == get_formatter("github")(report, **context)
    for fmt, path in (("sarif", sarif), ("junit", junit), ("gitlab", gitlab)):
        assert path.read_text(encoding="utf-8") == get_formatter(fmt)(report, **context), fmt
    assert ET.parse(junit).getroot().get("failures") == "5"   # error and warnings fail at --fail-on warning


@pytest.mark.parametrize("spec, says", [
    ("sarif", "is not FORMAT:PATH"), ("sarif:", "is not FORMAT:PATH"), (":out.sarif", "is not FORMAT:PATH"),
    ("sarf:out.sarif", "did you mean 'sarif'?"), ("pdf:out.pdf", "formats: text, concise"),
    ("json:-", "standard output carries the --format report"),
])
def test_a_bad_report_is_refused_before_the_run(spec, says):
    result = _lint("--report", spec)
    assert result.exit_code == 2 and "--report" in result.output and says in result.output
    assert "Traceback" not in result.output


def test_a_report_written_twice_is_refused_in_french(tmp_path):
    out = str(tmp_path / "r.json")
    result = _lint("--lang", "fr", "-o", out, "--report", f"json:{out}")
    assert result.exit_code == 2 and "serait écrit deux fois" in result.output
    result = _lint("--lang", "fr", "--report", "sarf:x")
    assert "format inconnu 'sarf'" in result.output and "vouliez-vous dire 'sarif' ?" in result.output


def test_statistics_count_findings_per_rule():
    report = lint()[0]
    rows = rule_counts(report)
    assert sum(row.count for row in rows) == len(report.findings)
    assert [row.count for row in rows] == sorted((row.count for row in rows), reverse=True)
    result = _lint("--statistics", "--fail-on", "never")
    assert result.exit_code == 0 and result.output == render_statistics(report)
    first = result.output.splitlines()[0].split()
    assert first[0].isdigit() and first[1].startswith("CC")
    assert result.output.splitlines()[-1].startswith("1 error, 4 warnings, 1 info")
    as_json = json.loads(_lint("--statistics", "--format", "json", "--fail-on", "never").output)
    assert {row["code"]: row["count"] for row in as_json} == {row.code: row.count for row in rows}


def test_exit_zero_keeps_the_report_and_drops_the_failure():
    failing, passing = _lint(), _lint("--exit-zero")
    assert failing.exit_code == 1 and passing.exit_code == 0 and passing.output == failing.output
    assert _lint("--exit-zero", "--charter", "missing.yaml").exit_code == 2   # unusable input is still an error


@pytest.mark.parametrize("flag, environ, tty, expected", [
    (None, {}, True, True), (None, {}, False, False),
    (None, {"NO_COLOR": "1"}, True, False), (None, {"NO_COLOR": ""}, True, True),
    (None, {"FORCE_COLOR": "1"}, False, True), (None, {"FORCE_COLOR": ""}, False, False),
    (None, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
    (True, {"NO_COLOR": "1"}, False, True), (False, {"FORCE_COLOR": "1"}, True, False),
])
def test_colour_follows_flag_then_no_color_then_force_color_then_terminal(flag, environ, tty, expected):
    assert wants_color(flag, tty, environ) is expected


def test_color_and_force_color_work_through_a_pipe():
    # CliRunner's output is not a terminal, as with `chartercheck lint ... | less -R`.
    assert "\x1b[" not in _lint().output
    assert "\x1b[" in _lint("--color").output
    assert "\x1b[" in _lint(env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" not in _lint("--no-color", env={"FORCE_COLOR": "1"}).output


def test_force_color_leaves_report_files_plain(tmp_path):
    out = tmp_path / "report.txt"
    _lint("-o", str(out), env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in out.read_text(encoding="utf-8")
    _lint("-o", str(out), "--color")
    assert "\x1b[" in out.read_text(encoding="utf-8")
