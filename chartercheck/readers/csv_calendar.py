"""CSV calendars: a native header, or the export of a scheduling tool.

Read as UTF-8 (with or without BOM), or UTF-16 when it starts with a
byte-order mark (Excel's "Unicode text", tab-separated); a file that is not
UTF-8 is decoded as Windows-1252, what Excel writes on Western-European
Windows, and reported (CC914). UTF-16 without a byte-order mark is refused
with the way to save the file as CSV UTF-8. The delimiter is the one of ``;``, ``,`` or tab that the header line
uses most (French Excel writes ``;``). The dialect comes from the header (see
:mod:`.csv_dialects`); day-first or month-first dates are decided from the
data when a day above 12 shows, else from ``--date-format``, else guessed
and reported (CC915). Row numbers are the file's line numbers, header
included, so an editor jumps to the right row.

Native columns: ``id, channel (or channels), at (or date + time), text,
title, pillar, objective, author, status, sponsored, updated_at, media,
link, ignore, images, approved_by, approved_at, approved_role`` — several
approvals are separated by ``|`` or ``;`` and paired by position. Their
usual English and French names are read too (``Identifiant``, ``Réseau``,
``Date de publication``, ``Texte``, ``Statut``...: :mod:`.csv_headers`), and
French status words (``Programmé``, ``Publié``).
"""
from __future__ import annotations

import csv
import io
import os
import re
from typing import Optional

from ..errors import CalendarError, Problem
from .base import CalendarSource, ReadOptions, ReadResult
from .csv_dialects import Dialect, detect, fold, is_ambiguous, order_evidence, to_iso
from .csv_headers import STATUS_WORDS
from .csv_long_cells import LongCell, stream_rows
from .labels import resolve_label
from .normalize import POST_FIELDS, EntryReader
from .unknown_fields import report_unknown_fields

_MULTI = re.compile(r"\s*[|;]\s*")
_DATE_FIELDS = ("at", "date", "updated_at", "approved_at")


def read_csv_calendar(source: CalendarSource, options: ReadOptions) -> ReadResult:
    """Read a CSV calendar; raises :class:`CalendarError` only when it has no usable header."""
    result = ReadResult(format="csv")
    reader = EntryReader(source.path, options, result.problems)
    text, encoding = _decode(source, reader)
    if not text or text.isspace():
        return result
    delimiter = _delimiter(text)
    # The rows are read twice from the raw bytes (once to learn the layout and
    # date order, once to build posts) rather than kept: on a big calendar the
    # rows and the decoded text cost several times the posts they make.
    del text

    def rows():
        return _stream_rows(source.data, encoding, delimiter, source.path, options.max_text_chars + 1)

    first, dialect, body_size, evidence = _survey(rows(), options)
    if first is None:
        return result
    _check_header(dialect, first, source.path, reader)
    order = _order_from(evidence, dialect, options, reader)
    file_channel = _channel_from_file_name(source.path, options) if "channel" not in dialect.columns.values() \
        and "channels" not in dialect.columns.values() else None
    body = rows()
    if dialect.has_header:
        next(body)
    for count, (line, cells) in enumerate(body):
        if count >= options.max_posts:
            reader.problem("CC918", line, count=body_size - count, limit=options.max_posts)
            break
        if not any(cell.strip() for cell in cells):
            continue
        if dialect.has_header and len(cells) > len(first[1]):
            reader.problem("CC901", line, reason=f"{len(cells)} cells for {len(first[1])} columns "
                                                 f"(a text with an unquoted delimiter?)")
            continue
        fields = _fields(dialect, cells, order, options, file_channel)
        _report_cut_cells(dialect, cells, line, reader)
        post = reader.build(fields, line, f"row-{line}")
        if post is not None:
            result.posts.append(post)
    result.meta["dialect"] = dialect.name
    return result


#: Byte-order marks of UTF-16, what Excel's "Unicode text" export writes (tab-separated).
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _report_cut_cells(dialect: Dialect, cells: list[str], line: int, reader: EntryReader) -> None:
    """CC917 for a cell other than the text cut by :mod:`.csv_long_cells` (the text's cut is CC923)."""
    for index, cell in enumerate(cells):
        name = dialect.columns.get(index, f"#{index + 1}")
        if isinstance(cell, LongCell) and name != "text":
            reader.problem("CC917", line, message="cell_cut", field=name, column=name,
                           length=f"{cell.full_length:,}", keep=f"{len(cell):,}")


