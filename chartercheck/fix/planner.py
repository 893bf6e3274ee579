"""The rescheduler: move posts to the nearest allowed times so cadence passes.

A plan that breaks the cadence rules usually needs a few posts nudged, not
rewritten: a second Instagram post of the day goes to tomorrow, a 21:30
Facebook post to the next morning. The planner walks posts in time order and
gives each one the nearest slot (on a five-minute grid, within ``max_shift``
of where it was) that keeps every rule it can satisfy against what is
already placed:

* CC105: inside the posting windows of each of its channels, not on a blackout day;
* CC106: inside moderated hours with ``min_coverage`` left;
* CC101 / CC104: under the per-channel and brand-wide daily caps;
* CC103: at least ``min_gap`` from its neighbours on each channel;
* CC102: under the rolling seven-day cap, *when it can* (relaxed last).

Some posts never move: published ones, those before ``now``, those from
context files, and a post that keeps a rendez-vous (within tolerance of a
``cadence.rendezvous`` occurrence). A post keeps its place among the posts
of each of its channels, never moves before its last approval plus the lead
time, and does not move to a day its own words contradict (CC311, when that
rule is installed). Posts already placed, fixed ones included, are indexed
per channel and per day, so each check is a dictionary look-up or a bisect:
the cost grows linearly with the number of posts.

Greedy nearest-first is a heuristic for "smallest total displacement": it
never undoes an earlier choice, which keeps it fast and predictable (a
chain of conflicts moves each post as little as the previous move allows).
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from datetime import datetime, time, timedelta
from typing import Callable, Iterable, Optional

from ..charter.model import Charter
from ..model import Post
from ..rules.schedule import ranges_on
from ..timeutil import localize
from .board import EPOCH, Board, candidates, too_close, week_full
from .outcome import Move, Plan, Stuck

#: Codes the planner makes pass; CC102 only where it can.
FIXED_CODES = ("CC101", "CC102", "CC103", "CC104", "CC105", "CC106")
DEFAULT_MAX_SHIFT = timedelta(days=3)


class Rescheduler:
    """Plans new times for the posts of a calendar under one charter."""

    def __init__(self, charter: Charter, *, now: Optional[datetime] = None,
                 max_shift: timedelta = DEFAULT_MAX_SHIFT,
                 text_guard: Optional[Callable[[Post, datetime], bool]] = None):
        self.charter = charter
        self.tz = charter.tz
        self.now = now
        self.max_shift = max_shift
        self.text_guard = text_guard
        self.blackout = [(a.toordinal(), b.toordinal()) for a, b in charter.get("cadence.blackout", [])]
        self.moderation = charter.get("cadence.moderation.hours") or {}
        self.coverage = charter.get("cadence.moderation.min_coverage", timedelta(hours=1))
        self.brand_cap = charter.get("cadence.max_per_day_total")
        lead = charter.get("approval.lead_time")
        self.lead_time = lead if isinstance(lead, timedelta) else None
        self._clock_cache: dict[tuple, list] = {}

    # -- which posts may move -------------------------------------------------
    def pinned_reason(self, post: Post, editable: bool) -> Optional[str]:
        """Why ``post`` must stay where it is, or None if it may move."""
        if not editable:
            return "context"
        if post.status == "published":
            return "published"
        if self.now is not None and post.at < self.now:
            return "past"
        return None

    def rendezvous_keepers(self, posts: Iterable[Post]) -> set[int]:
        """``id()`` of the posts that keep a rendez-vous: the nearest post within
        tolerance of each occurrence stays put, so the appointment is never lost."""
        best: dict[tuple, tuple[timedelta, int]] = {}
        meetings = self.charter.get("cadence.rendezvous", [])
        for post in posts:
            local = post.at.astimezone(self.tz)
            for index, meeting in enumerate(meetings):
                if meeting["channel"] not in post.channels:
                    continue
                for offset in (-1, 0, 1):  # a tolerance may cross midnight
                    day = local.date() + timedelta(days=offset)
                    if day.weekday() not in meeting["every"]:
                        continue
                    expected = localize(datetime.combine(day, meeting["at"]), self.tz).at
                    distance = abs(post.at - expected)
                    if distance <= meeting["tolerance"]:
                        key = (index, day)
                        if key not in best or distance < best[key][0]:
                            best[key] = (distance, id(post))
        return {ident for _, ident in best.values()}

    # -- checks -----------------------------------------------------------------
    def _day(self, at: datetime) -> tuple[datetime, int]:
        local = at.astimezone(self.tz)
        return local, local.date().toordinal()

    def _clock_ok(self, channels: tuple[str, ...], local: datetime) -> Optional[str]:
        """CC105 windows and CC106 moderation for a local time (cached per weekday)."""
        key = (channels, local.weekday())
        rules = self._clock_cache.get(key)
        if rules is None:
            windows = [ranges_on(self.charter.windows_for(c), local.weekday())
                       for c in channels if self.charter.windows_for(c)]
            moderated = ranges_on(self.moderation, local.weekday()) if self.moderation else None
            rules = self._clock_cache[key] = [windows, moderated]
        windows, moderated = rules
        clock = local.time()
        for ranges in windows:
            if not any(r.contains(clock) for r in ranges):
                return "CC105"
        if moderated is not None:
            for r in moderated:
                if r.contains(clock):
                    end_clock = time(23, 59, 59) if r.end == time.max else r.end
                    end = localize(datetime.combine(local.date(), end_clock), self.tz).at
                    return None if end - local >= self.coverage else "CC106"
            return "CC106"
        return None

    def violations(self, post: Post, at: datetime, board: Board, *, weekly: bool = True,
                   first_only: bool = True) -> list[str]:
        """Codes ``post`` would break at ``at`` given what ``board`` holds."""
        out: list[str] = []
        local, day = self._day(at)
        channels = tuple(dict.fromkeys(post.channels))
        if any(a <= day <= b for a, b in self.blackout):
            out.append("CC105")
        else:
            clock = self._clock_ok(channels, local)
            if clock:
                out.append(clock)
        if out and first_only:
            return out
        for channel in channels:
            settings = self.charter.channel(channel)
            cap = settings.get("max_per_day")
            if cap is not None and board.per_channel_day.get((channel, day), 0) + 1 > cap:
                out.append("CC101")
                break
        if self.brand_cap is not None and board.per_day.get(day, 0) + len(channels) > self.brand_cap:
            out.append("CC104")
        if out and first_only:
            return out
        seconds = (at - EPOCH).total_seconds()
        for channel in channels:
            gap = self.charter.channel(channel).get("min_gap")
            if gap and too_close(board.times.get(channel, ()), seconds, gap.total_seconds()):
                out.append("CC103")
                break
        if weekly and not (out and first_only):
            for channel in channels:
                cap = self.charter.channel(channel).get("max_per_week")
                if cap is not None and week_full(board.days.get(channel, ()), day, cap):
                    out.append("CC102")
                    break
        return out

    # -- planning ---------------------------------------------------------------
    def plan(self, posts: list[Post], editable: Callable[[Post], bool]) -> Plan:
        """New times for the editable posts of ``posts`` (every post counts).

        Two greedy passes: one that also honours the seven-day cap, one that
        only keeps the hard rules. Pushing a post days away to honour the weekly
        cap can leave no room for the posts after it, so the plan that leaves
        fewer posts unplaced (then fewer over the cap, then moves less) wins.
        """
        ordered = sorted(posts, key=lambda p: (p.at, p.channels, p.id))
        keepers = self.rendezvous_keepers(ordered)
        pinned: dict[int, str] = {}
        for post in ordered:
            reason = self.pinned_reason(post, editable(post))
            if reason is None and id(post) in keepers:
                reason = "rendezvous"
            if reason is not None:
                pinned[id(post)] = reason
        best = self._plan_once(ordered, pinned, editable, weekly=True)
        if best.stuck:
            other = self._plan_once(ordered, pinned, editable, weekly=False)
            if other.score() < best.score():
                best = other
        return best

    def _plan_once(self, ordered: list[Post], pinned: dict[int, str], editable, *, weekly: bool) -> Plan:
        board, result = Board(), Plan()
        fixed_times: dict[str, list[datetime]] = defaultdict(list)
        for post in ordered:
            if id(post) in pinned:
                board.add(tuple(dict.fromkeys(post.channels)), post.at, self._day(post.at)[1])
                for channel in dict.fromkeys(post.channels):
                    fixed_times[channel].append(post.at)
        last_on_channel: dict[str, datetime] = {}
        placed: dict[int, datetime] = {}
        unplaced: set[int] = set()
        for post in ordered:
            channels = tuple(dict.fromkeys(post.channels))
            if id(post) in pinned:
                at = post.at
            else:
                at, found = self._place(post, board, last_on_channel, fixed_times, weekly)
                if not found:
                    unplaced.add(id(post))
                if at != post.at:
                    codes = self.violations(post, post.at, board, first_only=False)
                    result.moves.append(Move(post, at, tuple(sorted(set(codes)))))
                board.add(channels, at, self._day(at)[1])
            placed[id(post)] = at
            for channel in channels:
                last_on_channel[channel] = max(at, last_on_channel.get(channel, at))
        result.stuck = self._leftovers(ordered, placed, pinned, unplaced, editable)
        return result

    def _leftovers(self, ordered, placed, pinned, unplaced, editable) -> list[Stuck]:
        """What still breaks a rule once every post is placed, in time order.

        Each post is checked against the posts placed before it, which is how
        the rules report (the later post of a pair carries the finding).
        """
        out, board = [], Board()
        over_week: dict[str, bool] = {}   # like CC102, one report per overflowing stretch
        for post in sorted(ordered, key=lambda p: (placed[id(p)], p.channels, p.id)):
            at = placed[id(post)]
            channels = tuple(dict.fromkeys(post.channels))
            codes = tuple(sorted(set(self.violations(post, at, board, first_only=False))))
            weekly = "CC102" in codes
            if codes and editable(post):
                if id(post) in pinned:
                    out.append(Stuck(post, pinned[id(post)], codes))
                elif id(post) in unplaced:
                    out.append(Stuck(post, "no_slot", codes))
                elif weekly and not any(over_week.get(c) for c in channels):
                    out.append(Stuck(post, "weekly", codes))
            for channel in channels:
                over_week[channel] = weekly
            board.add(channels, at, self._day(at)[1])
        return out

    def _bounds(self, post: Post, last_on_channel: dict, fixed_times: dict) -> tuple[datetime, datetime]:
        low, high = post.at - self.max_shift, post.at + self.max_shift
        if self.now is not None:
            low = max(low, self.now)
        if self.lead_time is not None:
            approved = [a.at for a in post.approvals if a.at is not None]
            if approved:  # never move a post so early that its approval comes too late
                low = max(low, min(post.at, max(approved) + self.lead_time))
        for channel in dict.fromkeys(post.channels):
            if channel in last_on_channel:  # keep the channel's order of posts
                low = max(low, last_on_channel[channel] + timedelta(seconds=1))
            later = fixed_times.get(channel, [])
            index = bisect.bisect_right(later, post.at)
            if index < len(later):
                high = min(high, later[index] - timedelta(seconds=1))
        return low, high

    def _place(self, post: Post, board: Board, last_on_channel: dict, fixed_times: dict,
               weekly: bool) -> tuple[datetime, bool]:
        """The post's new time, and whether it keeps the hard rules there."""
        low, high = self._bounds(post, last_on_channel, fixed_times)
        guard = self.text_guard
        words_fit_now = guard is None or guard(post, post.at)
        # Strictest first; then without the weekly cap ("where it can"), then
        # without the words' check.
        levels = ((True, True), (False, True), (False, False)) if weekly else ((False, True), (False, False))
        for with_weekly, words in levels:
            for at in candidates(post.at, low, high):
                if self.violations(post, at, board, weekly=with_weekly):
                    continue
                if words and words_fit_now and guard is not None and at != post.at and not guard(post, at):
                    continue
                return at, True
        # Nothing keeps the rules: stay as close as the channel's order allows.
        return next(candidates(post.at, low, max(low, high)), max(low, post.at)), False
