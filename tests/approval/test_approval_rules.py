"""CC401-CC407: fires, does not fire, and the edges of the approval workflow."""
import json

import pytest

from chartercheck.model import Severity
from chartercheck.rules.context import RuleContext
from chartercheck.testing import lint_text

TEAM = """
team:
  members:
    - {id: lea, name: Léa Martin, roles: [community_manager, editor], email: lea@brand.example}
    - {id: marc, name: Marc Dubois, roles: [brand_manager, editor], email: marc@brand.example}
    - {id: claire, roles: [brand_manager]}
    - {id: sophie, roles: [legal]}
    - {id: tom, roles: [intern]}
    - {id: agence, roles: [editor], external: true, email: hello@agence.example}
"""
CIRCUIT = TEAM + """
approval:
  lead_time: 24h
  four_eyes: true
  supervised: [intern]
  steps:
    - {role: brand_manager}
    - {role: legal, when: [commercial, claims, sponsored, compliance]}
"""


def post(pid="p", at="2026-11-24 12:00", author="lea", approvals=None, **fields):
    """One YAML post line; ``approvals`` as (by, at[, role]) tuples."""
    data = {"id": pid, "channel": "instagram", "at": at, "text": "Bonjour à toutes et à tous", "author": author}
    if approvals is not None:
        data["approvals"] = [dict(zip(("by", "at", "role"), a)) for a in approvals]
    data.update(fields)
    return "  - " + json.dumps(data, ensure_ascii=False)


def lint(*posts, charter=CIRCUIT, select=("CC4",), now="2026-11-20 09:00"):
    return lint_text(charter, "posts:\n" + "\n".join(posts) + "\n", select=list(select), now=now)


def found(report):
    return sorted((f.code, f.location.post_id) for f in report.findings)


# -- CC401 missing step ---------------------------------------------------------

def test_missing_step_names_the_step_and_why():
    report = lint(post())
    assert found(report) == [("CC401", "p")]
    finding = report.findings[0]
    assert finding.message == ("approval step 1 (brand_manager) is missing: 0 of 1 approval(s); "
                               "this step is required for every post")
    assert "marc, claire" in finding.hint
    assert finding.location.field == "approvals"


def test_properly_approved_post_passes():
    assert found(lint(post(approvals=[("marc", "2026-11-20 10:00")]))) == []


def test_sponsored_post_needs_legal_and_says_why():
    report = lint(post(sponsored=True, approvals=[("marc", "2026-11-20 10:00")]))
    assert found(report) == [("CC401", "p")]
    assert "step 2 (legal)" in report.findings[0].message
    assert "required because the post is sponsored" in report.findings[0].message
    ok = lint(post(sponsored=True, approvals=[("marc", "2026-11-20 10:00"), ("sophie", "2026-11-20 11:00")]))
    assert found(ok) == []


def test_min_approvers_counts_distinct_people():
    charter = TEAM + "approval: {steps: [{role: brand_manager, min_approvers: 2}]}\n"
    twice = lint(post(approvals=[("marc", "2026-11-20 10:00"), ("Marc Dubois", "2026-11-20 11:00")]),
                 charter=charter)
    assert found(twice) == [("CC401", "p")]
    assert "1 of 2 approval(s)" in twice.findings[0].message
    both = lint(post(approvals=[("marc", "2026-11-20 10:00"), ("claire", "2026-11-20 11:00")]), charter=charter)
    assert found(both) == []


def test_drafts_reviews_and_rejected_posts_are_not_judged_for_missing_steps():
    report = lint(post("d", status="draft", at="2026-12-10 12:00"), post("r", status="review", at="2026-12-11 12:00"),
                  post("x", status="cancelled"))
    assert found(report) == []


