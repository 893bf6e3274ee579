"""Findings write their message and hint when first read, and read as if written at once."""
import pickle
from dataclasses import FrozenInstanceError, replace
from datetime import datetime, timedelta, timezone

import pytest

from chartercheck import i18n
from chartercheck.i18n.deferred import Text, Texts
from chartercheck.model import Finding, Location, Post, Severity
from chartercheck.rules.context import RuleContext
from chartercheck.rules.registry import find_rule
from chartercheck.testing import charter_from_text

AT = datetime(2026, 11, 24, 11, 0, tzinfo=timezone.utc)
PARAMS = {"count": 3, "channel": "instagram", "day": AT.date(), "max": 2}


class CountingText(Text):  # no __slots__: Text is a tuple, whose subclasses take none

    def __init__(self, *args):
        super().__init__(*args)
        self.calls = 0

    def text(self, hint=False):
        self.calls += 1
        return super().text(hint)


def deferred(lang="en", hint_id="CC101.hint", kind=Text, shared=None):
    return kind(Texts(lang, shared=shared), "CC101.message", hint_id, tuple(PARAMS), tuple(PARAMS.values()))


def finding(message, hint=None):
    return Finding("CC101", "channel-daily-cap", Severity.ERROR, message, Location("plan.yaml", 3, "a"), hint)


def test_a_deferred_message_is_written_once_on_first_read_and_reads_as_a_str():
    texts = deferred("fr", kind=CountingText)
    found = finding(texts, texts)
    assert texts.calls == 0
    assert found.message == i18n.render("CC101.message", "fr", **PARAMS) and type(found.message) is str
    assert found.message is found.message and texts.calls == 1
    assert found.hint == i18n.render("CC101.hint", "fr", **PARAMS) and texts.calls == 2
    assert finding(deferred(hint_id=None), None).hint is None


def test_equal_texts_are_shared_when_a_table_is_given():
    from chartercheck.rules.findings import _Recent

    table = _Recent(8)
    one, two = finding(deferred(shared=table)), finding(deferred(shared=table))
    assert one.message is two.message


def test_deferred_findings_equal_hash_pickle_and_replace_as_written_ones():
    written = finding(i18n.render("CC101.message", "en", **PARAMS), i18n.render("CC101.hint", "en", **PARAMS))
    texts = deferred()
    found = finding(texts, texts)
    assert found == written and hash(found) == hash(written)
    texts = deferred()
    assert pickle.loads(pickle.dumps(finding(texts, texts))) == written
    texts = deferred()
    changed = replace(finding(texts, texts), severity=Severity.INFO)
    assert changed.message == written.message and changed.hint == written.hint
    assert changed.severity is Severity.INFO
    with pytest.raises(FrozenInstanceError):
        found.message = "other"  # type: ignore[misc]
    assert finding("plain").hint is None


def test_sort_key_ends_with_the_message_after_order_key():
    found = finding(deferred())
    assert found.sort_key() == found.order_key() + (found.message,)


def test_compiled_templates_write_what_format_map_writes():
    params = dict(PARAMS, when=AT, gap=timedelta(hours=4, minutes=30), score=0.5, ids=("a", "b"))
    checked = 0
    for msgid, texts in i18n.catalogue().items():
        for lang in ("en", "fr"):
            try:
                expected = texts[lang].format_map(i18n._Params(params, lang, True))
            except (KeyError, ValueError):  # a template format_map refuses is not a message
                continue
            assert i18n.render(msgid, lang, with_year=True, **params) == expected, msgid
            checked += 1
    assert checked > 800
    assert i18n.render("no.such.id", "en") == "no.such.id"


def test_a_rule_finding_is_not_written_until_read_and_lists_are_taken_as_they_were():
    post = Post("a", ("instagram",), AT, "Ce matin à l'atelier, on a réglé les freins de trente vélos.")
    ctx = RuleContext(charter_from_text("channels: {instagram: {platform: instagram}}"), [post])
    ctx.bind(find_rule("CC101"), Severity.ERROR)
    days = ["Mon", "Tue"]
    found = ctx.finding(post, count=days, max=1, day=AT.date())
    days.append("Wed")  # the rule goes on using its list: the finding says what it saw
    assert "Wed" not in found.message and "Mon, Tue" in found.message


def test_a_lint_run_gives_back_the_objects_it_froze_for_the_collector():
    import gc

    from chartercheck.testing import lint_text

    report = lint_text("channels: {instagram: {platform: instagram}}",
                       "posts:\n  - {id: a, channel: instagram, at: '2026-11-24 09:00', text: Un}\n")
    assert report.post_count == 1 and gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own frozen objects stay frozen
    try:
        frozen = gc.get_freeze_count()
        lint_text("channels: {instagram: {platform: instagram}}", "posts: []\n")
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_with_severity_keeps_texts_unwritten_and_equals_replace():
    texts = deferred(kind=CountingText)
    found = finding(texts, texts)
    raised = found.with_severity(Severity.WARNING)
    assert texts.calls == 0
    assert raised == replace(found, severity=Severity.WARNING) and raised.severity is Severity.WARNING
    assert raised.message == found.message and raised.hint == found.hint


def test_equal_deferred_texts_are_kept_once_only_when_their_values_write_alike():
    from chartercheck.rules.findings import _Recent

    texts = Texts("en", recent=_Recent(8))
    params = {"count": 3, "channel": "instagram", "day": AT.date(), "max": 2}
    assert texts.defer("CC101", "message", "CC101.hint", dict(params)) \
        is texts.defer("CC101", "message", "CC101.hint", dict(params))
    # True == 1, and equal instants in two zones are equal: they must not share a text
    one = texts.defer("CC101", "message", None, dict(params, max=1))
    true = texts.defer("CC101", "message", None, dict(params, max=True))
    assert one is not true and finding(true).message != finding(one).message
    paris = AT.astimezone(timezone(timedelta(hours=1)))
    utc = texts.defer("CC101", "message", None, dict(params, day=AT))
    there = texts.defer("CC101", "message", None, dict(params, day=paris))
    assert utc is not there and finding(utc).message != finding(there).message
