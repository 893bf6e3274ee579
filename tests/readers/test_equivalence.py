"""The same plan written as YAML, CSV and iCalendar gives the same findings."""
import os

import pytest

from chartercheck.charter import load_charter
from chartercheck.engine import LintOptions, run
from chartercheck.timeutil import parse_cli_datetime

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SAMPLES = os.path.join(ROOT, "sample_calendars")
CHARTER = os.path.join(ROOT, "charters", "velo-lumiere.yaml")
PLANS = ["week48-clean", "week48-faulty"]


def _findings(path, charter, **extra):
    options = LintOptions(now=parse_cli_datetime("2026-11-21 09:00", charter.tz), **extra)
    report = run([path], charter, options)
    return report, {(f.code, f.location.post_id, f.location.channel,
                     f.location.at.isoformat() if f.location.at else None, f.severity, f.message)
                    for f in report.findings}


@pytest.fixture(scope="module")
def charter():
    return load_charter(CHARTER)


@pytest.mark.parametrize("plan", PLANS)
@pytest.mark.parametrize("twin", ["csv", "ics"])
def test_twin_gives_the_same_findings(plan, twin, charter):
    yaml_path = os.path.join(SAMPLES, plan + ".yaml")
    twin_path = os.path.join(SAMPLES, f"{plan}.{twin}")
    if not os.path.exists(yaml_path):
        pytest.skip(f"{plan}.yaml is not in sample_calendars/")
    reference_report, reference = _findings(yaml_path, charter)
    report, found = _findings(twin_path, charter)
    assert report.post_count == reference_report.post_count
    assert found - reference == set(), "only in the twin"
    assert reference - found == set(), "only in the YAML"


@pytest.mark.parametrize("twin", ["csv", "ics"])
def test_twin_with_history_and_range_matches(twin, charter):
    """The documented command: last weeks' posts + the faulty plan, linted over week 48."""
    history = os.path.join(SAMPLES, "previous-weeks-published.yaml")
    if not os.path.exists(history):
        pytest.skip("no history sample")
    extra = dict(start=parse_cli_datetime("2026-11-23", charter.tz),
                 end=parse_cli_datetime("2026-11-29", charter.tz, end_of_day=True))
    options = LintOptions(now=parse_cli_datetime("2026-11-21 09:00", charter.tz), **extra)

    def key_set(paths):
        return {(f.code, f.location.post_id, f.location.channel,
                 f.location.at.isoformat() if f.location.at else None, f.severity, f.message)
                for f in run(paths, charter, options).findings}

    reference = key_set([history, os.path.join(SAMPLES, "week48-faulty.yaml")])
    assert key_set([history, os.path.join(SAMPLES, f"week48-faulty.{twin}")]) == reference
    assert reference, "the faulty plan should have findings"


@pytest.mark.parametrize("export", ["google-autumn-rendezvous.ics", "outlook-autumn-rendezvous.ics"])
def test_producer_exports_lint_like_the_yaml_plan(export, charter):
    """Weekly series with an EXDATE, an override and the change to winter time (25 Oct 2026).

    Post ids are left out of the comparison: every occurrence of a series
    keeps its UID, while the YAML plan names each post.
    """
    options = LintOptions(now=parse_cli_datetime("2026-10-01 09:00", charter.tz))

    def keys(path):
        report = run([os.path.join(SAMPLES, path)], charter, options)
        return report.post_count, {(f.code, f.location.channel, f.location.at.isoformat() if f.location.at else None,
                               f.severity, f.message) for f in report.findings}

    yaml_posts, reference = keys("google-autumn-rendezvous.yaml")
    posts, found = keys(export)
    assert posts == yaml_posts == 6
    assert found == reference
