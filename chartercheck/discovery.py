"""Find the charter when ``--charter`` is not given.

Order: ``chartercheck.yaml`` or ``.chartercheck.yaml`` in the starting
directory or any parent; then ``[tool.chartercheck] charter = "..."`` in the
nearest ``pyproject.toml``; then the embedded default (None). The search
starts from each calendar's own folder (standard input: the current
directory), so every calendar meets its nearest charter.
"""
from __future__ import annotations

import os
import tomllib
from typing import Optional

CHARTER_NAMES = ("chartercheck.yaml", ".chartercheck.yaml")


def read_tool_table(pyproject: str) -> Optional[dict]:
    """The ``[tool.chartercheck]`` table of ``pyproject`` (None when absent or unreadable).

    A broken ``pyproject.toml`` is skipped here; the configuration reader
    reports it when it is the one that configures the run.
    """
    try:
        with open(pyproject, "rb") as handle:
            config = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return None
    table = config.get("tool", {}).get("chartercheck")
    return table if isinstance(table, dict) else None


def discover(start: Optional[str] = None) -> tuple[Optional[str], Optional[str]]:
    """``(charter, pyproject)``: the charter to use (None: embedded default) and the
    ``pyproject.toml`` that named it (None when a ``chartercheck.yaml`` was found, or nothing)."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        for name in CHARTER_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return os.path.relpath(candidate), None
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject):
            charter = (read_tool_table(pyproject) or {}).get("charter")
            if isinstance(charter, str):
                return os.path.relpath(os.path.join(folder, charter)), os.path.relpath(pyproject)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None, None
        folder = parent


def discover_charter(start: Optional[str] = None) -> Optional[str]:
    """Path of the charter to use, or None for the embedded default."""
    return discover(start)[0]


def nearest_config(start: Optional[str] = None) -> Optional[str]:
    """The nearest ``pyproject.toml`` at or above ``start`` holding a ``[tool.chartercheck]`` table.

    One that cannot be parsed is returned too: it may hold the table, and
    reading it as configuration says what is wrong rather than ignoring it.
    """
    folder = os.path.abspath(start or os.getcwd())
    while True:
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and (read_tool_table(pyproject) is not None or not _parses(pyproject)):
            return os.path.relpath(pyproject)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _parses(pyproject: str) -> bool:
    try:
        with open(pyproject, "rb") as handle:
            tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return True
