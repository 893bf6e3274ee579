"""docs/rules.md is generated from the registry; this test fails when it is stale."""
from __future__ import annotations

from chartercheck.docs import render_catalogue

from .conftest import ROOT

REFRESH = "chartercheck rules --format markdown > docs/rules.md   (or: make docs)"


def test_rules_reference_is_fresh():
    path = ROOT / "docs" / "rules.md"
    assert path.exists(), f"docs/rules.md is missing; generate it with: {REFRESH}"
    current = path.read_text(encoding="utf-8")
    expected = render_catalogue("markdown")
    assert current == expected, f"docs/rules.md is stale: regenerate it with: {REFRESH}"


def test_every_rule_has_a_heading():
    from chartercheck.rules.registry import all_rules
    text = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for spec in all_rules():
        assert f"### {spec.code} `{spec.name}`" in text
