"""What the rescheduler decided: moves, and the posts it could not fix."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..model import Post


@dataclass(frozen=True)
class Move:
    """A post given a new time, and the codes its old time broke."""

    post: Post
    new_at: datetime
    codes: tuple[str, ...]

    @property
    def shift(self) -> timedelta:
        return self.new_at - self.post.at


@dataclass(frozen=True)
class Stuck:
    """A post whose cadence findings the planner could not clear, and why.

    ``reason`` is one of ``published``, ``past``, ``rendezvous`` (the post
    may not move), ``no_slot`` (no time within the maximum shift keeps the
    rules) or ``weekly`` (placed, but the seven-day cap is still exceeded).
    ``codes`` are the rules it still breaks where it ends up.
    """

    post: Post
    reason: str
    codes: tuple[str, ...]


@dataclass
class Plan:
    """The outcome of :meth:`Rescheduler.plan`: moves, and what stays broken."""

    moves: list[Move] = field(default_factory=list)
    stuck: list[Stuck] = field(default_factory=list)

    @property
    def total_shift(self) -> timedelta:
        return sum((abs(m.shift) for m in self.moves), timedelta())

    def moved(self) -> list[tuple[Post, datetime]]:
        """Every (post, new time), in new-time order."""
        return [(m.post, m.new_at) for m in sorted(self.moves, key=lambda m: (m.new_at, m.post.id))]

    def score(self) -> tuple:
        """Smaller is better: posts left unplaced, then left over the weekly cap, then shift."""
        return (sum(s.reason == "no_slot" for s in self.stuck),
                sum(s.reason == "weekly" for s in self.stuck), self.total_shift)
