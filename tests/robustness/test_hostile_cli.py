"""The hostile-input suite: every case of ``hostile_cases`` (and every real iCalendar export of
the shared corpus, when present) run through the command line in a child process held by a CPU
time limit and an address-space limit. Whatever the input: exit 0, 1 or 2, a clear message or
finding, no traceback, no "internal error".

The limits are bounds, not timings: a case that needs more is killed and fails. Cases run two at a
time (each child has its own limits), so the suite stays quick.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .hostile_cases import CASES, NOW, Case, Run, run_case

#: CPU seconds a case may use (the issue's bound is 5 s of wall time on a slow machine).
CPU_SECONDS = 5
#: Address space a case may map, in MiB: peak memory stays well below (see docs/performance.md).
ADDRESS_SPACE_MB = 900
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "ics"


def _corpus_cases() -> list[Case]:
    if not CORPUS.is_dir():
        return []
    cases = []
    for path in sorted(CORPUS.glob("*.ics")):
        def build(directory: Path, source=path) -> Run:
            return Run(["lint", str(source), "--now", NOW])
        cases.append(Case(f"corpus-{path.stem}", build))
    return cases


ALL_CASES = CASES + _corpus_cases()
# The limits are set with setrlimit, and several cases use /dev/zero and /dev/full.
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs Linux rlimits and devices")


@pytest.fixture(scope="module")
def outcomes():
    """Every case run once, two at a time, each in its own directory removed right after."""
    def one(case: Case):
        directory = Path(tempfile.mkdtemp(prefix="hostile-"))
        try:
            return case.name, run_case(case, directory, CPU_SECONDS, ADDRESS_SPACE_MB), directory
        finally:
            if case.name != "output-is-input":  # its input is looked at by the test below
                shutil.rmtree(directory, ignore_errors=True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = {name: (outcome, directory) for name, outcome, directory in pool.map(one, ALL_CASES)}
    yield results
    for _, directory in results.values():
        shutil.rmtree(directory, ignore_errors=True)


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.name)
def test_hostile_input_gives_a_clear_outcome_within_bounds(outcomes, case):
    outcome, _ = outcomes[case.name]
    assert not outcome.timed_out, f"{case.name}: killed by its limits ({outcome.code}): {outcome.output[-500:]}"
    assert outcome.code in case.exits, f"{case.name}: exit {outcome.code}: {outcome.output[-800:]}"
    assert "Traceback" not in outcome.output and "internal error" not in outcome.output, outcome.output[-800:]
    for text in case.says:
        assert text in outcome.output, f"{case.name}: {text!r} not in {outcome.output[-800:]!r}"
    for text in case.never:
        assert text not in outcome.output, f"{case.name}: {text!r} in the output"


def test_output_naming_an_input_leaves_it_untouched(outcomes):
    from .hostile_cases import CALENDAR
    _, directory = outcomes["output-is-input"]
    assert (directory / "plan.yaml").read_text(encoding="utf-8") == CALENDAR


def test_the_issue_cases_are_all_here():
    """Every numbered item of the gate and bounds work has at least one case (item 4 is text analysis)."""
    assert {case.issue_item for case in CASES} >= {1, 2, 3, 4, 5, 6, 7, 8, 9}
