"""Write moved posts back into a CSV calendar, changing only their time cells.

The file is not re-serialised: the reader's own helpers find the delimiter,
dialect and date order, a small scanner finds the character span of every
cell, and only the cells holding a moved post's time (``at``, or ``date`` and
``time`` columns; a Google Calendar export's end date and time too, so the
event keeps its length) are replaced, in the shape they were written in
(``23/11/2026 09:30``, ``11/23/2026``, ``5:00 PM``...). Columns, quoting,
delimiter, line endings, encoding and byte-order mark stay as they were.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

from ..errors import CalendarError, Problem
from ..model import Post
from ..readers.base import CalendarSource, ReadOptions
from ..readers.csv_calendar import _date_order, _delimiter, _rows
from ..readers.csv_dialects import detect, fold, to_iso
from ..readers.normalize import EntryReader
from ..timeutil import parse_datetime
from .timetext import TimeTextError, rewrite

Span = tuple[int, int, bool]   # start, end (exclusive), quoted


def scan(text: str, delimiter: str) -> dict[int, list[Span]]:
    """Cell spans of every record, by the line the record starts on.

    Follows the rules of Python's ``csv`` module with its default dialect
    (double quotes, a doubled quote inside quotes, records ending at a
    newline outside quotes), which is what the reader uses.
    """
    records: dict[int, list[Span]] = {}
    i, line, n = 0, 1, len(text)
    while i < n:
        first_line, cells = line, []
        while True:
            start, quoted = i, i < n and text[i] == '"'
            j = i + 1 if quoted else i
            if quoted:
                while j < n:
                    if text[j] == '"':
                        if j + 1 < n and text[j + 1] == '"':
                            j += 2
                            continue
                        j += 1
                        break
                    if text[j] == "\r" and j + 1 < n and text[j + 1] == "\n":
                        line, j = line + 1, j + 2
                        continue
                    line += text[j] in "\r\n"
                    j += 1
            while j < n and text[j] not in (delimiter, "\r", "\n"):
                j += 1
            cells.append((start, j, quoted))
            if j < n and text[j] == delimiter:
                i = j + 1
                continue
            i = j + (2 if text[j:j + 2] == "\r\n" else 1)
            line += 1
            break
        records[first_line] = cells
    return records


def _cell_text(text: str, span: Span) -> str:
    start, end, quoted = span
    raw = text[start:end]
    if quoted and raw.endswith('"') and len(raw) >= 2:
        return raw[1:-1].replace('""', '"')
    return raw


def _as_cell(value: str, span: Span, delimiter: str) -> str:
    if span[2] or any(ch in value for ch in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_csv(source: CalendarSource, moves: list[tuple[Post, datetime]], tz, *,
              date_format: str = "auto") -> bytes:
    """``source`` with each moved post's time cells rewritten."""
    bom = source.data.startswith(b"\xef\xbb\xbf")
    try:
        text, encoding = source.data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = source.data.decode("cp1252"), "cp1252"
    delimiter = _delimiter(text)
    rows = _rows(text, delimiter, source.path)
    if not rows:
        raise CalendarError(Problem(source.path, None, "the CSV file is empty"))
    dialect = detect(rows[0][1])
    body = rows[1:] if dialect.has_header else rows
    reader = EntryReader(source.path, ReadOptions(tz=tz, date_format=date_format), [])
    day_first = _date_order(dialect, body, reader.options, reader) == "dmy"
    columns = {name: index for index, name in sorted(dialect.columns.items(), reverse=True)}
    header = [fold(c) for c in rows[0][1]] if dialect.has_header else []
    ends = [header.index(name) if name in header else None for name in ("end_date", "end_time")]
    spans = scan(text, delimiter)
    cells_by_line = dict(rows)
    edits: list[tuple[Span, str]] = []
    for post, new_at in moves:
        record = spans.get(post.source.line or 0)
        if record is None or [_cell_text(text, s) for s in record] != cells_by_line.get(post.source.line):
            raise CalendarError(Problem(source.path, post.source.line,
                                        f"cannot find the row of post {post.id!r} to rewrite it"))
        try:
            if "at" in columns:
                edits.append(_edit(text, record, columns["at"], post.at, new_at, tz, "datetime", day_first))
            else:
                edits.append(_edit(text, record, columns["date"], post.at, new_at, tz, "date", day_first))
                if "time" in columns and _has(record, columns["time"]):
                    edits.append(_edit(text, record, columns["time"], post.at, new_at, tz, "time", day_first))
                edits.extend(_end_edits(text, record, ends, new_at - post.at, tz, day_first))
        except TimeTextError as exc:
            raise CalendarError(Problem(source.path, post.source.line,
                                        f"cannot rewrite the time of post {post.id!r}: {exc}")) from None
    for (start, end, _), value in sorted(edits, key=lambda e: e[0][0], reverse=True):
        text = text[:start] + _as_cell(value, (start, end, text[start:start + 1] == '"'), delimiter) + text[end:]
    data = text.encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


def _has(record: list[Span], index: Optional[int]) -> bool:
    return index is not None and index < len(record) and record[index][1] > record[index][0]


def _edit(text, record, index, old_at, new_at, tz, part, day_first) -> tuple[Span, str]:
    if not _has(record, index):
        raise TimeTextError("the time cell is empty")
    span = record[index]
    original = _cell_text(text, span)
    stripped = original.strip()
    lead = original[:len(original) - len(original.lstrip())]
    trail = original[len(original.rstrip()):]
    return span, lead + rewrite(stripped, old_at, new_at, tz, part=part, day_first=day_first) + trail


def _end_edits(text, record, ends, shift: timedelta, tz, day_first) -> list[tuple[Span, str]]:
    """A Google Calendar export's end date and time, moved with the start."""
    date_index, time_index = ends
    if not _has(record, date_index):
        return []
    order = "dmy" if day_first else "mdy"
    time_text = _cell_text(text, record[time_index]) if _has(record, time_index) else None
    try:
        old_end = parse_datetime(to_iso(_cell_text(text, record[date_index]), order, time_text), tz).at
    except ValueError:
        return []   # an end we cannot read is left alone; the reader ignores it too
    out = [_edit(text, record, date_index, old_end, old_end + shift, tz, "date", day_first)]
    if time_text:
        out.append(_edit(text, record, time_index, old_end, old_end + shift, tz, "time", day_first))
    return out
