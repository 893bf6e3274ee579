"""Shell completion: files where a file goes, rule codes where a rule goes (through click's own machinery)."""
from __future__ import annotations

import pytest
from click.shell_completion import ShellComplete

from chartercheck.cli import main


def complete(args: list[str], incomplete: str) -> list[tuple[str, str]]:
    completer = ShellComplete(main, {}, "chartercheck", "_CHARTERCHECK_COMPLETE")
    return [(item.type, item.value) for item in completer.get_completions(args, incomplete)]


@pytest.mark.parametrize("args", [
    ["lint"], ["lint", "--charter"], ["lint", "-o"], ["lint", "--baseline"], ["lint", "--write-baseline"],
    ["lint", "plan.yaml", "--output"], ["charter", "check"], ["fix"], ["fix", "--charter"], ["stats"],
])
def test_files_are_completed_by_the_shell(args):
    assert complete(args, "cal") == [("file", "cal")]


def test_rule_codes_names_and_prefixes_for_select_ignore_and_explain():
    assert ("plain", "CC101") in complete(["lint", "--select"], "CC10")
    assert all(value.startswith("CC10") for _, value in complete(["lint", "--select"], "CC10"))
    assert ("plain", "CC1") in complete(["lint", "--ignore"], "cc")
    assert ("plain", "channel-daily-cap") in complete(["explain"], "channel-d")


def test_after_a_comma_the_next_rule_is_completed():
    values = [value for _, value in complete(["lint", "--select"], "CC101,CC90")]
    assert "CC101,CC901" in values and all(v.startswith("CC101,CC90") for v in values)


def test_report_targets_complete_their_format():
    values = [value for _, value in complete(["lint", "--report"], "s")]
    assert values == ["sarif:"]
    assert complete(["lint", "--report"], "sarif:out") == []


def test_other_options_keep_their_own_completion():
    assert [value for _, value in complete(["lint", "--fail-on"], "w")] == ["warning"]
