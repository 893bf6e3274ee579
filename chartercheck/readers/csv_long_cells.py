"""CSV rows whose cells may be as long as the file, in memory proportional to it.

Python's CSV parser builds each cell at 4 bytes a character before making it
a string: one 52-million-character cell cost 390 MB. So the parser is given
a limit of :data:`CELL_LIMIT` characters a cell, and a row that passes it is
parsed again here, from its lines: every cell keeps its first ``keep``
characters only (enough for any analysis, see ``--max-text``), as a
:class:`LongCell` that remembers its whole length. Rows under the limit —
all real ones — are the parser's own, unchanged.
"""
from __future__ import annotations

import csv
import re
from typing import Iterator, Optional

from ..errors import CalendarError, Problem

#: Longest cell the CSV parser builds itself (characters).
CELL_LIMIT = 1 << 20


class LongCell(str):
    """The first characters of a longer cell, and the cell's whole length (``full_length``)."""

    full_length: int

    def __new__(cls, start: str, full_length: int):
        cell = super().__new__(cls, start)
        cell.full_length = full_length
        return cell


class RecordLines:
    """The lines handed to the CSV parser, counted, those of the current row kept."""

    def __init__(self, stream):
        self.stream = stream
        self.count = 0
        self.held: list[str] = []

    def __iter__(self) -> "RecordLines":
        return self

    def __next__(self) -> str:
        line = self.stream.readline()
        if not line:
            raise StopIteration
        self.count += 1
        self.held.append(line)
        return line

    def next_row(self) -> None:
        self.held = []


def is_cell_limit(error: csv.Error) -> bool:
    return "field larger than field limit" in str(error)


# Inside quotes: anything but a quote, or a doubled quote (possessive: no backtracking state).
_QUOTED = re.compile(r'[^"]*+(?:""[^"]*+)*+')


class _Cell:
    """One cell being read: its first ``keep`` characters and its length so far."""

    def __init__(self, keep: int):
        self.keep, self.parts, self.held, self.length = keep, [], 0, 0

    def add(self, raw: str, quoted: bool) -> None:
        text = raw.replace('""', '"') if quoted else raw
        self.length += len(text)
        if self.held < self.keep:
            self.parts.append(text[:self.keep - self.held])
            self.held += len(self.parts[-1])

    def value(self) -> str:
        start = "".join(self.parts)
        return LongCell(start, self.length) if self.length > len(start) else start


def long_row(lines: RecordLines, delimiter: str, keep: int) -> list[str]:
    """The row whose lines are ``lines.held`` (and, for a quoted cell still open, the lines
    after them), parsed as the CSV parser would, each cell cut to ``keep`` characters."""
    pending = list(lines.held)
    line: Optional[str] = pending.pop(0) if pending else ""

    def more() -> Optional[str]:
        if pending:
            return pending.pop(0)
        return next(lines, None)

    cells: list[str] = []
    pos = 0
    while True:
        cell = _Cell(keep)
        if line.startswith('"', pos):
            pos += 1
            while True:
                end = _QUOTED.match(line, pos).end()
                cell.add(line[pos:end], quoted=True)
                if end < len(line):  # the closing quote
                    pos = end + 1
                    break
                line, pos = more(), 0  # the cell goes on over the next line
                if line is None:  # unclosed at the end of the file: keep what there is
                    cells.append(cell.value())
                    return cells
        stop = _next_stop(line, pos, delimiter)
        cell.add(line[pos:stop], quoted=False)
        cells.append(cell.value())
        if stop < len(line) and line[stop] == delimiter:
            pos = stop + 1
            continue
        return cells


def _next_stop(line: str, pos: int, delimiter: str) -> int:
    """Where the unquoted text from ``pos`` ends: the next delimiter, the line's end, or its length."""
    ends = [index for index in (line.find(delimiter, pos), line.find("\r", pos), line.find("\n", pos))
            if index >= 0]
    return min(ends) if ends else len(line)


def stream_rows(stream, delimiter: str, keep: int, path: str) -> Iterator[tuple[int, list[str]]]:
    """``(first line number, cells)`` of every row of ``stream``, long cells cut (see the module
    docstring); any other CSV error is a :class:`CalendarError` at the line reached."""
    lines = RecordLines(stream)
    parser = csv.reader(lines, delimiter=delimiter)
    while True:
        start = lines.count + 1
        lines.next_row()
        # The limit is the process's: set again before every row, whoever changed it.
        csv.field_size_limit(CELL_LIMIT)
        try:
            cells = next(parser)
        except StopIteration:
            return
        except csv.Error as error:
            if not is_cell_limit(error):
                raise CalendarError(Problem(path, lines.count, f"unreadable CSV: {error}")) from None
            cells = long_row(lines, delimiter, keep)
        yield start, cells
