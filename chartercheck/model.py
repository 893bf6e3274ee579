"""The data every layer shares: severities, posts, findings and reports.

Everything here is an immutable value with no I/O, so readers, rules and
formatters can pass these objects around freely and the engine can sort and
de-duplicate them without surprises. Records use ``__slots__``: a year of
posts and their findings must fit in a few hundred megabytes.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime
from typing import Any, Optional


class Severity(enum.IntEnum):
    """Three ordered severities; a higher value is more serious."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> "Severity":
        """Read ``error``/``warning``/``info`` (any case); raises ``ValueError``."""
        try:
            return cls[str(text).strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (expected error, warning or info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


#: Post statuses, in workflow order.
STATUSES = ("draft", "review", "approved", "scheduled", "published", "rejected", "cancelled")


@dataclass(frozen=True, slots=True)
class Source:
    """Where a post came from: file, 1-based line (or CSV row), and ICS UID."""

    path: str
    line: Optional[int] = None
    uid: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Approval:
    """One approval of a post: who, when (may be unknown) and the role claimed."""

    by: str
    at: Optional[datetime] = None
    role: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Post:
    """One planned publication, normalised from any calendar format.

    ``at`` is always time-zone aware. A post naming several channels counts on
    each of them; ``channels`` keeps the order the calendar gave.
    ``field_offsets`` gives, for a field name (``at``, ``text``...), how many
    lines after the post's own line it was written, when the format knows it,
    so findings can point at the field (:meth:`line_of`, :attr:`field_lines`).
    Offsets rather than lines because posts written alike then share one
    tuple: a 100,000-post calendar would otherwise spend more memory on line
    numbers than on its texts.
    """

    id: str
    channels: tuple[str, ...]
    at: datetime
    text: str = ""
    title: Optional[str] = None
    pillar: Optional[str] = None
    objective: Optional[str] = None
    author: Optional[str] = None
    status: Optional[str] = None
    sponsored: bool = False
    updated_at: Optional[datetime] = None
    approvals: tuple[Approval, ...] = ()
    media: tuple[str, ...] = ()
    link: Optional[str] = None
    ignore: frozenset[str] = frozenset()
    source: Source = Source("<memory>")
    field_offsets: tuple[tuple[str, int], ...] = ()
    extra: tuple[tuple[str, Any], ...] = ()

    def line_of(self, field_name: Optional[str]) -> Optional[int]:
        """Line of ``field_name`` if known, else the post's own line."""
        if field_name:
            for name, offset in self.field_offsets:
                if name == field_name:
                    return (self.source.line or 0) + offset
        return self.source.line

    @property
    def field_lines(self) -> tuple[tuple[str, int], ...]:
        """(field name, line) pairs, as written in the file."""
        base = self.source.line or 0
        return tuple((name, base + offset) for name, offset in self.field_offsets)

    def get_extra(self, key: str, default: Any = None) -> Any:
        """Format-specific extras (e.g. ``images: retouched``) by key."""
        for name, value in self.extra:
            if name == key:
                return value
        return default


@dataclass(frozen=True, slots=True)
class Location:
    """What a finding is about. ``post_id`` is ``None`` for calendar-wide findings."""

    path: Optional[str] = None
    line: Optional[int] = None
    post_id: Optional[str] = None
    channel: Optional[str] = None
    at: Optional[datetime] = None
    field: Optional[str] = None

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "post_id": self.post_id,
            "channel": self.channel,
            "at": self.at.isoformat() if self.at else None,
            "field": self.field,
        }


def normalize_path(path: Optional[str]) -> str:
    """``./plans\\week.yaml`` and ``plans/week.yaml`` name the same file in fingerprints."""
    if not path:
        return ""
    text = path.replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return re.sub(r"/+", "/", text)


class Deferred:
    """A finding's message and hint, written only when first read (see
    :class:`Finding`): subclasses keep what it takes to write them and say how
    in :meth:`text`."""

    __slots__ = ()

    def text(self, hint: bool = False) -> Optional[str]:
        """The message, or with ``hint`` the hint (None when there is none)."""
        raise NotImplementedError

    def plain(self, unsafe) -> bool:
        """Whether neither text can hold a match of ``unsafe`` (a compiled
        pattern), told without writing them; False when it cannot be told."""
        return False


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found: immutable, in the run's language.

    ``key`` distinguishes several findings of the same rule on the same post
    (e.g. the rejected word) and feeds baseline fingerprints; it is stable
    across edits elsewhere in the file, unlike line numbers.

    ``message`` and ``hint`` may be given as one :class:`Deferred` (the same
    object for both, or None for no hint): each is written the first time it
    is read, and kept, so findings that are only counted never format a
    sentence. Reading them always gives ``str`` (or None for no hint);
    equality, hashing, pickling and :func:`dataclasses.replace` see the
    written texts.
    """

    code: str
    rule: str
    severity: Severity
    message: str
    location: Location
    hint: Optional[str] = None
    key: str = ""
    #: the charter the finding was judged against, set when a run holds several charters; None in a
    #: run of one, whose report names it (so that report's output is what it always was)
    charter: Optional[str] = None

    def with_severity(self, severity: Severity) -> "Finding":
        """This finding at ``severity``; unlike :func:`dataclasses.replace`, which
        reads every field, it leaves texts not written yet unwritten."""
        return Finding(self.code, self.rule, severity, _MESSAGE_SLOT.__get__(self), self.location,
                       _HINT_SLOT.__get__(self), self.key, self.charter)

    def texts_free_of(self, unsafe) -> bool:
        """Whether neither the message nor the hint holds a match of ``unsafe``
        (a compiled pattern), without writing a text whose parameters tell
        (see :meth:`Deferred.plain`): escaping control characters then writes
        only the sentences a report prints."""
        for slot, hint in ((_MESSAGE_SLOT, False), (_HINT_SLOT, True)):
            value = slot.__get__(self)
            if isinstance(value, Deferred):
                if value.plain(unsafe):
                    continue
                value = self.hint if hint else self.message
            if value and unsafe.search(value):
                return False
        return True

    def order_key(self) -> tuple:
        """:meth:`sort_key` without its last member, the message: sorting by this,
        then only runs of equal keys by message, gives the same order while
        writing only the messages that decide it."""
        loc = self.location
        at = loc.at.timestamp() if loc.at else float("-inf")
        return (-int(self.severity), at, loc.channel or "", loc.path or "", loc.line or 0,
                self.code, loc.post_id or "", self.key)

    def sort_key(self) -> tuple:
        """Severity first (most serious first), then time, then channel."""
        return self.order_key() + (self.message,)

    def fingerprint(self) -> str:
        """What the finding concerns, independent of line numbers (for baselines)."""
        loc = self.location
        concern = loc.post_id if loc.post_id is not None else (loc.at.isoformat() if loc.at else "")
        return "|".join((self.code, normalize_path(loc.path), concern, loc.channel or "", self.key))

    def to_dict(self) -> dict:
        out = {
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.label,
            "message": self.message,
            "hint": self.hint,
            "location": self.location.to_dict(),
        }
        if self.charter is not None:
            out["charter"] = self.charter
        return out


def _written_when_read(slot, hint: bool) -> property:
    """A property over the slot ``slot`` that writes a :class:`Deferred` value
    (its message, or its hint with ``hint``) the first time it is read and
    stores the text in its place. Its setter is the slot's own, for the
    dataclass's ``__init__`` and unpickling only: assignments from outside
    still meet the frozen dataclass's refusal."""
    get, put = slot.__get__, slot.__set__

    def read(self):
        value = get(self)
        if isinstance(value, Deferred):
            value = value.text(hint)
            put(self, value)
        return value

    return property(read, put, doc=slot.__doc__)


#: the slots holding a finding's message and hint as given (written or not)
_MESSAGE_SLOT, _HINT_SLOT = Finding.message, Finding.hint
Finding.message = _written_when_read(_MESSAGE_SLOT, False)  # type: ignore[assignment]
Finding.hint = _written_when_read(_HINT_SLOT, True)  # type: ignore[assignment]


@dataclass(frozen=True)
class Report:
    """The outcome of one lint run, findings already ranked."""

    charter: str
    findings: tuple[Finding, ...]
    #: how many posts were linted (those in the ``--from/--until`` range): what the summary counts
    post_count: int
    channels: tuple[str, ...]
    date_from: Optional[date]
    date_until: Optional[date]
    lang: str = "en"
    suppressed: int = 0
    #: every post judged, context outside ``--from/--until`` included, for formats that draw the plan
    #: (events that are not posts, with no or only undeclared channels, are counted by CC902/CC903)
    read_posts: tuple[Post, ...] = dc_field(default=(), compare=False, repr=False)
    #: text → commercial score, as computed by the run's rules (the HTML charts reuse it)
    commercial_scores: dict = dc_field(default_factory=dict, compare=False, repr=False)
    #: whether dates are written with their year (the posts span several years, or not the current one)
    dates_with_year: bool = False
    #: calendar files (or sources) read; 0 for ``charter check``
    calendar_count: int = 0
    #: with several charters in one run, each charter's own report (see :mod:`chartercheck.brands`);
    #: this report then sums them. Empty for a run of one charter.
    groups: tuple["Report", ...] = dc_field(default=(), compare=False, repr=False)

    def counts(self) -> dict[str, int]:
        """Number of findings per severity label (all three always present)."""
        out = {s.label: 0 for s in sorted(Severity, reverse=True)}
        for f in self.findings:
            out[f.severity.label] += 1
        return out

    def worst(self) -> Optional[Severity]:
        return max((f.severity for f in self.findings), default=None)
