"""Channel labels as people write them: ``[IG]``, ``Instagram:``, ``FB``, ``LinkedIn``.

A label resolves to a channel id through, in order, the charter's
``input.channel_map``, the charter's own channel ids, then a few common
abbreviations — the latter only when they lead to a channel the charter
declares (or when the charter declares none), so a stray word is never taken
for a channel.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from .base import ReadOptions

#: Abbreviations and platform names seen in real plans → usual channel id.
COMMON_LABELS = {
    "ig": "instagram", "insta": "instagram", "instagram": "instagram",
    "fb": "facebook", "facebook": "facebook", "meta": "facebook",
    "li": "linkedin", "lkd": "linkedin", "linkedin": "linkedin",
    "x": "x", "tw": "x", "twitter": "x",
    "tt": "tiktok", "tiktok": "tiktok", "yt": "youtube", "youtube": "youtube",
    "bsky": "bluesky", "bluesky": "bluesky", "threads": "threads",
    "pin": "pinterest", "pinterest": "pinterest", "mastodon": "mastodon",
}

_BRACKETS = re.compile(r"^\s*\[([^\[\]]{1,40})\]\s*")
_COLON = re.compile(r"^\s*([^\W\d][\w .&+-]{0,30}?)\s*:\s+")


def resolve_label(label: str, options: ReadOptions) -> Optional[str]:
    """The channel id ``label`` names, or None when it names no known channel."""
    key = str(label).strip().lower()
    if not key:
        return None
    if key in options.channel_map:
        return str(options.channel_map[key])
    if key in options.known_channels:
        return key
    common = COMMON_LABELS.get(key)
    if common and (not options.known_channels or common in options.known_channels):
        return common
    return None


def resolve_all(labels: Iterable[str], options: ReadOptions) -> list[str]:
    """The channels among ``labels`` (order kept, no repeats)."""
    out: list[str] = []
    for label in labels:
        channel = resolve_label(label, options)
        if channel and channel not in out:
            out.append(channel)
    return out


def split_prefix(summary: str, options: ReadOptions) -> tuple[list[str], str]:
    """``"[IG][FB] Merci !"`` → (["[IG]" labels], "Merci !"); ``"Instagram: ..."`` too.

    Bracketed labels always count (an unknown one is reported later with a
    suggestion); a ``Word:`` prefix counts only when it resolves to a channel,
    so ``"Rappel: ..."`` stays a title.
    """
    labels: list[str] = []
    rest = summary
    while True:
        match = _BRACKETS.match(rest)
        if not match:
            break
        labels.append(match.group(1).strip())
        rest = rest[match.end():]
    if not labels:
        match = _COLON.match(rest)
        if match and resolve_label(match.group(1), options):
            labels.append(match.group(1).strip())
            rest = rest[match.end():]
    return labels, rest.strip()
