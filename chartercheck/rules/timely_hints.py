"""Hints never send the user back in time.

Linting last week (or an old calendar) without ``--now`` must not say "move
it to Thu 26 Nov 08:00" on 5 December, nor "plan a post around Tue 15 Dec"
of 2015. A hint that names a moment before now, or a scheduling hint about a
post or moment already past (a published post is not told to move), is
replaced by its ``<hint>_past`` catalogue variant (advice for the weeks to
come, or on the charter) or dropped when there is none. ``chartercheck fix``
makes the same choice: it only proposes moments after now.
"""
from __future__ import annotations

import string
from datetime import date, datetime
from typing import Optional

from .. import i18n

#: message id → names of the parameters its English text uses
_TEMPLATE_FIELDS: dict[str, tuple[str, ...]] = {}


def moments_named(msgid: str, params: dict) -> list:
    """The dates and times among ``params`` that the text of ``msgid`` writes out."""
    fields = _TEMPLATE_FIELDS.get(msgid)
    if fields is None:
        template = (i18n.catalogue().get(msgid) or {}).get("en", "")
        fields = _TEMPLATE_FIELDS[msgid] = tuple(
            name for _, name, _, _ in string.Formatter().parse(template) if name)
    return [params[name] for name in fields if isinstance(params.get(name), (date, datetime))]


def timely_hint(code: str, hint: str, moment: Optional[datetime], params: dict, now: datetime,
                today: date) -> Optional[str]:
    """``hint`` (a catalogue entry under ``code``), its ``_past`` variant, or None.

    A hint is about timing when its rule is a cadence rule (CC1xx) or its text
    names a moment; such a hint is out of date when ``moment`` (the post's
    time, or the calendar finding's) is before ``now``, or when a moment it
    names is (a day before ``today``, the brand's local date of ``now``).
    """
    named = moments_named(f"{code}.{hint}", params)
    if not (code.startswith("CC1") or named):
        return hint
    past = moment is not None and moment < now
    past = past or any(value < (now if isinstance(value, datetime) else today) for value in named)
    if not past:
        return hint
    variant = f"{hint}_past"
    return variant if i18n.has_message(f"{code}.{variant}") else None
