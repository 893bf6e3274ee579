"""CC4xx approval: the validation circuit every post goes through before publication.

"Validate every action of the brand", "don't leave it to an intern",
"content validation circuits": the charter's ``approval:`` section lists
ordered steps by role (some only for commercial, promising, sponsored or
compliance-sensitive posts), whether authors may approve their own posts
(``four_eyes``), how long before publication approvals are due
(``lead_time``) and which roles need an in-house approver (``supervised``;
external members always do).

Each post's approvals are analysed once (:func:`workflow`) and every rule
reads that analysis, so the rules agree (the timing rules, CC404, CC405 and
CC407, live in :mod:`.approval_timing`): a flawed approval (a stranger, the
author, someone without the role) is reported by its own rule and *stands
for* the step it was meant to fill, so one slip gives one finding rather
than a flawed approval plus a missing step.

Statuses: ``draft`` and ``review`` posts are still in the circuit, so missing
steps, lead time and supervision are only judged once a post is (or claims to
be) ready; ``rejected`` and ``cancelled`` posts are never judged, except by
CC407 when a rejected post is still about to go out.
"""
from __future__ import annotations

from typing import Optional

from .. import i18n
from ..model import Severity
from .registry import rule
from .workflow import (
    INACTIVE,
    IN_PROGRESS,
    _at_most,
    _flaw_key,
    _holders,
    _ready,
    _reason,
    _step_note,
    unapproved_but_claimed,
    workflow,
)


@rule("CC401", "missing-approval-step", Severity.ERROR)
def missing_approval_step(ctx, post):
    """A required approval step has fewer approvals than it needs, or steps ran out of order.

    Why: "validate every action of the brand": a post goes out only once each
    step of the circuit has signed it off. Steps are ``approval.steps`` in
    order, each a ``role`` with ``min_approvers`` (default 1) distinct
    approvers holding it; a step with ``when:`` applies only to posts that are
    ``commercial`` (CC201 fires), make ``claims`` (CC203), are ``sponsored``,
    trip an enabled ``compliance`` rule (CC6xx), or ``always``. The message
    names the step and why it was required. Drafts and posts in review are
    still in the circuit and not judged; an ``approved``/``scheduled`` post with
    no approval at all is reported by CC407 instead (as an error), and an approval by the
    wrong person is reported by CC402/CC403 in place of the step it was meant
    to fill. When two steps both have times, a later step approved before the
    earlier one finished is reported too (warning). Fix: get the approval
    from a member holding the role (the hint names them) and record it in the
    post's ``approvals``.

    Fires::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
          approval: {steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: lea}

    Passes::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
          approval: {steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: lea,
             approvals: [{by: marc, at: "2026-11-22 10:00"}]}
    """
    if not _ready(post):
        return
    flow = workflow(ctx, post)
    if unapproved_but_claimed(flow, post):
        return
    for step in flow.steps:
        if step.missing:
            author_id = flow.author["id"] if flow.author and ctx.charter.get("approval.four_eyes") else None
            holders = _holders(ctx, step.role, exclude=author_id)
            yield ctx.finding(post, hint="hint" if holders != "-" else "nobody_hint", field="approvals",
                              key=f"step-{step.index}", index=step.index, role=step.role, need=step.need,
                              have=len(step.approvals), reason=_reason(ctx, post, step), holders=holders)
    complete = [s for s in flow.steps if not s.missing and s.approvals]
    for before, after in zip(complete, complete[1:]):
        finished = before.completed_at
        started = after.approvals[0].at
        if finished is not None and started is not None and started < finished:
            yield _at_most(ctx.finding(post, "order", hint="order_hint", field="approvals", key=f"order-{after.index}",
                                       index=after.index, role=after.role, given=ctx.local(started),
                                       previous=before.index, previous_role=before.role,
                                       previous_at=ctx.local(finished)), Severity.WARNING)


@rule("CC402", "unauthorised-approver", Severity.ERROR)
def unauthorised_approver(ctx, post):
    """An approval by someone who is not a team member, or who lacks the role it needs.

    Why: an approval only protects the brand if it comes from someone entitled
    to give it; a name nobody knows, or a role claimed but not held, is no
    approval at all. Approvers are matched to ``team.members`` by id, e-mail or
    name (any case). Reported: an unknown approver; an approval whose ``role``
    the member does not hold; and, when a step is still missing, an approval by
    someone holding none of the roles it needs (the message says which step
    it leaves open). Fix: correct the name or role, add the person to
    ``team.members``, or get the approval from a member holding the role.

    Fires::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
          approval: {steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: lea,
             approvals: [{by: jules, at: "2026-11-22 10:00"}]}

    Passes::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: marc, name: Marc Dubois, roles: [brand_manager]}]}
          approval: {steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: lea,
             approvals: [{by: marc dubois, at: "2026-11-22 10:00", role: brand_manager}]}
    """
    if post.status in INACTIVE or not post.approvals:  # flaws are approvals: none, nothing to analyse
        return
    for flaw in workflow(ctx, post).flaws:
        if flaw.kind == "self" or (flaw.kind == "no_role" and post.status in IN_PROGRESS):
            continue  # CC403's; and a draft's first approvals need not fill the last step yet
        members = ", ".join(ctx.charter.members()) or "-"  # only for a finding (most posts have none)
        message = {"unknown": "message", "false_role": "false_role", "no_role": "no_role"}[flaw.kind]
        roles = ", ".join(flaw.member.get("roles") or ()) if flaw.member else ""
        yield ctx.finding(post, message, hint=f"{message}_hint" if message != "message" else "hint",
                          field="approvals", key=_flaw_key(flaw), who=flaw.approval.by,
                          claimed=flaw.approval.role or "", roles=roles or "-", members=members,
                          wanted=flaw.step.role if flaw.step else "", step=_step_note(ctx, flaw.step),
                          holders=_holders(ctx, flaw.step.role) if flaw.step else "-")


