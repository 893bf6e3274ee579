"""CC1xx cadence, counts: caps per day and week, gaps, silences, workload, bursts.

"Avoid 45 messages a day; daily is already a lot", and "constancy, patience,
regularity": these rules count publications per channel on the brand's local
calendar. Every rule sorts once and slides a window, so cost grows linearly
with the number of posts. A post naming several channels counts on each.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from ..model import Severity
from ..timeutil import week_start
from .registry import Scope, rule


@rule("CC101", "channel-daily-cap", Severity.WARNING, Scope.CALENDAR)
def channel_daily_cap(ctx):
    """More posts on one channel in a local day than ``max_per_day``.

    Why: followers unfollow brands that flood their feed; the sources warn that
    even one post a day is already a lot when there is nothing to say. Fix:
    move the extra posts to another day (``chartercheck fix`` can) or raise the
    cap in the charter. Reads ``channels.*.max_per_day`` (or the platform's).

    Fires::

        charter: {channels: {instagram: {platform: instagram, max_per_day: 1}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", text: Un}
          - {id: b, channel: instagram, at: "2026-11-24 18:00", text: Deux}

    Passes::

        charter: {channels: {instagram: {platform: instagram, max_per_day: 1}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 23:30", text: Un}
          - {id: b, channel: instagram, at: "2026-11-25 00:30", text: Deux}
    """
    for channel, posts in ctx.by_channel.items():
        cap = ctx.charter.channel(channel).get("max_per_day")
        if cap is None:
            continue
        per_day = defaultdict(list)
        for post in posts:
            per_day[ctx.local(post.at).date()].append(post)
        for day, day_posts in per_day.items():
            if len(day_posts) > cap:
                yield ctx.finding(day_posts[cap], channel=channel, field="at", key=day.isoformat(),
                                  count=len(day_posts), day=day, max=cap, excess=len(day_posts) - cap)


@rule("CC102", "channel-weekly-cap", Severity.WARNING, Scope.CALENDAR)
def channel_weekly_cap(ctx):
    """More posts on one channel in any 7 consecutive local days than ``max_per_week``.

    Why: a sustainable rhythm beats bursts of activity; a weekly ceiling keeps
    each post worth reading. The window rolls (any 7 days, not just Monday to
    Sunday), so a cluster across a weekend is caught too. One finding is given
    per stretch of overflowing windows, at the post that starts it, quoting the
    fullest 7 days. Fix: spread or drop posts, or raise
    ``channels.*.max_per_week``.

    Fires::

        charter: {channels: {linkedin: {platform: linkedin, max_per_week: 2, max_per_day: 3}}}
        posts:
          - {id: a, channel: linkedin, at: "2026-11-27 09:00", text: Un}
          - {id: b, channel: linkedin, at: "2026-11-29 09:00", text: Deux}
          - {id: c, channel: linkedin, at: "2026-12-02 09:00", text: Trois}

    Passes::

        charter: {channels: {linkedin: {platform: linkedin, max_per_week: 2}}}
        posts:
          - {id: a, channel: linkedin, at: "2026-11-23 09:00", text: Un}
          - {id: b, channel: linkedin, at: "2026-11-26 09:00", text: Deux}
          - {id: c, channel: linkedin, at: "2026-11-30 09:00", text: Trois}
    """
    for channel, posts in ctx.by_channel.items():
        cap = ctx.charter.channel(channel).get("max_per_week")
        if cap is None:
            continue
        days = [ctx.local(p.at).date() for p in posts]
        start = 0
        run_first, run_day, peak = None, None, (0, None)  # a run of consecutive over-cap windows
        for end, post in enumerate(posts + [None]):
            if post is not None:
                while days[start] <= days[end] - timedelta(days=7):
                    start += 1
                count = end - start + 1
            if post is not None and count > cap:
                if run_first is None:
                    run_first, run_day = post, days[end]
                if count > peak[0]:
                    peak = (count, days[end])
                continue
            if run_first is not None:
                # One finding per overflowing stretch, at the post that started
                # it, quoting the fullest window of the stretch.
                yield ctx.finding(run_first, channel=channel, field="at", key=run_day.isoformat(),
                                  count=peak[0], first=peak[1] - timedelta(days=6), last=peak[1], max=cap)
                run_first, run_day, peak = None, None, (0, None)


@rule("CC103", "channel-min-gap", Severity.WARNING, Scope.CALENDAR)
def channel_min_gap(ctx):
    """Two posts on one channel closer together than ``min_gap``.

    Why: the second post smothers the first: platforms show followers one of
    them, and neither gets its audience. Fix: move the later post to the time
    the hint gives or later, or lower ``channels.*.min_gap``.

    Fires::

        charter: {channels: {instagram: {platform: instagram, min_gap: 4h}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", text: Un}
          - {id: b, channel: instagram, at: "2026-11-24 11:30", text: Deux}

    Passes::

        charter: {channels: {instagram: {platform: instagram, min_gap: 4h, max_per_day: 2}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", text: Un}
          - {id: b, channel: instagram, at: "2026-11-24 13:00", text: Deux}
    """
    for channel, posts in ctx.by_channel.items():
        gap = ctx.charter.channel(channel).get("min_gap")
        if not gap:
            continue
        for previous, post in zip(posts, posts[1:]):
            actual = post.at - previous.at
            if actual < gap:
                yield ctx.finding(post, channel=channel, field="at", key=previous.id, gap=actual, min=gap,
                                  other=previous.id, other_at=ctx.local(previous.at),
                                  earliest=ctx.local(previous.at + gap))


@rule("CC104", "brand-daily-cap", Severity.WARNING, Scope.CALENDAR)
def brand_daily_cap(ctx):
    """More publications across all channels in a local day than ``cadence.max_per_day_total``.

    Why: people follow a brand on several platforms; what each channel's cap
    allows can still add up to a flood. A post on two channels counts twice.
    Fix: spread the day's posts, or raise ``cadence.max_per_day_total``.

    Fires::

        charter: {cadence: {max_per_day_total: 2}}
        posts:
          - {id: a, channels: [instagram, facebook], at: "2026-11-24 09:00", text: Un}
          - {id: b, channel: linkedin, at: "2026-11-24 12:00", text: Deux}

    Passes::

        charter: {cadence: {max_per_day_total: 2}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", text: Un}
          - {id: b, channel: linkedin, at: "2026-11-24 12:00", text: Deux}
    """
    cap = ctx.charter.get("cadence.max_per_day_total")
    if cap is None:
        return
    for day, posts in ctx.by_day.items():
        placements = [(post, channel) for post in posts for channel in dict.fromkeys(post.channels)]
        if len(placements) > cap:
            post, channel = placements[cap]
            yield ctx.finding(post, channel=channel, field="at", key=day.isoformat(), count=len(placements),
                              day=day, max=cap, channels=len({c for _, c in placements}))


@rule("CC108", "long-silence", Severity.WARNING, Scope.CALENDAR)
def long_silence(ctx):
    """A channel stays silent longer than its ``max_silence``.

    Why: "constancy, patience, regularity": an audience forgets a channel that
    goes quiet, and algorithms stop showing it. Gaps between posts are checked,
    and with ``--from``/``--until`` the edges of the range too. Fix: plan a post
    in the gap (the message gives its dates) or raise ``channels.*.max_silence``.

    Fires::

        charter: {channels: {linkedin: {platform: linkedin, max_silence: 5d}}}
        posts:
          - {id: a, channel: linkedin, at: "2026-11-16 09:00", text: Un}
          - {id: b, channel: linkedin, at: "2026-11-25 09:00", text: Deux}

    Passes::

        charter: {channels: {linkedin: {platform: linkedin, max_silence: 5d}}}
        posts:
          - {id: a, channel: linkedin, at: "2026-11-16 09:00", text: Un}
          - {id: b, channel: linkedin, at: "2026-11-20 09:00", text: Deux}
    """
    for channel, posts in ctx.by_channel.items():
        limit = ctx.charter.channel(channel).get("max_silence")
        if not limit:
            continue
        moments = [p.at for p in posts]
        edges = []
        if ctx.start is not None and moments[0] > ctx.start:
            edges.append((ctx.start, moments[0]))
        edges += list(zip(moments, moments[1:]))
        if ctx.end is not None and moments[-1] < ctx.end:
            edges.append((moments[-1], ctx.end))
        for begin, finish in edges:
            if finish - begin > limit:
                # Date the finding when the silence becomes too long, but never
                # before the linted range: a silence running into it counts.
                at = max(begin + limit, ctx.start) if ctx.start else begin + limit
                yield ctx.finding(None, channel=channel, at=at, key=begin.isoformat(),
                                  silence=finish - begin, begin=ctx.local(begin), end=ctx.local(finish), max=limit)


@rule("CC109", "weekly-workload", Severity.WARNING, Scope.CALENDAR)
def weekly_workload(ctx):
    """The planned work of a week (sum of ``effort_minutes``) exceeds ``team.hours_per_week``.

    Why: too many channels for too little benefit: a plan the team cannot
    produce and moderate ends in rushed posts and unanswered comments. Each
    post costs its channel's ``effort_minutes`` (production and moderation),
    per channel it is published on. Fix: drop or merge posts, or give the
    team more hours.

    Fires::

        charter:
          team: {hours_per_week: 1}
          channels: {youtube: {platform: youtube, effort_minutes: 90}}
        posts:
          - {id: a, channel: youtube, at: "2026-11-24 09:00", text: Un}

    Passes::

        charter:
          team: {hours_per_week: 2}
          channels: {youtube: {platform: youtube, effort_minutes: 90}}
        posts:
          - {id: a, channel: youtube, at: "2026-11-24 09:00", text: Un}
    """
    hours = ctx.charter.get("team.hours_per_week")
    if hours is None:
        return
    weeks: dict = defaultdict(lambda: [0, 0, None])
    for post in ctx.linted:
        week = weeks[week_start(ctx.local(post.at).date())]
        for channel in dict.fromkeys(post.channels):
            week[0] += ctx.charter.channel(channel).get("effort_minutes") or 0
            week[1] += 1
        week[2] = week[2] or post.at
    for monday, (minutes, count, first) in sorted(weeks.items()):
        if minutes > hours * 60:
            yield ctx.finding(None, at=first, key=monday.isoformat(), week=monday,
                              planned=timedelta(minutes=minutes), posts=count,
                              available=timedelta(hours=hours), excess=timedelta(minutes=minutes - hours * 60))


@rule("CC110", "bursty-cadence", Severity.INFO, Scope.CALENDAR)
def bursty_cadence(ctx):
    """A channel's week is bunched on one day (e.g. five posts on Monday, nothing after).

    Why: regularity builds the habit of coming back; a burst followed by silence
    wastes most of the burst. A week is judged once it holds
    ``cadence.burst.min_posts`` posts on the channel; it is bursty when one
    local day holds at least ``cadence.burst.max_day_share`` of them. Fix:
    spread the posts over the week.

    Fires::

        charter: {cadence: {burst: {min_posts: 4, max_day_share: 0.6}}}
        posts:
          - {id: a, channel: x, at: "2026-11-23 09:00", text: Un}
          - {id: b, channel: x, at: "2026-11-23 11:00", text: Deux}
          - {id: c, channel: x, at: "2026-11-23 15:00", text: Trois}
          - {id: d, channel: x, at: "2026-11-26 09:00", text: Quatre}

    Passes::

        charter: {cadence: {burst: {min_posts: 4, max_day_share: 0.6}}}
        posts:
          - {id: a, channel: x, at: "2026-11-23 09:00", text: Un}
          - {id: b, channel: x, at: "2026-11-24 11:00", text: Deux}
          - {id: c, channel: x, at: "2026-11-25 15:00", text: Trois}
          - {id: d, channel: x, at: "2026-11-26 09:00", text: Quatre}
    """
    min_posts = ctx.charter.get("cadence.burst.min_posts", 5)
    share = ctx.charter.get("cadence.burst.max_day_share", 0.6)
    for channel, posts in ctx.by_channel.items():
        weeks: dict = defaultdict(lambda: defaultdict(list))
        for post in posts:
            day = ctx.local(post.at).date()
            weeks[week_start(day)][day].append(post)
        for monday, days in sorted(weeks.items()):
            total = sum(len(v) for v in days.values())
            busiest_day, busiest = max(days.items(), key=lambda item: (len(item[1]), -item[0].toordinal()))
            if total >= min_posts and len(busiest) / total >= share:
                yield ctx.finding(busiest[0], channel=channel, field="at", key=monday.isoformat(),
                                  count=len(busiest), total=total, day=busiest_day, week=monday,
                                  empty=7 - len(days))
