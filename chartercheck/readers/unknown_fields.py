"""Fields chartercheck does not read (CC916): each named with the closest known field, a bounded few.

A typo (``chanel:``, a ``Pillar`` column) silently loses information, so every
unknown field is reported with the known field it most resembles ("did you
mean 'channel'?"), or, when none is close, with the list of fields
chartercheck reads.  The first :data:`MAX_NAMED` of one entry (or of a CSV
header) are reported one by one; the others in one count (why: a header of a
million columns cost a million look-ups for the closest name, and as many
findings nobody reads).
"""
from __future__ import annotations

import difflib
from typing import Iterable, Optional

from .normalize import EntryReader

#: Unknown fields of one entry (or one CSV header) reported one by one.
MAX_NAMED = 20


def report_unknown_fields(reader: EntryReader, fields: list[tuple[str, Optional[int]]], known: Iterable[str],
                          post_id: Optional[str] = None, keyed_by_name: bool = False) -> None:
    """Report ``fields`` (``(name, line)`` pairs) as CC916 on ``reader``: see the module docstring.

    ``keyed_by_name`` gives each finding its field's name as its key (a CSV header's
    columns); otherwise the key is the message's, as it always was for YAML entries, so
    that baselines written before still hold.
    """
    known = list(known)
    for name, line in fields[:MAX_NAMED]:
        close = difflib.get_close_matches(name, known, n=1)
        key = name if keyed_by_name else "message"
        if close:
            reader.problem("CC916", line, post_id, field=name, field_name=name, suggestion=close[0], key=key)
        else:
            reader.problem("CC916", line, post_id, message="no_match", field=name, field_name=name,
                           known=", ".join(known), key=key)
    rest = fields[MAX_NAMED:]
    if rest:
        name, line = rest[0]
        reader.problem("CC916", line, post_id, message="more", field=name, field_name=name, count=f"{len(rest):,}",
                       named=MAX_NAMED, known=", ".join(known), key="more")