def test_steps_out_of_order_are_a_warning():
    report = lint(post(sponsored=True, approvals=[("sophie", "2026-11-19 10:00"), ("marc", "2026-11-20 10:00")]),
                  now="2026-11-20 12:00")
    assert found(report) == [("CC401", "p")]
    finding = report.findings[0]
    assert finding.severity is Severity.WARNING
    assert "step 2 (legal) was given Thu 19 Nov 10:00, before step 1 (brand_manager) was complete" in finding.message


def test_no_steps_means_nothing_required():
    assert found(lint(post(), charter=TEAM + "approval: {lead_time: 24h}\n")) == []
    assert found(lint(post(), charter="")) == []


@pytest.fixture
def tone_fires(monkeypatch):
    """Pretend tone rules fire on chosen posts, whatever the tone lexicons say."""
    firing: set = set()
    original = RuleContext.fires

    def fires(self, code, p):
        if (code, p.id) in firing:
            return True
        if code in ("CC201", "CC203"):
            return False
        return original(self, code, p)

    monkeypatch.setattr(RuleContext, "fires", fires)
    return firing


def test_commercial_and_claims_conditions_follow_the_tone_rules(tone_fires):
    tone_fires.update({("CC201", "sell"), ("CC203", "promise")})
    approved = [("marc", "2026-11-20 10:00")]
    report = lint(post("sell", approvals=approved), post("promise", approvals=approved),
                  post("plain", approvals=approved))
    assert found(report) == [("CC401", "promise"), ("CC401", "sell")]
    messages = {f.location.post_id: f.message for f in report.findings}
    assert messages["sell"].endswith("required because the post is too commercial (CC201)")
    assert messages["promise"].endswith("required because the post makes absolute claims (CC203)")


def test_compliance_condition_needs_an_enabled_pack(tone_fires, monkeypatch):
    from chartercheck.rules import workflow as approval
    monkeypatch.setattr(approval, "compliance_codes", lambda ctx, p: ["CC601"] if p.id == "c" else [])
    report = lint(post("c", approvals=[("marc", "2026-11-20 10:00")]), post("ok", approvals=[("marc", "2026-11-20 10:00")]))
    assert found(report) == [("CC401", "c")]
    assert "trips compliance rule(s) CC601" in report.findings[0].message


def test_always_and_unconditional_steps(tone_fires):
    charter = TEAM + "approval: {steps: [{role: legal, when: [always]}]}\n"
    assert found(lint(post(), charter=charter)) == [("CC401", "p")]


# -- CC402 unknown approver or wrong role -----------------------------------------

def test_unknown_approver_stands_for_the_missing_step():
    report = lint(post(approvals=[("jules", "2026-11-20 10:00")]))
    assert found(report) == [("CC402", "p")]
    assert report.findings[0].message == ("approved by 'jules', who is not a team member; "
                                          "step 1 (brand_manager) therefore still lacks an approval")


def test_approver_without_the_role():
    report = lint(post(approvals=[("sophie", "2026-11-20 10:00")]))
    assert found(report) == [("CC402", "p")]
    assert "'sophie' (legal), who does not hold the role brand_manager" in report.findings[0].message


def test_false_role_claim_is_reported_even_when_the_step_is_filled():
    approvals = [("marc", "2026-11-20 10:00"), ("lea", "2026-11-20 10:00", "legal")]
    report = lint(post(author="claire", approvals=approvals), now="2026-11-20 12:00")
    assert found(report) == [("CC402", "p")]
    assert report.findings[0].message == "'lea' approved as legal but holds community_manager, editor"


def test_approvers_match_by_email_or_name_any_case():
    report = lint(post(approvals=[("MARC@brand.example", "2026-11-20 10:00"), ("claire", "2026-11-20 10:00")]))
    assert found(report) == []
    assert found(lint(post(approvals=[("marc dubois", "2026-11-20 10:00", "brand_manager")]))) == []
    assert found(lint(post(approvals=[("mailto:marc@brand.example", "2026-11-20 10:00")]))) == []


