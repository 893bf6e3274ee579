"""Find the charter when ``--charter`` is not given.

Order: ``chartercheck.yaml`` or ``.chartercheck.yaml`` in the current
directory or any parent; then ``[tool.chartercheck] charter = "..."`` in the
nearest ``pyproject.toml``; then the embedded default (None).
"""
from __future__ import annotations

import os
import tomllib
from typing import Optional

CHARTER_NAMES = ("chartercheck.yaml", ".chartercheck.yaml")


def discover_charter(start: Optional[str] = None) -> Optional[str]:
    """Path of the charter to use, or None for the embedded default."""
    folder = os.path.abspath(start or os.getcwd())
    while True:
        for name in CHARTER_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return os.path.relpath(candidate)
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject):
            try:
                with open(pyproject, "rb") as handle:
                    config = tomllib.load(handle)
            except (OSError, tomllib.TOMLDecodeError):
                config = {}
            charter = config.get("tool", {}).get("chartercheck", {}).get("charter")
            if isinstance(charter, str):
                return os.path.relpath(os.path.join(folder, charter))
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
