"""A rule's ``reports`` yes/no (what approval conditions ask) agrees with the rule itself."""
from pathlib import Path

import pytest

from chartercheck.charter import load_charter
from chartercheck.engine import LintOptions, read_all
from chartercheck.rules.context import RuleContext
from chartercheck.rules.registry import all_rules
from chartercheck.timeutil import parse_cli_datetime

ROOT = Path(__file__).resolve().parents[2]
CALENDARS = sorted(str(p) for p in (ROOT / "sample_calendars").iterdir() if p.suffix in (".yaml", ".csv", ".ics"))
WITH_REPORTS = [spec for spec in all_rules() if spec.reports is not None]


def test_the_rules_that_approval_conditions_ask_about_answer_without_building_findings():
    assert {spec.code for spec in WITH_REPORTS} >= {"CC201", "CC203", "CC601", "CC602", "CC603", "CC604", "CC605"}


@pytest.mark.parametrize("charter_path", ["charters/velo-lumiere.yaml", "benchmarks/charter.yaml"])
def test_reports_says_yes_exactly_when_the_rule_reports_the_post(charter_path):
    charter = load_charter(str(ROOT / charter_path))
    now = parse_cli_datetime("2026-11-21 09:00", charter.tz)
    posts = read_all(CALENDARS, charter, LintOptions(now=now)).posts
    ctx = RuleContext(charter, posts, now=now)
    checked = 0
    for spec in WITH_REPORTS:
        ctx.bind(spec, spec.severity)
        for post in ctx.posts:
            assert bool(spec.reports(ctx, post)) == any(True for _ in spec.func(ctx, post) or ()), (spec.code, post.id)
            checked += 1
    assert checked > 100
