"""The same finding on many posts, listed once by the formats people read.

A meeting series with hundreds of events, or a calendar exported with an
unknown time zone, gives the same sentence on every post. ``text`` and
``markdown`` list such a finding once, with how many posts it concerns and
the first of them; ``--verbose`` lists every one, and JSON and SARIF always
do (they are read by programs).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Union

from ..model import Finding

#: The same finding on at least this many posts is listed once.
REPEAT_MIN = 4
#: Posts named in a repeated finding's entry.
FIRST_SHOWN = 3


@dataclass(frozen=True)
class Repeated:
    """One finding (``first``) that every finding of ``findings`` repeats, each on its own post."""

    findings: tuple[Finding, ...]

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def paths(self) -> list[str]:
        """The files concerned, in order of appearance."""
        return list(dict.fromkeys(f.location.path or "" for f in self.findings))


def _sameness(finding: Finding) -> tuple:
    return (finding.code, finding.severity, finding.message, finding.hint)


def collapse(findings: Iterable[Finding], minimum: int = REPEAT_MIN) -> list[Union[Finding, Repeated]]:
    """``findings`` in their order, those repeated on ``minimum`` posts or more
    gathered into one :class:`Repeated` where the first of them stood.

    Only findings about posts are gathered (a calendar-wide finding names its
    own moment); an occurrence of a recurring event counts as a post.
    ``minimum`` counts findings: the same sentence twice on one post (on two
    of its channels) counts twice.
    """
    findings = list(findings)
    # Findings of one kind counted, not their posts kept: a dense year has hundreds of
    # thousands. The engine already dropped exact repeats (same code, place and message).
    per_kind: Counter = Counter(_sameness(f) for f in findings if f.location.post_id is not None)
    repeated = {kind for kind, count in per_kind.items() if count >= minimum}
    del per_kind
    if not repeated:
        return findings
    gathered: dict[tuple, list[Finding]] = {}
    out: list = []
    for finding in findings:
        kind = _sameness(finding)
        if finding.location.post_id is None or kind not in repeated:
            out.append(finding)
            continue
        if kind not in gathered:
            gathered[kind] = []
            out.append(kind)  # placeholder: the entry stands where its first finding stood
        gathered[kind].append(finding)
    return [Repeated(tuple(gathered[item])) if isinstance(item, tuple) else item for item in out]