def test_extra_approval_by_a_role_not_needed_is_harmless():
    report = lint(post(approvals=[("marc", "2026-11-20 10:00"), ("sophie", "2026-11-20 10:00")]))
    assert found(report) == []


# -- CC403 self-approval ----------------------------------------------------------

def test_self_approval_under_four_eyes():
    report = lint(post(author="marc", approvals=[("marc@brand.example", "2026-11-20 10:00")]))
    assert found(report) == [("CC403", "p")]
    assert "claire" in report.findings[0].hint  # another brand manager, not the author


def test_self_approval_allowed_without_four_eyes():
    charter = CIRCUIT.replace("four_eyes: true", "four_eyes: false")
    assert found(lint(post(author="marc", approvals=[("marc", "2026-11-20 10:00")]), charter=charter)) == []


def test_self_approval_by_an_author_outside_the_team_is_still_self():
    report = lint(post(author="Jules", approvals=[("jules", "2026-11-20 10:00")]))
    assert found(report) == [("CC403", "p")]


# -- CC404 late approval ----------------------------------------------------------

def test_late_approval_gives_the_earliest_acceptable_time():
    report = lint(post(approvals=[("marc", "2026-11-24 09:00")]), now="2026-11-24 10:00")
    assert found(report) == [("CC404", "p")]
    finding = report.findings[0]
    assert "only 3h before publication" in finding.message
    assert finding.hint == "publish on Wed 25 Nov 09:00 or later, or get approvals earlier"


def test_approval_exactly_lead_time_before_passes():
    assert found(lint(post(approvals=[("marc", "2026-11-23 12:00")]))) == []


def test_approval_after_publication():
    report = lint(post(approvals=[("marc", "2026-11-24 13:30")]), now="2026-11-25 09:00")
    assert found(report) == [("CC404", "p")]
    assert "1h30m after publication" in report.findings[0].message


def test_last_required_approval_decides():
    report = lint(post(sponsored=True, approvals=[("marc", "2026-11-20 10:00"), ("sophie", "2026-11-24 08:00")]),
                  now="2026-11-24 09:00")
    assert found(report) == [("CC404", "p")]
    assert "completed by sophie" in report.findings[0].message


def test_approval_without_time_is_an_info_note_not_a_guess():
    report = lint(post(approvals=[("marc", None)]))
    assert found(report) == [("CC404", "p")]
    assert report.findings[0].severity is Severity.INFO
    assert report.findings[0].message == "approval by marc has no time: the 24h lead time cannot be checked"
    without_lead = CIRCUIT.replace("  lead_time: 24h\n", "")
    assert found(lint(post(approvals=[("marc", None)]), charter=without_lead)) == []


# -- CC405 stale approval ---------------------------------------------------------

def test_content_updated_after_approval():
    report = lint(post(approvals=[("marc", "2026-11-19 10:00")], updated_at="2026-11-19 18:00"))
    assert found(report) == [("CC405", "p")]
    assert report.findings[0].location.field == "updated_at"
    assert "after the approval of marc (Thu 19 Nov 10:00)" in report.findings[0].message


def test_approving_again_after_the_edit_clears_it():
    report = lint(post(approvals=[("marc", "2026-11-19 10:00"), ("marc", "2026-11-19 19:00")],
                       updated_at="2026-11-19 18:00"))
    assert found(report) == []


def test_update_at_the_same_minute_is_not_stale():
    assert found(lint(post(approvals=[("marc", "2026-11-19 10:00")], updated_at="2026-11-19 10:00"))) == []


# -- CC406 supervised authors -----------------------------------------------------

def test_intern_needs_an_in_house_approver():
    report = lint(post(author="tom", approvals=[("marc", "2026-11-19 10:00")]))
    assert found(report) == []
    charter = TEAM + "approval: {supervised: [intern], steps: [editor]}\n"
    report = lint(post(author="tom", approvals=[("agence", "2026-11-19 10:00")]), charter=charter)
    assert found(report) == [("CC406", "p")]
    assert report.findings[0].message == ("written by tom (supervised role intern) without the approval of an "
                                          "in-house member; approved by: agence")
    assert report.findings[0].hint == "have an in-house member approve it: lea, marc, claire, sophie"


