"""The approval analysis shared by the CC4xx rules: which steps a post needs,
which approvals fill them, and which approvals are flawed.

Each post's approvals are analysed once per run (:func:`workflow`) and every
approval rule reads that analysis, so the rules agree with one another.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import datetime, timedelta
from typing import Optional

from .. import i18n
from ..model import Approval, Post, Severity
from .registry import Scope, all_rules

#: Statuses whose approvals are not judged at all.
INACTIVE = frozenset({"rejected", "cancelled"})
#: Statuses still inside the circuit: steps may legitimately be missing.
IN_PROGRESS = frozenset({"draft", "review"})
#: Statuses claiming the circuit is complete.
CLAIMS_APPROVED = frozenset({"approved", "scheduled", "published"})
ZERO = timedelta(0)


@dataclass(frozen=True)
class Step:
    """One required step of the circuit for one post, with what filled it."""

    index: int                        # 1-based position in approval.steps
    role: str
    need: int                         # min_approvers
    when: tuple[str, ...]             # its conditions; () when unconditional
    approvals: tuple[Approval, ...]   # valid approvals by distinct members holding the role
    attempts: int = 0                 # flawed approvals standing for this step

    @property
    def missing(self) -> int:
        return max(0, self.need - len(self.approvals) - self.attempts)

    @property
    def completed_at(self) -> Optional[datetime]:
        """When the step had its ``need``-th approval; None when a needed time is unknown."""
        known = sorted(a.at for a in self.approvals if a.at is not None)
        if len(self.approvals) < self.need or len(known) < self.need:
            return None
        return known[self.need - 1]


@dataclass(frozen=True)
class Flaw:
    """An approval that does not count: ``unknown``, ``self``, ``false_role`` or ``no_role``."""

    approval: Approval
    kind: str
    member: Optional[dict]
    step: Optional[Step] = None       # the still-missing step it was meant to fill


@dataclass(frozen=True)
class Workflow:
    """What one post's approvals amount to, shared by CC401-CC407."""

    steps: tuple[Step, ...]           # the steps this post requires, in charter order
    flaws: tuple[Flaw, ...]
    author: Optional[dict]            # the author's team member, if the author is one


def workflow(ctx, post: Post) -> Workflow:
    """The approval analysis of ``post``, computed once per block of posts
    (CC401-CC407 all ask while the block is checked)."""
    cache = ctx.block_memo("approval")
    found = cache.get(id(post))
    if found is None:
        found = cache[id(post)] = _analyse(ctx, post)
    return found


def _analyse(ctx, post: Post) -> Workflow:
    charter = ctx.charter
    author = charter.find_member(post.author)
    four_eyes = charter.get("approval.four_eyes", False)
    required = []
    for index, spec in enumerate(charter.get("approval.steps", []), start=1):
        when = tuple(spec.get("when") or ())
        if applies(ctx, post, when):
            required.append((index, spec, when))
    valid: dict[int, dict[str, Approval]] = {index: {} for index, _, _ in required}
    flaws: list[Flaw] = []
    for approval in post.approvals:
        member = charter.find_member(approval.by)
        if four_eyes and _same_person(approval.by, member, post.author, author):
            flaws.append(Flaw(approval, "self", member))
        elif member is None:
            # With no team declared there is nobody to check approvers against:
            # the rule stays silent rather than calling everyone a stranger.
            if charter.get("team.members"):
                flaws.append(Flaw(approval, "unknown", None))
        elif approval.role and approval.role not in (member.get("roles") or ()):
            flaws.append(Flaw(approval, "false_role", member))
        else:
            matched = False
            for index, spec, _ in required:
                if spec["role"] in (member.get("roles") or ()) and approval.role in (None, spec["role"]):
                    matched = True
                    earlier = valid[index].get(member["id"])
                    if earlier is None or _current_first(approval, post) < _current_first(earlier, post):
                        valid[index][member["id"]] = approval
            if not matched:
                flaws.append(Flaw(approval, "no_role", member))
    steps = [Step(index, spec["role"], spec.get("min_approvers", 1), when,
                  tuple(sorted(valid[index].values(), key=_approval_order)))
             for index, spec, when in required]
    return Workflow(*_attribute(steps, flaws), author)


def _attribute(steps: list[Step], flaws: list[Flaw]) -> tuple[tuple[Step, ...], tuple[Flaw, ...]]:
    """Let each flawed approval stand for the step it was meant to fill: the
    step of the role it claims, else the first step still missing. An extra
    approval by someone without a needed role is harmless (dropped) when no
    step is missing."""
    out, seen = [], set()
    for flaw in flaws:
        person = (flaw.kind, _name(flaw.member, flaw.approval.by).casefold(),
                  flaw.approval.role if flaw.kind == "false_role" else None)
        if person in seen:  # the same slip written twice is one slip, standing for one step
            continue
        seen.add(person)
        open_steps = [i for i, step in enumerate(steps) if step.missing]
        claimed = flaw.approval.role
        target = next((i for i in open_steps if steps[i].role == claimed), None) if claimed else None
        if target is None and open_steps:
            target = open_steps[0]
        if target is not None:
            steps[target] = replace(steps[target], attempts=steps[target].attempts + 1)
            flaw = replace(flaw, step=steps[target])
        elif flaw.kind == "no_role":
            continue
        out.append(flaw)
    return tuple(steps), tuple(out)