def _decode(source: CalendarSource, reader: EntryReader) -> tuple[str, str]:
    """The whole text and the encoding it was read with."""
    data = source.data
    if data[:2] in _UTF16_BOMS:
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _not_utf8(source.path, "broken", f"UTF-16 text broken at byte {exc.start}",
                            offset=exc.start) from None
    if b"\x00" in data[:512]:
        raise _not_utf8(source.path, "no_bom", "UTF-16 text without its byte-order mark")
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        reader.problem("CC914", None, encoding="windows-1252")
        return source.data.decode("cp1252", errors="replace"), "cp1252"


def _not_utf8(path: str, kind: str, what: str, **params) -> CalendarError:
    """The error for a UTF-16 file that cannot be read, with how to save it as UTF-8."""
    return CalendarError(Problem(path, 1, f"unreadable CSV: {what}", msgid=f"error.csv_utf16_{kind}",
                                 params=tuple(params.items()),
                                 hint="in Excel, use File > Save As > CSV UTF-8 (comma delimited) (*.csv)"))


def _delimiter(text: str) -> str:
    # Only the first line matters: split a prefix that holds it, not the whole file.
    end = text.find("\n")
    head = text if end < 0 else text[:end + 1]
    header = head.lstrip("\ufeff").splitlines()[0] if head.strip() else ""
    counts = {d: _unquoted(header).count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _unquoted(line: str) -> str:
    return re.sub(r'"[^"]*"', "", line)


def _rows(text: str, delimiter: str, path: str = "") -> list[tuple[int, list[str]]]:
    """Rows with the line each starts on (a quoted text may span several lines)."""
    _allow_fields_up_to(len(text.encode("utf-8", "surrogatepass")) if not text.isascii() else len(text))
    parser = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start = [], 1
    try:
        for cells in parser:
            rows.append((start, cells))
            start = parser.line_num + 1
    except csv.Error as exc:
        raise CalendarError(Problem(path, parser.line_num, f"unreadable CSV: {exc}")) from None
    return rows


def _allow_fields_up_to(size: int) -> None:
    """Let one cell be as long as the whole text (for :func:`_rows`, which keeps every row anyway)."""
    if csv.field_size_limit() < size:
        csv.field_size_limit(size)


def _stream_rows(data: bytes, encoding: str, delimiter: str, path: str = "", keep: int = 100_001):
    """:func:`_rows` one at a time, decoded as they are read (the same lines as from the whole decoded text:
    ``newline=""`` splits on ``\n``, ``\r\n`` and ``\r`` in both cases). A cell of more than
    ``keep`` characters, possible only past the parser's own cell limit, keeps its first ``keep``
    (see :mod:`.csv_long_cells`).
    """
    lines = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, errors="replace", newline="")
    return stream_rows(lines, delimiter, keep, path)


def _survey(rows, options: ReadOptions):
    """One pass over every row: the header (with its dialect), the number of
    body rows, and what the body's dates say about day/month order.

    Reading every row first also keeps an unreadable CSV an error before
    anything else is reported, as when the rows were all kept.
    """
    first = dialect = None
    size, evidence = 0, ([], None)
    check = options.date_format not in ("dmy", "mdy")
    for line, cells in rows:
        if dialect is None:
            first, dialect = (line, cells), detect(cells)
            if dialect.has_header:
                continue
        size += 1
        if check:
            evidence = _date_evidence(dialect, line, cells, evidence)
    return first, dialect, size, evidence


def _check_header(dialect: Dialect, first: tuple[int, list[str]], path: str, reader: EntryReader) -> None:
    if not dialect.has_header:
        return
    mapped = set(dialect.columns.values())
    if not ({"at", "date"} & mapped):
        header = ", ".join(c for c in first[1] if c.strip()) or "empty header"
        if len(header) > 80 or not header.isprintable():  # binary junk: don't echo it all back
            header = header[:80].encode("ascii", "backslashreplace").decode("ascii")[:80] + "…"
        raise CalendarError(Problem(path, first[0], f"no publication time column in the CSV header ({header})",
                                    msgid="error.csv_no_time", params=(("header", header),),
                                    hint="name a column 'at' (or 'date' and 'time'; in French 'Date de "
                                         "publication', or 'Date' and 'Heure'), or export from a supported "
                                         "tool (Sprout Social, Buffer, Hootsuite, Google Calendar)"))
    known = list(POST_FIELDS) + ["approved_by", "approved_at", "approved_role", "date", "time"]
    report_unknown_fields(reader, [(name, first[0]) for _, name in dialect.unknown], known, keyed_by_name=True)


def _date_evidence(dialect: Dialect, line: int, cells: list[str], evidence: tuple) -> tuple:
    """Add one row's dates to ``(votes, first ambiguous example)``."""
    votes, example = evidence
    for index, field in dialect.columns.items():
        if field not in _DATE_FIELDS:
            continue
        value = cells[index] if index < len(cells) else ""
        for part in _MULTI.split(value):
            found = order_evidence(part)
            if found:
                if found not in votes:
                    votes.append(found)
            elif example is None and is_ambiguous(part):
                example = (line, part)
    return votes, example


