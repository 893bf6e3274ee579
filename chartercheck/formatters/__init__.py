"""Output formats: each is a pure function ``Report -> str``, most also written piece by piece.

A format module exposes ``render(report, **options) -> str`` and, to be
written as it is produced, ``chunks(report, **options)``: the same text as
an iterator of pieces, so that a large report never exists twice (as data
and as one string). ``html`` is built whole: its page embeds the calendar's
data and lists at most a bounded number of findings.
"""
from __future__ import annotations

import importlib
from typing import Callable, Iterator

from ..model import Report

#: format name → module exposing ``render(report, **options) -> str`` (and maybe ``chunks``).
FORMATS = {
    "text": "text", "concise": "concise", "json": "json_format", "sarif": "sarif", "github": "github",
    "gitlab": "gitlab", "junit": "junit", "markdown": "markdown", "html": "html",
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


def get_chunks(name: str) -> Callable[..., Iterator[str]]:
    """The ``chunks`` function of format ``name`` (its ``render`` as one piece if it has none).

    Joined, the pieces are exactly what ``render`` returns. Raises ``KeyError`` when unknown.
    """
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    streaming = getattr(module, "chunks", None)
    if streaming is not None:
        return streaming
    render = module.render

    def whole(report: Report, **options) -> Iterator[str]:
        yield render(report, **options)
    return whole


__all__ = ["FORMATS", "Report", "available_formats", "get_chunks", "get_formatter"]
