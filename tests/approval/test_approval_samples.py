"""The approval sample week: every slip gives exactly its finding; the clean week gives none."""
import json

from click.testing import CliRunner

from chartercheck.cli import main

CHARTER = "charters/approval-demo.yaml"
FAULTY = "sample_calendars/approvals-faulty.yaml"
CLEAN = "sample_calendars/approvals-clean.yaml"
NOW = "2026-11-22T18:00"

#: One finding per slip, as the sample's comments announce.
EXPECTED = sorted([
    ("CC401", "fb-lundi"),      # no approval at all
    ("CC401", "fb-jeudi"),      # hard sell and promises without the legal step
    ("CC401", "ig-samedi"),     # sponsored without the legal step
    ("CC402", "ig-mardi"),      # approved by the intern, who is no editor
    ("CC402", "fb-mardi"),      # approved by a stranger
    ("CC403", "ig-mercredi"),   # approved by its author
    ("CC404", "ig-lundi"),      # approved 16h30 before publication
    ("CC405", "fb-mercredi"),   # edited after approval
    ("CC406", "ig-jeudi"),      # intern's post, approved by the agency only
    ("CC407", "li-lundi"),      # draft due tomorrow
    ("CC407", "li-vendredi"),   # "published" next Friday
    ("CC407", "ig-vendredi"),   # "scheduled" without approval
])


def lint(*args):
    return CliRunner().invoke(main, ["lint", *args, "--charter", CHARTER, "--now", NOW, "--format", "json"],
                              catch_exceptions=False)


def test_faulty_week_gets_exactly_one_finding_per_slip():
    result = lint(FAULTY, "--select", "CC4")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert sorted((f["code"], f["location"]["post_id"]) for f in data["findings"]) == EXPECTED


def test_legal_step_on_the_hard_sell_names_the_tone_reasons():
    data = json.loads(lint(FAULTY, "--select", "CC401").output)
    message = next(f["message"] for f in data["findings"] if f["location"]["post_id"] == "fb-jeudi")
    assert message.startswith("approval step 2 (legal) is missing")
    assert "too commercial (CC201)" in message and "absolute claims (CC203)" in message


def test_clean_week_has_no_approval_or_charter_finding():
    result = lint(CLEAN, "--select", "CC4,CC8", "--fail-on", "info")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["findings"] == []


def test_findings_point_at_the_field_line():
    data = json.loads(lint(FAULTY, "--select", "CC405,CC406").output)
    lines = {f["code"]: (f["location"]["field"], f["location"]["line"]) for f in data["findings"]}
    text = open(FAULTY, encoding="utf-8").read().splitlines()
    field, line = lines["CC405"]
    assert field == "updated_at" and text[line - 1].strip().startswith("updated_at:")
    field, line = lines["CC406"]
    assert field == "author" and text[line - 1].strip() == "author: tom"


def test_text_output_in_french():
    result = CliRunner().invoke(main, ["lint", FAULTY, "--charter", CHARTER, "--now", NOW, "--select", "CC4",
                                       "--lang", "fr"])
    assert "rédigée par tom (rôle supervisé intern) sans validation d'un membre interne" in result.output
    assert result.output.splitlines()[-1].startswith("8 erreurs, 4 avertissements, 0 info sur 12 publications")