#: Conditions from cheapest to dearest to evaluate: a step applies as soon as one holds.
_CONDITION_ORDER = ("always", "sponsored", "claims", "commercial", "compliance")


def applies(ctx, post: Post, when: tuple[str, ...]) -> bool:
    """Whether a step with conditions ``when`` is required for ``post`` (no conditions: always)."""
    if not when:
        return True
    for condition in _cheapest_first(when):
        if _holds(ctx, post, condition):
            return True
    return False


@lru_cache(maxsize=64)
def _cheapest_first(when: tuple[str, ...]) -> tuple[str, ...]:
    """``when``'s distinct conditions in :data:`_CONDITION_ORDER` (sorted once, not per post)."""
    return tuple(sorted(set(when), key=_CONDITION_ORDER.index))


def held_conditions(ctx, post: Post, when: tuple[str, ...]) -> tuple[str, ...]:
    """Every condition of ``when`` that holds for ``post``, in the charter's order (for messages)."""
    return tuple(c for c in dict.fromkeys(when) if _holds(ctx, post, c))


def _holds(ctx, post: Post, condition: str) -> bool:
    if condition == "always":
        return True
    if condition == "sponsored":
        return post.sponsored
    if condition == "commercial":
        return ctx.fires("CC201", post)
    if condition == "claims":
        return ctx.fires("CC203", post)
    return condition == "compliance" and bool(compliance_codes(ctx, post))


def compliance_codes(ctx, post: Post) -> list[str]:
    """Enabled CC6xx rules (pack listed in ``compliance:``, or no pack) that fire on ``post``."""
    cache = ctx.memo("approval.compliance")
    codes = cache.get("codes")
    if codes is None:
        packs = set(ctx.charter.get("compliance", []))
        codes = cache["codes"] = [spec.code for spec in all_rules()
                                       if spec.code.startswith("CC6") and spec.scope is Scope.POST
                                       and (spec.pack is None or spec.pack in packs)]
    return [code for code in codes if ctx.fires(code, post)]


def _same_person(who: str, member: Optional[dict], author_name: Optional[str], author: Optional[dict]) -> bool:
    if not author_name:
        return False
    if member is not None and author is not None:
        return member["id"] == author["id"]
    return str(who).strip().casefold() == str(author_name).strip().casefold()


def _current_first(approval: Approval, post: Post) -> tuple:
    """Which of a member's approvals stands for them: the earliest one given
    after the last edit (the approval of the version to publish), else their
    earliest (CC405 reports that it is stale)."""
    stale = bool(post.updated_at and approval.at and approval.at < post.updated_at)
    return (stale,) + _approval_order(approval)


def _approval_order(approval: Approval) -> tuple:
    return (approval.at is None, approval.at.timestamp() if approval.at else 0.0, approval.by)


def _name(member: Optional[dict], fallback: str) -> str:
    return str(member["id"]) if member else str(fallback)


def _holders(ctx, role: str, exclude: Optional[str] = None) -> str:
    names = [m["id"] for m in ctx.charter.role_holders(role) if m["id"] != exclude]
    return ", ".join(names) if names else "-"


def _flaw_key(flaw: Flaw) -> str:
    """Finding key of a flawed approval: stable across edits elsewhere (baselines)."""
    key = f"{flaw.kind}-{_name(flaw.member, flaw.approval.by).casefold()}"
    return key + (f"-{flaw.approval.role}" if flaw.kind == "false_role" else "")


def _step_note(ctx, step: Optional[Step]) -> str:
    """``; step 1 (brand_manager) is therefore still missing`` for flaws that stand for a step."""
    if step is None:
        return ""
    return i18n.render("CC401.still_missing", ctx.lang, index=step.index, role=step.role)


def _at_most(finding, severity: Severity):
    """Cap a finding's severity: notes ("cannot check") never outrank real findings."""
    return finding if finding.severity <= severity else finding.with_severity(severity)


def _at_least(finding, severity: Severity):
    """Raise a finding's severity: a claim the gate must not let through."""
    return finding if finding.severity >= severity else finding.with_severity(severity)


def _ready(post: Post) -> bool:
    return post.status not in INACTIVE and post.status not in IN_PROGRESS


def unapproved_but_claimed(workflow_: Workflow, post: Post) -> bool:
    """Status says approved/scheduled/published, a step is required, yet nobody approved (CC407 reports it)."""
    return post.status in CLAIMS_APPROVED and bool(workflow_.steps) and not post.approvals


def _reason(ctx, post: Post, step: Step) -> str:
    """Why the step was required, in words: every post, or the conditions that held."""
    reasons = held_conditions(ctx, post, step.when)
    if not step.when or "always" in reasons:
        return i18n.render("CC401.always", ctx.lang)
    parts = [i18n.render(f"CC401.because_{condition}", ctx.lang,
                         codes=", ".join(compliance_codes(ctx, post)) if condition == "compliance" else "")
             for condition in reasons]
    return i18n.render("CC401.because", ctx.lang, conditions=", ".join(parts))
