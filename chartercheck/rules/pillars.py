"""CC307 and CC310: the pillar mix of the linted posts, and pillars or objectives the charter
does not declare.

"If everything is a priority you chose no strategy": the charter declares its
content pillars, and some a share of the posts.  A post counts for the pillar
it names, else for the one whose keywords it matches most (see
:func:`.positioning_mix.pillar_hits`); a pillar or objective nobody declared
takes a post out of the mix unnoticed.
"""
from __future__ import annotations

import difflib
import math

from ..model import Severity
from .context import first_line
from .positioning_mix import pillar_hits
from .registry import Scope, rule
from .streaming import PostStream, finished, stream
from .tone import percent

#: CC307: shares mean nothing on fewer posts than this.
MIX_MIN_POSTS = 5


def tally_pillar(ctx, post) -> None:
    """File the linted posts up to ``post`` under their pillar for CC307 (engine warm-up hook)."""
    stream(ctx, "CC307", _PillarTally).feed_until(ctx, post)


@rule("CC307", "pillar-mix", Severity.INFO, Scope.CALENDAR, warm=tally_pillar)
def pillar_mix(ctx):
    """A pillar's share of the linted posts is outside its declared ``share``.

    Why: "if everything is a priority you chose no strategy": a brand that
    declares 30 % advice and ends up with 10 % has drifted from its plan. Each
    linted post counts once: for the pillar it declares (``pillar:``), else for
    the pillar whose keywords it matches most (the first declared on a tie);
    others count in the total only. Judged from 5 posts on. Fix: turn the
    number of posts the hint gives to or from the pillar, or revise the
    shares. Reads ``positioning.pillars[].share.{min,max}``.

    Fires::

        charter: {positioning: {pillars: [{id: conseils, keywords: [astuce], share: {min: 0.5}}, {id: produit, keywords: [lampe]}]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-23 12:00", text: Une lampe, pillar: produit}
          - {id: b, channel: instagram, at: "2026-11-24 12:00", text: Une lampe, pillar: produit}
          - {id: c, channel: instagram, at: "2026-11-25 12:00", text: Une lampe, pillar: produit}
          - {id: d, channel: instagram, at: "2026-11-26 12:00", text: Une lampe, pillar: produit}
          - {id: e, channel: instagram, at: "2026-11-27 12:00", text: Une astuce, pillar: conseils}

    Passes::

        charter: {positioning: {pillars: [{id: conseils, keywords: [astuce], share: {min: 0.4}}, {id: produit, keywords: [lampe]}]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-23 12:00", text: Une lampe, pillar: produit}
          - {id: b, channel: instagram, at: "2026-11-24 12:00", text: Une lampe, pillar: produit}
          - {id: c, channel: instagram, at: "2026-11-25 12:00", text: Une lampe, pillar: produit}
          - {id: d, channel: instagram, at: "2026-11-26 12:00", text: Une astuce, pillar: conseils}
          - {id: e, channel: instagram, at: "2026-11-27 12:00", text: Une astuce, pillar: conseils}
    """
    pillars = ctx.charter.get("positioning.pillars", [])
    posts = ctx.linted
    if not any(p.get("share") for p in pillars) or len(posts) < MIX_MIN_POSTS:
        return
    members = finished(ctx, "CC307", _PillarTally).members
    total = len(posts)
    span = {"first": ctx.local(posts[0].at).date(), "last": ctx.local(posts[-1].at).date(), "total": total}
    for pillar in pillars:
        share = pillar.get("share") or {}
        mine = members[pillar["id"]]
        low, high = share.get("min"), share.get("max")
        common = dict(at=posts[0].at, line=first_line(mine), pillar=pillar["id"], count=len(mine),
                      share=percent(len(mine) / total), **span)
        if low is not None and len(mine) / total < low:
            yield ctx.finding(None, key=f"{pillar['id']}:min", min=percent(low),
                              needed=math.ceil(low * total - 1e-9) - len(mine), **common)
        elif high is not None and len(mine) / total > high:
            yield ctx.finding(None, "over", hint="over_hint", key=f"{pillar['id']}:max", max=percent(high),
                              excess=len(mine) - math.floor(high * total + 1e-9), **common)


class _PillarTally(PostStream):
    """The linted posts filed under their pillar: the one they declare, else the
    one whose keywords they match most (the first declared on a tie)."""

    source = "linted"

    def __init__(self, ctx):
        super().__init__(ctx)
        self.order = [p["id"] for p in ctx.charter.get("positioning.pillars", [])]
        self.members: dict[str, list] = {pid: [] for pid in self.order}
        # Without a share to check, CC307 reports nothing: nothing to file either.
        self.wanted = any(p.get("share") for p in ctx.charter.get("positioning.pillars", []))

    def feed(self, ctx, post) -> None:
        if not self.wanted:
            return
        members, order = self.members, self.order
        pid = post.pillar if post.pillar in members else None
        if pid is None:
            hits = pillar_hits(ctx, post)
            pid = max(hits, key=lambda p: (hits[p], -order.index(p))) if hits else None
        if pid is not None:
            members[pid].append(post)


@rule("CC310", "unknown-pillar-or-objective", Severity.WARNING, Scope.POST)
def unknown_pillar_or_objective(ctx, post):
    """The post names a pillar or an objective the charter does not declare.

    Why: "a target and an objective, not a platform": a post is tied to the
    strategy through its objective and pillar; a typo ("conseil" for
    "conseils") silently takes it out of the pillar mix (CC307) and the
    reporting. Fix: use one of the declared ids (the hint suggests the
    closest), or declare it in the charter. Reads ``positioning.pillars[].id``
    and ``strategy.objectives[].id``; silent for a list the charter leaves empty.

    Fires::

        charter: {positioning: {pillars: [{id: conseils, keywords: [conseil]}, {id: produit, keywords: [lampe]}]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Un conseil, pillar: conseil}

    Passes::

        charter: {positioning: {pillars: [{id: conseils, keywords: [conseil]}, {id: produit, keywords: [lampe]}]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Un conseil, pillar: conseils}
    """
    for kind, value, key in (("pillar", post.pillar, "positioning.pillars"),
                             ("objective", post.objective, "strategy.objectives")):
        if not value:  # most posts name neither: the declared ids are only listed when needed
            continue
        known = [item["id"] for item in ctx.charter.get(key, [])]
        if known and value not in known:
            close = difflib.get_close_matches(value, known, n=1)
            yield ctx.finding(post, kind, hint=f"{kind}_hint" if close else f"{kind}_known_hint", field=kind,
                              key=kind, value=value, suggestion=close[0] if close else "", known=", ".join(known))
