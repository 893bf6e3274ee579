"""CC8xx charter lint: is the charter itself a strategy, and can the team carry it?

"Vision, objectives, resources, actions, evaluation"; "if everything is a
priority you chose no strategy"; "a target and an objective, not a
platform"; "too many channels for too little benefit". A calendar can follow
its charter to the letter and still serve nothing if the charter chose
nothing. These rules read only the charter file (never the embedded default),
run with ``chartercheck charter check FILE`` and at the start of every
``lint``, and point at the charter key and line concerned.

Their docstrings show charters only: the calendar does not matter to them.
"""
from __future__ import annotations

from .. import i18n
from ..model import Severity
from .registry import Scope, rule

#: CC804: posts a week assumed for a channel with neither ``max_per_week`` nor ``max_per_day``
#: (about one every other day: a steady but modest presence).
DEFAULT_POSTS_PER_WEEK = 3
#: CC804: minutes assumed per post on a channel without ``effort_minutes``: writing, a visual
#: and answering comments rarely take less.
DEFAULT_EFFORT_MINUTES = 30

STRATEGY_PARTS = ("vision", "objectives", "evaluation")


def _at(ctx, key: str) -> dict:
    """``path``/``line`` keyword arguments locating ``key`` in the charter file."""
    path, line = ctx.charter.locate(key)
    return {"path": path, "line": line}


@rule("CC801", "strategy-incomplete", Severity.WARNING, Scope.CHARTER)
def strategy_incomplete(ctx):
    """The charter's ``strategy`` lacks a vision, objectives or an evaluation.

    Why: a social-media strategy is "vision, objectives, resources, actions,
    evaluation"; without a vision posts have no direction, without objectives
    no channel can be judged useful, without an evaluation nobody will know
    whether it worked. Fix: fill in ``strategy.vision``,
    ``strategy.objectives`` (ids with a priority and a KPI) and
    ``strategy.evaluation`` (when and how results are reviewed).

    Fires::

        charter: {strategy: {vision: "Rouler visible toute l'année"}}
        posts: []

    Passes::

        charter:
          strategy:
            vision: "Rouler visible toute l'année"
            objectives: [{id: notoriete, priority: primary}]
            evaluation: "revue mensuelle"
        posts: []
    """
    strategy = ctx.charter.get("strategy", {})
    missing = [part for part in STRATEGY_PARTS if not strategy.get(part)]
    if missing:
        yield ctx.finding(None, key="strategy", missing=", ".join(missing),
                          keys=", ".join(f"strategy.{part}" for part in missing), **_at(ctx, "strategy"))


@rule("CC802", "no-priority-choice", Severity.WARNING, Scope.CHARTER)
def no_priority_choice(ctx):
    """Every objective is ``primary`` (or none has a priority): the charter made no choice.

    Why: "if everything is a priority you chose no strategy". Ranking
    objectives tells the team what to sacrifice when time runs short. A
    single objective is a choice and passes. Fix: keep one ``primary``
    objective and mark the others ``secondary`` or ``tertiary``.

    Fires::

        charter: {strategy: {objectives: [{id: a, priority: primary}, {id: b, priority: primary}]}}
        posts: []

    Passes::

        charter: {strategy: {objectives: [{id: a, priority: primary}, {id: b, priority: secondary}]}}
        posts: []
    """
    objectives = ctx.charter.get("strategy.objectives", [])
    if len(objectives) < 2:
        return
    priorities = [o.get("priority") for o in objectives]
    ids = ", ".join(str(o["id"]) for o in objectives)
    if all(p == "primary" for p in priorities):
        yield ctx.finding(None, key="all-primary", count=len(objectives), ids=ids,
                          **_at(ctx, "strategy.objectives"))
    elif not any(priorities):
        yield ctx.finding(None, "unranked", key="unranked", count=len(objectives), ids=ids,
                          **_at(ctx, "strategy.objectives"))


@rule("CC803", "channel-without-purpose", Severity.WARNING, Scope.CHARTER)
def channel_without_purpose(ctx):
    """A channel has no ``objective`` or no ``target``, or serves an objective the strategy does not define.

    Why: "a target and an objective, not a platform": a brand goes where its
    audience is, for a reason; a channel opened because everyone is there
    costs effort and serves nothing. Fix: give each channel an ``objective``
    (an id of ``strategy.objectives``) and a ``target`` (who it addresses),
    or drop the channel.

    Fires::

        charter: {channels: {instagram: {platform: instagram}}}
        posts: []

    Passes::

        charter:
          strategy: {objectives: [{id: notoriete, priority: primary}]}
          channels: {instagram: {platform: instagram, objective: notoriete, target: "cyclistes urbains"}}
        posts: []
    """
    objectives = [str(o["id"]) for o in ctx.charter.get("strategy.objectives", [])]
    for channel_id, settings in ctx.charter.get("channels", {}).items():
        missing = [k for k in ("objective", "target") if not settings.get(k)]
        where = _at(ctx, f"channels.{channel_id}")
        if missing:
            yield ctx.finding(None, channel=channel_id, key=f"{channel_id}-purpose", missing=", ".join(missing),
                              hint="hint" if objectives else "no_objectives_hint",
                              objectives=", ".join(objectives), **where)
        objective = settings.get("objective")
        if objective and objectives and objective not in objectives:
            yield ctx.finding(None, "unknown_objective", hint="unknown_objective_hint", channel=channel_id,
                              key=f"{channel_id}-objective", objective=objective,
                              objectives=", ".join(objectives), **_at(ctx, f"channels.{channel_id}.objective"))


