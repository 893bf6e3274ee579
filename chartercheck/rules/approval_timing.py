"""CC4xx approval, the timing: approvals due ahead of publication, approvals older than the post's
last change, and statuses that contradict the calendar.

"Validate every action of the brand" takes time: the charter's
``approval.lead_time`` says how long before publication the circuit must be
complete, and an approval given before the post last changed approved
another text.  Each post's approvals are analysed once (see
:mod:`.workflow`); the rules of who approves live in :mod:`.approval`.
"""
from __future__ import annotations

from ..model import Approval, Severity
from .registry import rule
from .workflow import (
    INACTIVE,
    IN_PROGRESS,
    ZERO,
    _approval_order,
    _at_least,
    _at_most,
    _name,
    _ready,
    unapproved_but_claimed,
    workflow,
)


@rule("CC404", "late-approval", Severity.WARNING)
def late_approval(ctx, post):
    """The circuit was completed less than ``approval.lead_time`` before publication, or after it.

    Why: an approval in the last minutes leaves no time to fix what the
    reviewer found, and one after publication approves nothing. The moment
    the circuit is complete is when the last required step got its
    ``min_approvers``-th approval. When that moment is unknown because an
    approval carries no time (an iCalendar attendee, a CSV ``approved_by``
    without ``approved_at``), the rule says so at info level rather than
    guess. Fix: publish later (the hint gives the earliest time the lead time
    allows), or approve earlier next time.

    Fires::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
          approval: {lead_time: 24h, steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: lea,
             approvals: [{by: marc, at: "2026-11-24 09:00"}]}

    Passes::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
          approval: {lead_time: 24h, steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: lea,
             approvals: [{by: marc, at: "2026-11-23 12:00"}]}
    """
    if not _ready(post):
        return
    lead = ctx.charter.get("approval.lead_time")
    complete = [s for s in workflow(ctx, post).steps if len(s.approvals) >= s.need]
    untimed = [a.by for s in complete if s.completed_at is None for a in s.approvals if a.at is None]
    if untimed:
        if lead:
            yield _at_most(ctx.finding(post, "no_time", hint="no_time_hint", field="approvals", key="no-time",
                                       who=", ".join(dict.fromkeys(untimed)), lead=lead), Severity.INFO)
        return
    if not complete:
        return
    done = max(s.completed_at for s in complete)
    who = next(a.by for s in complete for a in s.approvals if a.at == done)
    if done > post.at:
        yield ctx.finding(post, "after", hint="after_hint", field="approvals", key="after", who=who,
                          approved=ctx.local(done), margin=done - post.at, when=ctx.local(post.at),
                          earliest=ctx.local(done + (lead or ZERO)))
    elif lead and done > post.at - lead:
        yield ctx.finding(post, field="approvals", key="late", who=who, approved=ctx.local(done),
                          margin=post.at - done, lead=lead, earliest=ctx.local(done + lead))


@rule("CC405", "stale-approval", Severity.WARNING)
def stale_approval(ctx, post):
    """The post was edited (``updated_at``) after an approval was given.

    Why: the reviewer approved a text that no longer exists; what will be
    published was never validated. Each approver's latest approval counts, so
    approving again after the edit clears the finding. Approvals without a
    time cannot be compared and are left alone. Fix: ask the approvers named
    in the message to approve the new version.

    Fires::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
          approval: {steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: lea,
             updated_at: "2026-11-23 08:00", approvals: [{by: marc, at: "2026-11-22 10:00"}]}

    Passes::

        charter:
          team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
          approval: {steps: [brand_manager]}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, author: lea,
             updated_at: "2026-11-22 09:00", approvals: [{by: marc, at: "2026-11-22 10:00"}]}
    """
    if post.status in INACTIVE or post.updated_at is None:
        return
    latest: dict[str, Approval] = {}
    for approval in post.approvals:
        member = ctx.charter.find_member(approval.by)
        person = _name(member, approval.by).casefold()
        known = latest.get(person)
        if approval.at is not None and (known is None or approval.at > known.at):
            latest[person] = approval
    stale = sorted((a for a in latest.values() if a.at < post.updated_at), key=_approval_order)
    if stale:
        yield ctx.finding(post, field="updated_at", key="stale", updated=ctx.local(post.updated_at),
                          who=", ".join(a.by for a in stale), approved=ctx.local(stale[-1].at))


@rule("CC407", "status-timeline-mismatch", Severity.WARNING)
def status_timeline_mismatch(ctx, post):
    """The post's status does not fit its date relative to now (``--now``).

    Why: a status is a promise to the team. Reported: a ``draft`` or
    ``review`` post due within ``approval.lead_time`` (or already past its
    time); a ``rejected`` post still planned within the lead time, which a
    scheduler could publish; a post marked ``published`` whose time is still
    to come; an ``approved``, ``scheduled`` or ``published`` post with no
    approval at all while the charter requires steps — an *error*, not a
    warning, so the default ``--fail-on error`` stops it (unless ``rules:``
    sets CC407's severity). ``--now`` pins "now" for CI. Fix:
    finish the review or move the post, cancel rejected posts, correct the
    status or the date.

    Fires::

        charter:
          approval: {lead_time: 24h}
        now: "2026-11-23 18:00"
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, status: draft}

    Passes::

        charter:
          approval: {lead_time: 24h}
        now: "2026-11-20 18:00"
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: Bonjour, status: draft}
    """
    now, status = ctx.now, post.status
    if now is None or status is None:
        return
    lead = ctx.charter.get("approval.lead_time") or ZERO
    left = post.at - now
    extra = {}
    if status in IN_PROGRESS:
        variant = "overdue" if left <= ZERO else "message" if left < lead else None
    elif status == "rejected" and ZERO < left < lead:
        variant = "rejected"
    elif status == "published" and left > ZERO:
        variant = "published_future"
    elif unapproved_but_claimed(workflow(ctx, post), post):
        variant = "unapproved"
        extra["steps"] = ", ".join(f"{s.index} ({s.role})" for s in workflow(ctx, post).steps)
    else:
        variant = None
    if variant is not None:  # the shared parameters cost two time conversions: only for a finding
        finding = ctx.finding(post, variant, hint="hint" if variant == "message" else f"{variant}_hint",
                              field="status", key=f"status-{status}", status=status, when=ctx.local(post.at),
                              now=ctx.local(now), left=left, lead=lead, **extra)
        if variant == "unapproved" and _severity_left_to_default(ctx):
            # A post claiming approval with none recorded passes a gate set to
            # stop on errors unless it is one (unless the charter says otherwise).
            finding = _at_least(finding, Severity.ERROR)
        yield finding


def _severity_left_to_default(ctx) -> bool:
    """Whether the charter's ``rules:`` leaves CC407's severity alone."""
    return ctx.charter.rule_severity("CC407", "status-timeline-mismatch", None) is None
