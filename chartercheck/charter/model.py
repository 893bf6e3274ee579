"""The loaded charter: checked, merged data with convenient, read-only accessors."""
from __future__ import annotations

from typing import Any, Optional
from zoneinfo import ZoneInfo

from .. import timeutil
from ..model import Severity

#: Family names accepted in ``rules:`` besides code prefixes like ``CC1``.
FAMILIES = {"cadence": "CC1", "tone": "CC2", "positioning": "CC3", "approval": "CC4",
            "platform": "CC5", "compliance": "CC6", "charter": "CC8", "input": "CC9"}


class Charter:
    """A charter ready for rules. Build with :func:`chartercheck.load_charter`.

    ``data`` holds converted values (durations as ``timedelta``, times as
    ``time``, day sets as frozensets of weekday numbers). Rules read it through
    :meth:`get` with a dotted key, or through the typed helpers below.
    """

    def __init__(self, data: dict, name: str, lines: Optional[dict] = None):
        self.data = data
        self.name = name
        self.lines = lines or {}
        self.tz: ZoneInfo = timeutil.load_zone(self.get("brand.timezone", "UTC"))
        self.channels: dict[str, dict] = self._resolve_channels()

    @classmethod
    def build(cls, data: dict, name: str, lines: Optional[dict] = None) -> "Charter":
        return cls(data, name, lines)

    @property
    def is_embedded(self) -> bool:
        return self.name.startswith("embedded:")

    def get(self, dotted: str, default: Any = None) -> Any:
        """``charter.get("cadence.moderation.min_coverage")``; ``default`` when absent."""
        node: Any = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return default if node is None else node

    def locate(self, dotted: str) -> tuple[str, Optional[int]]:
        """File and line where ``dotted`` was written (or the nearest parent)."""
        key = dotted
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key.rpartition(".")[0]
        return (self.name, None)

    def _resolve_channels(self) -> dict[str, dict]:
        platforms = self.get("platforms", {})
        out = {}
        for channel_id, settings in self.get("channels", {}).items():
            platform = settings.get("platform") or channel_id
            merged = {k: v for k, v in platforms.get(platform, {}).items() if v is not None}
            merged.update({k: v for k, v in settings.items() if v is not None})
            merged["platform"] = platform
            merged.setdefault("languages", self.get("brand.languages", []))
            out[channel_id] = merged
        return out

    def channel(self, channel_id: str) -> dict:
        """Effective settings of a channel (platform defaults under its own keys)."""
        return self.channels.get(channel_id, {})

    def windows_for(self, channel_id: str) -> dict:
        """Posting windows for a channel: its own, else ``cadence.windows``."""
        return self.channel(channel_id).get("windows") or self.get("cadence.windows", {})

    def members(self) -> dict[str, dict]:
        """Team members by id."""
        return {m["id"]: m for m in self.get("team.members", [])}

    def rule_severity(self, code: str, name: str, default: Severity) -> Optional[Severity]:
        """Effective severity of a rule after ``rules:`` overrides; None means off.

        The most specific override wins: the exact code or name, then the
        longest code prefix (``CC30``, ``CC3``) or family name (``positioning``).
        """
        best: tuple[int, Any] = (-1, None)
        for key, setting in self.get("rules", {}).items():
            rank = _specificity(str(key), code, name)
            if rank > best[0]:
                best = (rank, setting)
        setting = best[1]
        if best[0] < 0 or setting is None:
            return default
        if isinstance(setting, dict):
            setting = setting.get("severity", "on")
        if setting is False or setting == "off":
            return None
        if setting is True or setting == "on":
            return default
        return Severity.parse(setting)


def _specificity(key: str, code: str, name: str) -> int:
    """How specifically ``key`` designates the rule (``-1``: not at all)."""
    if key.upper() == code or key == name:
        return 100
    prefix = FAMILIES.get(key.lower(), key.upper())
    if prefix.startswith("CC") and code.startswith(prefix.rstrip("X")):
        return len(prefix.rstrip("X"))
    if name.startswith(key + "-"):
        return 50
    return -1