def weekly_load(ctx) -> list[tuple[str, int, int, bool]]:
    """Per channel: (id, posts a week, minutes per post, whether a default was assumed).

    The channel's own caps come first, then its platform's (a channel that
    only says ``max_per_day: 4`` means 28 a week, not the platform's 30).
    """
    out = []
    for channel_id, own in ctx.charter.get("channels", {}).items():
        posts = None
        for settings in (own, ctx.charter.channel(channel_id)):
            if settings.get("max_per_week") is not None:
                posts = settings["max_per_week"]
            elif settings.get("max_per_day") is not None:
                posts = settings["max_per_day"] * 7
            if posts is not None:
                break
        minutes = ctx.charter.channel(channel_id).get("effort_minutes")
        assumed = posts is None or minutes is None
        out.append((channel_id, DEFAULT_POSTS_PER_WEEK if posts is None else posts,
                    DEFAULT_EFFORT_MINUTES if minutes is None else minutes, assumed))
    return out


@rule("CC804", "team-overstretched", Severity.WARNING, Scope.CHARTER)
def team_overstretched(ctx):
    """The channels need more hours a week than ``team.hours_per_week``.

    Why: "too many channels for too little benefit": each channel costs
    production and moderation time; a team spread too thin posts badly
    everywhere. Each channel's weekly need is ``effort_minutes`` × the posts a
    week its caps allow: ``max_per_week``, else ``max_per_day`` × 7 (the
    channel's own caps first, then its platform's), else 3; a channel without
    ``effort_minutes`` counts 30 minutes a post (the message says which
    figures were assumed). Silent without
    ``team.hours_per_week``. CC109 checks the hours of an actual calendar;
    this checks what the charter itself promises. Fix: drop or slow down the
    costliest channels (the hint names them), or give the team more hours.

    Fires::

        charter:
          team: {hours_per_week: 1}
          channels: {youtube: {platform: youtube, max_per_week: 2, effort_minutes: 240}}
        posts: []

    Passes::

        charter:
          team: {hours_per_week: 10}
          channels: {youtube: {platform: youtube, max_per_week: 2, effort_minutes: 240}}
        posts: []
    """
    available = ctx.charter.get("team.hours_per_week")
    if available is None:
        return
    load = weekly_load(ctx)
    needed = sum(posts * minutes for _, posts, minutes, _ in load) / 60
    if not load or needed <= available:
        return
    costliest = sorted(load, key=lambda item: (-item[1] * item[2], item[0]))
    detail = ", ".join(i18n.render("CC804.detail_item", ctx.lang, channel=cid, posts=posts, minutes=minutes)
                       + (i18n.render("CC804.assumed", ctx.lang) if assumed else "")
                       for cid, posts, minutes, assumed in costliest)
    yield ctx.finding(None, key="capacity", channels=len(load), needed=round(needed, 1),
                      available=round(float(available), 1), detail=detail,
                      costliest=", ".join(cid for cid, *_ in costliest[:2]), **_at(ctx, "team.hours_per_week"))


@rule("CC805", "approval-role-unstaffed", Severity.ERROR, Scope.CHARTER)
def approval_role_unstaffed(ctx):
    """An approval step names a role no team member holds, or needs more approvers than hold it.

    Why: a circuit nobody can complete blocks every post (each would fail
    CC401) or, worse, teaches the team to ignore the checker. Fix: give the
    role to members in ``team.members``, lower ``min_approvers``, or remove
    the step.

    Fires::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}]}
          approval: {steps: [{role: legal}]}
        posts: []

    Passes::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: sophie, roles: [legal]}]}
          approval: {steps: [{role: legal}]}
        posts: []
    """
    for index, step in enumerate(ctx.charter.get("approval.steps", [])):
        role, need = step["role"], step.get("min_approvers", 1)
        holders = [m["id"] for m in ctx.charter.role_holders(role)]
        where = _at(ctx, f"approval.steps[{index}]")
        if not holders:
            yield ctx.finding(None, key=f"step-{index + 1}", index=index + 1, role=role, **where)
        elif len(holders) < need:
            yield ctx.finding(None, "too_few", hint="too_few_hint", key=f"step-{index + 1}", index=index + 1,
                              role=role, need=need, count=len(holders), holders=", ".join(holders), **where)


@rule("CC806", "positioning-unset", Severity.WARNING, Scope.CHARTER)
def positioning_unset(ctx):
    """The charter sets no positioning (register, traits, pillars), or lacks register or pillars.

    Why: "messages in phase with the brand's positioning; values structure the
    discourse": without a positioning the tone and pillar rules have nothing to
    compare posts with and stay silent. A positioning without ``register`` or
    without ``pillars`` is reported at info level. Fix: describe
    ``positioning.register`` (vous, tu, formal, informal or any),
    ``positioning.traits`` and ``positioning.pillars`` with their keywords.

    Fires::

        charter: {brand: {name: Vélo Lumière}}
        posts: []

    Passes::

        charter:
          positioning: {register: tu, traits: [complice], pillars: [{id: conseils, keywords: [astuce]}]}
        posts: []
    """
    positioning = ctx.charter.get("positioning", {})
    parts = {"register": positioning.get("register"), "traits": positioning.get("traits"),
             "pillars": positioning.get("pillars")}
    missing = [name for name, value in parts.items() if not value]
    if len(missing) == len(parts):
        yield ctx.finding(None, key="unset", **_at(ctx, "positioning"))
    elif "register" in missing or "pillars" in missing:
        finding = ctx.finding(None, "partial", hint="partial_hint", key="partial",
                              missing=", ".join(m for m in missing if m != "traits"), **_at(ctx, "positioning"))
        # a partly described positioning still guides most rules: a note, not a warning
        yield finding if finding.severity <= Severity.INFO else finding.with_severity(Severity.INFO)
