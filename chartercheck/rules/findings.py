"""How a rule's finding is made, and kept small: the rule context's :meth:`.RuleContext.finding`.

Findings live until the report is written, hundreds of thousands on a dense
year, and repeat themselves: the same sentences ("matches none of the
pillars..."), the same local times and locations, met close together (a post's
findings come one rule after the other).  So a finding keeps its texts'
catalogue ids and parameters, written when a format reads them (see
:mod:`..i18n.deferred`), and equal parts met recently are stored once.
"""
from __future__ import annotations

from datetime import datetime
from typing import Optional

from .. import i18n
from ..i18n.deferred import Texts
from ..model import Finding, Location, Post, Severity
from .registry import RuleSpec
from .timely_hints import timely_hint

_MISSING = object()
#: parameter types a finding copies (as a tuple, written alike) before its texts are written
_MUTABLE_SEQUENCES = (list, set)
#: Recent finding texts, local times and locations shared between findings.
SHARED_FINDING_PARTS = 32_768


class FindingMaker:
    """Makes the findings of one run's rules (see the module docstring)."""

    __slots__ = ("context", "_shared", "_shared_times", "_deferred_texts", "_hint_ids")

    def __init__(self, context) -> None:
        self.context = context
        # Findings repeat the same sentences, local times and locations: recent ones are kept once.
        self._shared = _Recent(SHARED_FINDING_PARTS)
        # Local times apart: the places and texts above fill their table ten
        # times faster than findings meet new instants.
        self._shared_times = _Recent(SHARED_FINDING_PARTS)
        # Findings' texts, written when read (after the run: not emptied by release()),
        # equal ones kept once.
        self._deferred_texts = Texts(context.lang, context.with_year, _Recent(SHARED_FINDING_PARTS),
                                     _Recent(SHARED_FINDING_PARTS))
        self._hint_ids: dict[tuple, Optional[str]] = {}  # (code, hint) → catalogue id, if there is one

    def make(self, spec: RuleSpec, severity: Severity, post: Optional[Post], message: str, hint: Optional[str],
             channel: Optional[str], at: Optional[datetime], field: Optional[str], key: str, path: Optional[str],
             line: Optional[int], params: dict) -> Finding:
        """A finding of rule ``spec`` at ``severity``: see :meth:`.RuleContext.finding`."""
        channel = channel or (post.channels[0] if post is not None and post.channels else None)
        params.setdefault("channel", channel or "")
        # Texts are written when a formatter reads them, not here: a run that
        # ends in a count or a summary formats none of its findings' sentences;
        # equal ones written close together are kept once (self._deferred_texts).
        # A list or set a rule keeps using must not change the text meanwhile.
        # Equal texts a finding keeps (lists of steps, joined names) are kept once.
        shared = self._shared
        for name, value in params.items():
            kind = type(value)
            if kind is str:
                params[name] = shared.get(value)
            elif kind in _MUTABLE_SEQUENCES:
                params[name] = tuple(value)
        code = spec.code
        context = self.context
        if hint and context.now is not None:
            hint = timely_hint(code, hint, at or (post.at if post is not None else None), params,
                               context.now, context.today)
        hint_id = None
        if hint:
            hint_id = self._hint_ids.get((code, hint), _MISSING)
            if hint_id is _MISSING:
                hint_id = f"{code}.{hint}"
                hint_id = self._hint_ids[(code, hint)] = hint_id if i18n.has_message(hint_id) else None
        texts = self._deferred_texts.defer(code, message, hint_id, params)
        # Findings live until the report is written (hundreds of thousands on a
        # dense year): an equal local time or location met recently (the same
        # post checked by the next rule) is stored once, and looked up by its
        # members before a new Location is made.
        if post is not None:
            moment = at or post.at
            place = (path or post.source.path, line or post.line_of(field), post.id,
                     channel or (post.channels[0] if post.channels else None), moment, field)
        else:
            moment = at
            place = (path or context.default_path, line, None, channel, at, field)
        location = shared.find(place)
        if location is None:
            local = None if moment is None else self._local_time(moment)
            location = shared.put(place, Location(*place[:4], local, field))
        return Finding(code, spec.name, severity, texts, location, texts if hint_id else None,
                       shared.get(key) if key else key)

    def _local_time(self, moment: datetime) -> datetime:
        """:meth:`local`, shared when the same instant was asked recently
        (equal instants give equal wall times)."""
        found = self._shared_times.find(moment)
        if found is None:
            found = self._shared_times.put(moment, self.context.local(moment))
        return found

    def release(self) -> None:
        """Forget the parts shared so far (the rules have run; the texts' own tables stay)."""
        self._shared = _Recent(SHARED_FINDING_PARTS)
        self._shared_times = _Recent(SHARED_FINDING_PARTS)


class _Recent:
    """Values seen lately, to hand out one object for equal values.

    Emptied when full rather than kept for the run: sharing pays because a
    post's findings (and the same sentences) come close together, and a
    table of every value would cost about what it saves.
    """

    __slots__ = ("items", "limit")

    def __init__(self, limit: int):
        self.items: dict = {}
        self.limit = limit

    def get(self, value):
        """``value``, or the equal one seen recently."""
        found = self.items.get(value)
        return found if found is not None else self.put(value, value)

    def find(self, key):
        return self.items.get(key)

    def put(self, key, value):
        if len(self.items) >= self.limit:
            self.items = {}
        self.items[key] = value
        return value
