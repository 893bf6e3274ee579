"""The options of ``chartercheck lint``: from the command line and from configuration, merged.

Configuration lives in ``[tool.chartercheck]`` of a ``pyproject.toml`` and in
a charter's ``lint:`` section; both accept ``select``, ``ignore``,
``fail-on``, ``baseline``, ``format``, ``lang`` and ``exclude`` (the table
may also name the ``charter``). Each calendar group (see :mod:`.brands`)
takes, strongest first:

1. the command line;
2. its charter's ``lint:`` section;
3. the ``pyproject.toml`` of its charter: the one that named the charter,
   else the nearest one with a ``[tool.chartercheck]`` table at or above the
   charter's folder;
4. the nearest such ``pyproject.toml`` from the current directory (the run's);
5. the built-in defaults (``--format text``, ``--fail-on error``...).

``select``, ``ignore``, ``baseline``, ``lang`` and ``exclude`` apply per
group. ``format`` and ``fail-on`` are run-wide: one report, one exit code.
With one group they come from its layers; with several, from the command
line, else the run's ``pyproject.toml``. ``exclude`` of the command line and
of the run's ``pyproject.toml`` prunes the walk itself; a group's own
``exclude`` then drops walked files of that group.

Paths in configuration (``baseline``, ``exclude`` globs with ``/``) are
relative to the file that holds them. Unknown keys and wrong values are
errors naming the file and line, with "did you mean".
"""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields
from typing import Optional, Sequence

from .brands import group_by_charter
from .calendar_paths import ExcludePattern, excluded, expand_calendars
from .charter import Charter, load_charter
from .charter.schema import LINT
from .charter.types import Field, Scalar, Section, Where
from .discovery import nearest_config
from .errors import Problem, UsageError
from .yamlsource import YamlMap

#: ``[tool.chartercheck]``: the lint options and the charter to use.
PYPROJECT_TABLE = Section({"charter": Field(Scalar(str), doc="the charter, relative to pyproject.toml"),
                           **LINT.fields}, defaults=False)
DEFAULT_FORMAT = "text"
DEFAULT_FAIL_ON = "error"
_TABLE_HEADER = re.compile(r"^\s*\[\s*tool\s*\.\s*chartercheck\s*\]\s*(#.*)?$")
_KEY_LINE = re.compile(r"^\s*([\"']?)([A-Za-z0-9_-]+)\1\s*=")


@dataclass(frozen=True)
class LintSettings:
    """One layer of options; None means "not said here" (a weaker layer then decides)."""

    select: Optional[tuple[str, ...]] = None
    ignore: Optional[tuple[str, ...]] = None
    fail_on: Optional[str] = None
    baseline: Optional[str] = None
    format: Optional[str] = None
    lang: Optional[str] = None
    exclude: Optional[tuple[ExcludePattern, ...]] = None

    def over(self, weaker: "LintSettings") -> "LintSettings":
        """These settings, with ``weaker``'s where these say nothing."""
        return LintSettings(**{f.name: getattr(self, f.name) if getattr(self, f.name) is not None
                               else getattr(weaker, f.name) for f in fields(self)})


def split_codes(values: Sequence[str]) -> tuple[str, ...]:
    """``["CC1,CC2", "tone"]`` → ``("CC1", "CC2", "tone")``."""
    return tuple(part.strip() for value in values for part in str(value).split(",") if part.strip())


def command_line_settings(fmt: Optional[str], fail_on: Optional[str], select: Sequence[str], ignore: Sequence[str],
                          baseline: Optional[str], lang: Optional[str], exclude: Sequence[str]) -> LintSettings:
    """The layer the command line gives (an option not given says nothing)."""
    return LintSettings(select=split_codes(select) or None, ignore=split_codes(ignore) or None, fail_on=fail_on,
                        baseline=baseline, format=fmt, lang=lang,
                        exclude=tuple(ExcludePattern(p) for p in exclude) or None)


def _settings(data: dict, base: str) -> LintSettings:
    """A layer from checked configuration ``data`` whose paths are relative to folder ``base``."""
    baseline = data.get("baseline")
    return LintSettings(
        select=split_codes(data["select"]) if "select" in data else None,
        ignore=split_codes(data["ignore"]) if "ignore" in data else None,
        fail_on=data.get("fail-on"), format=data.get("format"), lang=data.get("lang"),
        baseline=os.path.normpath(os.path.join(base, baseline)) if baseline else None,
        exclude=tuple(ExcludePattern(p, base) for p in data["exclude"]) if "exclude" in data else None)


