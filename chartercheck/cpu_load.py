"""How many CPUs are idle right now: what ``--jobs auto`` may use without slowing the run down.

Worker processes only pay when they get a CPU of their own. On a laptop
compiling something, or a CI runner whose other job holds a core, a worker
that has to share a CPU with the main process (which runs the rules) makes
the whole run slower than no worker at all: each process waits for the other,
and the work handed over has to be copied back.

On an idle machine the workers take every CPU, the main process's included:
it spends part of its time waiting for their results, and measured on two
CPUs, two workers beside it beat one (3.6 s against 4.1 s at 10,000 posts).
So ``auto`` looks at what the other processes of the machine used while this
one was reading its calendars, and counts only the CPUs they leave idle: :func:`sample` is taken when the command starts,
and :func:`spare_cpus` compares the counters of ``/proc/stat`` (only the CPUs
this process may run on) with it when the engine has to decide, this
process's own CPU time taken out. Where there is no ``/proc/stat`` (macOS, the
BSDs), the one-minute load average stands in for the other processes; where
neither exists, every usable CPU is taken to be idle, as before.

Nothing here changes what a run finds: only how many processes find it.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Optional

#: Shortest window worth reading: the kernel counts CPU time in ticks of 10 ms,
#: so a shorter window says little. A run that decides sooner waits for the rest.
MIN_WINDOW = 0.1
#: A CPU counts as spare when at least this much of it is idle: a worker on a
#: half-busy CPU runs at half speed, and the main process waits for its results.
SPARE_THRESHOLD = 0.6


@dataclass(frozen=True)
class Sample:
    """The CPU counters at one moment: busy ticks of the usable CPUs, and this process's CPU seconds."""

    at: float
    busy_ticks: Optional[int]
    own_seconds: float


def _usable_ids() -> Optional[set[int]]:
    try:
        return set(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return None


def _busy_ticks(path: str = "/proc/stat") -> Optional[int]:
    """Ticks spent on anything but idle and I/O wait, summed over this process's CPUs; ``None``
    without a readable ``/proc/stat``."""
    usable = _usable_ids()
    try:
        with open(path, "rb") as stat:
            lines = stat.read(1 << 16).splitlines()
    except OSError:
        return None
    busy = 0
    seen = False
    for line in lines:
        # "cpu3 user nice system idle iowait irq softirq steal guest guest_nice": per CPU lines only
        if not line.startswith(b"cpu") or line.startswith(b"cpu "):
            continue
        name, *counters = line.split()
        try:
            ident = int(name[3:])
            user, nice, system, _idle, _iowait, irq, softirq, steal = (int(c) for c in counters[:8])
        except ValueError:
            return None  # an unknown layout: say nothing rather than something wrong
        if usable is None or ident in usable:
            busy += user + nice + system + irq + softirq + steal
            seen = True
    return busy if seen else None


def sample() -> Sample:
    """The counters now (a few microseconds: one read of ``/proc/stat``)."""
    times = os.times()
    return Sample(time.monotonic(), _busy_ticks(), times.user + times.system)


def spare_cpus(since: Sample, usable: int) -> int:
    """CPUs out of ``usable`` that the other processes left idle since ``since`` (this process's
    own CPU time does not count as theirs): how many processes this run can keep busy without
    waiting for a CPU, the main one included."""
    window = time.monotonic() - since.at
    if window < MIN_WINDOW:
        time.sleep(MIN_WINDOW - window)
    now = sample()
    others = _others_busy(since, now)
    return max(0, int(usable - others + (1 - SPARE_THRESHOLD)))


def _others_busy(since: Sample, now: Sample) -> float:
    """How many CPUs the other processes kept busy between two samples, on average."""
    window = now.at - since.at
    if since.busy_ticks is not None and now.busy_ticks is not None and window > 0:
        ticks_per_second = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
        busy = (now.busy_ticks - since.busy_ticks) / ticks_per_second
        return max(0.0, busy - (now.own_seconds - since.own_seconds)) / window
    try:
        return os.getloadavg()[0]  # every runnable process, this one too if it ran for a while
    except (AttributeError, OSError):
        return 0.0
