"""Helpers to lint small in-memory charters and calendars (tests, docstring examples).

``lint_text(charter_yaml, calendar_text, fmt="yaml", select=["CC101"])`` returns
a :class:`~chartercheck.model.Report`. A charter without ``version`` gets
``version: 1`` and, unless it says otherwise, ``brand.timezone: Europe/Paris``.
"""
from __future__ import annotations

from typing import Optional

import yaml

from .charter import Charter, load_charter_text
from .engine import LintOptions, run
from .model import Report
from .readers import CalendarSource
from .timeutil import parse_cli_datetime

#: The reference time of examples unless they give ``now:``.
EXAMPLE_NOW = "2026-11-20 09:00"


def charter_from_text(text: str = "") -> Charter:
    """A charter from YAML text, filling ``version`` and the brand's zone when absent."""
    data = yaml.safe_load(text or "") or {}
    data.setdefault("version", 1)
    data.setdefault("brand", {}).setdefault("timezone", "Europe/Paris")
    return load_charter_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "charter.yaml")


def lint_text(charter_yaml: str, calendar: str, fmt: str = "yaml", *, path: Optional[str] = None,
              now: str = EXAMPLE_NOW, **options) -> Report:
    """Lint a calendar given as text against a charter given as YAML text."""
    charter = charter_from_text(charter_yaml)
    source = CalendarSource(path or f"calendar.{fmt}", calendar.encode("utf-8"), fmt)
    options.setdefault("now", parse_cli_datetime(now, charter.tz))
    if not options.get("select"):
        # Small test charters are not meant to be complete strategies: keep the
        # charter lint (CC8xx) out of the way unless a test asks for it.
        options["ignore"] = list(options.get("ignore", ())) + ["CC8"]
    return run([source], charter, LintOptions(**options))


def run_example(block: str, code: str) -> Report:
    """Run a docstring example: YAML with ``charter:``, ``posts:`` and optional ``now:``."""
    data = yaml.safe_load(block) or {}
    charter_yaml = yaml.safe_dump(data.get("charter") or {}, allow_unicode=True)
    calendar = {"posts": data.get("posts") or []}
    if "calendar" in data:
        calendar["calendar"] = data["calendar"]
    return lint_text(charter_yaml, yaml.safe_dump(calendar, allow_unicode=True, sort_keys=False),
                     now=str(data.get("now", EXAMPLE_NOW)), select=[code])


def calendar_yaml(*posts) -> str:
    """A YAML calendar from ``(id, channel, at, text)`` tuples."""
    return yaml.safe_dump({"posts": [{"id": p[0], "channel": p[1], "at": p[2], "text": p[3]} for p in posts]},
                          allow_unicode=True, sort_keys=False)


def found(report: Report, code: str) -> list:
    """Post ids of the findings of ``code``, in report order."""
    return [f.location.post_id for f in report.findings if f.code == code]


def lint_posts(charter_yaml: str, *posts, code: str, **options) -> Report:
    """Lint ``(id, channel, at, text)`` tuples with only rule ``code`` selected."""
    return lint_text(charter_yaml, calendar_yaml(*posts), select=[code], **options)
