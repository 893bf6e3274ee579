"""Calendar readers: YAML, CSV and iCalendar all normalise to the same posts."""
from __future__ import annotations

import importlib
import os

from ..errors import CalendarError, Problem
from .base import CalendarSource, InputProblem, ReadOptions, ReadResult
from .bounded import check_readable, read_bounded, too_big

#: format name → (module, function) reading it; modules load lazily so a YAML
#: run never pays for importing icalendar.
READERS = {
    "yaml": ("yaml_calendar", "read_yaml_calendar"),
    "csv": ("csv_calendar", "read_csv_calendar"),
    "ics": ("ics_calendar", "read_ics_calendar"),
}
EXTENSIONS = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".tsv": "csv", ".txt": "csv",
              ".ics": "ics", ".ical": "ics", ".ifb": "ics", ".icalendar": "ics"}


def guess_format(source: CalendarSource) -> str:
    """The explicit format, else the extension, else a look at the first bytes."""
    if source.format:
        return source.format
    ext = os.path.splitext(source.path)[1].lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    head = source.data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if head.startswith((b"POSTS:", b"CALENDAR:", b"---", b"#")):
        return "yaml"
    return "csv"


def read_calendar(source: CalendarSource, options: ReadOptions) -> ReadResult:
    """Read one calendar in any supported format."""
    fmt = guess_format(source)
    if fmt not in READERS:
        raise CalendarError(Problem(source.path, None, f"unknown calendar format {fmt!r}",
                                    hint="use yaml, csv or ics"))
    if len(source.data) > options.max_bytes:
        raise too_big(source.path, len(source.data), options.max_bytes)
    module_name, func_name = READERS[fmt]
    try:
        module = importlib.import_module(f"{__name__}.{module_name}")
    except ModuleNotFoundError:
        raise CalendarError(Problem(source.path, None, f"{fmt} calendars are not supported yet")) from None
    result = getattr(module, func_name)(source, options)
    result.format = fmt
    return result


def load_source(path: str, fmt: str | None = None, max_bytes: int = ReadOptions.max_bytes) -> CalendarSource:
    """Read a calendar file's bytes (``-`` is standard input), at most ``max_bytes``.

    Never more than ``max_bytes + 1`` bytes are read, whatever the source
    says of its size: a bigger file is refused before anything is kept.
    Only regular files and pipes are read; a device such as ``/dev/zero``
    never ends and is refused.
    """
    import sys
    if path == "-":
        return CalendarSource("<stdin>", read_bounded(sys.stdin.buffer, "<stdin>", max_bytes), fmt)
    try:
        with open(path, "rb") as handle:
            size = check_readable(handle, path, max_bytes)
            return CalendarSource(path, read_bounded(handle, path, max_bytes, size=size), fmt)
    except FileNotFoundError:
        raise CalendarError(Problem(path, None, "calendar file not found", msgid="error.calendar_not_found")) from None
    except IsADirectoryError:
        raise CalendarError(Problem(path, None, "is a directory, not a calendar file",
                                    msgid="error.is_directory")) from None
    except OSError as exc:
        raise CalendarError(Problem(path, None, f"cannot read the calendar: {exc.strerror}")) from None


__all__ = ["CalendarSource", "InputProblem", "ReadOptions", "ReadResult", "guess_format",
           "load_source", "read_calendar"]
