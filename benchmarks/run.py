"""Benchmark chartercheck: throughput per format, lint/parse ratio, peak memory, cold start.

    python benchmarks/run.py                 # 1k and 10k posts, YAML, CSV and ICS
    python benchmarks/run.py --sizes 100000 --formats yaml   # the memory check
    python benchmarks/run.py --proselint /path/to/venv/bin/proselint   # + the reference point

proselint is a reference, not a dependency: install it in a separate
environment (``python -m venv .proselint && .proselint/bin/pip install proselint``)
and pass its executable; its time on the same texts, one per paragraph, is
compared with a whole ``chartercheck lint`` process on the CSV calendar.

Each figure comes from a fresh process (benchmarks/_measure.py); times
exclude imports and loading the charter (the file is read from the page
cache, as the command line reads it):

* ``parse s``: reading and normalising the calendar with the reader the lint uses;
* ``lint s``: the whole lint (reading, every rule of benchmarks/charter.yaml,
  ranking), ``posts/s`` its throughput and ``lint/parse`` its ratio to reading;
* ``peak MB``: the lint process's peak resident memory (``ru_maxrss``,
  interpreter and imports included) — issue #8 wants it under 300 MB at
  100,000 posts;
* ``findings``: how many the lint reported;
* ``CLI MB``: the peak memory of the whole ``chartercheck lint`` command, its
  JSON report written (to ``/dev/null``) included, on one process;
* ``C-load s`` (YAML only): ``yaml.load(file, Loader=yaml.CSafeLoader)`` on
  the same file, PyYAML's C loader without line numbers, the yardstick of
  issue #8; ``lint/C-load`` is the full lint's time over it (target: 2 or less).

The last line times a one-week lint as a whole process (cold start) against
a bare ``python -c "import click, yaml, icalendar"``.
Nothing here is part of the test-suite.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from generate import WRITERS, generate  # noqa: E402


def measure(mode: str, calendar: str, charter: str, jobs: str = "1") -> dict:
    out = subprocess.run([sys.executable, os.path.join(HERE, "_measure.py"), mode, calendar, charter, jobs],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(f"{mode} {calendar} failed:\n{out.stderr}")
    return json.loads(out.stdout)


def best_of(runs: int, command: list[str]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return min(times)


def proselint_reference(executable: str, size: int, posts) -> None:
    texts = os.path.join(HERE, "out", f"texts-{size}.txt")
    with open(texts, "w", encoding="utf-8") as out:
        out.write("\n\n".join(p["text"] for p in posts))
    csv_path = os.path.join(HERE, "out", f"calendar-{size}.csv")
    if not os.path.exists(csv_path):
        WRITERS["csv"](posts, csv_path)
    prose = best_of(1, [executable, "check", texts])
    lint = best_of(1, [sys.executable, "-m", "chartercheck", "lint", csv_path, "--charter",
                       os.path.join(HERE, "charter.yaml"), "--now", "2027-01-01T09:00", "--format", "json",
                       "--output", os.devnull])
    print(f"{size} posts: chartercheck lint (CSV, whole process) {lint:.2f} s, "
          f"proselint on the bare texts {prose:.2f} s, ratio {lint / prose:.2f}")


def jobs_reference(out_dir: str, size: int) -> None:
    """The whole command on the YAML calendar, on one process and with ``--jobs auto``."""
    path = os.path.join(out_dir, f"calendar-{size}.yaml")
    if not os.path.exists(path):
        return
    one = measure("cli", path, os.path.join(HERE, "charter.yaml"), "1")
    auto = measure("cli", path, os.path.join(HERE, "charter.yaml"), "auto")
    print(f"{size} posts, whole lint command (YAML, JSON report): --jobs 1 {one['seconds']:.2f} s, "
          f"{one['peak_mb']:.0f} MB; --jobs auto ({os.cpu_count()} CPUs) {auto['seconds']:.2f} s, "
          f"{auto['peak_mb']:.0f} MB + workers of {auto['worker_peak_mb']:.0f} MB at most")


def cold_start() -> None:
    week = os.path.join(ROOT, "sample_calendars", "week48-clean.yaml")
    # An installed package runs from bytecode (pip compiles it), as click, yaml
    # and icalendar do here: compile ours too, or the figure would time Python's
    # compiler on every module of a development checkout.
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(ROOT, "chartercheck")],
                   capture_output=True, check=True)
    bare = best_of(5, [sys.executable, "-c", "import click, yaml, icalendar"])
    lint = best_of(5, [sys.executable, "-m", "chartercheck", "lint", week, "--charter",
                       os.path.join(ROOT, "charters", "velo-lumiere.yaml"), "--now", "2026-11-21T09:00"])
    print(f"cold start, one-week lint: {lint * 1000:.0f} ms "
          f"(bare 'import click, yaml, icalendar': {bare * 1000:.0f} ms, ratio {lint / bare:.2f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--formats", default="yaml,csv,ics")
    parser.add_argument("--charter", default=os.path.join(HERE, "charter.yaml"))
    parser.add_argument("--proselint", help="proselint executable, for the reference timing")
    args = parser.parse_args()
    out_dir = os.path.join(HERE, "out")
    os.makedirs(out_dir, exist_ok=True)
    print(f"{'format':<6} {'posts':>7} {'parse s':>8} {'lint s':>8} {'posts/s':>9} {'lint/parse':>10} "
          f"{'peak MB':>8} {'findings':>9} {'CLI MB':>7} {'C-load s':>9} {'lint/C-load':>11}")
    for size in (int(s) for s in args.sizes.split(",")):
        posts = list(generate(size))
        for fmt in args.formats.split(","):
            path = os.path.join(out_dir, f"calendar-{size}.{fmt}")
            WRITERS[fmt](posts, path)
            parse = measure("parse", path, args.charter)
            lint = measure("lint", path, args.charter)
            command = measure("cli", path, args.charter)
            rate = lint["posts"] / lint["seconds"] if lint["seconds"] else float("inf")
            reference = f"{'-':>9} {'-':>11}"
            if fmt == "yaml":
                c_load = measure("cload", path, args.charter)["seconds"]
                reference = f"{c_load:>9.2f} {lint['seconds'] / c_load:>11.2f}"
            print(f"{fmt:<6} {size:>7} {parse['seconds']:>8.2f} {lint['seconds']:>8.2f} {rate:>9.0f} "
                  f"{lint['seconds'] / parse['seconds']:>10.2f} {lint['peak_mb']:>8.0f} {lint['findings']:>9} "
                  f"{command['peak_mb']:>7.0f} {reference}")
        if args.proselint:
            proselint_reference(args.proselint, size, posts)
    jobs_reference(out_dir, max(int(s) for s in args.sizes.split(",")))
    cold_start()


if __name__ == "__main__":
    main()
