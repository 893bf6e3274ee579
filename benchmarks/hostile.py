"""Time and peak memory of each hostile input of the robustness suite, case by case.

    python benchmarks/hostile.py                    # every case
    python benchmarks/hostile.py select-typo 1gb-sparse-file
    python benchmarks/hostile.py --markdown         # the table of docs/performance.md

Each case runs as the suite runs it (tests/robustness/hostile_cases.py): a
fresh ``chartercheck`` process, one job, in a scratch directory removed
afterwards; generous limits here (60 s of CPU, 6 GB of address space), so
that a slow case is measured rather than killed. ``s`` is wall time, ``peak
MB`` the process's peak resident memory (``ru_maxrss``). Nothing here is
part of the test-suite.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

from hostile_cases import CASES, CASES_BY_NAME, run_case  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("names", nargs="*", help="cases to run (default: all)")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--seconds", type=int, default=60, help="CPU limit per case")
    args = parser.parse_args()
    cases = [CASES_BY_NAME[name] for name in args.names] if args.names else CASES
    if args.markdown:
        print("| item | case | exit | s | peak MB |\n|---|---|---|---|---|")
    for case in cases:
        directory = Path(tempfile.mkdtemp(prefix="hostile-"))
        try:
            outcome = run_case(case, directory, args.seconds, 6000)
        finally:
            shutil.rmtree(directory, ignore_errors=True)
        code = "killed" if outcome.timed_out else outcome.code
        if args.markdown:
            print(f"| {case.issue_item} | {case.name} | {code} | {outcome.seconds:.2f} | {outcome.peak_mb:.0f} |")
        else:
            first = next((line for line in outcome.output.splitlines() if line.strip()), "")
            print(f"{case.name:26} exit {code!s:>6} {outcome.seconds:7.2f} s {outcome.peak_mb:7.0f} MB  {first[:90]}")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