def test_external_author_needs_an_in_house_approver_even_without_supervised_roles():
    charter = TEAM + "approval: {steps: []}\n"
    report = lint(post(author="hello@agence.example"), charter=charter)
    assert found(report) == [("CC406", "p")]
    assert "external member" in report.findings[0].message and "approved by: nobody" in report.findings[0].message
    assert found(lint(post(author="agence", approvals=[("lea", "2026-11-19 10:00")]), charter=charter)) == []


def test_unknown_author_and_drafts_are_not_judged_for_supervision():
    charter = TEAM + "approval: {supervised: [intern]}\n"
    assert found(lint(post(author="someone"), charter=charter)) == []
    assert found(lint(post(author="tom", status="review"), charter=charter)) == []


# -- CC407 status against the timeline ----------------------------------------------

def test_draft_due_within_the_lead_time():
    report = lint(post(status="draft"), now="2026-11-23 18:00")
    assert found(report) == [("CC407", "p")]
    assert report.findings[0].message == ("still draft but due on Tue 24 Nov 12:00, in 18h: "
                                          "approvals are needed 24h before publication")
    assert found(lint(post(status="draft"), now="2026-11-22 12:00")) == []  # exactly the lead time ahead


def test_draft_whose_time_has_passed():
    report = lint(post(status="review"), now="2026-11-25 09:00")
    assert found(report) == [("CC407", "p")]
    assert "has passed" in report.findings[0].message


def test_rejected_post_still_planned():
    assert found(lint(post(status="rejected"), now="2026-11-24 08:00")) == [("CC407", "p")]
    assert found(lint(post(status="rejected"), now="2026-11-20 08:00")) == []


def test_published_in_the_future():
    approved = [("marc", "2026-11-20 10:00")]
    report = lint(post(status="published", approvals=approved), now="2026-11-22 09:00")
    assert found(report) == [("CC407", "p")]
    assert "marked published but planned on Tue 24 Nov 12:00" in report.findings[0].message
    assert found(lint(post(status="published", approvals=approved), now="2026-11-25 09:00")) == []


def test_scheduled_without_any_approval_replaces_the_missing_step():
    report = lint(post(status="scheduled"))
    assert found(report) == [("CC407", "p")]
    assert report.findings[0].message.endswith("while the charter requires step(s) 1 (brand_manager)")
    assert found(lint(post(status="scheduled"), charter=TEAM)) == []


def test_status_rules_respect_the_now_option_only():
    # the same draft is fine a week ahead and late the day before
    assert found(lint(post(status="draft"), now="2026-11-17 09:00")) == []
    assert found(lint(post(status="draft"), now="2026-11-24 06:00")) == [("CC407", "p")]


# -- languages --------------------------------------------------------------------

def test_french_messages_are_complete():
    report = lint_text(CIRCUIT, "posts:\n" + post(approvals=[("jules", "2026-11-20 10:00")]) + "\n",
                       select=["CC4"], lang="fr")
    assert report.findings[0].message == ("validée par « jules », qui n'est pas membre de l'équipe ; "
                                          "l'étape 1 (brand_manager) reste donc sans validation")


def test_approval_given_again_after_an_edit_is_the_one_checked_for_lead_time():
    report = lint(post(approvals=[("marc", "2026-11-19 10:00"), ("marc", "2026-11-24 08:00")],
                       updated_at="2026-11-23 18:00"), now="2026-11-24 09:00")
    assert found(report) == [("CC404", "p")]  # the new version was approved 4h before publication
    stale_only = lint(post(approvals=[("marc", "2026-11-19 10:00")], updated_at="2026-11-23 18:00"))
    assert found(stale_only) == [("CC405", "p")]
