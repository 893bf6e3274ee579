"""YAML calendars: a ``posts:`` list with an optional ``calendar:`` header.

```yaml
calendar: {timezone: Europe/Paris, channel: instagram}   # defaults for every post
posts:
  - id: ig1
    channel: instagram          # or channels: [instagram, facebook]
    at: 2026-11-23 17:00        # naive: local to calendar.timezone or brand.timezone
    text: "..."
```

Line numbers come from the YAML nodes, so findings point at the post and,
when it helps, at the field (``at:`` for cadence, ``text:`` for tone).
"""
from __future__ import annotations

from typing import Optional

from ..errors import CalendarError, Problem
from ..timeutil import load_zone
from ..yamlsource import YamlLoadError, YamlMap, load_yaml
from .base import CalendarSource, ReadOptions, ReadResult
from .normalize import POST_FIELDS, EntryReader
from .unknown_fields import report_unknown_fields

_UNSEEN = object()  # the header as seen when the first post arrived: not yet
HEADER_KEYS = ("timezone", "channel", "author", "status", "name")
_ALIASES = {"date": "at", "time": "at", "publish_at": "at", "message": "text", "body": "text",
            "caption": "text", "ignores": "ignore", "approved": "approvals"}


def read_yaml_calendar(source: CalendarSource, options: ReadOptions) -> ReadResult:
    """Read a YAML calendar; raises :class:`CalendarError` only if the file as a whole is unusable."""
    result = ReadResult(format="yaml")
    try:
        # Only checked here: the parser reads the bytes itself, which spares
        # a decoded copy of the file (two or four bytes a character once any
        # character is outside Latin-1) and the parser's own UTF-8 copy of it.
        source.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CalendarError(Problem(source.path, None, f"not UTF-8 text (byte {exc.start})",
                                    hint="save the calendar as UTF-8", msgid="error.not_utf8",
                                    params=(("byte", exc.start),))) from None
    # Posts are built while the file is parsed (see _PostStream), with the
    # header as known when the ``posts:`` list starts.
    stream = _PostStream(source.path, options)
    doc = _load(source.data, source.path, stream)
    if doc is None:
        return result
    if isinstance(doc, list):  # a bare list of posts is accepted too
        header, posts = YamlMap(1), doc
    elif isinstance(doc, dict):
        header = doc.get("calendar") or YamlMap(doc.line)
        posts = doc.get("posts")
        unknown = [k for k in doc if k not in ("calendar", "posts")]
        if posts is None:
            raise CalendarError(Problem(source.path, doc.line, "no 'posts:' list found",
                                        hint="a YAML calendar is a mapping with a 'posts:' list",
                                        msgid="error.no_posts"))
        reader = EntryReader(source.path, options, result.problems)
        report_unknown_fields(reader, [(str(key), doc.line_of(key)) for key in unknown], ("calendar", "posts"))
    else:
        raise CalendarError(Problem(source.path, 1, "expected a 'posts:' list"))
    if not isinstance(posts, list):
        raise CalendarError(Problem(source.path, getattr(posts, "line", None) or doc.line_of("posts"),
                                    "'posts:' must be a list of posts"))
    if not isinstance(header, dict):
        raise CalendarError(Problem(source.path, doc.line_of("calendar"), "'calendar:' must be a mapping"))
    _zone(header, source.path, options)  # raises on an unknown zone, whatever the posts
    raw_header = doc.get("calendar") if isinstance(doc, dict) else None
    if stream.count and stream.raw_header is not raw_header:
        # The header came after the posts: read again, with the header known from the start.
        stream = _PostStream(source.path, options, raw_header)
        _load(source.data, source.path, stream)
    for index, entry in enumerate(posts):  # the list was an alias, so it was not streamed
        posts[index] = None
        stream.take(entry, posts.line_of(index), doc if isinstance(doc, dict) else None)
    stream.finish()
    result.problems.extend(stream.problems)
    result.posts = stream.posts
    return result


def _load(data: bytes, path: str, stream: "_PostStream"):
    try:
        return load_yaml(data, path, item_sink=stream.take, sink_key="posts")
    except YamlLoadError as exc:
        raise CalendarError(exc.problem) from None


def _zone(header: dict, path: str, options: ReadOptions):
    """The header's time zone, else the charter's."""
    if not header.get("timezone"):
        return options.tz
    try:
        return load_zone(header["timezone"])
    except ValueError as exc:
        raise CalendarError(Problem(path, header.line_of("timezone"), str(exc),
                                    key="calendar.timezone", msgid=getattr(exc, "msgid", None),
                                    params=tuple(getattr(exc, "params", {}).items()))) from None


class _PostStream:
    """Builds each post as soon as its YAML entry is parsed, then lets the entry go.

    Keeping every raw entry (a dict, its key lines, its values) until the
    whole file is parsed cost more than the posts themselves on big
    calendars. The header is read when the first entry arrives; if it turns
    out unusable the entries are only counted (the reader then raises the
    header's error, as it did before streaming).
    """

    def __init__(self, path: str, options: ReadOptions, raw_header=_UNSEEN):
        self.options = options
        self.problems: list = []
        self.posts: list = []
        self.reader = EntryReader(path, options, self.problems)
        self.raw_header = raw_header
        self.count = 0
        self.defaults: Optional[dict] = None
        self.tz = None
        self.overflow_line: Optional[int] = None

    def start(self, top) -> None:
        if self.raw_header is _UNSEEN:
            self.raw_header = top.get("calendar") if top is not None else None
        header = self.raw_header or {}
        if not isinstance(header, dict):
            return
        try:
            self.tz = _zone(header, self.reader.path, self.options)
        except CalendarError:
            return
        self.defaults = {k: header[k] for k in ("channel", "author", "status") if k in header}

    def take(self, entry, line: int, top) -> None:
        """One entry of ``posts:`` (any YAML value) at ``line``."""
        index, self.count = self.count, self.count + 1
        if index == 0:
            self.start(top)
        if self.defaults is None or self.overflow_line is not None:
            return
        reader = self.reader
        if index >= self.options.max_posts:
            self.overflow_line = line
            return
        if not isinstance(entry, dict):
            reader.problem("CC901", line, message="not_mapping", index=index + 1)
            return
        fields = dict(self.defaults)
        field_lines = []
        unknown = []
        for key, value in entry.items():
            name = _ALIASES.get(str(key), str(key))
            if name not in POST_FIELDS:
                unknown.append((str(key), entry.line_of(key)))
                continue
            fields[name] = value
            field_lines.append((name, entry.line_of(key)))
        if unknown:
            report_unknown_fields(reader, unknown, POST_FIELDS, str(entry.get("id") or f"line-{line}"))
        post = reader.build(fields, line, f"line-{line}", field_lines, tz=self.tz)
        if post is not None:
            self.posts.append(post)

    def finish(self) -> None:
        """Report the entries beyond ``max_posts`` (CC918), once their number is known."""
        if self.overflow_line is not None:
            limit = self.options.max_posts
            self.reader.problem("CC918", self.overflow_line, count=self.count - limit, limit=limit)
