"""Adopting the tool on an old calendar: baseline today, see only new findings tomorrow."""
from __future__ import annotations

import json

from click.testing import CliRunner

from chartercheck.cli import main

from .conftest import CHARTER, NOW, ROOT, WEEK

ARGS = ["--charter", CHARTER, "--now", NOW, "--from", "2026-11-23", "--until", "2026-11-29", "--select", "CC1,CC9",
        "--format", "json"]
NEW_POSTS = """\
  - id: new1            # a third Instagram post on Monday: new CC101/CC103 findings of its own
    channel: instagram
    at: 2026-11-23 12:00
    text: "Un conseil d'entretien de plus."
  - id: new2
    channel: facebook
    at: 2026-11-28 07:00
    text: "Un conseil matinal, trop matinal."
"""


def _lint(plan, *extra):
    result = CliRunner().invoke(main, ["lint", str(plan), *ARGS, *extra], catch_exceptions=False)
    return result, (json.loads(result.output) if result.output.startswith("{") else None)


def test_baseline_survives_posts_inserted_above(tmp_path):
    plan = tmp_path / "week.yaml"
    original = (ROOT / WEEK).read_text(encoding="utf-8")
    plan.write_text(original, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result, _ = _lint(plan, "--write-baseline", str(baseline))
    assert result.exit_code == 0
    recorded = json.loads(baseline.read_text(encoding="utf-8"))["fingerprints"]
    assert recorded

    _, today = _lint(plan, "--baseline", str(baseline))
    assert today["findings"] == [] and today["summary"]["suppressed"] == len(recorded)

    # Tomorrow: two posts inserted at the top of the list, every old post moves down.
    head, _, posts = original.partition("posts:\n")
    plan.write_text(head + "posts:\n" + NEW_POSTS + posts, encoding="utf-8")
    result, tomorrow = _lint(plan, "--baseline", str(baseline))
    about = {(f["code"], f["location"]["post_id"]) for f in tomorrow["findings"]}
    assert about, "the new posts have findings"
    assert {post for _, post in about} <= {"new1", "new2", None}
    assert ("CC105", "new2") in about  # 07:00 is before the posting window
    assert result.exit_code == 1  # the new error fails the job; the old one stays baselined
    old_lines = {f["location"]["line"] for f in tomorrow["findings"] if f["location"]["post_id"] in ("ig2", "fb1")}
    assert not old_lines


def test_without_baseline_everything_shows(tmp_path):
    _, data = _lint(ROOT / WEEK)
    assert len(data["findings"]) >= 5 and data["summary"]["suppressed"] == 0
