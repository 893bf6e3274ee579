"""Which events read from a calendar are judged as posts.

Editors import calendars that were never written for chartercheck: meetings
with no channel, Moodle courses or meeting categories where a channel
should be. Such events are not posts of the brand, so no rule judges them
(no approval, tone, platform or cadence finding); instead each file says
once how many events have no channel (CC903) and each channel the charter
does not declare is reported once, with how many events name it and how to
map it (CC902). Nothing is dropped silently: those findings count them.

A post naming a declared channel and an unknown one is judged on the
declared channel only.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import Iterable, Optional

from ..model import Post
from ..readers.base import InputProblem

#: Ids named in a summarised finding; the JSON report lists every event.
FIRST_IDS = 3


def judged_posts(posts: Iterable[Post], declared: Iterable[str]) -> list[Post]:
    """The posts rules judge: those naming at least one ``declared`` channel,
    narrowed to their declared channels. With no declared channel at all (a
    charter that lists none), every post with a channel is judged."""
    known = frozenset(declared)
    judged = []
    for post in posts:
        if not post.channels:
            continue
        if known:
            kept = tuple(c for c in post.channels if c in known)
            if not kept:
                continue
            if len(kept) != len(post.channels):
                post = replace(post, channels=kept)
        judged.append(post)
    return judged


#: Ids longer than this are shortened in lists (Outlook UIDs run past 100 characters).
LONG_ID = 32


def short_id(post_id: str) -> str:
    """``post_id``, or its first and last characters around ``…`` when it is
    too long to list (enough to find it in the file; JSON gives it whole)."""
    return post_id if len(post_id) <= LONG_ID else f"{post_id[:12]}…{post_id[-8:]}"


def list_ids(ids: Iterable[str]) -> str:
    """``a, b, c`` (the first :data:`FIRST_IDS` distinct ids, shortened), with ``…`` when there are more."""
    distinct = list(dict.fromkeys(ids))
    text = ", ".join(short_id(i) for i in distinct[:FIRST_IDS])
    return text + (", …" if len(distinct) > FIRST_IDS else "")


def first_ids(posts: list[Post]) -> str:
    """:func:`list_ids` of ``posts``."""
    return list_ids(p.id for p in posts)


def unknown_channel_problems(posts: Iterable[Post], declared: Iterable[str]) -> list[InputProblem]:
    """One CC902 per channel the charter does not declare (none when it declares no channel)."""
    known = list(declared)
    if not known:
        return []
    naming: dict[str, list[Post]] = {}
    for post in posts:
        for channel in dict.fromkeys(post.channels):
            if channel not in known:
                naming.setdefault(channel, []).append(post)
    problems = []
    for channel, events in naming.items():
        close = difflib.get_close_matches(channel, known, n=1)
        first = events[0]
        problems.append(InputProblem(
            "CC902", first.source.path, first.line_of("channel"), None, channel, None, "channel",
            message="message" if close else "no_match",
            params={"channel": channel, "suggestion": close[0] if close else "", "known": ", ".join(known),
                    "count": len(events), "ids": first_ids(events), "yaml_key": yaml_key(channel),
                    "example": close[0] if close else known[0]},
            key=channel))
    return problems


def yaml_key(name: str) -> str:
    """``name`` as it must be written as a YAML mapping key: bare when plain,
    else double-quoted (a category such as ``meeting, john``)."""
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def missing_channel_problems(problems: list[InputProblem]) -> list[InputProblem]:
    """``problems`` with the readers' one-per-event CC903 replaced by one per file
    (how many events, the first ids), placed where the file's first one was."""
    per_file: dict[str, list[InputProblem]] = {}
    kept = []
    for problem in problems:
        if problem.code == "CC903":
            per_file.setdefault(problem.path, []).append(problem)
        else:
            kept.append(problem)
    for path, found in per_file.items():
        shown = list_ids(p.post_id for p in found if p.post_id is not None)
        kept.append(InputProblem("CC903", path, _first_line(found), None, None, None, "channel",
                                 params={"count": len(found), "ids": shown or "-"}, key="missing-channel"))
    return kept


def _first_line(problems: list[InputProblem]) -> Optional[int]:
    lines = [p.line for p in problems if p.line]
    return min(lines) if lines else None
