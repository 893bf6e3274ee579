"""The rescheduler: nearest allowed slots, chains of conflicts, what never moves."""
from datetime import datetime, timedelta, timezone

from chartercheck.fix.planner import Rescheduler
from chartercheck.model import Post
from chartercheck.testing import charter_from_text

from .helpers import local_moves, run_fix, yaml_posts

IG = "channels: {instagram: {platform: instagram, max_per_day: 1, min_gap: 4h}}\n"
WINDOWS = "cadence: {windows: {mon-fri: ['08:00-20:00'], sat-sun: ['10:00-18:00']}}\n"


def test_clean_plan_moves_nothing_and_keeps_the_bytes():
    calendar = yaml_posts(("a", "instagram", "2026-11-23 09:00"), ("b", "instagram", "2026-11-24 09:00"))
    result, _ = run_fix(IG, calendar)
    assert result.plan.moves == [] and result.plan.stuck == []
    assert result.data == calendar.encode()
    assert result.before == result.after == []


def test_chain_of_conflicts_moving_one_post_forces_the_next():
    # b collides with a; once b takes Tuesday, c (Tuesday) must move to Wednesday, and so on.
    calendar = yaml_posts(("a", "instagram", "2026-11-23 09:00"), ("b", "instagram", "2026-11-23 10:00"),
                          ("c", "instagram", "2026-11-24 10:00"), ("d", "instagram", "2026-11-25 10:00"))
    result, charter = run_fix(IG + WINDOWS, calendar)
    moves = local_moves(result, charter)
    assert moves == {"b": "2026-11-24 08:00", "c": "2026-11-25 08:00", "d": "2026-11-26 08:00"}
    assert result.after == [] and len(result.before) >= 2


def test_nearest_slot_may_be_earlier_and_is_on_a_five_minute_grid():
    charter = WINDOWS
    calendar = yaml_posts(("a", "facebook", "2026-11-25 20:07"))
    result, ch = run_fix(charter, calendar)
    assert local_moves(result, ch) == {"a": "2026-11-25 19:55"}


def test_blackout_day_moves_the_post_to_the_nearest_open_day():
    charter = "cadence: {windows: {daily: ['08:00-20:00']}, blackout: ['2026-11-27']}\n"
    result, ch = run_fix(charter, yaml_posts(("a", "instagram", "2026-11-27 10:00")))
    # 10:00 on the 27th: 14h to the 26th's 20:00 close (19:55), 22h to the 28th's 08:00.
    assert local_moves(result, ch) == {"a": "2026-11-26 19:55"}
    assert result.after == []


def test_moderation_hours_need_the_coverage_left():
    charter = "cadence: {moderation: {hours: {mon-fri: ['09:00-19:00'], sat: ['10:00-14:00']}, min_coverage: 2h}}\n"
    result, ch = run_fix(charter, yaml_posts(("a", "facebook", "2026-11-28 13:00"),
                                             ("b", "facebook", "2026-11-24 07:00")))
    assert local_moves(result, ch) == {"a": "2026-11-28 12:00", "b": "2026-11-24 09:00"}
    assert result.after == []


def test_brand_daily_cap_spreads_across_channels():
    charter = "cadence: {max_per_day_total: 2, windows: {daily: ['08:00-20:00']}}\n"
    calendar = yaml_posts(("a", "instagram", "2026-11-24 09:00"), ("b", "facebook", "2026-11-24 10:00"),
                          ("c", "linkedin", "2026-11-24 11:00"))
    result, ch = run_fix(charter, calendar)
    # Back to the 23rd's 19:55 (15h05m) is nearer than forward to the 25th's 08:00 (21h).
    assert local_moves(result, ch) == {"c": "2026-11-23 19:55"}


def test_published_and_past_posts_never_move_and_are_reported():
    calendar = yaml_posts(("a", "instagram", "2026-11-23 09:00", ", status: published"),
                          ("b", "instagram", "2026-11-23 10:00", ", status: published"),
                          ("c", "instagram", "2026-11-19 10:00"), ("d", "instagram", "2026-11-19 11:00"))
    result, _ = run_fix(IG, calendar, now="2026-11-20 09:00")
    assert result.plan.moves == []
    assert {(s.post.id, s.reason) for s in result.plan.stuck} == {("b", "published"), ("d", "past")}


def test_later_posts_make_room_around_a_published_post():
    calendar = yaml_posts(("a", "instagram", "2026-11-24 09:00", ", status: published"),
                          ("b", "instagram", "2026-11-24 11:00"))
    result, ch = run_fix(IG + WINDOWS, calendar)
    # 13:00 keeps the 4h gap and the daily cap would still be broken; the next day is nearest.
    assert local_moves(result, ch) == {"b": "2026-11-25 08:00"}
    assert result.after == []


def test_a_kept_rendezvous_stays_and_the_other_post_moves():
    charter = IG + ("cadence: {windows: {daily: ['08:00-20:00']}, rendezvous: [{name: Mardi, "
                    "channel: instagram, every: tue, at: '12:00', tolerance: 1h}]}\n")
    calendar = yaml_posts(("early", "instagram", "2026-11-24 08:30"), ("rdv", "instagram", "2026-11-24 12:30"))
    result, ch = run_fix(charter, calendar)
    moves = local_moves(result, ch)
    assert "rdv" not in moves and "early" in moves
    assert moves["early"] < "2026-11-24" and result.after == []


