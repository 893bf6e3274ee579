"""``chartercheck charter check`` and charter findings in ``lint``, through CliRunner."""
import json

from click.testing import CliRunner

from chartercheck.cli import main
from test_charter_lint_rules import CHOSE_NOTHING  # noqa: E402  (same folder, no package)


def write(tmp_path, body):
    path = tmp_path / "charter.yaml"
    path.write_text("version: 1\nbrand: {timezone: Europe/Paris}\n" + body, encoding="utf-8")
    return str(path)


def invoke(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_text_output_lists_findings_with_file_and_line(tmp_path):
    path = write(tmp_path, CHOSE_NOTHING)
    result = invoke("charter", "check", path)
    assert result.exit_code == 1  # CC805 is an error
    assert result.output.startswith(f"charter: {path}\n")
    assert f"{path}:20" in result.output  # the approval step, where CC805 (the first, an error) points
    assert "CC805 approval-role-unstaffed: approval step 1 needs the role legal" in result.output
    assert "CC802 no-priority-choice: all 3 objectives are primary" in result.output
    assert result.output.splitlines()[-1].startswith("1 error, 6 warnings, 0 info")


def test_json_output_is_the_lint_schema(tmp_path):
    path = write(tmp_path, CHOSE_NOTHING)
    data = json.loads(invoke("charter", "check", path, "--format", "json").output)
    assert data["charter"] == path and data["summary"]["error"] == 1 and data["summary"]["warning"] == 6
    codes = sorted(f["code"] for f in data["findings"])
    assert codes == ["CC801", "CC802", "CC803", "CC803", "CC804", "CC805", "CC806"]
    for finding in data["findings"]:
        assert finding["location"]["path"] == path and finding["location"]["post_id"] is None
    lines = {(f["code"], f["location"]["channel"]): f["location"]["line"] for f in data["findings"]}
    # two preamble lines and CHOSE_NOTHING's leading blank line: strategy is on line 4
    assert lines[("CC801", None)] == 4 and lines[("CC802", None)] == 5
    assert lines[("CC803", "instagram")] == 10 and lines[("CC803", "youtube")] == 15
    assert lines[("CC804", None)] == 17 and lines[("CC805", None)] == 20


def test_sound_charter_exits_0_and_fail_on_is_honoured(tmp_path):
    result = invoke("charter", "check", "charters/approval-demo.yaml")
    assert result.exit_code == 0 and "No findings." in result.output
    path = write(tmp_path, CHOSE_NOTHING.replace("steps: [{role: legal, when: [claims]}]", "steps: []"))
    assert invoke("charter", "check", path).exit_code == 0  # warnings only
    assert invoke("charter", "check", path, "--fail-on", "warning").exit_code == 1


def test_french_output(tmp_path):
    result = invoke("charter", "check", write(tmp_path, CHOSE_NOTHING), "--lang", "fr")
    assert "aucun membre de l'équipe n'a" in result.output


def test_inconsistent_charter_exits_2_with_file_and_line(tmp_path):
    path = write(tmp_path, "team:\n  members:\n    - {id: lea}\n    - {id: lea}\n")
    result = CliRunner().invoke(main, ["charter", "check", path])
    assert result.exit_code == 2
    assert f"{path}:6: team.members[1].id: duplicate member id 'lea' (first at line 5)" in result.output
    assert "Traceback" not in result.output


def test_lint_shows_charter_findings_once(tmp_path):
    path = write(tmp_path, CHOSE_NOTHING)
    calendar = tmp_path / "week.yaml"
    calendar.write_text("posts:\n"
                        "  - {id: a, channel: instagram, at: '2026-11-24 12:00', text: Un}\n"
                        "  - {id: b, channel: facebook, at: '2026-11-25 12:00', text: Deux}\n", encoding="utf-8")
    result = invoke("lint", str(calendar), "--charter", path, "--format", "json", "--now", "2026-11-20T09:00",
                    "--select", "CC8", "--from", "2026-11-24", "--until", "2026-11-25")
    codes = [f["code"] for f in json.loads(result.output)["findings"]]
    assert sorted(codes) == ["CC801", "CC802", "CC803", "CC803", "CC804", "CC805", "CC806"]
