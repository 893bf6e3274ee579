"""Past ranking.SETTLE_AFTER findings, texts are written as the findings come (their parameters weigh
more than the sentences); below it, they wait to be read. The report is the same either way."""
import chartercheck
from chartercheck import engine, ranking
from chartercheck.formatters import json_format
from chartercheck.model import Finding
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
    monkeypatch.setattr(ranking, "SETTLE_AFTER", 0)
    settled = lint()
    assert unwritten(settled) == 0
    assert json_format.render(settled) == json_format.render(waiting)


class Counted(chartercheck.model.Deferred):
    """A text that says how many times it was written."""

    __slots__ = ("writes",)

    def __init__(self):
        self.writes = 0

    def text(self, hint=False):
        self.writes += 1
        return "hint" if hint else "message"


def deferred_findings(count):
    texts = [Counted() for _ in range(count)]
    location = chartercheck.model.Location("plan.yaml", 1)
    return texts, [Finding("CC101", "rule", chartercheck.model.Severity.INFO, t, location, t) for t in texts]


def test_the_run_that_passes_the_limit_writes_the_texts_held_before_too(monkeypatch):
    monkeypatch.setattr(ranking, "SETTLE_AFTER", 4)
    texts, findings = deferred_findings(4)
    ranking.settle(findings, 2)
    assert [t.writes for t in texts] == [0, 0, 0, 0]  # not past the limit: every text waits
    more, added = deferred_findings(3)
    findings += added
    ranking.settle(findings, 4)
    assert [t.writes for t in texts + more] == [2] * 7  # message and hint, the earlier ones included
    last, added = deferred_findings(2)
    findings += added
    ranking.settle(findings, 7)
    assert [t.writes for t in texts + more + last] == [2] * 9  # each written once


def test_a_calendar_rule_s_findings_are_settled_as_they_come(monkeypatch):
    monkeypatch.setattr(ranking, "SETTLE_AFTER", 0)
    monkeypatch.setattr(ranking, "SETTLE_CHUNK", 3)
    texts, made = deferred_findings(8)
    seen = []

    def rule():
        for index, finding in enumerate(made):
            seen.append([t.writes for t in texts[:index]])  # what was written before this one came
            yield finding

    findings = []
    ranking.collect(findings, rule())
    assert findings == made and all(t.writes == 2 for t in texts)
    assert seen[3] == [2, 2, 2] and seen[5] == [2, 2, 2, 0, 0] and seen[6] == [2] * 6


def test_calendar_rules_fed_as_posts_stream_past_report_first_and_the_report_is_the_same(monkeypatch):
    from chartercheck.rules.registry import Scope, find_rule

    steps = []
    charter = chartercheck.load_charter("charters/velo-lumiere.yaml")
    options = engine.LintOptions(now=parse_cli_datetime("2026-11-21 09:00", charter.tz),
                                 extra={"progress": lambda done, total, label: steps.append(label)})
    report = engine.run(["sample_calendars/week48-faulty.yaml", "sample_calendars/tone-week.yaml"], charter, options)
    rules = [find_rule(label) for label in steps if label.startswith("CC")]
    calendar = [spec for spec in rules if spec is not None and spec.scope is not Scope.POST]
    warmed = [spec.warm is not None for spec in calendar]
    assert any(warmed) and not all(warmed) and warmed == sorted(warmed, reverse=True)
    monkeypatch.setattr(engine, "_calendar_order", lambda rule: 0)  # the registry's order
    assert json_format.render(report) == json_format.render(lint())
