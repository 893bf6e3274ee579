"""The output options of ``lint``, checked: ``--report FORMAT:PATH`` and colour.

One run writes its main report (``--format``, ``-o``) and any number of
extra reports (``--report sarif:out.sarif --report junit:out.xml``), so CI
lints once and feeds each consumer its format. The targets are checked
before the run, so a typo costs nothing. Each target is one (format, path)
pair; a run of several charters writes each target once, with every
charter's findings in it.

Colour follows the conventions terminals share, strongest first: the
``--color``/``--no-color`` flag; ``NO_COLOR`` (https://no-color.org: set and
not empty turns colour off); ``FORCE_COLOR`` (set and not empty turns it on,
even through a pipe); else colour only on a terminal. ``NO_COLOR`` before
``FORCE_COLOR`` is the order Python itself follows. The variables are about
standard output: the command line colours a report file only on ``--color``.
"""
from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional

from .errors import Problem, UsageError


@dataclass(frozen=True)
class ReportTarget:
    """One extra report: its format and the file it is written to."""

    format: str
    path: str


def parse_report_targets(values: Iterable[str], formats: Iterable[str],
                         main_output: Optional[str] = None) -> list[ReportTarget]:
    """The ``--report`` values as targets; raises :class:`UsageError` naming the bad one."""
    known = list(formats)
    targets: list[ReportTarget] = []
    taken = {os.path.abspath(main_output)} if main_output else set()
    for value in values:
        fmt, colon, path = value.partition(":")
        fmt = fmt.strip().lower()
        if not colon or not fmt or not path:
            raise UsageError(Problem("--report", None, f"{value!r} is not FORMAT:PATH",
                                     hint="e.g. --report sarif:chartercheck.sarif",
                                     msgid="error.report_spec", params=(("value", repr(value)),)))
        if fmt not in known:
            close = difflib.get_close_matches(fmt, known, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "formats: " + ", ".join(known)
            raise UsageError(Problem("--report", None, f"unknown format {fmt!r}", hint=hint,
                                     msgid="error.report_format", params=(("format", repr(fmt)),),
                                     hint_params=(("_id", "error.did_you_mean" if close else "error.known_formats"),
                                                  ("suggestion", repr(close[0]) if close else ""),
                                                  ("known", ", ".join(known)))))
        if path == "-":
            raise UsageError(Problem("--report", None, "standard output carries the --format report",
                                     hint=f"give it a file, e.g. --report {fmt}:chartercheck-report",
                                     msgid="error.report_stdout", params=(("format", fmt),)))
        if os.path.abspath(path) in taken:
            raise UsageError(Problem("--report", None, f"{path} would be written twice",
                                     hint="give each report its own file",
                                     msgid="error.report_twice", params=(("path", path),)))
        taken.add(os.path.abspath(path))
        targets.append(ReportTarget(fmt, path))
    return targets


def wants_color(flag: Optional[bool], to_terminal: bool, environ: Optional[Mapping[str, str]] = None) -> bool:
    """Whether to colour: the flag if given, else ``NO_COLOR``, else ``FORCE_COLOR``, else ``to_terminal``."""
    if flag is not None:
        return flag
    environ = os.environ if environ is None else environ
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR"):
        return True
    return to_terminal
