"""CC101-CC110: fires, does not fire, and the edges (local days, DST, offsets)."""
from chartercheck.testing import lint_text


def codes(report, code=None):
    return [(f.code, f.location.post_id) for f in report.findings if code is None or f.code == code]


def posts(*rows):
    lines = ["posts:"]
    for row in rows:
        pid, channel, at = row[:3]
        lines.append(f"  - {{id: {pid}, channel: {channel}, at: '{at}', text: 'Un texte'}}")
    return "\n".join(lines) + "\n"


IG_CAP = "channels: {instagram: {platform: instagram, max_per_day: 1}}"


def test_daily_cap_counts_local_days_not_utc_days():
    # 00:30 Paris on the 25th is 23:30 UTC on the 24th: a different local day.
    report = lint_text(IG_CAP, posts(("a", "instagram", "2026-11-24 09:00"),
                                     ("b", "instagram", "2026-11-25 00:30")), select=["CC101"])
    assert codes(report) == []


def test_daily_cap_reports_once_per_day_at_the_first_excess_post():
    report = lint_text(IG_CAP, posts(("a", "instagram", "2026-11-24 09:00"),
                                     ("b", "instagram", "2026-11-24 12:00"),
                                     ("c", "instagram", "2026-11-24 18:00")), select=["CC101"])
    assert codes(report) == [("CC101", "b")]
    assert report.findings[0].message == "3 posts on instagram on Tue 24 Nov, max 1"


def test_explicit_utc_offsets_are_converted_to_the_brand_zone():
    # 23:30Z on the 24th is 00:30 on the 25th in Paris: not the same day as a.
    report = lint_text(IG_CAP, posts(("a", "instagram", "2026-11-24 09:00"),
                                     ("b", "instagram", "2026-11-24T23:30:00Z")), select=["CC101"])
    assert codes(report) == []
    report = lint_text(IG_CAP, posts(("a", "instagram", "2026-11-24 09:00"),
                                     ("b", "instagram", "2026-11-24T22:30:00+00:00")), select=["CC101"])
    assert codes(report) == [("CC101", "b")]


def test_multi_channel_post_counts_on_each_channel():
    charter = "channels: {instagram: {platform: instagram, max_per_day: 1}, facebook: {platform: facebook, max_per_day: 1}}"
    cal = ("posts:\n  - {id: a, channels: [instagram, facebook], at: '2026-11-24 09:00', text: x}\n"
           "  - {id: b, channel: facebook, at: '2026-11-24 15:00', text: y}\n")
    report = lint_text(charter, cal, select=["CC101"])
    assert codes(report) == [("CC101", "b")]


def test_weekly_cap_rolls_over_week_boundaries():
    charter = "channels: {linkedin: {platform: linkedin, max_per_week: 3, max_per_day: 5}}"
    rows = [("a", "linkedin", "2026-11-27 09:00"), ("b", "linkedin", "2026-11-28 09:00"),
            ("c", "linkedin", "2026-11-29 09:00"), ("d", "linkedin", "2026-11-30 09:00"),
            ("e", "linkedin", "2026-12-04 09:00")]
    report = lint_text(charter, posts(*rows), select=["CC102"])
    # d's window (24-30 Nov) holds a, b, c, d; e's (28 Nov - 4 Dec) holds b, c, d, e:
    # one overflowing stretch, reported once at d.
    assert codes(report) == [("CC102", "d")]
    assert report.findings[0].message.startswith("4 posts on linkedin in the 7 days")
    # Two separate stretches give two findings.
    far = rows[:4] + [(f"w{i}", "linkedin", f"2026-12-{14 + i} 09:00") for i in range(4)]
    report = lint_text(charter, posts(*far), select=["CC102"])
    assert codes(report) == [("CC102", "d"), ("CC102", "w3")]


