"""Calendar arguments made into files: files as given, folders walked for calendars.

A folder is walked recursively, in sorted order, so a run over ``brands/``
lints the same files in the same order on every machine. Within it, files
ending in ``.yaml``/``.yml``, ``.csv`` or ``.ics`` are calendars, except:

- hidden files and folders (``.git``, ``.venv``, ``.chartercheck.yaml``...);
- YAML files without a top-level ``posts:`` list: every YAML calendar has
  one, while a charter kept beside the plans it judges (``chartercheck.yaml``,
  or a ``charter.yaml`` named by ``pyproject.toml``), a CI workflow or a
  ``mkdocs.yml`` has none;
- ``pyproject.toml`` and any other extension (never calendars anyway);
- paths matched by an exclusion pattern (``--exclude``, or ``exclude`` in
  configuration).

A file named on the command line is always linted, excluded or not, and
read with the usual checks: naming it is asking for it. Each file is listed
once, at its first mention. Walked paths are written without ``./``.
"""
from __future__ import annotations

import fnmatch
import os
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from .discovery import CHARTER_NAMES
from .errors import Problem, UsageError

CALENDAR_EXTENSIONS = (".yaml", ".yml", ".csv", ".ics")
_TOP_KEY = re.compile(rb"^([A-Za-z_][\w-]*)\s*:", re.M)
#: How much of a YAML file is read to find its top-level `posts:`.
_SNIFF_BYTES = 65536


@dataclass(frozen=True)
class ExcludePattern:
    """A glob (``archive``, ``*.draft.yaml``, ``brands/*/old``) and the folder it is relative to.

    A pattern without ``/`` matches any file or folder of that name; one with
    ``/`` matches the path relative to ``base`` (the current directory for
    ``--exclude``, the configuration file's folder for ``exclude``).
    """

    pattern: str
    base: str = "."

    def matches(self, path: str) -> bool:
        pattern = self.pattern.strip().rstrip("/")
        if "/" not in pattern:
            return fnmatch.fnmatchcase(os.path.basename(os.path.normpath(path)), pattern)
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(self.base)).replace(os.sep, "/")
        return fnmatch.fnmatchcase(relative, pattern.removeprefix("./"))


def excluded(path: str, patterns: Sequence[ExcludePattern]) -> bool:
    """Whether ``path`` or one of its folders matches one of ``patterns``."""
    current = os.path.normpath(path)
    while current and current not in (os.curdir, os.pardir, os.sep):
        if any(pattern.matches(current) for pattern in patterns):
            return True
        parent = os.path.dirname(current)
        if parent == current:
            break
        current = parent
    return False


def _top_keys(head: bytes) -> set[str]:
    """The keys written at the start of a line (a YAML file's top-level keys, roughly)."""
    return {match.decode("ascii", "replace") for match in _TOP_KEY.findall(head.removeprefix(b"\xef\xbb\xbf"))}


def is_walked_calendar(path: str) -> bool:
    """Whether a file met while walking a folder is a calendar (see the module's documentation)."""
    lower = path.lower()
    if not lower.endswith(CALENDAR_EXTENSIONS) or os.path.basename(path) in CHARTER_NAMES:
        return False
    if not lower.endswith((".yaml", ".yml")):
        return True
    try:
        with open(path, "rb") as handle:
            return "posts" in _top_keys(handle.read(_SNIFF_BYTES))
    except OSError:  # the read itself reports it, with its usual message
        return True


def walk_calendars(folder: str, exclude: Sequence[ExcludePattern] = ()) -> Iterator[str]:
    """The calendar files under ``folder``, recursively, in sorted order (folders after files)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        raise UsageError(Problem(folder, None, f"cannot read the folder: {exc.strerror or exc}",
                                 msgid="error.cannot_read_folder",
                                 params=(("reason", exc.strerror or str(exc)),))) from None
    folders = []
    for name in names:
        path = os.path.normpath(os.path.join(folder, name))
        if name.startswith(".") or any(pattern.matches(path) for pattern in exclude):
            continue
        if os.path.isdir(path):
            if not os.path.islink(path):  # a link may lead back up: never followed
                folders.append(path)
        elif is_walked_calendar(path):
            yield path
    for path in folders:
        yield from walk_calendars(path, exclude)


def expand_calendars(arguments: Iterable[str], exclude: Sequence[ExcludePattern] = ()) -> list[str]:
    """Files to lint for the command line's ``arguments``: folders walked, each file once.

    Raises :class:`UsageError` when folders were given and none holds a calendar.
    """
    found: list[str] = []
    seen: set[str] = set()
    folders: list[str] = []
    for argument in arguments:
        if argument != "-" and os.path.isdir(argument):
            folders.append(argument)
            paths: Iterable[str] = walk_calendars(argument, exclude)
        else:
            paths = (argument,)
        for path in paths:
            identity = path if path == "-" else os.path.normcase(os.path.abspath(path))
            if identity not in seen:
                seen.add(identity)
                found.append(path)
    if folders and not found:
        where = ", ".join(folders)
        raise UsageError(Problem(where, None, "no calendar file found (looked for .yaml, .yml, .csv and .ics)",
                                 hint="check the folder, or the exclude patterns",
                                 msgid="error.no_calendar_found"))
    return found
