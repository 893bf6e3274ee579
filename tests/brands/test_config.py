"""Options in configuration: pyproject.toml and a charter's lint: section, the command line over both."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from chartercheck.calendar_paths import ExcludePattern
from chartercheck.cli import main
from chartercheck.errors import UsageError
from chartercheck.lint_config import LintSettings, plan_lint

from .test_discovery import CAP_ONE
from .test_walk import tree

TWO_SAME_DAY = ("posts:\n  - {id: p1, channel: instagram, at: 2026-11-23 09:00, text: Bonjour}\n"
                "  - {id: p2, channel: instagram, at: 2026-11-23 16:00, text: Bonsoir}\n")


@pytest.fixture
def project(tmp_path, monkeypatch):
    tree(tmp_path, {
        "pyproject.toml": '[tool.chartercheck]\nselect = ["CC1"]\nfail-on = "info"\nformat = "json"\n',
        "a/chartercheck.yaml": CAP_ONE.format(name="A") + "lint:\n  ignore: [CC101]\n", "a/plan.yaml": TWO_SAME_DAY,
        "b/pyproject.toml": '[tool.chartercheck]\ncharter = "c.yaml"\nselect = ["CC101"]\nfail-on = "never"\n'
                            'baseline = "known.json"\nlang = "fr"\n',
        "b/c.yaml": CAP_ONE.format(name="B"), "b/plan.yaml": TWO_SAME_DAY,
    })
    monkeypatch.chdir(tmp_path)
    return tmp_path


def lint(*args):
    return CliRunner().invoke(main, ["lint", *args, "--now", "2026-11-20T09:00"])


def test_layers_merge_key_by_key_strongest_first():
    cli = LintSettings(fail_on="error")
    charter = LintSettings(ignore=("CC101",), fail_on="warning")
    project = LintSettings(select=("CC1",), fail_on="info", format="json")
    merged = cli.over(charter).over(project)
    assert merged == LintSettings(select=("CC1",), ignore=("CC101",), fail_on="error", format="json")


def test_a_group_takes_its_charter_then_its_pyproject_then_the_run_s(project):
    plan = plan_lint(["a", "b"], None, LintSettings())
    a, b = plan.groups
    assert (a.settings.select, a.settings.ignore, a.settings.lang) == (("CC1",), ("CC101",), None)
    assert (b.settings.select, b.settings.baseline, b.settings.lang) == (("CC101",), "b/known.json", "fr")
    # several groups: format and fail-on are the run's (b's fail-on = never does not apply)
    assert (plan.format, plan.fail_on) == ("json", "info")
    # one group: its own layers decide
    assert plan_lint(["b"], None, LintSettings()).fail_on == "never"


def test_one_brand_runs_with_its_own_options(project):
    (project / "b" / "known.json").write_text('{"tool": "chartercheck", "baseline": 1, "fingerprints": []}')
    result = lint("a")
    assert result.exit_code == 0 and json.loads(result.output)["findings"] == []  # lint: ignore CC101
    result = lint("b")
    data = json.loads(result.output)
    assert [f["code"] for f in data["findings"]] == ["CC101"] and "publications" in data["findings"][0]["message"]
    assert result.exit_code == 0  # fail-on = never, from b/pyproject.toml


def test_the_command_line_overrides_configuration(project):
    (project / "b" / "known.json").write_text('{"tool": "chartercheck", "baseline": 1, "fingerprints": []}')
    result = lint("b", "--fail-on", "warning", "--format", "concise", "--lang", "en")
    assert result.exit_code == 1
    assert result.output.startswith("b/plan.yaml:3: CC101 2 posts on instagram")


def test_exclude_in_configuration_is_relative_to_its_file(project):
    (project / "a" / "old").mkdir()
    (project / "a" / "old" / "plan.yaml").write_text(TWO_SAME_DAY.replace("p1", "q1").replace("p2", "q2"))
    (project / "a" / "chartercheck.yaml").write_text(CAP_ONE.format(name="A") + "lint:\n  exclude: [old]\n")
    (group,) = plan_lint(["a"], None, LintSettings()).groups
    assert group.calendars == ["a/plan.yaml"]
    (group,) = plan_lint(["a", "a/old/plan.yaml"], None, LintSettings()).groups  # named: always linted
    assert group.calendars == ["a/plan.yaml", "a/old/plan.yaml"]
    assert ExcludePattern("old", "a").matches("a/old")


def test_unknown_keys_in_pyproject_are_errors_with_file_line_and_suggestion(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.chartercheck]\nselect = ["CC1"]\nfail_on = "info"\n')
    result = lint("a")
    assert result.exit_code == 2
    assert ("pyproject.toml:6: tool.chartercheck.fail_on: unknown key 'fail_on' (did you mean 'fail-on'?)"
            in result.output)
    assert "Traceback" not in result.output


def test_wrong_values_and_broken_files_are_errors(project):
    (project / "pyproject.toml").write_text('[tool.chartercheck]\nformat = "jsn"\n')
    result = lint("a")
    assert result.exit_code == 2 and "pyproject.toml:2: tool.chartercheck.format: 'jsn' is not one of" in result.output
    assert "did you mean 'json'?" in result.output
    (project / "pyproject.toml").write_text('[tool.chartercheck\n')
    result = lint("a")
    assert result.exit_code == 2 and "pyproject.toml:1: cannot read the configuration" in result.output


def test_unknown_keys_in_a_charter_s_lint_section_are_errors(project):
    (project / "a" / "chartercheck.yaml").write_text(CAP_ONE.format(name="A") + "lint:\n  selct: [CC1]\n")
    result = lint("a", "--lang", "fr")
    assert result.exit_code == 2
    assert "a/chartercheck.yaml:6: lint.selct: clé inconnue 'selct' (vouliez-vous dire 'select' ?)" in result.output


def test_the_lint_formats_of_the_charter_schema_are_the_cli_s():
    from chartercheck.charter.schema import LINT_FORMATS
    from chartercheck.formatters import FORMATS
    assert set(LINT_FORMATS) == {"auto", *FORMATS}


def test_pyproject_keys_are_found_on_their_lines_and_paths_are_relative_to_the_file(tmp_path):
    from chartercheck.lint_config import read_pyproject
    path = tmp_path / "sub" / "pyproject.toml"
    path.parent.mkdir()
    path.write_text('[project]\nname = "x"  # [not a table]\n\n[tool.chartercheck]  # brand options\n'
                    'charter = "brand/charter.yaml"\n"select" = "CC1,CC3"\nbaseline = "known.json"\n'
                    '[tool.other]\nselct = 1\n', encoding="utf-8")
    settings, charter = read_pyproject(str(path))
    assert charter == str(tmp_path / "sub" / "brand" / "charter.yaml")
    assert settings.select == ("CC1", "CC3") and settings.baseline == str(tmp_path / "sub" / "known.json")
    path.write_text('[tool.chartercheck]\ncharter = "c.yaml"\n\n"ignore" = ["CC1"]\nexlude = ["old"]\n')
    with pytest.raises(UsageError) as raised:
        read_pyproject(str(path))
    (problem,) = raised.value.problems
    assert (problem.line, problem.hint) == (5, "did you mean 'exclude'?")
