"""``chartercheck fix`` through the command line: writing, exit codes, usage errors."""
import shutil
from pathlib import Path

from click.testing import CliRunner

from chartercheck.cli import main
from chartercheck.engine import LintOptions, run
from chartercheck.charter import load_charter
from chartercheck.fix import FIXED_CODES
from chartercheck.timeutil import parse_cli_datetime

ROOT = Path(__file__).resolve().parents[2]
CHARTER = str(ROOT / "charters/velo-lumiere.yaml")
CONTEXT = str(ROOT / "sample_calendars/previous-weeks-published.yaml")
NOW = "2026-11-21T09:00"


def fixed(name, tmp_path, *options):
    out = tmp_path / f"fixed-{name}"
    result = CliRunner().invoke(main, ["fix", CONTEXT, str(ROOT / "sample_calendars" / name), "--charter", CHARTER,
                                       "--now", NOW, "-o", str(out), *options])
    return result, out


def cadence_findings(*paths):
    charter = load_charter(CHARTER)
    report = run(list(paths), charter, LintOptions(select=list(FIXED_CODES), now=parse_cli_datetime(NOW, charter.tz)))
    return [(f.code, f.location.post_id) for f in report.findings if f.location.path == paths[-1]]


def test_faulty_week_is_fixed_in_every_format(tmp_path):
    for name in ("week48-faulty.yaml", "week48-faulty.csv", "week48-faulty.ics"):
        assert cadence_findings(CONTEXT, str(ROOT / "sample_calendars" / name))
        result, out = fixed(name, tmp_path, "--max-shift", "5d")
        assert result.exit_code == 0, result.output
        assert "8 before, 0 after" in result.output and f"written to {out}" in result.output
        assert cadence_findings(CONTEXT, str(out)) == []


def test_with_three_days_the_weekly_cap_is_left_and_explained(tmp_path):
    result, out = fixed("week48-faulty.yaml", tmp_path)
    assert result.exit_code == 1
    assert "could not fix (1)" in result.output and "7-day cap" in result.output
    assert [code for code, _ in cadence_findings(CONTEXT, str(out))] == ["CC102"]


def test_dry_run_writes_nothing_and_speaks_french(tmp_path):
    target = tmp_path / "plan.yaml"
    shutil.copy(ROOT / "sample_calendars/week48-faulty.yaml", target)
    before = target.read_bytes()
    result = CliRunner().invoke(main, ["fix", CONTEXT, str(target), "--charter", CHARTER, "--now", NOW,
                                       "--dry-run", "--lang", "fr"])
    assert target.read_bytes() == before
    assert "publication(s) déplacée(s)" in result.output and "rien n'a été écrit" in result.output


def test_in_place_rewrites_the_last_calendar_only(tmp_path):
    context, target = tmp_path / "prev.yaml", tmp_path / "plan.yaml"
    shutil.copy(CONTEXT, context)
    shutil.copy(ROOT / "sample_calendars/week48-faulty.yaml", target)
    result = CliRunner().invoke(main, ["fix", str(context), str(target), "--charter", CHARTER, "--now", NOW,
                                       "--in-place", "--max-shift", "5d"])
    assert result.exit_code == 0, result.output
    assert context.read_bytes() == Path(CONTEXT).read_bytes()
    assert target.read_bytes() != (ROOT / "sample_calendars/week48-faulty.yaml").read_bytes()


def test_output_to_stdout_keeps_the_table_on_stderr():
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(main, ["fix", CONTEXT, str(ROOT / "sample_calendars/week48-faulty.yaml"),
                                  "--charter", CHARTER, "--now", NOW, "-o", "-", "--max-shift", "5d"])
    assert result.stdout.startswith("# Vélo Lumière, week 48")
    assert "post(s) moved" in result.stderr and "post(s) moved" not in result.stdout


def test_usage_errors_exit_2(tmp_path):
    plan = str(ROOT / "sample_calendars/week48-faulty.yaml")
    for options in (["-o", str(tmp_path / "x.yaml"), "--in-place"], ["--max-shift", "soon"],
                    ["--dry-run", "-o", str(tmp_path / "x.yaml")]):
        result = CliRunner().invoke(main, ["fix", plan, "--charter", CHARTER, "--now", NOW, *options])
        assert result.exit_code == 2, (options, result.output)
    result = CliRunner().invoke(main, ["fix", str(tmp_path / "missing.yaml"), "--charter", CHARTER])
    assert result.exit_code == 2 and "not found" in result.output


def test_nothing_to_move(tmp_path):
    result = CliRunner().invoke(main, ["fix", CONTEXT, str(ROOT / "sample_calendars/week48-clean.yaml"),
                                       "--charter", CHARTER, "--now", NOW, "--dry-run"])
    assert "nothing to move" in result.output
