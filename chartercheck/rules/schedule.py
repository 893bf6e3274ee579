"""CC1xx cadence, clock: posting windows, blackouts, moderation, rendez-vous.

"Being on social media is 7/7, 24/24" and "be ready to answer consumers":
a post needs people behind it when replies come in. "If your important
messages are weekly, don't miss your appointments": rendez-vous are checked
occurrence by occurrence. All clock reasoning is on the brand's local time.
"""
from __future__ import annotations

import bisect
from datetime import datetime, time, timedelta

from ..model import Severity
from ..timeutil import ClockRange, localize
from .registry import Scope, rule


def ranges_on(weekly: dict, weekday: int) -> list[ClockRange]:
    """Clock ranges of a ``{dayset: [ranges]}`` mapping that apply on ``weekday``."""
    out = []
    for days, ranges in weekly.items():
        if weekday in days:
            out.extend(ranges)
    return sorted(out, key=lambda r: (r.start, r.end))


def next_opening(weekly: dict, moment: datetime, tz, horizon_days: int = 14, day_ranges=None):
    """The first start of a range at or after ``moment`` (local), or None.

    ``day_ranges(weekday)``, when given, answers like :func:`ranges_on` for ``weekly``
    (a rule passes its per-run memo)."""
    local = moment.astimezone(tz)
    for offset in range(horizon_days):
        day = local.date() + timedelta(days=offset)
        for clock in (day_ranges(day.weekday()) if day_ranges else ranges_on(weekly, day.weekday())):
            start = localize(datetime.combine(day, clock.start), tz).at
            if start >= local or (offset == 0 and clock.contains(local.time())):
                return start if start >= local else local
    return None


def _describe(ranges: list[ClockRange]) -> str:
    return ", ".join(str(r) for r in ranges) or "-"


class _WeekRanges:
    """Clock ranges of one ``{dayset: [ranges]}`` mapping per weekday, sorted once per run
    (why: every post asks for its day's ranges; :func:`ranges_on` sorts each time)."""

    __slots__ = ("weekly", "_days")

    def __init__(self, weekly: dict):
        self.weekly = weekly
        self._days = [ranges_on(weekly, weekday) for weekday in range(7)]

    def __call__(self, weekday: int) -> list[ClockRange]:
        return self._days[weekday]


def _posting_windows(ctx, channel: str) -> _WeekRanges | None:
    """The channel's posting windows (None when it has none), once per channel and run."""
    memo = ctx.memo("CC105.windows")
    if channel not in memo:
        weekly = ctx.charter.windows_for(channel)
        memo[channel] = _WeekRanges(weekly) if weekly else None
    return memo[channel]


@rule("CC105", "outside-posting-window", Severity.WARNING, Scope.POST)
def outside_posting_window(ctx, post):
    """A post is planned outside the posting windows, or on a blackout date.

    Why: a post published at 23:00 or on Christmas Day meets nobody, or the
    wrong mood; brands choose their hours. Windows are per day set
    (``cadence.windows``, or ``channels.*.windows``); a day with no window
    allows no post. Blackout dates (``cadence.blackout``: days or spans
    ``2026-12-31..2027-01-01``) allow none. Fix: move the post to the next
    opening the hint gives.

    Fires::

        charter: {cadence: {windows: {mon-fri: ["08:00-20:00"]}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 21:30", text: Bonsoir}

    Passes::

        charter: {cadence: {windows: {mon-fri: ["08:00-20:00"]}, blackout: ["2026-12-25"]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 19:59", text: Bonsoir}
    """
    local = ctx.local(post.at)
    day = local.date()  # once, not once per blackout span
    for first, last in ctx.charter.get("cadence.blackout", []):
        if first <= day <= last:
            yield ctx.finding(post, "blackout" if first != last else "blackout_day", hint="blackout_hint", field="at", key="blackout",
                              day=local.date(), first=first, last=last)
            return
    clock = local.time()
    for channel in dict.fromkeys(post.channels):
        windows = _posting_windows(ctx, channel)
        if windows is None:
            continue
        ranges = windows(local.weekday())
        if any(r.contains(clock) for r in ranges):
            continue
        nxt = next_opening(windows.weekly, post.at, ctx.tz, day_ranges=windows)
        variant = "message" if ranges else "closed_day"
        yield ctx.finding(post, variant, hint="hint" if nxt else None, channel=channel, field="at",
                          key=channel, at=post.at, when=local, windows=_describe(ranges),
                          next=nxt)


