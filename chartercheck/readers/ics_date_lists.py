"""Date lists (RDATE, EXDATE) kept to a budget, before the file is parsed.

``icalendar`` builds an object for every date of an RDATE or EXDATE list,
and ``recurring-ical-events`` examines each again: some 75 µs a date. A
4.8 MB file holding one RDATE of 300,000 dates took 7 s and 280 MB; the
largest file accepted would have taken minutes and gigabytes. A file's
lists may hold :data:`MAX_LISTED_DATES` dates together (a series gives at
most :data:`~.ics_recurrence.MAX_OCCURRENCES` posts anyway); the dates
beyond, in file order, are left out, and one CC912 says how many.
"""
from __future__ import annotations

import re

from .normalize import EntryReader

#: Dates all the RDATE and EXDATE lists of one file may hold together.
MAX_LISTED_DATES = 20_000

# A date-list property with its folded continuation lines; the value starts at
# the first colon outside a quoted parameter (an Outlook TZID holds colons).
_DATE_LIST = re.compile(r'^(?:RDATE|EXDATE)(?:;(?:[^:"\r\n]|"[^"\r\n]*")*)?:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*',
                        re.I | re.M)
_FOLD = re.compile(r"\r?\n[ \t]")
_VALUE_START = re.compile(r'^(?:[^:"]|"[^"]*")*:')


def bounded_date_lists(text: str, reader: EntryReader, budget: int = MAX_LISTED_DATES) -> str:
    """``text`` with the date lists cut once they hold ``budget`` dates in all; the cut is reported."""
    if sum(match.group(0).count(",") + 1 for match in _DATE_LIST.finditer(text)) <= budget:
        return text  # the usual case: nothing to cut, no copy of the text
    state = {"left": budget, "cut": 0, "lists": 0}

    def bounded(match: re.Match) -> str:
        line = _FOLD.sub("", match.group(0))
        head = _VALUE_START.match(line)
        if head is None:
            return match.group(0)
        value = line[head.end():]
        count = value.count(",") + 1
        keep = min(count, state["left"])
        state["left"] -= keep
        if keep == count:
            return match.group(0)
        state["cut"] += count - keep
        state["lists"] += 1
        if not keep:
            return ""
        end = -1
        for _ in range(keep):  # the comma after the last date kept (no list of every date)
            end = value.find(",", end + 1)
        return head.group(0) + value[:end]

    out = _DATE_LIST.sub(bounded, text)
    if state["cut"]:
        reader.problem("CC912", None, message="dates_cut", count=f"{state['cut']:,}", lists=state["lists"],
                       limit=f"{budget:,}", key="dates_cut")
    return out
