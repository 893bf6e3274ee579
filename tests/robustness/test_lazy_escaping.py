"""Control characters are escaped without writing the sentences nobody prints."""
from datetime import date, timedelta

from chartercheck import i18n
from chartercheck.i18n.deferred import Text, Texts
from chartercheck.control_chars import report_with_escaped_controls
from chartercheck.model import Finding, Location, Report, Severity


class CountingText(Text):
    def __init__(self, *args):
        self.calls = 0

    def text(self, hint=False):
        self.calls += 1
        return super().text(hint)


def deferred(**params):
    params.setdefault("channel", "instagram")
    return CountingText(Texts("fr"), "CC101.message", "CC101.hint", tuple(params), tuple(params.values()))


def report_of(*texts):
    findings = tuple(Finding("CC101", "channel-daily-cap", Severity.ERROR, text, Location("plan.yaml", 3, "a"), text)
                     for text in texts)
    return Report("brand", findings, 1, ("instagram",), None, None, lang="fr")


def test_clean_parameters_leave_texts_unwritten_and_the_finding_as_it_was():
    clean = deferred(count=3, day=date(2026, 11, 24), max=2.5, gap=timedelta(hours=2),
                     ids=("a", "b"), flag=True, term=i18n.Term("a whole number"))
    report = report_of(clean)
    escaped = report_with_escaped_controls(report)
    assert clean.calls == 0
    assert escaped.findings[0] is report.findings[0]


def test_a_control_character_in_a_parameter_is_escaped_in_message_and_hint():
    hostile = deferred(count=3, day=date(2026, 11, 24), max=2, channel="insta\x1b[2Jgram")
    escaped = report_with_escaped_controls(report_of(hostile)).findings[0]
    assert hostile.calls == 2
    assert "\x1b" not in escaped.message and "insta\\x1b[2Jgram" in escaped.message
    written = i18n.render("CC101.message", "fr", count=3, day=date(2026, 11, 24), max=2, channel="insta\x1b[2Jgram")
    assert escaped.message == written.replace("\x1b", "\\x1b")


def test_values_the_text_cannot_vouch_for_are_written_and_looked_at():
    class Odd:
        def __str__(self):
            return "odd\x07"

    text = deferred(count=Odd(), day=date(2026, 11, 24), max=2)
    assert not text.plain(__import__("re").compile("[\x00-\x08]"))
    escaped = report_with_escaped_controls(report_of(text)).findings[0]
    assert "odd\\x07" in escaped.message and "\x07" not in escaped.message


def test_no_catalogue_template_holds_a_control_character():
    from chartercheck.control_chars import escape_controls
    for msgid, texts in i18n.catalogue().items():
        for lang, template in texts.items():
            assert escape_controls(template) == template, (msgid, lang)
