"""Output formats: each is a pure function ``Report -> str``."""
from __future__ import annotations

import importlib
from typing import Callable

from ..model import Report

#: format name → module exposing ``render(report, **options) -> str``.
FORMATS = {
    "text": "text", "json": "json_format", "sarif": "sarif", "github": "github",
    "junit": "junit", "markdown": "markdown", "html": "html",
}


def available_formats() -> list[str]:
    """Formats whose module ships in this installation."""
    out = []
    for name, module in FORMATS.items():
        try:
            importlib.import_module(f"{__name__}.{module}")
        except ModuleNotFoundError:
            continue
        out.append(name)
    return out


def get_formatter(name: str) -> Callable[..., str]:
    """The ``render`` function of format ``name``; raises ``KeyError`` when unknown."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return module.render


__all__ = ["FORMATS", "Report", "available_formats", "get_formatter"]