def test_min_gap_edge_exactly_the_gap_passes():
    charter = "channels: {x: {platform: x, min_gap: 2h, max_per_day: 9}}"
    ok = lint_text(charter, posts(("a", "x", "2026-11-24 09:00"), ("b", "x", "2026-11-24 11:00")), select=["CC103"])
    assert codes(ok) == []
    bad = lint_text(charter, posts(("a", "x", "2026-11-24 09:00"), ("b", "x", "2026-11-24 10:59")), select=["CC103"])
    assert codes(bad) == [("CC103", "b")]
    assert "publish at Tue 24 Nov 11:00 or later" == bad.findings[0].hint


def test_min_gap_across_the_spring_forward_night_uses_real_elapsed_time():
    # 01:30 CET then 03:30 CEST is one real hour, not two.
    charter = "channels: {x: {platform: x, min_gap: 90m, max_per_day: 9}}"
    report = lint_text(charter, posts(("a", "x", "2027-03-28 01:30"), ("b", "x", "2027-03-28 03:30")),
                       select=["CC103"])
    assert codes(report) == [("CC103", "b")]
    assert report.findings[0].message.startswith("1h after 'a'")


def test_nonexistent_local_time_is_reported_and_read_one_hour_later():
    report = lint_text("", posts(("a", "x", "2027-03-28 02:30")), select=["CC910"])
    finding, = report.findings
    assert finding.code == "CC910"
    assert "read as 03:30 CEST" in finding.message
    assert finding.location.at.isoformat() == "2027-03-28T03:30:00+02:00"


def test_ambiguous_local_time_is_reported_and_read_as_first_occurrence():
    report = lint_text("", posts(("a", "x", "2026-10-25 02:30")), select=["CC911"])
    finding, = report.findings
    assert finding.location.at.isoformat() == "2026-10-25T02:30:00+02:00"
    # an explicit offset removes the ambiguity
    report = lint_text("", posts(("a", "x", "2026-10-25 02:30+01:00")), select=["CC911"])
    assert report.findings == ()


def test_daily_cap_on_the_25_hour_fall_back_day():
    report = lint_text(IG_CAP, posts(("a", "instagram", "2026-10-25 00:30"),
                                     ("b", "instagram", "2026-10-25 23:30")), select=["CC101"])
    assert codes(report) == [("CC101", "b")]


def test_brand_daily_cap_counts_placements():
    report = lint_text("cadence: {max_per_day_total: 2}",
                       "posts:\n  - {id: a, channels: [instagram, facebook, linkedin], at: '2026-11-24 09:00', text: x}\n",
                       select=["CC104"])
    assert codes(report) == [("CC104", "a")]
    assert "3 publications across 3 channels" in report.findings[0].message


WINDOWS = "cadence: {windows: {mon-fri: ['08:00-20:00'], sat: ['10:00-12:00']}, blackout: ['2026-12-24..2026-12-26']}"


def test_windows_edges_and_closed_days():
    report = lint_text(WINDOWS, posts(("in", "x", "2026-11-24 08:00"), ("end", "x", "2026-11-24 20:00"),
                                      ("sun", "x", "2026-11-29 11:00"), ("sat", "x", "2026-11-28 11:59")),
                       select=["CC105"])
    assert sorted(codes(report)) == [("CC105", "end"), ("CC105", "sun")]
    sun = next(f for f in report.findings if f.location.post_id == "sun")
    assert "a day with no posting window" in sun.message
    assert sun.hint == "move it to Mon 30 Nov 08:00"


def test_blackout_span():
    report = lint_text(WINDOWS, posts(("a", "x", "2026-12-25 10:00"), ("b", "x", "2026-12-27 10:00")),
                       select=["CC105"])
    assert [f.location.post_id for f in report.findings if "blackout" in f.message] == ["a"]


MODERATION = "cadence: {moderation: {hours: {mon-fri: ['09:00-19:00']}, min_coverage: 2h}}"