def test_channel_order_is_kept():
    calendar = yaml_posts(("a", "instagram", "2026-11-24 09:00"), ("b", "instagram", "2026-11-24 10:00"),
                          ("c", "instagram", "2026-11-24 11:00"))
    result, ch = run_fix(IG + WINDOWS, calendar)
    times = {"a": "2026-11-24 09:00", **local_moves(result, ch)}
    assert times["a"] < times["b"] < times["c"]


def test_multi_channel_post_counts_on_each_channel():
    charter = ("channels: {instagram: {platform: instagram, max_per_day: 1}, "
               "facebook: {platform: facebook, max_per_day: 1}}\n" + WINDOWS)
    calendar = ("posts:\n  - {id: both, channels: [instagram, facebook], at: '2026-11-24 09:00', text: x}\n"
                "  - {id: fb, channel: facebook, at: '2026-11-24 15:00', text: y}\n")
    result, ch = run_fix(charter, calendar)
    assert list(local_moves(result, ch)) == ["fb"] and result.after == []


def test_max_shift_bounds_every_move_and_leftovers_are_explained():
    charter = "cadence: {windows: {mon-fri: ['08:00-20:00']}, blackout: ['2026-11-23..2026-11-29']}\n"
    result, _ = run_fix(charter, yaml_posts(("a", "instagram", "2026-11-25 10:00")), max_shift="2d")
    assert result.plan.moves == []
    assert [(s.post.id, s.reason, s.codes) for s in result.plan.stuck] == [("a", "no_slot", ("CC105",))]
    result, ch = run_fix(charter, yaml_posts(("a", "instagram", "2026-11-25 10:00")), max_shift="5d")
    # 4d14h back to Friday the 20th evening beats 4d22h forward to Monday the 30th.
    assert local_moves(result, ch) == {"a": "2026-11-20 19:55"}


def test_weekly_cap_is_fixed_where_it_can_be():
    charter = "channels: {linkedin: {platform: linkedin, max_per_week: 2, max_per_day: 3}}\n" + WINDOWS
    calendar = yaml_posts(("a", "linkedin", "2026-11-23 09:00"), ("b", "linkedin", "2026-11-24 09:00"),
                          ("c", "linkedin", "2026-11-27 09:00"))
    result, ch = run_fix(charter, calendar)
    assert local_moves(result, ch) == {"c": "2026-11-30 08:00"}
    assert result.after == []
    result, ch = run_fix(charter, calendar, max_shift="1d")
    assert [s.reason for s in result.plan.stuck] == ["weekly"]
    assert [f.code for f in result.after] == ["CC102"]


def test_context_posts_count_but_never_move():
    context = yaml_posts(("old", "instagram", "2026-11-23 09:00", ", status: published"))
    result, ch = run_fix(IG + WINDOWS, yaml_posts(("new", "instagram", "2026-11-23 11:00")), context=context)
    assert list(local_moves(result, ch)) == ["new"] and result.after == []


def test_a_move_never_comes_before_approval_plus_lead_time():
    charter = "approval: {lead_time: 24h}\ncadence: {windows: {daily: ['08:00-20:00']}}\n"
    calendar = yaml_posts(("a", "instagram", "2026-11-25 21:00",
                           ", approvals: [{by: marc, at: '2026-11-24 20:30'}]"))
    result, ch = run_fix(charter, calendar)
    # 19:55 the same day would leave less than 24h after the approval: the next morning instead.
    assert local_moves(result, ch) == {"a": "2026-11-26 08:00"}


def test_words_of_the_post_keep_it_on_its_day_when_possible():
    charter = "cadence: {windows: {daily: ['08:00-20:00']}}\n"
    calendar = ("posts:\n  - {id: a, channel: instagram, at: '2026-11-23 21:00', "
                "text: 'Bon lundi à tous, on roule !'}\n")
    result, ch = run_fix(charter, calendar)
    assert local_moves(result, ch) == {"a": "2026-11-23 19:55"}
    calendar = calendar.replace("21:00", "07:00")
    result, ch = run_fix(charter, calendar)
    assert local_moves(result, ch) == {"a": "2026-11-23 08:00"}


def test_dst_spring_forward_day_keeps_local_windows():
    charter = "cadence: {windows: {daily: ['09:00-18:00']}}\n"
    result, ch = run_fix(charter, yaml_posts(("a", "instagram", "2027-03-28 08:00")), now="2027-03-20 09:00")
    assert local_moves(result, ch) == {"a": "2027-03-28 09:00"}


def test_planning_is_linear_enough_for_a_big_plan():
    import time
    charter = charter_from_text(IG + WINDOWS)
    # A post every other day at 21:00 Paris, after the window closes, and on
    # every tenth day a second post at noon: they all need a move, and there
    # is always room (cost must grow with the posts, not their square).
    start = datetime(2027, 1, 4, 20, tzinfo=timezone.utc)
    posts = [Post(f"p{i}", ("instagram",), start + timedelta(days=i), "x") for i in range(0, 6000, 2)]
    posts += [Post(f"q{i}", ("instagram",), start + timedelta(days=i, hours=-9), "y") for i in range(0, 6000, 10)]
    began = time.perf_counter()
    plan = Rescheduler(charter).plan(posts, lambda p: True)
    elapsed = time.perf_counter() - began
    assert len(plan.moves) >= 3000 and not [s for s in plan.stuck if s.reason == "no_slot"]
    assert elapsed < 10


def test_deterministic():
    calendar = yaml_posts(*[(f"p{i}", "instagram", f"2026-11-2{3 + i % 4} 1{i % 10}:00") for i in range(12)])
    first, _ = run_fix(IG + WINDOWS, calendar, max_shift="7d")
    second, _ = run_fix(IG + WINDOWS, calendar, max_shift="7d")
    assert first.data == second.data