@rule("CC403", "self-approval", Severity.ERROR)
def self_approval(ctx, post):
    """The author approved their own post while ``approval.four_eyes`` is on.

    Why: a circuit exists so that someone else reads the post before the
    brand speaks; an author's own approval adds no second pair of eyes. The
    author and approvers are matched to ``team.members`` by id, e-mail or name,
    so "lea" and "lea@brand.example" are the same person. The self-approval
    does not count for any step; the message says which step it leaves open.
    Fix: remove the author's approval and ask another member holding the role.

    Fires::

        charter:
          team: {members: [{id: marc, email: marc@example.org, roles: [brand_manager]}]}
          approval: {four_eyes: true, steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: marc,
             approvals: [{by: marc@example.org, at: "2026-11-22 10:00"}]}

    Passes::

        charter:
          team: {members: [{id: marc, email: marc@example.org, roles: [brand_manager]}]}
          approval: {four_eyes: false, steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: marc,
             approvals: [{by: marc@example.org, at: "2026-11-22 10:00"}]}
    """
    if post.status in INACTIVE or not post.approvals:  # flaws are approvals: none, nothing to analyse
        return
    for flaw in workflow(ctx, post).flaws:
        if flaw.kind == "self":
            others = (_holders(ctx, flaw.step.role, exclude=flaw.member["id"] if flaw.member else None)
                      if flaw.step else "-")
            yield ctx.finding(post, hint="hint" if others != "-" else "alone_hint", field="approvals",
                              key=_flaw_key(flaw), who=flaw.approval.by, step=_step_note(ctx, flaw.step),
                              holders=others)


@rule("CC406", "unsupervised-author", Severity.ERROR)
def unsupervised_author(ctx, post):
    """A post by a supervised author (intern, external agency) has no in-house approver.

    Supervised authors hold a role listed in ``approval.supervised`` or are
    ``external`` members; they need an approval by an in-house, unsupervised
    member.

    Why: "don't leave it to an intern", "don't outsource at first": an intern
    or an agency may write, but someone of the brand answers for what it
    says. An in-house approver is a team member who is not ``external``, holds
    no supervised role and is not the author. Authors are matched to
    ``team.members`` by id, e-mail or name; an author unknown to the team is
    not judged here (nothing says whether they are supervised). Fix: have one of the
    members listed in the hint approve the post.

    Fires::

        charter:
          team: {members: [{id: tom, roles: [intern]}, {id: marc, roles: [brand_manager]}]}
          approval: {supervised: [intern]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: tom}

    Passes::

        charter:
          team: {members: [{id: tom, roles: [intern]}, {id: marc, roles: [brand_manager]}]}
          approval: {supervised: [intern]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: tom,
             approvals: [{by: marc, at: "2026-11-22 10:00"}]}
    """
    if not _ready(post):  # cheapest test first: the same answer, in either order
        return
    author = ctx.charter.find_member(post.author)
    if author is None:
        return
    supervised = set(ctx.charter.get("approval.supervised", []))
    roles = [r for r in author.get("roles") or () if r in supervised]
    if not author.get("external") and not roles:
        return

    def in_house(member: Optional[dict]) -> bool:
        return (member is not None and not member.get("external") and member["id"] != author["id"]
                and not supervised.intersection(member.get("roles") or ()))

    if any(in_house(ctx.charter.find_member(a.by)) for a in post.approvals):
        return
    candidates = [m["id"] for m in ctx.charter.get("team.members", []) if in_house(m)]
    approvers = ", ".join(a.by for a in post.approvals) or i18n.render("CC406.nobody", ctx.lang)
    variant = "external" if author.get("external") else "message"
    yield ctx.finding(post, variant, hint="external_hint" if variant == "external" else "hint", field="author",
                      key="supervised",
                      author=author["id"], role=", ".join(roles), approvers=approvers,
                      candidates=", ".join(candidates) or "-")
