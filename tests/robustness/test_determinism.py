"""Same input, same bytes: whatever the machine's time zone, locale or hash seed."""
import os
import subprocess
import sys

ARGS = ["-m", "chartercheck", "lint", "sample_calendars/previous-weeks-published.yaml",
        "sample_calendars/week48-faulty.yaml", "--charter", "charters/velo-lumiere.yaml",
        "--from", "2026-11-23", "--until", "2026-11-29", "--now", "2026-11-21T09:00"]


def run(env_overrides, fmt):
    env = dict(os.environ, **env_overrides)
    out = subprocess.run([sys.executable, *ARGS, "--format", fmt], capture_output=True, env=env)
    assert out.returncode in (0, 1), out.stderr.decode()
    return out.stdout


def test_output_is_byte_identical_across_tz_locale_and_hash_seed():
    for fmt in ("json", "text"):
        reference = run({"TZ": "UTC", "LC_ALL": "C", "PYTHONHASHSEED": "0"}, fmt)
        assert reference
        assert run({"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "12345"}, fmt) == reference
        assert run({"TZ": "America/Los_Angeles", "LANG": "fr_FR.UTF-8", "PYTHONHASHSEED": "999"}, fmt) == reference


def test_jobs_do_not_change_the_output():
    def lint(jobs):
        return subprocess.run([sys.executable, *ARGS, "--format", "json", "--jobs", jobs], capture_output=True).stdout
    single = lint("1")
    assert single and lint("2") == single


def test_parallel_text_analysis_gives_the_same_report(monkeypatch):
    import chartercheck
    from chartercheck import engine
    from chartercheck.timeutil import parse_cli_datetime
    monkeypatch.setattr(engine, "PARALLEL_POSTS_MIN", 1)
    monkeypatch.setattr(engine, "POST_BLOCK", 4)  # several blocks analysed ahead, in order
    charter = chartercheck.load_charter("charters/velo-lumiere.yaml")
    now = parse_cli_datetime("2026-11-21 09:00", charter.tz)
    calendars = ["sample_calendars/tone-week.yaml"]
    single = engine.run(calendars, charter, engine.LintOptions(now=now))
    parallel = engine.run(calendars, charter, engine.LintOptions(now=now, jobs=2))
    assert [f.to_dict() for f in parallel.findings] == [f.to_dict() for f in single.findings]
    assert single.findings
