"""Property tests: any mix of approvals, statuses and times lints without error, deterministically,
and the rules keep their promises (one slip, one finding; no judgement of work in progress)."""
import json
from datetime import datetime, timedelta

from hypothesis import HealthCheck, given, settings, strategies as st

from chartercheck.engine import LintOptions, run
from chartercheck.readers import CalendarSource
from chartercheck.testing import charter_from_text
from chartercheck.timeutil import parse_cli_datetime

CHARTER = """
team:
  members:
    - {id: lea, roles: [editor], email: lea@b.example}
    - {id: marc, roles: [editor, brand_manager]}
    - {id: sophie, roles: [legal]}
    - {id: tom, roles: [intern]}
    - {id: agence, roles: [editor], external: true}
approval:
  lead_time: 24h
  four_eyes: true
  supervised: [intern]
  steps:
    - {role: editor, min_approvers: 1}
    - {role: brand_manager, when: [sponsored]}
    - {role: legal, when: [always]}
"""
LOADED = charter_from_text(CHARTER)
NOW = parse_cli_datetime("2026-11-24 09:00", LOADED.tz)
BASE = datetime(2026, 11, 23, 9, 0)
PEOPLE = ["lea", "marc", "sophie", "tom", "agence", "LEA@b.example", "stranger", "Marc"]
ROLES = [None, None, "editor", "legal", "brand_manager", "intern", "boss"]
STATUSES = [None, "draft", "review", "approved", "scheduled", "published", "rejected", "cancelled"]


def moment(hours):
    return (BASE + timedelta(hours=hours)).strftime("%Y-%m-%d %H:%M")


approval = st.fixed_dictionaries({"by": st.sampled_from(PEOPLE)}, optional={
    "at": st.integers(-200, 100).map(moment), "role": st.sampled_from(ROLES).filter(bool)})
post = st.fixed_dictionaries({
    "at": st.integers(0, 150), "author": st.sampled_from(PEOPLE), "status": st.sampled_from(STATUSES),
    "sponsored": st.booleans(), "approvals": st.lists(approval, max_size=4),
    "updated_at": st.none() | st.integers(-150, 50)})


def calendar(posts):
    rows = []
    for index, p in enumerate(posts):
        row = {"id": f"p{index}", "channel": "instagram", "at": moment(p["at"]), "text": "Bonjour",
               "author": p["author"], "sponsored": p["sponsored"], "approvals": p["approvals"]}
        if p["status"]:
            row["status"] = p["status"]
        if p["updated_at"] is not None:
            row["updated_at"] = moment(p["updated_at"])
        rows.append("  - " + json.dumps(row))
    return "posts:\n" + "\n".join(rows) + "\n"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(post, min_size=1, max_size=6))
def test_any_approvals_lint_cleanly_and_keep_the_rules_promises(posts):
    source = CalendarSource("week.yaml", calendar(posts).encode("utf-8"))
    report = run([source], LOADED, LintOptions(select=["CC4"], now=NOW))
    again = run([source], LOADED, LintOptions(select=["CC4"], now=NOW))
    assert report.findings == again.findings
    by_post: dict = {}
    for finding in report.findings:
        assert "{" not in finding.message and (finding.hint is None or "{" not in finding.hint)
        by_post.setdefault(finding.location.post_id, []).append(finding)
    for index, p in enumerate(posts):
        found = by_post.get(f"p{index}", [])
        codes = [f.code for f in found]
        if p["status"] in ("draft", "review", "rejected", "cancelled"):
            assert not {"CC401", "CC404", "CC406"} & set(codes)
        if p["status"] in ("rejected", "cancelled"):
            assert not {"CC402", "CC403", "CC405"} & set(codes)
        unapproved = [f for f in found if f.code == "CC407" and "carries no approval" in f.message]
        if unapproved:
            assert "CC401" not in codes and not p["approvals"]
        assert len({(f.code, f.key) for f in found}) == len(found)  # no finding twice