@rule("CC106", "no-moderation-coverage", Severity.WARNING, Scope.POST)
def no_moderation_coverage(ctx, post):
    """A post goes out with less than ``min_coverage`` of moderated time after it.

    Why: comments and questions arrive in the first hours; a brand that is not
    there to answer looks absent or, worse, lets a complaint grow. The post
    must fall inside ``cadence.moderation.hours`` with at least
    ``cadence.moderation.min_coverage`` left before moderators leave. Fix:
    publish earlier in the moderated period (the hint says until when) or
    extend moderation hours.

    Fires::

        charter:
          cadence: {moderation: {hours: {mon-fri: ["09:00-19:00"]}, min_coverage: 2h}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-27 18:15", text: Bonsoir}

    Passes::

        charter:
          cadence: {moderation: {hours: {mon-fri: ["09:00-19:00"]}, min_coverage: 2h}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-27 17:00", text: Bonjour}
    """
    moderation = _moderation(ctx)
    if moderation is None:
        return
    hours, need = moderation
    local = ctx.local(post.at)
    clock_now = local.time()
    ranges = hours(local.weekday())
    for clock in ranges:
        if clock.contains(clock_now):
            end = _moderation_end(ctx, local.date(), clock)
            left = end - post.at
            if left >= need:
                return
            latest = end - need
            yield ctx.finding(post, "short", hint="short_hint", field="at", left=left, need=need,
                              until=end.astimezone(ctx.tz).strftime("%H:%M"), latest=latest.astimezone(ctx.tz))
            return
    nxt = next_opening(hours.weekly, post.at, ctx.tz, day_ranges=hours)
    variant = "message" if ranges else "closed_day"
    yield ctx.finding(post, variant, hint="hint" if nxt else None, field="at", when=local, need=need,
                      hours=_describe(ranges), next=nxt)


def _moderation(ctx) -> tuple[_WeekRanges, timedelta] | None:
    """Moderated hours per weekday and the coverage a post needs; once per run."""
    memo = ctx.memo("CC106")
    if "settings" not in memo:
        hours = ctx.charter.get("cadence.moderation.hours")
        memo["settings"] = (_WeekRanges(hours), ctx.charter.get("cadence.moderation.min_coverage",
                                                                timedelta(hours=1))) if hours else None
    return memo["settings"]


def _moderation_end(ctx, day, clock: ClockRange) -> datetime:
    """When moderators leave on ``day`` (aware), once per day and range (why: many posts share a day)."""
    memo = ctx.memo("CC106.ends")
    key = (day, clock.end)  # the end is all that matters (and hashes faster than the range)
    end = memo.get(key)
    if end is None:
        end_clock = time(23, 59, 59) if clock.end == time.max else clock.end
        end = memo[key] = localize(datetime.combine(day, end_clock), ctx.tz).at
    return end


@rule("CC107", "missed-rendezvous", Severity.WARNING, Scope.CALENDAR)
def missed_rendezvous(ctx):
    """A promised recurring rendez-vous has no post on its channel within tolerance.

    Why: "if your important messages are weekly, don't miss your appointments":
    followers who come back for "Tuesday tips" and find nothing stop coming.
    Each expected occurrence in the linted range (``cadence.rendezvous``:
    ``every`` day set, ``at`` local time, ``tolerance``) needs a post on the
    channel within ``tolerance`` of it; blackout dates are exempt. Fix: plan the
    missing post, or remove the rendez-vous from the charter.

    Fires::

        charter:
          cadence: {rendezvous: [{name: Mardi conseil, channel: instagram, every: tue, at: "12:00", tolerance: 1h}]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 15:00", text: Un}

    Passes::

        charter:
          cadence: {rendezvous: [{name: Mardi conseil, channel: instagram, every: tue, at: "12:00", tolerance: 1h}]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:45", text: Un}
    """
    span = ctx.span
    if span is None:
        return
    blackout = ctx.charter.get("cadence.blackout", [])
    for meeting in ctx.charter.get("cadence.rendezvous", []):
        moments = [p.at for p in ctx.by_channel.get(meeting["channel"], [])]
        tolerance = meeting["tolerance"]
        day = span[0]
        while day <= span[1]:
            if day.weekday() in meeting["every"] and not any(a <= day <= b for a, b in blackout):
                expected = localize(datetime.combine(day, meeting["at"]), ctx.tz).at
                index = bisect.bisect_left(moments, expected - tolerance)
                if (index >= len(moments) or moments[index] > expected + tolerance) and ctx.in_range(expected):
                    yield ctx.finding(None, channel=meeting["channel"], at=expected, key=meeting["name"],
                                      name=meeting["name"], when=ctx.local(expected), tolerance=tolerance)
            day += timedelta(days=1)
