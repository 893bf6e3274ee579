"""A progress bar on standard error for long runs on a terminal.

The engine reports progress through a plain callback, ``progress(done,
total, label)``, called after each step (each rule run). :func:`terminal_progress`
returns such a callback: it draws nothing unless the stream is a terminal
and the run has already taken :data:`DELAY` seconds, so short runs, pipes
and CI logs never see it; it clears its line when ``done == total``.
"""
from __future__ import annotations

import sys
import time
from typing import Callable, Optional, TextIO

#: Runs shorter than this never show a bar (seconds).
DELAY = 0.5
#: At most this many redraws per second, so drawing never slows the run.
REDRAW_INTERVAL = 0.1
WIDTH = 30

ProgressCallback = Callable[[int, int, str], None]


def no_progress(done: int, total: int, label: str = "") -> None:
    """The callback that draws nothing."""


class ProgressBar:
    """``[#######.......]  12/40 CC201`` on one line of ``stream``, redrawn in place."""

    def __init__(self, stream: TextIO, delay: float = DELAY, clock: Callable[[], float] = time.monotonic):
        self.stream = stream
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.last_draw: Optional[float] = None
        self.drawn = False

    def __call__(self, done: int, total: int, label: str = "") -> None:
        now = self.clock()
        if done >= total:
            self.clear()
            return
        if now - self.started < self.delay:
            return
        if self.last_draw is not None and now - self.last_draw < REDRAW_INTERVAL:
            return
        self.last_draw = now
        self.stream.write("\r" + self.line(done, total, label))
        self.stream.flush()
        self.drawn = True

    @staticmethod
    def line(done: int, total: int, label: str = "") -> str:
        """The bar's text, fixed width so redraws overwrite cleanly."""
        total = max(total, 1)
        filled = min(WIDTH, WIDTH * max(done, 0) // total)
        from .control_chars import escape_controls  # a post id from the data: never a terminal command
        return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {done:>4}/{total:<4} {escape_controls(label[:16])[:16]:<16}"

    def clear(self) -> None:
        if self.drawn:
            self.stream.write("\r" + " " * (WIDTH + 30) + "\r")
            self.stream.flush()
            self.drawn = False


def terminal_progress(stream: Optional[TextIO] = None) -> ProgressCallback:
    """A bar on ``stream`` (standard error) if it is a terminal, else :func:`no_progress`."""
    stream = stream if stream is not None else sys.stderr
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):
        interactive = False
    return ProgressBar(stream) if interactive else no_progress
