"""The progress bar: silent off a terminal and for short runs, clears itself when done."""
from __future__ import annotations

import io

from chartercheck.progress import ProgressBar, no_progress, terminal_progress


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class Tty(io.StringIO):
    def isatty(self):
        return True


def test_not_a_terminal_gets_no_bar():
    assert terminal_progress(io.StringIO()) is no_progress
    assert isinstance(terminal_progress(Tty()), ProgressBar)


def test_short_runs_draw_nothing():
    stream, clock = Tty(), FakeClock()
    bar = ProgressBar(stream, clock=clock)
    for done in range(1, 11):
        clock.now += 0.01
        bar(done, 10, "CC101")
    assert stream.getvalue() == ""


def test_long_runs_draw_then_clear():
    stream, clock = Tty(), FakeClock()
    bar = ProgressBar(stream, clock=clock)
    clock.now = 1.0
    bar(5, 20, "CC201")
    drawn = stream.getvalue()
    assert drawn.startswith("\r[") and "5/20" in drawn and "CC201" in drawn
    clock.now = 1.01
    bar(6, 20, "CC202")  # too soon to redraw
    assert stream.getvalue() == drawn
    bar(20, 20)
    assert stream.getvalue().endswith("\r") and stream.getvalue().count("[") == 1


def test_line_is_fixed_width():
    assert len(ProgressBar.line(0, 7, "x")) == len(ProgressBar.line(7, 7, "a-very-long-rule-name-indeed"))
    assert ProgressBar.line(3, 0).startswith("[")  # no division by zero
