"""The tone week sample shows exactly the slips it was written for, and nothing on good posts."""
from pathlib import Path

from chartercheck.charter import load_charter
from chartercheck.engine import LintOptions, run
from chartercheck.timeutil import parse_cli_datetime

ROOT = Path(__file__).resolve().parents[2]

EXPECTED = {
    ("CC201", "fb-mon"), ("CC201", "ig-wed"), ("CC201", "fb-thu"),  # hard sells, with their cues
    ("CC202", None),              # the share of promotion over the week, once
    ("CC203", "fb-sun"),          # "zéro crevaison"
    ("CC301", "li-thu"),          # English on a French channel
    ("CC302", "fb-tue"),          # "vous" in a "tu" brand
    ("CC302", "ig-sat-mix"),      # "ta" and "vos" in one post
    ("CC303", "fb-sat"),          # "consommateur", say "cycliste"
    ("CC303", "fb-wed"),          # Decathlon
    ("CC304", "ig-sun"), ("CC305", "ig-sun"),  # could be any brand, on no pillar
    ("CC306", "li-tue"),          # unreadable
    ("CC308", "ig-sat"),          # emoji flood
    ("CC309", "fb-fri"),          # same text as ig-fri
    ("CC205", "ig-tue"),          # last week's post again
    ("CC311", "ig-thu"),          # "bon lundi" on a Thursday
}
WELL_WRITTEN = {"ig-mon", "li-mon", "prev-ig", "ig-fri"}


def lint(lang="en"):
    charter = load_charter(str(ROOT / "charters" / "velo-lumiere.yaml"))
    tz = charter.tz
    options = LintOptions(select=["CC2", "CC3"], lang=lang, now=parse_cli_datetime("2026-11-27T09:00", tz),
                          start=parse_cli_datetime("2026-11-30", tz),
                          end=parse_cli_datetime("2026-12-06", tz, end_of_day=True))
    return run([str(ROOT / "sample_calendars" / "tone-week.yaml")], charter, options)


def test_tone_week_shows_exactly_the_expected_findings():
    report = lint()
    got = [(f.code, f.location.post_id) for f in report.findings]
    assert len(got) == len(set(got)), got
    assert set(got) == EXPECTED
    assert not WELL_WRITTEN & {post_id for _, post_id in got}


def test_tone_week_messages_name_the_concrete_facts():
    by_key = {(f.code, f.location.post_id): f for f in lint().findings}
    assert "HIVER30" in by_key["CC201", "ig-wed"].message and "'Lien en bio'" in by_key["CC201", "ig-wed"].message
    assert by_key["CC202", None].message.startswith("3 of 9 posts are commercial (33%)")
    assert by_key["CC303", "fb-sat"].hint == "say 'cycliste' instead of 'consommateur'"
    assert by_key["CC311", "ig-thu"].message == "says 'Bon lundi' but goes out on a Thursday (Thu 3 Dec 10:00)"
    assert "'prev-ig'" in by_key["CC205", "ig-tue"].message


def test_tone_week_french_messages_are_complete():
    for finding in lint("fr").findings:
        assert finding.message and "{" not in finding.message and finding.message[:3] != "CC3"
        assert finding.hint and "{" not in finding.hint
