"""The report keeps each text's commercial score only when asked (the HTML charts):
without them the charts compute the same scores again."""
from pathlib import Path

from chartercheck.charter import load_charter
from chartercheck.engine import LintOptions, run
from chartercheck.formatters import get_formatter
from chartercheck.timeutil import parse_cli_datetime

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = str(ROOT / "sample_calendars" / "week48-faulty.yaml")
CHARTER = str(ROOT / "charters" / "velo-lumiere.yaml")


def _report(keep: bool):
    charter = load_charter(CHARTER)
    now = parse_cli_datetime("2026-11-21 09:00", charter.tz)
    return charter, run([SAMPLE], charter, LintOptions(now=now, keep_commercial_scores=keep))


def test_scores_are_kept_by_default_and_dropped_on_request():
    _, kept = _report(True)
    _, dropped = _report(False)
    assert kept.commercial_scores and not dropped.commercial_scores
    assert kept.findings == dropped.findings


def test_html_report_is_the_same_with_or_without_kept_scores():
    html = get_formatter("html")
    charter, kept = _report(True)
    _, dropped = _report(False)
    assert html(kept, posts=kept.read_posts, charter=charter) == html(dropped, posts=dropped.read_posts, charter=charter)
