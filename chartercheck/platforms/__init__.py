"""The platform table: what each network accepts, and how it counts.

The figures live in ``platforms.yaml`` beside this module, each with its source
and the date it was checked, so updating a limit is a data change. A channel's
effective limits are the table's for its platform, under the charter's own
overrides (``channels.<id>.max_length``, ``max_hashtags``, ``max_mentions``, or
the same keys under ``platforms.<name>``)::

    limits = channel_limits(charter.channel("x"))
    measure(post.text, limits.counting, limits.max_length).length

A limit that is ``None`` is unknown or absent: the rule checking it stays silent.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

import yaml

from .counting import COUNTINGS, TextLength, grapheme_count, measure, x_weighted_length

__all__ = ["Platform", "ChannelLimits", "platform_table", "get_platform", "channel_limits",
           "measure", "grapheme_count", "x_weighted_length", "TextLength", "COUNTINGS"]


@dataclass(frozen=True)
class Platform:
    """One network's published limits (``None``: no limit known)."""

    name: str
    label: str = ""
    text_limit: Optional[int] = None
    counting: str = "graphemes"
    title_limit: Optional[int] = None
    max_hashtags: Optional[int] = None
    max_mentions: Optional[int] = None
    links_clickable: bool = True
    media_required: bool = False
    max_media: Optional[int] = None


@dataclass(frozen=True)
class ChannelLimits:
    """What applies to one channel: its platform's limits under the charter's overrides."""

    platform: str
    label: str
    max_length: Optional[int]
    counting: str
    max_title: Optional[int]
    max_hashtags: Optional[int]
    max_mentions: Optional[int]
    links_clickable: bool
    media_required: bool
    max_media: Optional[int]


def _optional_int(entry: dict, key: str, name: str) -> Optional[int]:
    value = entry.get(key)
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        raise ValueError(f"platforms.yaml: {name}.{key} must be a non-negative integer, not {value!r}")
    return value


def _platform(name: str, entry: dict) -> Platform:
    text = entry.get("text") or {}
    media = entry.get("media") or {}
    counting = text.get("counting", "graphemes")
    if counting not in COUNTINGS:
        raise ValueError(f"platforms.yaml: {name}.text.counting is {counting!r}, "
                         f"expected one of {', '.join(COUNTINGS)}")
    return Platform(
        name=name,
        label=str(entry.get("label") or name),
        text_limit=_optional_int(text, "limit", name),
        counting=counting,
        title_limit=_optional_int(entry, "title", name),
        max_hashtags=_optional_int(entry, "hashtags", name),
        max_mentions=_optional_int(entry, "mentions", name),
        links_clickable=bool(entry.get("links_clickable", True)),
        media_required=bool(media.get("required", False)),
        max_media=_optional_int(media, "max_items", name),
    )


@lru_cache(maxsize=None)
def platform_table() -> dict[str, Platform]:
    """Every platform of ``platforms.yaml`` by name (read once)."""
    text = resources.files(__name__).joinpath("platforms.yaml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    return {name: _platform(name, entry or {}) for name, entry in sorted(data.items())}


def get_platform(name: Optional[str]) -> Platform:
    """The table's entry for ``name``; a platform without one (blog, other) has no limits."""
    return platform_table().get(name or "", Platform(name or "other", name or "other"))


def channel_limits(settings: dict) -> ChannelLimits:
    """Effective limits of a channel from its resolved charter settings."""
    platform = get_platform(settings.get("platform"))
    return ChannelLimits(
        platform=platform.name,
        label=platform.label,
        max_length=settings.get("max_length", platform.text_limit),
        counting=platform.counting,
        max_title=platform.title_limit,
        max_hashtags=settings.get("max_hashtags", platform.max_hashtags),
        max_mentions=settings.get("max_mentions", platform.max_mentions),
        links_clickable=platform.links_clickable,
        media_required=platform.media_required,
        max_media=platform.max_media,
    )
