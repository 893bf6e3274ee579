"""Extra sub-commands, one module each, attached to the CLI at import.

Each module defines ``register(main, charter_group)`` and adds its click
commands there; keeping them apart keeps ``cli.py`` small.
"""
from __future__ import annotations

import importlib
import pkgutil


def register_all(main, charter_group) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):  # helpers of the commands, not commands
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(main, charter_group)
