"""--jobs auto starts workers only on CPUs the other processes leave idle (chartercheck.cpu_load)."""
import os
import time

import pytest
from click.testing import CliRunner

import chartercheck
from chartercheck import cpu_load, engine, parallel
from chartercheck.cli import main
from chartercheck.cpu_load import Sample

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def spare_after(monkeypatch, *, usable, others, own=1.0, window=1.0):
    """spare_cpus when, over ``window`` seconds, other processes kept ``others`` CPUs busy and this
    one used ``own`` CPU seconds."""
    since = Sample(at=100.0, busy_ticks=10_000, own_seconds=5.0)
    busy = round((others * window + own) * TICKS)
    now = Sample(at=100.0 + window, busy_ticks=10_000 + busy, own_seconds=5.0 + own)
    monkeypatch.setattr(cpu_load, "sample", lambda: now)
    monkeypatch.setattr(cpu_load.time, "monotonic", lambda: now.at)
    return cpu_load.spare_cpus(since, usable)


@pytest.mark.parametrize("usable, others, spare", [
    (2, 0.0, 2),   # an idle two-core machine: two workers (the main process mostly waits for them)
    (2, 1.0, 1),   # another process holds a core: one
    (2, 1.5, 0),   # half a core free is not worth a worker
    (2, 1.7, 0),
    (2, 2.0, 0),   # every CPU busy: the run stays in one process
    (2, 0.3, 2),
    (4, 1.0, 3),
    (1, 0.0, 1),
    (8, 9.0, 0),   # never negative
])
def test_spare_cpus_are_those_the_other_processes_leave_idle(monkeypatch, usable, others, spare):
    assert spare_after(monkeypatch, usable=usable, others=others) == spare


def test_this_process_own_time_is_not_counted_as_the_others(monkeypatch):
    # two full CPUs busy over the window, both of them this process's own (threads, a library)
    assert spare_after(monkeypatch, usable=4, others=0.0, own=2.0) == 4


def test_a_short_window_is_waited_out(monkeypatch):
    since = cpu_load.sample()
    started = time.monotonic()
    cpu_load.spare_cpus(since, 2)
    assert time.monotonic() - started >= cpu_load.MIN_WINDOW * 0.9


def test_without_proc_stat_the_load_average_stands_in(monkeypatch):
    monkeypatch.setattr(cpu_load.os, "getloadavg", lambda: (1.0, 0.5, 0.2))
    since, now = Sample(0.0, None, 0.0), Sample(1.0, None, 1.0)
    assert cpu_load._others_busy(since, now) == 1.0


def test_without_anything_every_cpu_looks_idle(monkeypatch):
    def no_load_average():
        raise OSError("not here")

    monkeypatch.setattr(cpu_load.os, "getloadavg", no_load_average)
    assert cpu_load._others_busy(Sample(0.0, None, 0.0), Sample(1.0, None, 1.0)) == 0.0


def test_proc_stat_counts_only_the_usable_cpus(tmp_path, monkeypatch):
    stat = tmp_path / "stat"
    stat.write_text("cpu  10 10 10 10 10 10 10 10 0 0\n"
                    "cpu0 1 2 3 100 50 4 5 6 0 0\n"
                    "cpu1 10 20 30 100 50 40 50 60 0 0\n"
                    "intr 12345\nctxt 99\n")
    monkeypatch.setattr(cpu_load, "_usable_ids", lambda: {1})
    assert cpu_load._busy_ticks(str(stat)) == 10 + 20 + 30 + 40 + 50 + 60
    monkeypatch.setattr(cpu_load, "_usable_ids", lambda: None)
    assert cpu_load._busy_ticks(str(stat)) == 21 + 210
    stat.write_text("cpu0 one two\n")
    assert cpu_load._busy_ticks(str(stat)) is None
    assert cpu_load._busy_ticks(str(tmp_path / "missing")) is None


@pytest.mark.skipif(not os.path.exists("/proc/stat"), reason="Linux counters")
def test_the_counters_move_when_this_process_works():
    before = cpu_load.sample()
    deadline = time.process_time() + 0.1
    while time.process_time() < deadline:
        pass
    after = cpu_load.sample()
    assert after.own_seconds - before.own_seconds >= 0.05  # counted in ticks of 10 ms
    assert after.busy_ticks > before.busy_ticks


# -- what the command and the engine do with it -----------------------------------------------

def test_auto_gives_the_engine_a_sample_and_a_number_does_not(monkeypatch):
    asked = []
    real_run = engine.run
    monkeypatch.setattr(engine, "run", lambda c, ch=None, o=None: asked.append(o) or real_run(c, ch, o))
    monkeypatch.delenv("CHARTERCHECK_JOBS", raising=False)
    week = ["lint", "sample_calendars/week48-clean.yaml", "--now", "2026-11-21T09:00"]
    for jobs in ("auto", "2"):
        assert CliRunner().invoke(main, [*week, "--jobs", jobs], catch_exceptions=False).exit_code == 0
    auto, two = asked
    assert isinstance(auto.cpu_since, Sample) and auto.jobs == parallel.usable_cpus()
    assert two.cpu_since is None and two.jobs == 2


@pytest.fixture
def big_run(monkeypatch):
    """A run the engine finds big enough for workers; records how many it asks facts_ahead for."""
    monkeypatch.setattr(engine, "PARALLEL_POSTS_MIN", 1)
    asked = []
    real = engine.facts_ahead

    def recording(blocks, workers, options):
        asked.append(workers)
        return real(blocks, 0, options)  # the work itself in this process: only the decision matters

    monkeypatch.setattr(engine, "facts_ahead", recording)
    charter = chartercheck.load_charter("charters/velo-lumiere.yaml")

    def run(**options):
        engine.run(["sample_calendars/tone-week.yaml"], charter, engine.LintOptions(**options))
        return asked
    return run


@pytest.mark.parametrize("spare, workers", [(0, []), (1, [1]), (3, [3])])
def test_auto_takes_only_the_spare_cpus(monkeypatch, big_run, spare, workers):
    monkeypatch.setattr(cpu_load, "spare_cpus", lambda since, usable: min(spare, usable))
    assert big_run(jobs=4, cpu_since=Sample(0.0, None, 0.0)) == workers


def test_an_explicit_number_is_obeyed_whatever_the_load(monkeypatch, big_run):
    monkeypatch.setattr(cpu_load, "spare_cpus", lambda since, usable: 0)
    assert big_run(jobs=3) == [3]
    assert big_run(jobs=1) == [3]  # the list is the fixture's: one process asked for no workers
