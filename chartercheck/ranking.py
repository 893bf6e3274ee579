"""The findings a run holds, from the rules to the report: their texts settled when memory
comes first (:func:`settle`, :func:`collect`), then ranked, repeats dropped (:func:`rank`).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import islice
from typing import Iterable

from .model import Finding


def day_of(finding: Finding) -> float:
    """The UTC day (days since 1970) of the finding's moment; -inf when it has none."""
    at = finding.location.at
    return at.timestamp() // 86400 if at else float("-inf")


def rank(by_day: dict[float, list[Finding]]) -> list[Finding]:
    """Findings without repeats, in :meth:`Finding.sort_key` order.

    ``by_day`` holds each UTC day's findings in the order the rules gave
    them. The same (code, location, message) twice — a multi-channel post
    may trip the same check twice — keeps the first; repeats share a
    location, hence a day. The order is exactly one sort of everything by
    ``sort_key`` (severity, then time...: day groups taken in key order are
    contiguous, and sorting is stable), but only one group's de-duplication
    set and sort keys exist at a time: on a dense year of 477,000 findings
    the whole set and all the keys took over 100 MB at once.

    Messages are written only where they decide: when two findings of the
    same code share a location (a repeat, or not), or when they tie on every
    other member of the sort key (see :func:`sorted_findings`).
    """
    groups: dict[tuple, list[Finding]] = defaultdict(list)
    for day in list(by_day):
        seen: dict[tuple, list[Finding]] = {}
        for finding in by_day.pop(day):
            place = (finding.code, finding.location)
            earlier = seen.get(place)
            if earlier is None:
                seen[place] = [finding]
            elif any(other.message == finding.message for other in earlier):
                continue
            else:
                earlier.append(finding)
            groups[(-int(finding.severity), day)].append(finding)
    ranked = []
    for group in sorted(groups):
        ranked.extend(sorted_findings(groups.pop(group)))
    return ranked


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """``findings`` in :meth:`Finding.sort_key` order, by :meth:`Finding.order_key`
    then, only within runs of equal keys, by message: the same order (both
    sorts are stable), without writing every message to compare them."""
    keyed = sorted(((finding.order_key(), finding) for finding in findings), key=_first)
    out = []
    start, count = 0, len(keyed)
    while start < count:
        end = start + 1
        key = keyed[start][0]
        while end < count and keyed[end][0] == key:
            end += 1
        if end - start == 1:
            out.append(keyed[start][1])
        else:
            out.extend(sorted((pair[1] for pair in keyed[start:end]), key=_message))
        start = end
    return out


#: Findings held beyond which new ones have their texts written as they come (see :func:`settle`).
SETTLE_AFTER = 100_000


def settle(findings: list[Finding], since: int) -> None:
    """Write the texts of ``findings[since:]`` now when the run holds more than :data:`SETTLE_AFTER`,
    and those of every earlier finding the first time it does (``since`` not past it yet).

    A finding waits to write its sentences until a format reads them, so a run
    that ends in a count writes none. But waiting holds its parameters (times,
    durations, lists), and on a dense year of ~470,000 findings they weigh
    more than the sentences, whose equal copies are kept once: past that many
    findings, memory comes first (about 20 MB less at 100,000 iCalendar events),
    for the findings already held too (their parameters' memory then goes to
    the findings that follow: about 9 MB less).
    """
    if len(findings) > SETTLE_AFTER:
        for finding in findings[since if since > SETTLE_AFTER else 0:]:
            finding.message  # written and kept in place of its parameters
            finding.hint


#: Findings of one calendar rule gathered before :func:`settle` writes their texts (see :func:`collect`).
SETTLE_CHUNK = 5_000


def collect(findings: list[Finding], found: Iterable[Finding]) -> None:
    """Add a calendar rule's findings to ``findings``, settling them every :data:`SETTLE_CHUNK`.

    One calendar rule can give a hundred thousand findings (minimum gaps on a
    dense year). Settled only at its end, each would hold its parameters
    (times, durations) until then: memory that the settled findings' sentences
    and the next rules' findings, of other sizes, cannot reuse (about 5 MB more
    at the peak of 100,000 iCalendar events).
    """
    found = iter(found)
    while True:
        since = len(findings)
        findings.extend(islice(found, SETTLE_CHUNK))
        settle(findings, since)
        if len(findings) - since < SETTLE_CHUNK:
            return


def _first(pair: tuple):
    return pair[0]


def _message(finding: Finding) -> str:
    return finding.message
