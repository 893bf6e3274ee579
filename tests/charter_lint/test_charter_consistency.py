"""Cross-key charter errors: raised together, each with file, line and key."""
import pytest

from chartercheck.charter import load_charter
from chartercheck.errors import CharterError
from chartercheck.testing import charter_from_text

BROKEN = """\
version: 1
brand: {timezone: Europe/Paris}
channels:
  instagram: {platform: instagram}
cadence:
  rendezvous:
    - {name: Mardi conseil, channel: instagarm, every: tue, at: "12:00"}
positioning:
  pillars:
    - {id: conseils, keywords: [entretien]}
    - {id: vide, keywords: []}
    - {id: conseils, keywords: [astuce]}
strategy:
  objectives: [reach, reach]
team:
  members:
    - {id: lea, roles: [editor], email: Lea@brand.example}
    - {id: marc, roles: [editor], email: lea@brand.example}
    - {id: lea, roles: [legal]}
approval:
  steps:
    - {role: editor, when: []}
    - {role: legal, when: [claims, claims]}
    - {role: legal, when: [always, sponsored]}
"""


def problems(text, tmp_path):
    path = tmp_path / "charter.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CharterError) as caught:
        load_charter(str(path))
    return [(p.line, p.key, p.message) for p in caught.value.problems], str(path)


def test_every_problem_is_reported_with_its_line(tmp_path):
    found, path = problems(BROKEN, tmp_path)
    lines = {key: line for line, key, _ in found}
    assert lines == {
        "cadence.rendezvous[0].channel": 7,
        "positioning.pillars[1]": 11,
        "positioning.pillars[2].id": 12,
        "team.members[2].id": 19,
        "team.members[1].email": 18,
        "strategy.objectives[1].id": 14,
        "approval.steps[0].when": 22,
        "approval.steps[1].when": 23,
        "approval.steps[2].when": 24,
    }
    messages = {key: message for _, key, message in found}
    assert messages["cadence.rendezvous[0].channel"] == ("rendez-vous 'Mardi conseil' is on channel 'instagarm', "
                                                         "which channels: does not declare")
    assert messages["team.members[2].id"] == "duplicate member id 'lea' (first at line 17)"
    assert "no post can ever match it" in messages["positioning.pillars[1]"]


def test_error_text_names_file_line_key_and_fix(tmp_path):
    _, path = problems(BROKEN, tmp_path)
    with pytest.raises(CharterError) as caught:
        load_charter(path)
    text = str(caught.value)
    assert f"{path}:7: cadence.rendezvous[0].channel: rendez-vous" in text
    assert "(declared channels: instagram)" in text


def test_rendezvous_channels_are_only_checked_against_declared_channels():
    charter = charter_from_text('cadence: {rendezvous: [{name: R, channel: instagram, every: tue, at: "12:00"}]}')
    assert charter.get("cadence.rendezvous")[0]["channel"] == "instagram"


@pytest.mark.parametrize("path", ["charters/velo-lumiere.yaml", "charters/northwind-coffee.yaml",
                                  "charters/cabinet-atlas.yaml", "charters/approval-demo.yaml", None])
def test_shipped_charters_are_consistent(path):
    load_charter(path)


def test_members_are_found_by_id_email_or_name():
    charter = charter_from_text("team: {members: [{id: lea, name: Léa Martin, email: Lea@Brand.example}]}")
    assert charter.find_member("LEA")["id"] == "lea"
    assert charter.find_member("léa martin")["id"] == "lea"
    assert charter.find_member("mailto:lea@brand.example")["id"] == "lea"
    assert charter.find_member("tom") is None and charter.find_member(None) is None
