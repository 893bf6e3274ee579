"""What ships as an example passes its own checks: charters, `charter init` templates, clean samples."""
from __future__ import annotations

import glob
import os

import pytest
import yaml

from chartercheck.charter import load_charter, load_charter_text
from chartercheck.commands.init import scaffold
from chartercheck.engine import LintOptions, run
from chartercheck.timeutil import parse_cli_datetime

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHARTERS = sorted(glob.glob(os.path.join(ROOT, "charters", "*.yaml")))
TEMPLATES = [(preset, lang) for preset in ("b2c", "b2b") for lang in ("en", "fr")]
#: Words that address the reader in the other register: a pillar keyword must not contradict the charter.
OTHER_REGISTER = {"tu": {"vous", "votre", "vos"}, "vous": {"tu", "toi", "ton", "ta", "tes"}}


def _charter_findings(charter) -> list[str]:
    report = run([], charter, LintOptions(select=["CC8"]))
    return [f"{f.code} {f.message}" for f in report.findings]


@pytest.mark.parametrize("path", CHARTERS, ids=os.path.basename)
def test_shipped_charters_pass_charter_check(path):
    assert _charter_findings(load_charter(path)) == []


@pytest.mark.parametrize("preset,lang", TEMPLATES)
def test_init_templates_pass_charter_check(preset, lang):
    assert _charter_findings(load_charter_text(scaffold(preset, lang, "Test Brand"), "charter.yaml")) == []


@pytest.mark.parametrize("text", [os.path.relpath(p, ROOT) for p in CHARTERS]
                         + [f"template:{p}-{lang}" for p, lang in TEMPLATES])
def test_pillar_keywords_speak_the_charters_register(text):
    if text.startswith("template:"):
        preset, lang = text.split(":")[1].split("-")
        data = yaml.safe_load(scaffold(preset, lang, "Test Brand"))
    else:
        with open(os.path.join(ROOT, text), encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    positioning = data.get("positioning") or {}
    wrong = OTHER_REGISTER.get(positioning.get("register"), set())
    for pillar in positioning.get("pillars") or []:
        assert not wrong & {str(k).lower() for k in pillar.get("keywords", [])}, pillar


@pytest.mark.parametrize("name", ["week48-clean.yaml", "week48-clean.csv", "week48-clean.ics"])
def test_clean_samples_are_clean(name):
    charter = load_charter(os.path.join(ROOT, "charters", "velo-lumiere.yaml"))
    report = run([os.path.join(ROOT, "sample_calendars", name)], charter,
                 LintOptions(now=parse_cli_datetime("2026-11-20 09:00", charter.tz)))
    assert [f.message for f in report.findings] == []
