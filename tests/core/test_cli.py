"""The command line through click's CliRunner: exit codes, formats, errors without tracebacks."""
import json

from click.testing import CliRunner

from chartercheck.cli import main

FAULTY = ["sample_calendars/previous-weeks-published.yaml", "sample_calendars/week48-faulty.yaml",
          "--charter", "charters/velo-lumiere.yaml", "--from", "2026-11-23", "--until", "2026-11-29",
          "--now", "2026-11-21T09:00", "--select", "CC1"]


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_faulty_week_fails_with_exit_1_and_a_summary():
    result = run("lint", *FAULTY)
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == ("2 errors, 9 warnings, 0 info in 11 posts "
                                              "(3 channels, 2026-11-23..2026-11-29)")
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_fail_on_levels():
    assert run("lint", *FAULTY, "--fail-on", "never").exit_code == 0
    clean = ["sample_calendars/week48-clean.yaml", "--charter", "charters/velo-lumiere.yaml",
             "--now", "2026-11-21T09:00", "--select", "CC1"]
    assert run("lint", *clean).exit_code == 0
    assert run("lint", *clean, "--fail-on", "info").exit_code == 0


def test_json_is_the_documented_shape():
    result = run("lint", *FAULTY, "--format", "json")
    data = json.loads(result.output)
    assert data["tool"] == "chartercheck" and data["schema"] == 1
    assert data["charter"] == "charters/velo-lumiere.yaml"
    assert data["summary"]["posts"] == 11 and data["summary"]["from"] == "2026-11-23"
    first = data["findings"][0]
    assert set(first) == {"code", "rule", "severity", "message", "hint", "location"}
    assert set(first["location"]) == {"path", "line", "post_id", "channel", "at", "field"}
    severities = [f["severity"] for f in data["findings"]]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


def test_french_messages():
    result = run("lint", *FAULTY, "--lang", "fr")
    assert "publications sur instagram le lun. 23 nov., maximum 1" in result.output
    assert result.output.splitlines()[-1].startswith("2 erreurs, 9 avertissements")


def test_embedded_default_charter_is_named_and_judges_only_what_it_knows():
    result = run("lint", "sample_calendars/week48-clean.yaml", "--now", "2026-11-21T09:00")
    assert result.output.startswith("charter: embedded:default")
    # no team and no approval circuit in the default: approvers are not judged
    assert "No findings." in result.output and result.exit_code == 0


def test_broken_charter_exits_2_with_file_line_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nbrand:\n  timezone: Europe/Nowhere\nchanels: {}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "sample_calendars/week48-clean.yaml", "--charter", str(bad)])
    assert result.exit_code == 2
    assert f"{bad}:3: brand.timezone: unknown time zone 'Europe/Nowhere'" in result.output
    assert f"{bad}:4: chanels: unknown key 'chanels'" in result.output and "did you mean 'channels'?" in result.output
    assert "Traceback" not in result.output


def test_missing_calendar_and_bad_dates_exit_2():
    assert CliRunner().invoke(main, ["lint", "nope.yaml"]).exit_code == 2
    result = CliRunner().invoke(main, ["lint", "sample_calendars/week48-clean.yaml", "--from", "next week"])
    assert result.exit_code == 2 and "--from" in result.output


def test_rules_and_explain():
    listing = run("rules").output
    assert "CC101  channel-daily-cap" in listing
    explained = run("explain", "CC101").output
    # docstring markup rendered for a terminal: no ``literals``, no "Fires::"
    assert "Fires:\n" in explained and "Fires::" not in explained and "``" not in explained
    assert "``" not in listing and "than max_per_day." in listing
    assert run("explain", "channel-daily-cap").exit_code == 0
    missing = CliRunner().invoke(main, ["explain", "CC10"])
    assert missing.exit_code == 2 and "did you mean" in missing.output


def test_stdin_calendar():
    text = open("sample_calendars/week48-clean.yaml", encoding="utf-8").read()
    result = CliRunner().invoke(main, ["lint", "-", "--input-format", "yaml", "--now", "2026-11-21T09:00",
                                       "--select", "CC1"], input=text)
    assert result.exit_code == 0 and "9 posts" in result.output


def test_version_and_module_entry_point():
    import subprocess, sys
    out = subprocess.run([sys.executable, "-m", "chartercheck", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "chartercheck" in out.stdout


def test_charter_errors_in_french(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nbrand:\n  timezone: Europe/Nowhere\nchanels: {}\n"
                   "cadence: {min_gap: 4, max_per_day_total: beaucoup}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["lint", "sample_calendars/week48-clean.yaml", "--charter", str(bad),
                                       "--lang", "fr"])
    assert result.exit_code == 2
    out = result.output
    assert f"{bad}:3: brand.timezone: fuseau horaire inconnu 'Europe/Nowhere'" in out
    assert f"{bad}:4: chanels: clé inconnue 'chanels' (vouliez-vous dire 'channels' ?)" in out
    assert "cadence.max_per_day_total: un nombre entier attendu, reçu du texte" in out
    missing = CliRunner().invoke(main, ["lint", "nope.yaml", "--lang", "fr"])
    assert "nope.yaml: fichier de calendrier introuvable" in missing.output
    when = CliRunner().invoke(main, ["lint", "sample_calendars/week48-clean.yaml", "--from", "demain",
                                     "--lang", "fr"])
    assert "--from: 'demain' n'est pas une date et heure" in when.output


def test_docstring_markup_for_the_terminal():
    from chartercheck.docs import terminal_text
    assert terminal_text("Reads ``tone.window`` (*not* :mod:`.x`).\n\nFires::\n\n    a: 2 * 3\n") == (
        "Reads tone.window (not x).\n\nFires:\n\n    a: 2 * 3\n")
