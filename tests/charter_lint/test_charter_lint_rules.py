"""CC801-CC806: a charter that chose nothing is told so; a sound charter is not."""
import pytest

from chartercheck.charter import load_charter
from chartercheck.engine import LintOptions, run
from chartercheck.model import Severity
from chartercheck.testing import charter_from_text

SOUND = """
strategy:
  vision: "Every urban cyclist rides visible"
  objectives:
    - {id: reach, priority: primary, kpi: monthly reach}
    - {id: care, priority: secondary, kpi: response time}
  evaluation: monthly review
positioning:
  register: vous
  traits: [expert, warm]
  pillars: [{id: tips, keywords: [maintenance, tip]}]
channels:
  instagram: {platform: instagram, objective: reach, target: "cyclists 25-40", max_per_week: 4, effort_minutes: 45}
  facebook: {platform: facebook, objective: care, target: "workshop customers", max_per_week: 3, effort_minutes: 30}
team:
  hours_per_week: 6
  members:
    - {id: lea, roles: [community_manager]}
    - {id: marc, roles: [brand_manager]}
approval:
  steps: [brand_manager]
"""

#: All objectives primary, six channels for two hours a week, a step for a role nobody has.
CHOSE_NOTHING = """
strategy:
  objectives:
    - {id: reach, priority: primary}
    - {id: sales, priority: primary}
    - {id: community, priority: primary}
channels:
  instagram: {platform: instagram, objective: reach}
  facebook: {platform: facebook, objective: sales, target: everyone}
  linkedin: {platform: linkedin, objective: reach, target: pros}
  x: {platform: x, objective: community, target: everyone}
  tiktok: {platform: tiktok, objective: reach, target: teens}
  youtube: {platform: youtube, objective: brand-love, target: everyone}
team:
  hours_per_week: 2
  members: [{id: sam, roles: [community_manager]}]
approval:
  steps: [{role: legal, when: [claims]}]
"""


def lint_charter(text):
    charter = charter_from_text(text)
    return run([], charter, LintOptions(select=["CC8"])).findings


def codes(findings):
    return sorted((f.code, f.key) for f in findings)


def test_sound_charter_passes():
    assert lint_charter(SOUND) == ()


def test_charter_that_chose_nothing_is_told_so():
    findings = lint_charter(CHOSE_NOTHING)
    assert codes(findings) == [
        ("CC801", "strategy"), ("CC802", "all-primary"), ("CC803", "instagram-purpose"),
        ("CC803", "youtube-objective"), ("CC804", "capacity"), ("CC805", "step-1"), ("CC806", "unset")]
    by_code = {f.code: f for f in findings}
    assert by_code["CC801"].message.startswith("the strategy lacks vision, evaluation")
    assert by_code["CC802"].message == ("all 3 objectives are primary (reach, sales, community): "
                                        "if everything is a priority, nothing is")
    assert by_code["CC805"].severity is Severity.ERROR
    assert "legal, which no team member holds" in by_code["CC805"].message


def test_findings_point_at_the_charter_key_line():
    findings = lint_charter(CHOSE_NOTHING)
    charter_lines = charter_from_text(CHOSE_NOTHING)
    for finding in findings:
        assert finding.location.path == "charter.yaml"
        assert finding.location.post_id is None
    cc803 = next(f for f in findings if f.key == "instagram-purpose")
    assert (cc803.location.path, cc803.location.line) == charter_lines.locate("channels.instagram")
    assert cc803.location.channel == "instagram"


def test_workload_names_the_numbers():
    findings = lint_charter(CHOSE_NOTHING)
    cc804 = next(f for f in findings if f.code == "CC804")
    # instagram platform cap 7/week x 45m, x 30 x 15m, ... from the platform defaults
    assert cc804.message.startswith("6 channels need up to ")
    assert "the team has 2 h" in cc804.message
    assert "raise team.hours_per_week to" in cc804.hint


def test_workload_uses_own_caps_then_defaults():
    text = """
team: {hours_per_week: 1}
channels:
  blog: {platform: blog, max_per_day: 1, effort_minutes: 10}
  news: {platform: newsletter}
"""
    cc804 = [f for f in lint_charter(text) if f.code == "CC804"]
    # blog 7 x 10m = 70m; newsletter: platform default or 3 posts x 30m assumed
    assert len(cc804) == 1 and "blog 7 posts × 10 min" in cc804[0].message
    assert "news 3 posts × 30 min (assumed)" in cc804[0].message


def test_purpose_hint_without_objectives_names_where_to_define_them():
    text = """
channels:
  blog: {platform: blog}
"""
    [cc803] = [f for f in lint_charter(text) if f.code == "CC803"]
    assert "(one of: -)" not in cc803.hint and "strategy.objectives" in cc803.hint


def test_workload_within_capacity_and_without_hours_is_silent():
    assert not [f for f in lint_charter(SOUND) if f.code == "CC804"]
    no_hours = CHOSE_NOTHING.replace("  hours_per_week: 2\n", "")
    assert not [f for f in lint_charter(no_hours) if f.code == "CC804"]


def test_single_primary_objective_is_a_choice():
    text = SOUND.replace("    - {id: care, priority: secondary, kpi: response time}\n", "").replace(
        "objective: care", "objective: reach")
    assert lint_charter(text) == ()


def test_unranked_objectives():
    text = SOUND.replace("priority: primary, ", "").replace("priority: secondary, ", "")
    assert codes(lint_charter(text)) == [("CC802", "unranked")]


def test_step_needing_more_approvers_than_hold_the_role():
    text = SOUND.replace("steps: [brand_manager]", "steps: [{role: brand_manager, min_approvers: 2}]")
    findings = lint_charter(text)
    assert codes(findings) == [("CC805", "step-1")]
    assert "needs 2 approvers with the role brand_manager, but only 1 member(s) hold it (marc)" in findings[0].message


def test_partial_positioning_is_info():
    text = SOUND.replace("  pillars: [{id: tips, keywords: [maintenance, tip]}]\n", "")
    findings = lint_charter(text)
    assert codes(findings) == [("CC806", "partial")]
    assert findings[0].severity is Severity.INFO and "pillars" in findings[0].message


def test_partial_strategy():
    text = SOUND.replace("  evaluation: monthly review\n", "")
    findings = lint_charter(text)
    assert codes(findings) == [("CC801", "strategy")]
    assert findings[0].hint == "fill in strategy.evaluation"


def test_french_messages():
    charter = charter_from_text(CHOSE_NOTHING)
    findings = run([], charter, LintOptions(select=["CC802"], lang="fr")).findings
    assert findings[0].message == ("les 3 objectifs sont tous prioritaires (reach, sales, community) : "
                                   "si tout est prioritaire, rien ne l'est")


def test_embedded_default_is_never_linted():
    assert run([], load_charter(), LintOptions(select=["CC8"])).findings == ()


def test_rules_overrides_apply_to_charter_rules():
    text = CHOSE_NOTHING + "rules: {CC804: off, CC805: warning}\n"
    findings = lint_charter(text)
    assert "CC804" not in {f.code for f in findings}
    assert next(f for f in findings if f.code == "CC805").severity is Severity.WARNING


@pytest.mark.parametrize("path", ["charters/approval-demo.yaml"])
def test_shipped_approval_charter_is_sound(path):
    assert run([], load_charter(path), LintOptions(select=["CC8"])).findings == ()
