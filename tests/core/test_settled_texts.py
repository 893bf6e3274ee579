"""Past engine.SETTLE_AFTER findings, texts are written as the findings come (their parameters weigh
more than the sentences); below it, they wait to be read. The report is the same either way."""
import chartercheck
from chartercheck import engine
from chartercheck.formatters import json_format
from chartercheck.timeutil import parse_cli_datetime

RAW_MESSAGE = chartercheck.model._MESSAGE_SLOT


def lint():
    charter = chartercheck.load_charter("charters/velo-lumiere.yaml")
    options = engine.LintOptions(now=parse_cli_datetime("2026-11-21 09:00", charter.tz))
    return engine.run(["sample_calendars/week48-faulty.yaml", "sample_calendars/tone-week.yaml"], charter, options)


def unwritten(report) -> int:
    return sum(not isinstance(RAW_MESSAGE.__get__(f), str) for f in report.findings)


def test_a_small_run_leaves_texts_unwritten_and_a_big_one_writes_them_as_they_come(monkeypatch):
    waiting = lint()
    assert len(waiting.findings) > 20 and unwritten(waiting) > len(waiting.findings) // 2
    monkeypatch.setattr(engine, "SETTLE_AFTER", 0)
    settled = lint()
    assert unwritten(settled) == 0
    assert json_format.render(settled) == json_format.render(waiting)
