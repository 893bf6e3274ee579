"""--jobs: 'auto' by default (the usable CPUs), CHARTERCHECK_JOBS, and the same findings when
worker processes cannot start or die midway."""
import concurrent.futures
import multiprocessing
import os
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest
from click.testing import CliRunner

import chartercheck
from chartercheck import engine, parallel
from chartercheck.cli import main
from chartercheck.timeutil import parse_cli_datetime

WEEK = ["sample_calendars/week48-clean.yaml", "--charter", "charters/velo-lumiere.yaml",
        "--now", "2026-11-21T09:00", "--select", "CC1"]
TWO_FILES = ["sample_calendars/previous-weeks-published.yaml", "sample_calendars/week48-faulty.yaml"]
TONE_WEEK = ["sample_calendars/tone-week.yaml"]
MAIN_PID = os.getpid()


# -- what the command line asks for ------------------------------------------------------------

@pytest.fixture
def jobs_asked(monkeypatch):
    """The ``jobs`` the command line puts in LintOptions (the run itself goes on as usual)."""
    asked = []
    real_run = engine.run

    def recording_run(calendars, charter=None, options=None):
        asked.append(options.jobs)
        return real_run(calendars, charter, options)

    monkeypatch.setattr(engine, "run", recording_run)
    monkeypatch.delenv("CHARTERCHECK_JOBS", raising=False)
    return asked


def lint(*args, env=None):
    return CliRunner().invoke(main, ["lint", *WEEK, *args], env=env, catch_exceptions=False)


def test_default_is_every_usable_cpu(jobs_asked):
    assert lint().exit_code == 0
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert jobs_asked == [max(1, expected)] == [parallel.usable_cpus()]


@pytest.mark.parametrize("args, env, expected", [
    (["--jobs", "auto"], None, "cpus"),
    (["-j", "AUTO"], None, "cpus"),
    (["-j", "1"], None, 1),
    (["--jobs", "3"], None, 3),
    ([], {"CHARTERCHECK_JOBS": "3"}, 3),
    ([], {"CHARTERCHECK_JOBS": "auto"}, "cpus"),
    (["-j", "1"], {"CHARTERCHECK_JOBS": "3"}, 1),  # the option wins over the environment
])
def test_jobs_option_and_environment(jobs_asked, args, env, expected):
    assert lint(*args, env=env).exit_code == 0
    assert jobs_asked == [parallel.usable_cpus() if expected == "cpus" else expected]


@pytest.mark.parametrize("args, env", [
    (["-j", "0"], None), (["-j", "-2"], None), (["--jobs", "two"], None), (["-j", "1.5"], None),
    ([], {"CHARTERCHECK_JOBS": "many"}),
])
def test_invalid_jobs_is_a_usage_error(jobs_asked, args, env):
    result = lint(*args, env=env)
    assert result.exit_code == 2
    assert "is not a number of processes (1 or more) or 'auto'" in result.output
    assert "Traceback" not in result.output and jobs_asked == []


