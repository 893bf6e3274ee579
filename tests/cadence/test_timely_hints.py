"""Hints never propose a moment before now, and a past post is not told to move."""
from __future__ import annotations

from datetime import date, datetime, timezone

from chartercheck.rules.timely_hints import moments_named, timely_hint
from chartercheck.testing import lint_text

CHARTER = """
channels:
  instagram: {platform: instagram}
cadence:
  windows: {mon-sun: ["08:00-20:00"]}
  rendezvous: [{name: Mardi conseil, channel: instagram, every: tue, at: "12:00", tolerance: 1h}]
"""
#: Tuesday 24 November 2026 at 21:30, Paris: outside the posting window, and far from the rendez-vous.
LATE_TUESDAY = "posts:\n  - {id: a, channel: instagram, at: '2026-11-24 21:30', text: Un conseil du soir}\n"


def _hints(report, code):
    return [f.hint for f in report.findings if f.code == code]


def test_a_future_post_is_told_where_to_move():
    report = lint_text(CHARTER, LATE_TUESDAY, now="2026-11-20 09:00", select=["CC105", "CC107"])
    assert _hints(report, "CC105") == ["move it to Wed 25 Nov 08:00"]
    assert _hints(report, "CC107") == ["plan a post on instagram around Tue 24 Nov 12:00"]


def test_a_past_post_is_not_told_to_move_and_no_hint_is_in_the_past():
    report = lint_text(CHARTER, LATE_TUESDAY, now="2026-12-05 09:00", select=["CC105", "CC107"])
    assert _hints(report, "CC105") == [None]
    assert _hints(report, "CC107") == ["that moment has passed: keep the rendez-vous on instagram in the weeks to come"]
    assert not any("Nov" in (f.hint or "") for f in report.findings)


def test_a_past_post_keeps_a_hint_about_its_text():
    report = lint_text(CHARTER, LATE_TUESDAY.replace("Un conseil du soir", ""), now="2026-12-05 09:00",
                       select=["CC909"])
    assert all(f.hint for f in report.findings) and report.findings


def test_a_hint_naming_a_past_moment_is_replaced_even_for_a_future_finding():
    now = datetime(2026, 12, 5, 9, tzinfo=timezone.utc)
    params = {"channel": "instagram", "when": datetime(2026, 12, 1, 12, tzinfo=timezone.utc)}
    assert timely_hint("CC107", "hint", None, params, now, date(2026, 12, 5)) == "hint_past"
    params["when"] = datetime(2026, 12, 8, 12, tzinfo=timezone.utc)
    assert timely_hint("CC107", "hint", None, params, now, date(2026, 12, 5)) == "hint"


def test_only_the_moments_a_hint_writes_count():
    params = {"when": datetime(2026, 12, 1, 12, tzinfo=timezone.utc), "channel": "x", "day": date(2026, 1, 1)}
    assert moments_named("CC107.hint", params) == [params["when"]]
    assert moments_named("CC105.blackout_hint", {"last": date(2026, 1, 1), "first": date(2025, 1, 1)}) == [
        date(2026, 1, 1)]


def test_the_french_past_variants_exist():
    report = lint_text(CHARTER + "lang: fr\n", LATE_TUESDAY, now="2026-12-05 09:00", select=["CC107"])
    assert _hints(report, "CC107") == ["ce moment est passé : tenez le rendez-vous sur instagram les prochaines semaines"]
