"""Shared shapes of the calendar readers: what they get and what they return."""
from __future__ import annotations

from dataclasses import dataclass, field as dc_field
from datetime import datetime
from typing import Any, Optional
from zoneinfo import ZoneInfo

from ..model import Post


@dataclass(frozen=True)
class CalendarSource:
    """One calendar to read: a display path and its raw bytes."""

    path: str
    data: bytes
    format: Optional[str] = None  # yaml | csv | ics; None: guess from path and content


@dataclass(frozen=True)
class ReadOptions:
    """What readers need from the charter and the command line."""

    tz: ZoneInfo
    channel_map: dict = dc_field(default_factory=dict)   # label (lower-case) → channel id
    known_channels: tuple = ()
    date_format: str = "auto"                          # CSV: auto | dmy | mdy
    expand_start: Optional[datetime] = None            # ICS recurrence window
    expand_end: Optional[datetime] = None
    now: Optional[datetime] = None                     # recurrences stop a year past it
    max_posts: int = 200_000                           # per file; beyond, the rest is reported
    max_bytes: int = 64 * 1024 * 1024
    #: characters of a post's text analysed; beyond, the text is cut and reported (CC923)
    max_text_chars: int = 100_000


@dataclass(frozen=True)
class InputProblem:
    """A CC9xx finding raised while reading, rendered later by the engine.

    ``message`` names the catalogue entry relative to the code
    (``"message"`` → ``CC908.message``); ``params`` fill it in.
    """

    code: str
    path: str
    line: Optional[int] = None
    post_id: Optional[str] = None
    channel: Optional[str] = None
    at: Optional[datetime] = None
    field: Optional[str] = None
    message: str = "message"
    params: dict = dc_field(default_factory=dict)
    key: str = ""


@dataclass
class ReadResult:
    """Posts read from one or more files, and every problem met on the way."""

    posts: list[Post] = dc_field(default_factory=list)
    problems: list[InputProblem] = dc_field(default_factory=list)
    format: Optional[str] = None
    meta: dict[str, Any] = dc_field(default_factory=dict)

    def extend(self, other: "ReadResult") -> None:
        self.posts.extend(other.posts)
        self.problems.extend(other.problems)
