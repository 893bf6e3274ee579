"""Turn one calendar entry's raw fields into a :class:`~chartercheck.model.Post`.

YAML and CSV readers (and the ICS reader for what it shares) hand this module
a dict of canonical field names to raw values; everything format-independent
— time parsing and DST checks, channels, statuses, approvals, ignores — is
decided here once, so the three formats give the same posts.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any, Iterable, Optional

from .. import timeutil
from ..model import STATUSES, Approval, Post, Source
from .base import InputProblem, ReadOptions

#: Canonical post fields every format maps onto.
POST_FIELDS = ("id", "channel", "channels", "at", "text", "title", "pillar", "objective", "author",
               "status", "sponsored", "updated_at", "approvals", "media", "link", "ignore", "images")
_TRUE = {"true", "yes", "y", "1", "oui", "vrai", "x"}
_FALSE = {"false", "no", "n", "0", "non", "faux", ""}
_LIST_SPLIT = re.compile(r"\s*[;|,]\s*")
#: Field names as constants, so the names in field layouts are not a copy per post.
_FIELD_NAMES = {name: name for name in POST_FIELDS}
_NO_IGNORE: frozenset = frozenset()
#: Longest value of a field other than the text (characters); a longer one is cut (CC917).
MAX_FIELD_CHARS = 1_000


def _too_long(value: Any) -> bool:
    if isinstance(value, str):
        return len(value) > MAX_FIELD_CHARS
    if isinstance(value, (list, tuple)):
        return any(isinstance(item, str) and len(item) > MAX_FIELD_CHARS for item in value)
    return False


class EntryReader:
    """Builds posts for one file, collecting problems with file and line."""

    def __init__(self, path: str, options: ReadOptions, problems: list[InputProblem]):
        self.path = path
        self.options = options
        self.problems = problems
        # Values that repeat from post to post (authors, pillars, channel
        # tuples, field layouts) are kept once per file: a big calendar
        # otherwise holds a hundred thousand copies of "conseils".
        self._shared: dict = {}

    def share(self, value):
        """``value``, or an equal one already kept for an earlier post."""
        return self._shared.setdefault(value, value)

    def problem(self, code: str, line: Optional[int], post_id: Optional[str] = None, *,
                message: str = "message", field: Optional[str] = None, at: Optional[datetime] = None,
                channel: Optional[str] = None, key: str = "", **params) -> None:
        self.problems.append(InputProblem(code, self.path, line, post_id, channel, at, field,
                                          message, params, key))

    # -- individual fields --------------------------------------------------
    def parse_time(self, value: Any, line: Optional[int], post_id: Optional[str], field: str,
                   tz=None) -> Optional[datetime]:
        """A publication time; reports unreadable values and DST oddities."""
        tz = tz or self.options.tz
        if value is None or (isinstance(value, str) and not value.strip()):
            self.problem("CC908", line, post_id, message="missing", field=field, field_name=field)
            return None
        try:
            reading = timeutil.parse_datetime(value, tz)
        except ValueError:
            self.problem("CC908", line, post_id, field=field, value=str(value), field_name=field)
            return None
        if reading.date_only and field == "at":
            self.problem("CC906", line, post_id, field=field, at=reading.at, value=str(value))
            return None
        if reading.nonexistent:
            self.problem("CC910", line, post_id, field=field, at=reading.at, value=str(value),
                         read_as=reading.at.strftime("%H:%M %Z"), zone=str(tz))
        elif reading.ambiguous:
            self.problem("CC911", line, post_id, field=field, at=reading.at, value=str(value),
                         read_as=reading.at.strftime("%H:%M %Z"), zone=str(tz))
        return reading.at.astimezone(timezone.utc)

    def parse_optional_time(self, value, line, post_id, field) -> Optional[datetime]:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return self.parse_time(value, line, post_id, field)

    def channels(self, value: Any) -> tuple[str, ...]:
        """``"instagram, facebook"`` or a list → ids, mapped through ``input.channel_map``."""
        items = value if isinstance(value, (list, tuple)) else _LIST_SPLIT.split(str(value or ""))
        out = []
        for item in items:
            label = str(item).strip()
            if not label:
                continue
            mapped = self.options.channel_map.get(label.lower(), label.lower())
            if mapped not in out:
                out.append(mapped)
        return self.share(tuple(out))

    def flag(self, value: Any, line, post_id, field) -> bool:
        if isinstance(value, bool) or value is None:
            return bool(value)
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text not in _FALSE:
            self.problem("CC917", line, post_id, field=field, value=str(value), field_name=field,
                         expected="true/false")
        return False

    def status(self, value: Any, line, post_id) -> Optional[str]:
        if value is None or str(value).strip() == "":
            return None
        text = str(value).strip().lower()
        if text not in STATUSES:
            self.problem("CC917", line, post_id, field="status", value=str(value), field_name="status",
                         expected=", ".join(STATUSES))
            return None
        return STATUSES[STATUSES.index(text)]  # the constant, not a copy per post

    def approvals(self, value: Any, line, post_id) -> tuple[Approval, ...]:
        """A list of ``{by, at, role}`` mappings (or bare names)."""
        if not value:
            return ()
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            if isinstance(item, dict):
                who = str(item.get("by") or "").strip()
                if not who:
                    self.problem("CC917", line, post_id, field="approvals", value=str(dict(item)),
                                 field_name="approvals", expected="{by: NAME, at: DATE TIME}")
                    continue
                at = self.parse_optional_time(item.get("at"), line, post_id, "approvals")
                role = item.get("role")
                out.append(Approval(who, at, str(role) if role else None))
            else:
                out.append(Approval(str(item).strip()))
        return tuple(out)

    @staticmethod
    def str_list(value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        items = value if isinstance(value, (list, tuple)) else _LIST_SPLIT.split(str(value))
        return tuple(str(i).strip() for i in items if str(i).strip())

    def _shortened(self, fields: dict, line: Optional[int], default_id: str) -> dict:
        """``fields`` with every value but the text cut to :data:`MAX_FIELD_CHARS` (CC917 says so):
        ids, channels and names are repeated in every message about the post, so a huge one would
        make the report many times the size of the file."""
        long = [name for name, value in fields.items() if name != "text" and _too_long(value)]
        if not long:
            return fields
        fields = dict(fields)
        post_id = str(fields.get("id") or default_id).strip()[:MAX_FIELD_CHARS]
        for name in long:
            value = fields[name]
            values = value if isinstance(value, (list, tuple)) else [value]
            length = max(len(v) for v in values if isinstance(v, str))
            self.problem("CC917", line, post_id, message="too_long", field=name, field_name=name,
                         length=f"{length:,}", limit=f"{MAX_FIELD_CHARS:,}", key=f"too_long-{name}")
            fields[name] = ([v[:MAX_FIELD_CHARS] if isinstance(v, str) else v for v in value]
                            if isinstance(value, (list, tuple)) else value[:MAX_FIELD_CHARS])
        return fields

    # -- the whole entry ----------------------------------------------------
    def build(self, fields: dict, line: Optional[int], default_id: str,
              field_lines: Iterable[tuple[str, int]] = (), uid: Optional[str] = None,
              tz=None) -> Optional[Post]:
        """A post from canonical ``fields``, or None (reported) when it cannot be placed in time."""
        fields = self._shortened(fields, line, default_id)
        post_id = str(fields.get("id") or default_id).strip()
        channel_value = fields.get("channels") if fields.get("channels") is not None else fields.get("channel")
        channels = self.channels(channel_value)
        at = self.parse_time(fields.get("at"), line, post_id, "at", tz)
        if at is None:
            return None
        # Stored in UTC: Python subtracts two datetimes sharing a tzinfo by wall
        # clock, which is an hour off across a DST change. Rules convert to the
        # brand's zone (ctx.local) only for days and clock times.
        at = at.astimezone(timezone.utc)
        if not channels:
            self.problem("CC903", line, post_id, field="channel", at=at)
        text = fields.get("text")
        # A CSV reader's cut cell (LongCell) knows the whole length.
        length = getattr(text, "full_length", None)
        text = "" if text is None else str(text)
        length = length or len(text)
        if length > self.options.max_text_chars:
            # No platform takes a post this long, and analysing it whole costs
            # time and memory out of all proportion: its start is checked, and
            # the cut is an error, so a gate does not pass a post it saw in part.
            limit = self.options.max_text_chars
            self.problem("CC923", line, post_id, field="text", at=at, channel=channels[0] if channels else None,
                         length=f"{length:,}", limit=f"{limit:,}")
            text = text[:limit]
        if not text.strip():
            self.problem("CC909", line, post_id, field="text", at=at, channel=channels[0] if channels else None)
        extra = []
        if fields.get("images"):
            extra.append(("images", self.share(str(fields["images"]).strip().lower())))
        ignore = self.str_list(fields.get("ignore"))
        base = line or 0
        share = self.share
        return Post(
            id=post_id, channels=channels, at=at, text=text,
            title=_opt_str(fields.get("title")), pillar=share(_opt_str(fields.get("pillar"))),
            objective=share(_opt_str(fields.get("objective"))), author=share(_opt_str(fields.get("author"))),
            status=self.status(fields.get("status"), line, post_id),
            sponsored=self.flag(fields.get("sponsored"), line, post_id, "sponsored"),
            updated_at=self.parse_optional_time(fields.get("updated_at"), line, post_id, "updated_at"),
            approvals=self.approvals(fields.get("approvals"), line, post_id),
            media=self.str_list(fields.get("media")), link=_opt_str(fields.get("link")),
            ignore=share(frozenset(s.upper() if s.upper().startswith("CC") else s for s in ignore))
            if ignore else _NO_IGNORE,
            source=Source(self.path, line, uid),
            field_offsets=share(tuple((_FIELD_NAMES.get(name, name), field_line - base)
                                      for name, field_line in field_lines)),
            extra=tuple(extra),
        )


def _opt_str(value: Any) -> Optional[str]:
    if value is None:
        return None
    text = str(value).strip()
    return text or None
