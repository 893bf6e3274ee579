"""The pre-commit hooks and the GitHub Action call commands that exist, the way they exist."""
from __future__ import annotations

import os
import re
import subprocess

import yaml
from click.testing import CliRunner

from chartercheck.cli import main

from .conftest import ROOT


def test_pre_commit_hooks_call_real_commands():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"chartercheck", "chartercheck-charter"}
    for hook in hooks:
        assert hook["language"] == "python" and hook["require_serial"] is True
        words = hook["entry"].split()
        assert words[0] == "chartercheck"
        assert CliRunner().invoke(main, [*words[1:], "--help"]).exit_code == 0
        re.compile(hook["files"])
    calendar_files = re.compile(hooks[0]["files"])
    assert calendar_files.search("calendars/week48.yaml") and calendar_files.search("content/plan.ics")
    assert not calendar_files.search(".github/workflows/ci.yml")


def test_action_is_a_composite_using_its_inputs():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    text = (ROOT / "action.yml").read_text(encoding="utf-8")
    for name in action["inputs"]:
        assert f"inputs.{name}" in text, f"input {name} is never used"
    for step in action["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{ inputs." not in step["run"]  # inputs go through env, never into the script


def test_action_script_runs(tmp_path):
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    script = next(s for s in action["runs"]["steps"] if s.get("id") == "lint")["run"]
    bin_dir = os.path.dirname(os.path.abspath(os.sys.executable))
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""),
               CC_CALENDARS="tests/reports/data/week.yaml", CC_CHARTER="tests/reports/data/charter.yaml",
               CC_FAIL_ON="error", CC_BASELINE="", CC_SARIF=str(tmp_path / "out.sarif"),
               CC_JUNIT=str(tmp_path / "out.xml"), RUNNER_TEMP=str(tmp_path),
               CC_ARGS="--now 2026-11-20T09:00 --select CC1,CC9",
               GITHUB_STEP_SUMMARY=str(tmp_path / "summary.md"), GITHUB_OUTPUT=str(tmp_path / "output"))
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr  # the week has an error
    assert "::error file=tests/reports/data/week.yaml,line=" in done.stdout
    assert (tmp_path / "output").read_text() == "exit-code=1\n"
    assert (tmp_path / "summary.md").read_text(encoding="utf-8").startswith("## ❌ chartercheck")
    assert '"version": "2.1.0"' in (tmp_path / "out.sarif").read_text(encoding="utf-8")
    assert 'failures="1"' in (tmp_path / "out.xml").read_text(encoding="utf-8")   # the one error, not the warnings


def test_action_lints_once():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    script = next(s for s in action["runs"]["steps"] if s.get("id") == "lint")["run"]
    assert script.count("chartercheck lint") == 1