def _date_order(dialect: Dialect, body, options: ReadOptions, reader: EntryReader) -> str:
    """``dmy`` or ``mdy`` for the file: the option, else the data, else a reported guess."""
    evidence = ([], None)
    if options.date_format not in ("dmy", "mdy"):
        for line, cells in body:
            evidence = _date_evidence(dialect, line, cells, evidence)
    return _order_from(evidence, dialect, options, reader)


def _order_from(evidence: tuple, dialect: Dialect, options: ReadOptions, reader: EntryReader) -> str:
    """:func:`_date_order` once the body's dates were surveyed (:func:`_date_evidence`)."""
    if options.date_format in ("dmy", "mdy"):
        return options.date_format
    votes, example = evidence
    if len(votes) == 1:
        return votes.pop()
    guess = "mdy" if dialect.month_first_default else "dmy"
    if example is not None or len(votes) > 1:
        line, value = example or (None, "")
        reader.problem("CC915", line, value=value, key="date-format",
                       read_as="month/day/year" if guess == "mdy" else "day/month/year")
    return guess


def _channel_from_file_name(path: str, options: ReadOptions) -> Optional[str]:
    """Tools export one profile per file: ``buffer-instagram.csv`` names its channel."""
    if not options.known_channels:
        return None
    parts = re.split(r"[-_. ]+", os.path.splitext(os.path.basename(path))[0].lower())
    found = {resolve_label(part, options) for part in parts} - {None}
    return found.pop() if len(found) == 1 else None


def _fields(dialect: Dialect, cells: list[str], order: str, options: ReadOptions,
            file_channel: Optional[str]) -> dict:
    raw: dict = {}
    for index, name in dialect.columns.items():
        if index < len(cells) and cells[index].strip() != "":
            raw[name] = cells[index].strip() if name != "text" else cells[index]
    fields = {k: v for k, v in raw.items() if k in POST_FIELDS and k not in ("at", "updated_at")}
    if "status" in fields:  # "Programmé", "En relecture": the status words of French spreadsheets
        fields["status"] = STATUS_WORDS.get(fold(fields["status"]), fields["status"])
    if "at" in raw:
        fields["at"] = to_iso(raw["at"], order)
    elif "date" in raw:
        fields["at"] = to_iso(raw["date"], order, raw.get("time"))
    if "updated_at" in raw:
        fields["updated_at"] = to_iso(raw["updated_at"], order)
    if raw.get("all_day", "").lower() in ("true", "yes", "vrai", "oui") and "time" not in raw:
        fields["at"] = to_iso(raw.get("date", ""), order)
    labels = _channel_labels(raw, dialect)
    if labels:
        fields["channels"] = [resolve_label(label, options) or label for label in labels]
    elif file_channel:
        fields["channels"] = [file_channel]
    if "subject" in raw:
        from .labels import split_prefix
        prefix, title = split_prefix(raw["subject"], options)
        fields["title"] = title
        fields.setdefault("text", title)
        if prefix and not labels:
            fields["channels"] = [resolve_label(label, options) or label for label in prefix]
    if "location" in raw and "channels" not in fields and resolve_label(raw["location"], options):
        fields["channels"] = [resolve_label(raw["location"], options)]
    if "tags" in raw and "channels" not in fields:
        tagged = [resolve_label(t, options) for t in re.split(r"\s*[,;|]\s*", raw["tags"])]
        if any(tagged):
            fields["channels"] = [t for t in tagged if t]
    approvals = _approvals(raw, order)
    if approvals:
        fields["approvals"] = approvals
    return fields


def _channel_labels(raw: dict, dialect: Dialect) -> list[str]:
    value = raw.get("channels") or raw.get("channel")
    return [part for part in re.split(r"\s*[,;|]\s*", value) if part] if value else []


def _approvals(raw: dict, order: str) -> list[dict]:
    """``approved_by`` / ``approved_at`` / ``approved_role``, paired by position."""
    if not raw.get("approved_by"):
        return []
    names = [n for n in _MULTI.split(raw["approved_by"]) if n]
    times = _MULTI.split(raw.get("approved_at", "")) if raw.get("approved_at") else []
    roles = _MULTI.split(raw.get("approved_role", "")) if raw.get("approved_role") else []
    out = []
    for index, name in enumerate(names):
        item = {"by": name}
        if index < len(times) and times[index].strip():
            item["at"] = to_iso(times[index], order)
        if index < len(roles) and roles[index].strip():
            item["role"] = roles[index]
        out.append(item)
    return out
