"""The gate cannot be opened by a typo or an empty file (issue items 1-3), nor read past its limits."""
import json

import pytest
from click.testing import CliRunner

from chartercheck.baseline import read_baseline
from chartercheck.charter import load_charter_text
from chartercheck.cli import main
from chartercheck.errors import CharterError, UsageError
from chartercheck.rules.registry import closest_selector, designated, unknown_selectors
from chartercheck.testing import lint_text

NOW = "2026-11-20T09:00"
POST = "posts:\n  - {id: p1, channel: instagram, at: '2026-11-24 10:00', text: Bonjour à tous}\n"


def lint(tmp_path, *args, text=POST, name="plan.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["lint", str(path), "--now", NOW, *args])


# -- selectors -----------------------------------------------------------------------------

@pytest.mark.parametrize("selector, suggestion", [
    ("CC1O1", "CC101"), ("cc1o1", "CC101"), ("CCl01", "CC101"), ("channel-daily-capp", "channel-daily-cap"),
    ("cadance", "cadence"), ("nonsense", ""),
])
def test_a_selector_naming_no_rule_is_unknown_with_the_closest_rule(selector, suggestion):
    assert unknown_selectors([selector]) == [(selector, suggestion)]
    assert closest_selector(selector) == suggestion


@pytest.mark.parametrize("selector", ["CC101", "cc101", "CC1", "CC", "cadence", "channel-daily-cap", "channel",
                                      "CC1xx"])
def test_codes_names_prefixes_and_families_designate_rules(selector):
    assert designated(selector) and not unknown_selectors([selector])


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_selector_on_the_command_line_is_exit_2_with_a_suggestion(tmp_path, option):
    result = lint(tmp_path, option, "CC101,CC1O1")
    assert result.exit_code == 2
    assert f"{option}: unknown rule 'CC1O1' (did you mean CC101?)" in result.output


def test_unknown_selector_message_in_french(tmp_path):
    result = lint(tmp_path, "--select", "CC1O1", "--lang", "fr")
    assert "règle inconnue 'CC1O1' (vouliez-vous dire CC101 ?)" in result.output


def test_misspelt_charter_rule_is_a_charter_error_with_its_line():
    with pytest.raises(CharterError) as caught:
        load_charter_text("version: 1\nrules:\n  CC101: off\n  CC1O1: {severity: error}\n", "c.yaml")
    assert [str(p) for p in caught.value.problems] == [
        "c.yaml:4: rules.CC1O1: unknown rule 'CC1O1' (did you mean CC101?)"]


def test_baseline_fingerprint_of_no_rule_is_refused(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"tool": "chartercheck", "baseline": 1,
                                "fingerprints": ["CC101|a.yaml|p1||", "CC1O1|a.yaml|p1||", "CC1|a.yaml|p1||"]}))
    with pytest.raises(UsageError) as caught:
        read_baseline(str(path))
    assert [p.params for p in caught.value.problems] == [(("selector", "'CC1'"),), (("selector", "'CC1O1'"),)]


def test_inline_ignore_naming_no_rule_is_cc921_on_that_post():
    report = lint_text("", POST.replace("Bonjour à tous}", "Bonjour, ignore: [CC1O1, CC909]}"), select=["CC921"])
    [finding] = report.findings
    assert finding.location.post_id == "p1" and finding.location.field == "ignore"
    assert finding.message == "ignore: names no rule 'CC1O1'; did you mean 'CC101'?"


# -- empty reads -----------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, variant", [
    ("empty.yaml", "", "the file is empty"),
    ("blank.csv", "\n  \n", "the file is empty"),
    ("header.csv", "id,channel,at,text\n", "it holds no entry"),
    ("none.yaml", "posts: []\n", "it holds no entry"),
    ("none.ics", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "it holds no entry"),
    ("dates.csv", "id,channel,at,text\na,instagram,someday,x\nb,instagram,never,y\n",
     "every entry was skipped (2 findings of this file say why)"),
])
def test_a_file_giving_no_post_is_a_warning_that_says_why(tmp_path, name, text, variant):
    result = lint(tmp_path, "--fail-on", "warning", text=text, name=name)
    assert result.exit_code == 1, result.output
    assert f"CC922 no-posts-read: no posts read from {tmp_path / name}: {variant}" in result.output


