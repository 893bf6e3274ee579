"""Posts already placed, indexed so each cadence check is a look-up or a bisect,
and the grid of candidate times the rescheduler tries, nearest first."""
from __future__ import annotations

import bisect
from collections import defaultdict
from datetime import datetime, timedelta, timezone

#: Candidate times are multiples of five minutes (UTC offsets are whole
#: quarter hours, so they fall on the local five-minute grid too).
STEP = timedelta(minutes=5)
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


class Board:
    """Posts already placed, indexed for the cadence checks."""

    def __init__(self):
        self.times: dict[str, list[float]] = defaultdict(list)     # per channel, sorted epoch seconds
        self.days: dict[str, list[int]] = defaultdict(list)        # per channel, sorted day ordinals
        self.per_channel_day: dict[tuple[str, int], int] = defaultdict(int)
        self.per_day: dict[int, int] = defaultdict(int)

    def add(self, channels: tuple[str, ...], at: datetime, day: int) -> None:
        for channel in channels:
            bisect.insort(self.times[channel], (at - EPOCH).total_seconds())
            bisect.insort(self.days[channel], day)
            self.per_channel_day[(channel, day)] += 1
        self.per_day[day] += len(channels)


def candidates(origin: datetime, low: datetime, high: datetime):
    """``origin`` then grid times by growing distance, later first on a tie."""
    if low <= origin <= high:
        yield origin
    seconds = (origin - EPOCH).total_seconds()
    step = STEP.total_seconds()
    below = EPOCH + timedelta(seconds=(seconds // step) * step)
    if below == origin:
        below -= STEP
    above = below + STEP
    while above <= high or below >= low:
        if above <= high and (below < low or above - origin <= origin - below):
            if above >= low:
                yield above
            above += STEP
        else:
            if below <= high:
                yield below
            below -= STEP


def too_close(times, seconds: float, gap: float) -> bool:
    index = bisect.bisect_left(times, seconds)
    if index < len(times) and times[index] - seconds < gap:
        return True
    return index > 0 and seconds - times[index - 1] < gap


def week_full(days, day: int, cap: int) -> bool:
    """Whether one more post on ``day`` takes some 7-day window over ``cap``."""
    for start in range(day - 6, day + 1):
        count = bisect.bisect_right(days, start + 6) - bisect.bisect_left(days, start)
        if count + 1 > cap:
            return True
    return False
