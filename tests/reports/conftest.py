"""Shared fixtures of the report tests: one small week linted with a pinned --now.

Every test runs from the repository root, so report paths are the relative
``tests/reports/data/...`` a CI job would see.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from chartercheck import load_charter
from chartercheck.engine import LintOptions, run
from chartercheck.timeutil import parse_cli_datetime

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
DATA = "tests/reports/data"
CHARTER = f"{DATA}/charter.yaml"
WEEK = f"{DATA}/week.yaml"
#: What the tests lint: cadence and input rules only, so reports do not move with text lexicons.
SELECT = ["CC1", "CC9"]
NOW, FROM, UNTIL = "2026-11-20T09:00", "2026-11-23", "2026-11-29"
CLI_ARGS = ["--charter", CHARTER, "--now", NOW, "--from", FROM, "--until", UNTIL, "--select", ",".join(SELECT)]


@pytest.fixture(autouse=True)
def at_repo_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    # Reports resolve paths against a CI checkout when one is named: the tests' checkout is the root.
    for name in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        monkeypatch.delenv(name, raising=False)


def lint(calendars=(WEEK,), charter_path=CHARTER, lang=None, select=SELECT):
    """(report, posts, charter) of a pinned run, as the CLI would produce them."""
    os.chdir(ROOT)
    charter = load_charter(charter_path)
    options = LintOptions(lang=lang, now=parse_cli_datetime(NOW, charter.tz),
                          start=parse_cli_datetime(FROM, charter.tz),
                          end=parse_cli_datetime(UNTIL, charter.tz, end_of_day=True), select=list(select))
    report = run(list(calendars), charter, options)
    posts = report.read_posts  # what the CLI hands the formatters
    return report, posts, charter


@pytest.fixture
def week():
    return lint()


def post_lines(path, post_id: str) -> range:
    """Line numbers (1-based) of the YAML block of post ``post_id`` in ``path``."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines, 1) if line.strip() == f"- id: {post_id}")
    end = next((i for i, line in enumerate(lines[start:], start + 1) if line.strip().startswith("- id:")),
               len(lines) + 1)
    return range(start, end)