def test_one_empty_file_among_others_is_still_reported(tmp_path):
    (tmp_path / "empty.yaml").write_text("")
    result = lint(tmp_path, str(tmp_path / "empty.yaml"), "--select", "CC922")
    assert result.output.count("CC922") == 1 and "empty.yaml" in result.output


def test_from_after_until_is_a_usage_error(tmp_path):
    result = lint(tmp_path, "--from", "2026-12-01", "--until", "2026-11-01")
    assert result.exit_code == 2
    assert "--from: 2026-12-01 00:00 is after --until 2026-11-01 23:59 (swap the two dates)" in result.output


# -- approval claimed but not recorded -------------------------------------------------------

CHARTER = """
team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
approval: {steps: [brand_manager]}
"""


@pytest.mark.parametrize("status", ["approved", "scheduled", "published"])
def test_claimed_approval_without_any_is_an_error(status):
    calendar = ("posts:\n  - {id: p, channel: instagram, at: '2026-11-19 10:00', text: Bonjour, author: lea,"
                f" status: {status}}}\n")
    report = lint_text(CHARTER, calendar, select=["CC407"])
    [finding] = report.findings
    assert finding.severity.label == "error" and "carries no approval" in finding.message


def test_the_charter_can_still_lower_it():
    calendar = ("posts:\n  - {id: p, channel: instagram, at: '2026-11-24 10:00', text: Bonjour, author: lea,"
                " status: scheduled}\n")
    report = lint_text(CHARTER + "rules: {CC407: warning}\n", calendar, select=["CC407"])
    assert [f.severity.label for f in report.findings] == ["warning"]


# -- option values -------------------------------------------------------------------------

@pytest.mark.parametrize("option", ["--max-posts", "--max-bytes", "--max-text"])
def test_limits_must_be_positive(tmp_path, option):
    result = lint(tmp_path, option, "0")
    assert result.exit_code == 2 and option in result.output


def test_running_out_of_memory_is_a_clear_exit_2(tmp_path, monkeypatch):
    import chartercheck.engine

    def exhausted(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(chartercheck.engine, "read_calendar", exhausted)
    result = lint(tmp_path, "--lang", "fr")
    assert result.exit_code == 2
    assert result.output == ("chartercheck: mémoire insuffisante : les fichiers lus demandent plus que cette machine "
                             "ne permet (abaissez --max-bytes ou --max-text, ou découpez le calendrier)\n")


def test_a_closed_pipe_ends_quietly_and_a_full_disk_cleanly(tmp_path, monkeypatch):
    import click

    def closed(*args, **kwargs):
        raise BrokenPipeError

    monkeypatch.setattr(click, "echo", closed)
    result = lint(tmp_path)
    assert result.exit_code == 0 and "internal error" not in result.output


def test_the_quick_test_agrees_with_the_selector_rules():
    """designates_a_rule (constant time, for every ignore: of a calendar) says what matches() says."""
    from chartercheck.rules.registry import all_rules, designates_a_rule, matches
    names = [spec.name for spec in all_rules()]
    candidates = {"CC", "cc", "CC1", "CC1xx", "CC1XX", "CC10", "CC101", "CC1O1", "CC9", "CC99", "CCX", "C", "",
                  "cadence", "input", "tone", "channel", "channel-", "channel-daily", "nonsense", "X", "CC1x"}
    candidates |= {name[:cut] for name in names for cut in range(1, len(name) + 1)}
    for selector in sorted(candidates):
        assert designates_a_rule(selector) == any(matches(selector, spec) for spec in all_rules()), selector