def _key_lines(text: str) -> YamlMap:
    """The ``[tool.chartercheck]`` table's line, and each of its keys' (TOML parsers keep none)."""
    table = YamlMap(1)
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _TABLE_HEADER.match(line):
            inside, table.line = True, number
        elif line.lstrip().startswith("["):
            inside = False
        elif inside and (match := _KEY_LINE.match(line)):
            table.key_lines.setdefault(match.group(2), number)
    return table


def read_pyproject(path: str) -> tuple[LintSettings, Optional[str]]:
    """``[tool.chartercheck]`` of ``path``: its options and the charter it names (relative to ``path``).

    Raises :class:`UsageError` naming the file and line of each bad key or value.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        config = tomllib.loads(raw.decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        line = re.search(r"at line (\d+)", reason)
        raise UsageError(Problem(path, int(line.group(1)) if line else None, f"cannot read the configuration: {reason}",
                                 msgid="error.config_unreadable", params=(("reason", reason),))) from None
    table = config.get("tool", {}).get("chartercheck", {})
    shaped = _key_lines(raw.decode("utf-8-sig", "replace"))
    shaped.update(table if isinstance(table, dict) else {})
    problems: list = []
    where = Where(path, "tool.chartercheck", shaped.line, problems)
    data = PYPROJECT_TABLE.convert(shaped if isinstance(table, dict) else table, where)
    if problems:
        raise UsageError(problems)
    base = os.path.dirname(path)
    charter = data.get("charter")
    return _settings(data, base), os.path.normpath(os.path.join(base, charter)) if charter else None


def charter_settings(charter: Charter) -> LintSettings:
    """The ``lint:`` section of ``charter`` (already checked by the charter's loader)."""
    data = charter.get("lint") or {}
    base = "" if charter.is_embedded else os.path.dirname(charter.name)
    return _settings(data, base)


@dataclass
class GroupPlan:
    """One charter, its calendars and its merged settings."""

    charter: Charter
    calendars: list[str]
    settings: LintSettings


@dataclass
class LintPlan:
    """What ``lint`` will do: the groups, and the run-wide format, threshold and language."""

    groups: list[GroupPlan]
    format: str
    fail_on: str
    lang: Optional[str]


class _Configs:
    """Each ``pyproject.toml`` read once."""

    def __init__(self) -> None:
        self.read: dict[str, LintSettings] = {}

    def settings(self, path: Optional[str]) -> LintSettings:
        if path is None:
            return LintSettings()
        if path not in self.read:
            self.read[path] = read_pyproject(path)[0]
        return self.read[path]


def plan_lint(arguments: Sequence[str], charter_path: Optional[str], command_line: LintSettings) -> LintPlan:
    """Walk ``arguments``, group the calendars by charter and merge each group's settings."""
    configs = _Configs()
    run_config_path = nearest_config()
    run_config = configs.settings(run_config_path)
    walking = command_line.over(run_config)
    calendars = expand_calendars(arguments, walking.exclude or ())
    named = {os.path.normcase(os.path.abspath(a)) for a in arguments if a != "-" and not os.path.isdir(a)}
    plans: list[GroupPlan] = []
    for group in group_by_charter(calendars, charter_path):
        charter = load_charter(group.charter)
        config = group.config or (nearest_config(os.path.dirname(os.path.abspath(group.charter)))
                                  if group.charter else run_config_path)
        settings = command_line.over(charter_settings(charter)).over(configs.settings(config)).over(run_config)
        kept = [c for c in group.calendars
                if c == "-" or os.path.normcase(os.path.abspath(c)) in named
                or not excluded(c, settings.exclude or ())]
        if kept:
            plans.append(GroupPlan(charter, kept, settings))
    if not plans:
        raise UsageError(Problem(", ".join(arguments), None,
                                 "no calendar file found (looked for .yaml, .yml, .csv and .ics)",
                                 hint="check the folder, or the exclude patterns", msgid="error.no_calendar_found"))
    run_wide = plans[0].settings if len(plans) == 1 else walking
    return LintPlan(plans, run_wide.format or DEFAULT_FORMAT, run_wide.fail_on or DEFAULT_FAIL_ON,
                    command_line.lang or run_config.lang)