def test_moderation_coverage_edges():
    report = lint_text(MODERATION, posts(("ok", "x", "2026-11-24 17:00"), ("short", "x", "2026-11-24 17:01"),
                                         ("early", "x", "2026-11-24 08:30"), ("sun", "x", "2026-11-29 12:00")),
                       select=["CC106"])
    assert sorted(codes(report)) == [("CC106", "early"), ("CC106", "short"), ("CC106", "sun")]
    short = next(f for f in report.findings if f.location.post_id == "short")
    assert short.message == "only 1h59m of moderation left after publication (moderators leave at 19:00), 2h needed"


RDV = "cadence: {rendezvous: [{name: Mardi conseil, channel: instagram, every: tue, at: '12:00', tolerance: 2h}]}"


def test_rendezvous_each_missed_occurrence_is_a_calendar_finding():
    report = lint_text(RDV, posts(("a", "instagram", "2026-11-24 13:59"), ("b", "instagram", "2026-12-01 14:01"),
                                  ("c", "facebook", "2026-12-08 12:00"), ("d", "instagram", "2026-12-10 12:00")),
                       select=["CC107"])
    missed = [(f.location.post_id, f.location.at.isoformat()) for f in report.findings]
    assert missed == [(None, "2026-12-01T12:00:00+01:00"), (None, "2026-12-08T12:00:00+01:00")]


def test_rendezvous_across_dst_keeps_local_time():
    report = lint_text(RDV, posts(("a", "instagram", "2027-03-23 12:00"), ("b", "instagram", "2027-03-30 12:00")),
                       select=["CC107"])
    assert codes(report) == []


def test_silence_between_posts_and_to_the_range_end():
    charter = "channels: {linkedin: {platform: linkedin, max_silence: 5d}}"
    cal = posts(("a", "linkedin", "2026-11-02 09:00"), ("b", "linkedin", "2026-11-06 09:00"))
    assert codes(lint_text(charter, cal, select=["CC108"])) == []
    from chartercheck.timeutil import parse_cli_datetime, load_zone
    end = parse_cli_datetime("2026-11-20", load_zone("Europe/Paris"), end_of_day=True)
    report = lint_text(charter, cal, select=["CC108"], end=end)
    assert len(report.findings) == 1 and report.findings[0].location.post_id is None


def test_workload_per_week():
    charter = "team: {hours_per_week: 1.5}\nchannels: {instagram: {platform: instagram, effort_minutes: 45}}"
    two = posts(("a", "instagram", "2026-11-23 09:00"), ("b", "instagram", "2026-11-25 09:00"))
    assert codes(lint_text(charter, two, select=["CC109"])) == []
    three = posts(("a", "instagram", "2026-11-23 09:00"), ("b", "instagram", "2026-11-25 09:00"),
                  ("c", "instagram", "2026-11-27 09:00"), ("d", "instagram", "2026-11-30 09:00"))
    report = lint_text(charter, three, select=["CC109"])
    assert len(report.findings) == 1
    assert report.findings[0].message == ("week of Mon 23 Nov: 2h15m of planned work for 3 publications, "
                                          "the team has 1h30m")


def test_burst_is_info_and_needs_enough_posts():
    charter = "cadence: {burst: {min_posts: 5, max_day_share: 0.6}}"
    bunched = posts(*[(f"p{i}", "x", f"2026-11-23 {9 + i}:00") for i in range(4)], ("e", "x", "2026-11-26 09:00"))
    report = lint_text(charter, bunched, select=["CC110"])
    assert [f.severity.label for f in report.findings] == ["info"]
    few = posts(*[(f"p{i}", "x", f"2026-11-23 {9 + i}:00") for i in range(4)])
    assert codes(lint_text(charter, few, select=["CC110"])) == []


def test_rules_without_charter_keys_stay_silent():
    cal = posts(*[(f"p{i}", "newsletter", f"2026-11-23 {9 + i}:00") for i in range(6)])
    charter = "channels: {newsletter: {platform: newsletter}}"
    assert lint_text(charter, cal, select=["CC1"], ignore=["CC110"]).findings == ()