def test_a_small_lint_does_not_load_process_pools():
    script = ("import sys\n"
              "from chartercheck.cli import main\n"
              "try:\n"
              f"    main(['lint', *{WEEK!r}])\n"
              "except SystemExit:\n"
              "    pass\n"
              "loaded = sorted(m for m in ('multiprocessing', 'concurrent.futures') if m in sys.modules)\n"
              "print(loaded, file=sys.stderr)\n")
    env = {key: value for key, value in os.environ.items() if key != "CHARTERCHECK_JOBS"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert done.stderr.strip() == "[]"


def test_usable_cpus_without_an_affinity_mask(monkeypatch):
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert parallel.usable_cpus() == 3
    monkeypatch.setattr(os, "cpu_count", lambda: None)  # unknown: one process
    assert parallel.usable_cpus() == 1


def test_library_default_stays_single_process():
    assert engine.LintOptions().jobs == 1


# -- same findings whatever happens to the worker processes ------------------------------------

def findings_of(calendars, jobs):
    charter = chartercheck.load_charter("charters/velo-lumiere.yaml")
    now = parse_cli_datetime("2026-11-21 09:00", charter.tz)
    report = engine.run(calendars, charter, engine.LintOptions(now=now, jobs=jobs))
    return [finding.to_dict() for finding in report.findings]


@pytest.fixture
def pooled_everything(monkeypatch):
    """Small inputs take the parallel paths: several blocks of posts, files of any size."""
    monkeypatch.setattr(engine, "PARALLEL_POSTS_MIN", 1)
    monkeypatch.setattr(engine, "POST_BLOCK", 4)
    monkeypatch.setattr(engine, "PARALLEL_BYTES_MIN", 0)


class PoolThatCannotStart:
    """Stands for ProcessPoolExecutor where processes or semaphores are not allowed."""

    error = OSError
    attempts = 0

    def __init__(self, *args, **kwargs):
        type(self).attempts += 1
        raise self.error("no worker processes here")


@pytest.mark.parametrize("error", [OSError, PermissionError, NotImplementedError, ImportError])
@pytest.mark.parametrize("calendars, pools", [(TWO_FILES, 2), (TONE_WEEK, 1)],
                         ids=["many-files", "big-calendar"])
def test_a_pool_that_cannot_start_gives_the_serial_findings(monkeypatch, pooled_everything, error,
                                                            calendars, pools):
    serial = findings_of(calendars, jobs=1)
    monkeypatch.setattr(PoolThatCannotStart, "error", error)
    monkeypatch.setattr(PoolThatCannotStart, "attempts", 0)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", PoolThatCannotStart)
    assert findings_of(calendars, jobs=2) == serial
    # two files: one pool to read them, then one to analyse their blocks of texts
    assert serial and PoolThatCannotStart.attempts == pools


def test_the_command_line_falls_back_without_a_word(monkeypatch, pooled_everything):
    args = ["lint", *TWO_FILES, *WEEK[1:], "--format", "json"]
    serial = CliRunner().invoke(main, [*args, "-j", "1"], catch_exceptions=False)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", PoolThatCannotStart)
    fallen_back = CliRunner().invoke(main, [*args, "-j", "2"], catch_exceptions=False)
    assert (fallen_back.exit_code, fallen_back.output) == (serial.exit_code, serial.output)


class PoolThatBreaks:
    """Computes in this process, until the ``survives``-th submitted call: from there on every
    result is a BrokenProcessPool, as when a worker is killed (out of memory) midway."""

    survives = 2
    submitted = 0

    def __init__(self, max_workers):
        self.max_workers = max_workers

    def submit(self, func, *args):
        future = Future()
        type(self).submitted += 1
        if type(self).submitted > self.survives:
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(func(*args))
        return future

    def shutdown(self, wait=True, cancel_futures=False):
        pass


@pytest.fixture
def breaking_pool(monkeypatch):
    monkeypatch.setattr(PoolThatBreaks, "submitted", 0)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", PoolThatBreaks)


def test_a_pool_broken_midway_gives_each_block_once(monkeypatch, breaking_pool):
    charter = chartercheck.load_charter("charters/velo-lumiere.yaml")
    posts = engine.read_all(TONE_WEEK, charter, engine.LintOptions()).posts
    blocks = [posts[first:first + 4] for first in range(0, len(posts), 4)]
    serial = list(parallel.facts_ahead(blocks, 0, ((), (), ())))
    fallen_back = list(parallel.facts_ahead(blocks, 2, ((), (), ())))
    assert PoolThatBreaks.submitted > PoolThatBreaks.survives  # it did break
    assert len(fallen_back) == len(blocks) > 3
    assert [[text for text, _ in block] for block in fallen_back] == [[text for text, _ in block] for block in serial]
    assert [[facts.__dict__ for _, facts in block] for block in fallen_back] == \
        [[facts.__dict__ for _, facts in block] for block in serial]


def test_a_pool_broken_midway_gives_the_serial_findings(pooled_everything, breaking_pool):
    assert findings_of(TONE_WEEK, jobs=1) == findings_of(TONE_WEEK, jobs=2)


def test_text_analysis_takes_a_few_workers_whatever_the_cpus(monkeypatch, breaking_pool):
    monkeypatch.setattr(PoolThatBreaks, "survives", 1000)  # it does not break here
    sizes = []
    monkeypatch.setattr(PoolThatBreaks, "__init__", lambda self, max_workers: sizes.append(max_workers))
    charter = chartercheck.load_charter("charters/velo-lumiere.yaml")
    posts = engine.read_all(TONE_WEEK, charter, engine.LintOptions()).posts
    blocks = [posts[first:first + 2] for first in range(0, len(posts), 2)]
    in_flight = []  # blocks submitted and not yet handed to the rules, the one handed over included
    for delivered, _ in enumerate(parallel.facts_ahead(blocks, 64, ((), (), ())), start=1):
        in_flight.append(PoolThatBreaks.submitted - delivered + 1)
    assert sizes == [parallel.TEXT_WORKERS_MAX]
    assert len(in_flight) == len(blocks) > 2 * parallel.TEXT_WORKERS_MAX
    assert max(in_flight) == parallel.TEXT_WORKERS_MAX + 1


# -- real worker processes (where they are forked) ---------------------------------------------

forked = pytest.mark.skipif(multiprocessing.get_start_method(allow_none=False) != "fork",
                            reason="the test's function and patches reach workers by fork only")


def square_but_die_in_a_worker(number):
    """``number`` squared in this process; a worker given 2 dies on the spot."""
    if number == 2 and os.getpid() != MAIN_PID:
        os._exit(1)
    return number * number


@forked
def test_a_worker_dying_midway():
    calls = [(number,) for number in range(6)]
    assert list(parallel.in_order(square_but_die_in_a_worker, calls, workers=2, ahead=3)) == [0, 1, 4, 9, 16, 25]
    assert multiprocessing.active_children() == []


@forked
def test_a_pool_that_starts_one_worker_of_two(monkeypatch):
    real_fork, forks = os.fork, []

    def fork_once():
        forks.append(1)
        if len(forks) > 1:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return real_fork()

    monkeypatch.setattr(os, "fork", fork_once)
    calls = [(number,) for number in range(4)]
    assert list(parallel.in_order(pow, [(n, 2) for n, in calls], workers=2, ahead=3)) == [0, 1, 4, 9]
    assert len(forks) == 2
    assert multiprocessing.active_children() == []  # the worker that did start is not left waiting
