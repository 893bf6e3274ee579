"""The registry documents itself: every rule has docs, messages in both languages, and examples."""
import re

import pytest

from chartercheck import i18n
from chartercheck.rules.registry import Scope, all_rules
from chartercheck.testing import run_example

RULES = all_rules()
RUN_RULES = [s for s in RULES if s.scope is not Scope.INPUT]


def test_codes_and_names_are_unique():
    assert len({s.code for s in RULES}) == len(RULES)
    assert len({s.name for s in RULES}) == len(RULES)


@pytest.mark.parametrize("spec", RULES, ids=lambda s: s.code)
def test_every_rule_is_documented(spec):
    doc = spec.doc
    assert len(doc.split()) >= 12, f"{spec.code} needs a real docstring"
    assert "Fix" in doc or "fix" in doc, f"{spec.code} docstring must say how to fix"
    assert i18n.has_message(f"{spec.code}.message") or any(
        k.startswith(spec.code + ".") for k in i18n.catalogue()), f"{spec.code} has no message"


@pytest.mark.parametrize("spec", RUN_RULES, ids=lambda s: s.code)
def test_docstring_examples_fire_and_pass(spec):
    examples = spec.examples()
    assert examples["Fires"], f"{spec.code} docstring has no Fires:: example"
    assert examples["Passes"], f"{spec.code} docstring has no Passes:: example"
    for block in examples["Fires"]:
        report = run_example(block, spec.code)
        assert any(f.code == spec.code for f in report.findings), f"{spec.code} example did not fire:\n{block}"
    for block in examples["Passes"]:
        report = run_example(block, spec.code)
        assert not [f for f in report.findings if f.code == spec.code], \
            f"{spec.code} passing example fired: {[f.message for f in report.findings]}"


def test_catalogue_is_complete_in_both_languages():
    placeholder = re.compile(r"\{(\w+)")
    for msgid, texts in i18n.catalogue().items():
        assert set(texts) >= {"en", "fr"}, f"{msgid} lacks a language"
        assert texts["en"].strip() and texts["fr"].strip(), f"{msgid} is empty"
        assert set(placeholder.findall(texts["en"])) == set(placeholder.findall(texts["fr"])), \
            f"{msgid}: English and French use different placeholders"


def test_every_error_message_id_in_the_code_is_in_the_catalogue():
    import pathlib
    ids = set()
    for path in pathlib.Path("chartercheck").rglob("*.py"):
        ids |= set(re.findall(r'(?:msgid|hint_id)=\s*"(error\.[\w.]+)"', path.read_text(encoding="utf-8")))
        ids |= set(re.findall(r'ParseError\([^)]*?"(error\.[\w.]+)"', path.read_text(encoding="utf-8"), re.S))
    assert len(ids) > 30
    missing = sorted(i for i in ids if not i18n.has_message(i))
    assert not missing, f"message ids used in the code but not in the catalogue: {missing}"
