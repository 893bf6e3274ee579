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

import difflib

from ..errors import CalendarError, Problem
from ..timeutil import load_zone
from ..yamlsource import YamlLoadError, YamlMap, load_yaml
from .base import CalendarSource, ReadOptions, ReadResult
from .normalize import POST_FIELDS, EntryReader

HEADER_KEYS = ("timezone", "channel", "author", "status", "name")
_ALIASES = {"date": "at", "time": "at", "publish_at": "at", "message": "text", "body": "text",
            "caption": "text", "ignores": "ignore", "approved": "approvals"}


def read_yaml_calendar(source: CalendarSource, options: ReadOptions) -> ReadResult:
    """Read a YAML calendar; raises :class:`CalendarError` only if the file as a whole is unusable."""
    result = ReadResult(format="yaml")
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CalendarError(Problem(source.path, None, f"not UTF-8 text (byte {exc.start})",
                                    hint="save the calendar as UTF-8", msgid="error.not_utf8",
                                    params=(("byte", exc.start),))) from None
    try:
        doc = load_yaml(text, source.path)
    except YamlLoadError as exc:
        raise CalendarError(exc.problem) from None
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
        for key in unknown:
            reader.problem("CC916", doc.line_of(key), field=str(key), field_name=str(key),
                           suggestion=_suggest(str(key), ("calendar", "posts")))
    else:
        raise CalendarError(Problem(source.path, 1, "expected a 'posts:' list"))
    if not isinstance(posts, list):
        raise CalendarError(Problem(source.path, getattr(posts, "line", None) or doc.line_of("posts"),
                                    "'posts:' must be a list of posts"))
    if not isinstance(header, dict):
        raise CalendarError(Problem(source.path, doc.line_of("calendar"), "'calendar:' must be a mapping"))
    tz = options.tz
    if header.get("timezone"):
        try:
            tz = load_zone(header["timezone"])
        except ValueError as exc:
            raise CalendarError(Problem(source.path, header.line_of("timezone"), str(exc),
                                        key="calendar.timezone", msgid=getattr(exc, "msgid", None),
                                        params=tuple(getattr(exc, "params", {}).items()))) from None
    reader = EntryReader(source.path, options, result.problems)
    for index, entry in enumerate(posts):
        posts[index] = None  # the raw entry is not needed once read: keeps peak memory at one copy
        line = posts.line_of(index)
        if index >= options.max_posts:
            reader.problem("CC918", line, count=len(posts) - index, limit=options.max_posts)
            break
        if not isinstance(entry, dict):
            reader.problem("CC901", line, message="not_mapping", index=index + 1)
            continue
        fields = {k: header[k] for k in ("channel", "author", "status") if k in header}
        field_lines = []
        for key, value in entry.items():
            name = _ALIASES.get(str(key), str(key))
            if name not in POST_FIELDS:
                reader.problem("CC916", entry.line_of(key), str(entry.get("id") or f"line-{line}"),
                               field=str(key), field_name=str(key), suggestion=_suggest(str(key), POST_FIELDS))
                continue
            fields[name] = value
            field_lines.append((name, entry.line_of(key)))
        post = reader.build(fields, line, f"line-{line}", field_lines, tz=tz)
        if post is not None:
            result.posts.append(post)
    return result


def _suggest(key: str, known) -> str:
    close = difflib.get_close_matches(key, list(known), n=1)
    return close[0] if close else ""
