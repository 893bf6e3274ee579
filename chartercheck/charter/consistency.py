"""Checks across charter keys that the schema table cannot express.

The schema checks each value on its own (a duration, a known platform...).
Some mistakes only show when two keys are read together: a rendez-vous on a
channel the charter does not declare, two members with the same id, a pillar
nobody could ever match. Left alone they would make rules silently wrong (a
rendez-vous never checked, an approval credited to the wrong person), so they
are errors, raised together with file and line like every other charter error.

Matters of judgement about a *valid* charter (every objective primary, too
many channels for the team) are not errors: they are the CC8xx rules.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..i18n import Term
from ..errors import CharterError, Problem

if TYPE_CHECKING:  # pragma: no cover
    from .model import Charter


def check_consistency(charter: "Charter") -> None:
    """Raise :class:`CharterError` with every cross-key problem of ``charter``."""
    problems: list[Problem] = []
    for check in (_rendezvous_channels, _pillars, _members, _objectives, _steps):
        problems.extend(check(charter))
    if problems:
        raise CharterError(problems)


def _problem(charter: "Charter", key: str, message: str, hint: str | None = None,
             msgid: str | None = None, hint_id: str | None = None, **params) -> Problem:
    path, line = charter.locate(key)
    hint_params = tuple({"_id": hint_id, **params}.items()) if hint_id else ()
    return Problem(path, line, message, key=key, hint=hint, msgid=msgid, params=tuple(params.items()),
                   hint_params=hint_params)


def _rendezvous_channels(charter):
    declared = list(charter.channels)
    if not declared:  # like calendars, rendez-vous are only checked against declared channels
        return
    for index, meeting in enumerate(charter.get("cadence.rendezvous", [])):
        channel = meeting.get("channel")
        if channel not in charter.channels:
            yield _problem(charter, f"cadence.rendezvous[{index}].channel",
                           f"rendez-vous {meeting.get('name')!r} is on channel {channel!r}, "
                           "which channels: does not declare",
                           hint="declared channels: " + ", ".join(declared), msgid="error.rendezvous_channel",
                           name=repr(meeting.get("name")), channel=repr(channel), declared=", ".join(declared))


def _pillars(charter):
    pillars = charter.get("positioning.pillars", [])
    for index, pillar in enumerate(pillars):
        keywords = [k for k in pillar.get("keywords") or () if str(k).strip()]
        if not keywords:
            yield _problem(charter, f"positioning.pillars[{index}]",
                           f"pillar {pillar.get('id')!r} has no keywords, so no post can ever match it",
                           hint="list the words that show a post belongs to this pillar under 'keywords:'",
                           msgid="error.pillar_keywords", pillar=repr(pillar.get("id")))
    yield from _duplicates(charter, "positioning.pillars", [p.get("id") for p in pillars], "pillar id")


def _members(charter):
    members = charter.get("team.members", [])
    yield from _duplicates(charter, "team.members", [m.get("id") for m in members], "member id",
                           hint="each member needs a unique id: approvals are matched to it",
                           hint_id="error.duplicate_member_id_hint")
    emails = [str(m["email"]).strip().casefold() if m.get("email") else None for m in members]
    yield from _duplicates(charter, "team.members", emails, "member e-mail", field="email",
                           hint="an e-mail identifies one person: calendar attendees are matched to it",
                           hint_id="error.duplicate_member_email_hint")


def _objectives(charter):
    objectives = charter.get("strategy.objectives", [])
    yield from _duplicates(charter, "strategy.objectives", [o.get("id") for o in objectives], "objective id")


def _steps(charter):
    for index, step in enumerate(charter.get("approval.steps", [])):
        when = step.get("when")
        if when is None:
            continue
        key = f"approval.steps[{index}].when"
        if not when:
            yield _problem(charter, key, f"approval step {index + 1} ({step.get('role')}) has an empty 'when:' list, "
                                         "so it would never apply",
                           hint="remove 'when:' for a step every post needs, or name conditions: "
                                "commercial, claims, sponsored, compliance, always",
                           msgid="error.when_empty", step=index + 1, role=str(step.get("role")))
            continue
        repeated = sorted(c for c, n in Counter(when).items() if n > 1)
        if repeated:
            yield _problem(charter, key, f"approval step {index + 1} ({step.get('role')}) repeats "
                                         f"{', '.join(repeated)} in 'when:'", hint="name each condition once",
                           msgid="error.when_repeated", step=index + 1, role=str(step.get("role")),
                           repeated=", ".join(repeated))
        if "always" in when and len(set(when)) > 1:
            yield _problem(charter, key, f"approval step {index + 1} ({step.get('role')}) says 'always' "
                                         "and other conditions: which one is meant?",
                           hint="keep 'always' alone (or drop 'when:'), or list only the conditions",
                           msgid="error.when_always", step=index + 1, role=str(step.get("role")))


def _duplicates(charter, list_key: str, values: list, what: str, field: str = "id", hint: str | None = None,
                hint_id: str = "error.duplicate_entry_hint"):
    """One problem per repeated value, pointing at its second occurrence."""
    first_index: dict = {}
    for index, value in enumerate(values):
        if value is None:
            continue
        if value in first_index:
            _, first_line = charter.locate(f"{list_key}[{first_index[value]}]")
            where = f" (first at line {first_line})" if first_line else ""
            yield _problem(charter, f"{list_key}[{index}].{field}",
                           f"duplicate {what} {value!r}{where}", hint=hint or f"give each {what} once",
                           msgid="error.duplicate_entry", hint_id=hint_id, what=Term(what), value=repr(value),
                           line=first_line or "?")
        else:
            first_index[value] = index
