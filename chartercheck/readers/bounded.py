"""Reading with a ceiling: never more than the limit plus one byte from any source.

A size check after reading comes too late: a gigabyte file costs a gigabyte
of memory before it is refused, and ``/dev/zero`` or an endless pipe is
never done. Calendars, standard input and charters are read through here.
"""
from __future__ import annotations

import os
import stat
from typing import BinaryIO, Optional

from ..errors import CalendarError, Problem

#: Bytes asked of the source at a time.
_CHUNK = 1 << 20


def too_big(path: str, size: int, limit: int, error=CalendarError, option: str = "--max-bytes",
            exact: bool = True) -> Exception:
    """The error for a source over ``limit`` bytes (``exact``: ``size`` is its size; else the
    source was cut off as soon as it passed the limit, its size unknown)."""
    hint = (f"split the file, or raise the limit with {option}" if option
            else "split it into files that extend each other")
    if exact:
        message, msgid = f"{size:,} bytes, over the limit of {limit:,} bytes", "error.too_big"
    else:
        message, msgid = f"over the limit of {limit:,} bytes (and not at its end)", "error.too_big_stream"
    return error(Problem(path, None, message, hint=hint, msgid=msgid,
                         params=(("size", f"{size:,}"), ("limit", f"{limit:,}")),
                         hint_params=(("_id", "error.too_big_hint" if option else "error.too_big_split_hint"),
                                      ("option", option))))


def check_readable(handle: BinaryIO, path: str, limit: int, error=CalendarError,
                   option: str = "--max-bytes") -> Optional[int]:
    """Refuse what is neither a regular file nor a pipe, and a regular file over ``limit`` bytes.

    Returns the size of a regular file, None for a pipe.
    """
    info = os.fstat(handle.fileno())
    if stat.S_ISREG(info.st_mode):
        if info.st_size > limit:
            raise too_big(path, info.st_size, limit, error, option)
        return info.st_size
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISSOCK(info.st_mode):
        return None
    kind = "a character device" if stat.S_ISCHR(info.st_mode) else \
        "a block device" if stat.S_ISBLK(info.st_mode) else "a special file"
    raise error(Problem(path, None, f"is {kind}, not a regular file or a pipe", msgid="error.not_a_file",
                        hint="give the path of a file, or - for standard input",
                        params=(("kind", kind),)))


def read_bounded(handle: BinaryIO, path: str, limit: int, error=CalendarError,
                 option: str = "--max-bytes", size: Optional[int] = None) -> bytes:
    """At most ``limit`` bytes of ``handle``; raises ``error`` as soon as there are more.

    With the ``size`` of a regular file, the bytes come in one read of that
    size plus one (in case the file grew), with no copy; a pipe is read in
    chunks, joined at the end.
    """
    chunks: list = []
    held = 0
    if size is not None:
        data = handle.read(min(size, limit) + 1)
        if len(data) <= size:
            return data
        chunks, held = [data], len(data)  # the file grew while being read: go on as with a pipe
    while held <= limit:
        chunk = handle.read(min(_CHUNK, limit + 1 - held))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        held += len(chunk)
    chunks.clear()
    raise too_big(path, held, limit, error, option, exact=False)
