"""The loaded charter: checked, merged data with convenient, read-only accessors."""
from __future__ import annotations

from typing import Any, Optional
from zoneinfo import ZoneInfo

from .. import timeutil
from ..model import Severity

#: Family names accepted in ``rules:`` besides code prefixes like ``CC1``.
FAMILIES = {"cadence": "CC1", "tone": "CC2", "positioning": "CC3", "approval": "CC4",
            "platform": "CC5", "compliance": "CC6", "charter": "CC8", "input": "CC9"}


_UNSET = object()


class Charter:
    """A charter ready for rules. Build with :func:`chartercheck.load_charter`.

    ``data`` holds converted values (durations as ``timedelta``, times as
    ``time``, day sets as frozensets of weekday numbers). Rules read it through
    :meth:`get` with a dotted key, or through the typed helpers below.
    """

    def __init__(self, data: dict, name: str, lines: Optional[dict] = None):
        self.data = data
        self._lookups: dict[str, Any] = {}
        self.name = name
        self.lines = lines or {}
        self.tz: ZoneInfo = timeutil.load_zone(self.get("brand.timezone", "UTC"))
        self.channels: dict[str, dict] = self._resolve_channels()

    @classmethod
    def build(cls, data: dict, name: str, lines: Optional[dict] = None) -> "Charter":
        """A charter from checked data, after the cross-key checks the schema cannot express
        (raises :class:`~chartercheck.errors.CharterError` listing every problem)."""
        from .consistency import check_consistency
        charter = cls(data, name, lines)
        check_consistency(charter)
        return charter

    @property
    def is_embedded(self) -> bool:
        return self.name.startswith("embedded:")

    def get(self, dotted: str, default: Any = None) -> Any:
        """``charter.get("cadence.moderation.min_coverage")``; ``default`` when absent."""
        # Rules ask the same keys for every post: remember each lookup (the
        # charter does not change once built).
        node = self._lookups.get(dotted, _UNSET)
        if node is _UNSET:
            node = self.data
            for part in dotted.split("."):
                if not isinstance(node, dict) or part not in node:
                    node = None
                    break
                node = node[part]
            self._lookups[dotted] = node
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

    def find_member(self, who: Optional[str]) -> Optional[dict]:
        """The team member called ``who`` by id, e-mail or name (any case; ``mailto:`` ignored).

        Calendars name people the way their tool does (an ICS attendee is an
        e-mail, a CSV cell a first name), so all three identities are accepted.
        """
        if not who:
            return None
        index = self.__dict__.get("_member_index")
        if index is None:
            index = {}
            for member in self.get("team.members", []):
                for ident in (member.get("id"), member.get("email"), member.get("name")):
                    if ident:
                        index.setdefault(str(ident).strip().casefold(), member)
            self.__dict__["_member_index"] = index
        key = str(who).strip()
        if key.lower().startswith("mailto:"):
            key = key[len("mailto:"):]
        return index.get(key.casefold())

    def role_holders(self, role: str) -> list[dict]:
        """Members holding ``role``, in the charter's order."""
        return [m for m in self.get("team.members", []) if role in (m.get("roles") or ())]

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
