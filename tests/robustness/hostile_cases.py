"""The hostile inputs of the robustness suite, generated on demand in a directory.

Each case writes its few small files (big inputs are sparse files or
``/dev/zero``; the few big texts are written by the case and deleted with its directory) and
says how to run the command line on them. ``tests/robustness/test_hostile_cli.py``
runs every case in a subprocess under time and memory limits;
``benchmarks/hostile.py`` measures them (time and peak memory, case by case).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

NOW = "2026-11-20T09:00"

POST = "  - {id: p1, channel: instagram, at: '2026-11-24 10:00', text: Bonjour à tous}\n"
CALENDAR = "posts:\n" + POST
APPROVAL_CHARTER = """version: 1
brand: {name: Demo, timezone: Europe/Paris}
channels: {instagram: {}}
team: {members: [{id: lea, roles: [community_manager]}, {id: marc, roles: [brand_manager]}]}
approval: {steps: [brand_manager]}
"""


@dataclass
class Run:
    """How to run one case: arguments after ``chartercheck``, and where standard input comes from."""

    args: list
    stdin: Optional[str] = None           # a path opened as standard input
    head: bool = False                    # read one line of output, then close the pipe
    stdout: Optional[str] = None          # a path opened as standard output instead of a pipe


@dataclass
class Case:
    """One hostile input: what it is, how to build it, what must come out."""

    name: str
    build: Callable[[Path], Run]
    #: exit codes acceptable after the fix
    exits: tuple = (0, 1, 2)
    #: texts that must appear in the output (stdout + stderr)
    says: tuple = ()
    #: texts that must not appear in the output
    never: tuple = ()
    issue_item: int = 0


def _write(path: Path, text, mode: str = "w") -> str:
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def _calendar(d: Path, text: str = CALENDAR, name: str = "plan.yaml") -> str:
    return _write(d / name, text)


def _vtimezone(blocks: int, freq: str) -> str:
    parts = ["BEGIN:VTIMEZONE", "TZID:Custom/Zone"]
    for i in range(blocks):
        parts += ["BEGIN:STANDARD", "DTSTART:16010101T000000", f"RRULE:FREQ={freq}",
                  f"TZOFFSETFROM:+0{i % 9}00", "TZOFFSETTO:+0100", f"TZNAME:Z{i}", "END:STANDARD"]
    parts.append("END:VTIMEZONE")
    return "\r\n".join(parts)


def _ics(events: list[str], zone: str = "") -> str:
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//hostile//EN"]
    body = [zone] if zone else []
    return "\r\n".join(head + body + events + ["END:VCALENDAR", ""])


def _event(uid: str, start: str, extra: str = "", summary: str = "[IG] Bonjour à tous") -> str:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", "DTSTAMP:20261119T080000Z", start, f"SUMMARY:{summary}"]
    if extra:
        lines.append(extra)
    lines.append("END:VEVENT")
    return "\r\n".join(lines)


def _selector(option: str, value: str):
    def build(d: Path) -> Run:
        return Run(["lint", _calendar(d), option, value, "--now", NOW])
    return build


def _charter_rules(d: Path) -> Run:
    charter = _write(d / "charter.yaml", "version: 1\nrules:\n  CC1O1: {severity: error}\n")
    return Run(["lint", _calendar(d), "--charter", charter, "--now", NOW])


def _baseline_unknown(d: Path) -> Run:
    baseline = _write(d / "baseline.json", '{"tool": "chartercheck", "baseline": 1, '
                                           '"fingerprints": ["CC1O1|plan.yaml|p1||"]}')
    return Run(["lint", _calendar(d), "--baseline", baseline, "--now", NOW])


def _inline_ignore(d: Path) -> Run:
    text = "posts:\n  - {id: p1, channel: instagram, at: '2026-11-24 10:00', text: Bonjour, ignore: [CC1O1]}\n"
    return Run(["lint", _calendar(d, text), "--now", NOW])


def _many_ignores(d: Path) -> Run:
    posts = "".join(f"  - {{id: p{i}, channel: instagram, at: '2026-11-{10 + i % 18} 10:00', text: Bonjour,"
                    f" ignore: [bogus-rule-{i}, CC{i % 900:03d}X]}}\n" for i in range(5000))
    return Run(["lint", _calendar(d, "posts:\n" + posts), "--now", NOW, "--select", "CC921"])


def _empty(name: str, text: str):
    def build(d: Path) -> Run:
        return Run(["lint", _write(d / name, text), "--now", NOW, "--fail-on", "warning"])
    return build


def _all_skipped(d: Path) -> Run:
    path = _write(d / "skipped.csv", "id,channel,at,text\na,instagram,not a date,Bonjour\n")
    return Run(["lint", path, "--now", NOW, "--select", "CC9", "--ignore", "CC908"])


def _from_after_until(d: Path) -> Run:
    return Run(["lint", _calendar(d), "--from", "2026-12-01", "--until", "2026-11-01", "--now", NOW])


def _approved_without_approval(d: Path) -> Run:
    charter = _write(d / "charter.yaml", APPROVAL_CHARTER)
    text = ("posts:\n  - {id: p1, channel: instagram, at: '2026-11-24 10:00', text: Bonjour,"
            " author: lea, status: scheduled}\n")
    return Run(["lint", _calendar(d, text), "--charter", charter, "--now", NOW, "--select", "CC4"])


def _long_promo(size: int):
    def build(d: Path) -> Run:
        unit = "Promo -50% sur tout le site, achetez maintenant https://shop.example/p "
        text = (unit * (size // len(unit) + 1))[:size]
        body = "posts:\n  - id: p1\n    channel: instagram\n    at: '2026-11-24 10:00'\n    text: '" + text + "'\n"
        return Run(["lint", _calendar(d, body), "--now", NOW])
    return build


def _zone_case(freq: str):
    def build(d: Path) -> Run:
        event = _event("e1", "DTSTART;TZID=Custom/Zone:20261124T100000")
        return Run(["lint", _write(d / "zone.ics", _ics([event], _vtimezone(30, freq))), "--now", NOW])
    return build


def _zone_never(d: Path) -> Run:
    zone = _vtimezone(30, "YEARLY;BYMONTH=2;BYMONTHDAY=30")
    event = _event("e1", "DTSTART;TZID=Custom/Zone:20261124T100000")
    return Run(["lint", _write(d / "zone.ics", _ics([event], zone)), "--now", NOW])


def _never_matching(d: Path) -> Run:
    events = [_event(f"e{i}", "DTSTART;TZID=Europe/Paris:20261124T100000",
                     "RRULE:FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30") for i in range(3)]
    return Run(["lint", _write(d / "never.ics", _ics(events)), "--now", NOW])


def _several_rules(d: Path) -> Run:
    """RFC 5545 lets an event carry several RRULEs; one of them endless and every second."""
    events = [_event("r1", "DTSTART;TZID=Europe/Paris:20261124T100000",
                     "RRULE:FREQ=WEEKLY\r\nRRULE:FREQ=SECONDLY\r\nRRULE:FREQ=MINUTELY;BYSECOND=1,2,3")]
    return Run(["lint", _write(d / "rules.ics", _ics(events)), "--now", NOW, "--select", "CC9"])


def _ends_a_year_early(d: Path) -> Run:
    """A FREQ=SECONDLY series whose DTEND falls a year before its DTSTART."""
    events = [_event("n1", "DTSTART;TZID=Europe/Paris:20261124T100000",
                     "DTEND;TZID=Europe/Paris:20251124T100000\r\nRRULE:FREQ=SECONDLY")]
    return Run(["lint", _write(d / "early-end.ics", _ics(events)), "--now", NOW, "--select", "CC9"])


def _many_series(d: Path) -> Run:
    events = [_event(f"s{i}", "DTSTART;TZID=Europe/Paris:20261124T100000", "RRULE:FREQ=MINUTELY")
              for i in range(300)]
    return Run(["lint", _write(d / "series.ics", _ics(events)), "--now", NOW, "--select", "CC9"])


def _long_rdate(d: Path) -> Run:
    dates = ",".join(f"202611{24 + i // 1440 % 5:02d}T{i // 60 % 24:02d}{i % 60:02d}00" for i in range(150_000))
    event = _event("r1", "DTSTART;TZID=Europe/Paris:20261124T100000", f"RDATE;TZID=Europe/Paris:{dates}")
    return Run(["lint", _write(d / "rdate.ics", _ics([event])), "--now", NOW, "--select", "CC9"])


def _wide_csv(d: Path) -> Run:
    """300,000 columns nobody knows: 20 named (with the closest field), the rest one count."""
    header = "id,channel,at,text" + "".join(f",col{i}" for i in range(300_000))
    row = "p1,instagram,2026-11-24 10:00,Bonjour" + ",x" * 300_000
    return Run(["lint", _write(d / "wide.csv", header + "\n" + row + "\n"), "--now", NOW, "--select", "CC9"])


def _sparse(d: Path) -> Run:
    path = d / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(1 << 30)  # a gigabyte of NULs that takes no disk
    return Run(["lint", str(path), "--now", NOW])


def _dev_zero(d: Path) -> Run:
    return Run(["lint", "/dev/zero", "--input-format", "yaml", "--now", NOW])


def _stdin_zero(d: Path) -> Run:
    return Run(["lint", "-", "--input-format", "yaml", "--now", NOW], stdin="/dev/zero")


def _extends_zero(d: Path) -> Run:
    charter = _write(d / "charter.yaml", "version: 1\nextends: /dev/zero\n")
    return Run(["lint", _calendar(d), "--charter", charter, "--now", NOW])


def _charter_zero(d: Path) -> Run:
    return Run(["lint", _calendar(d), "--charter", "/dev/zero", "--now", NOW])


def _huge_brand(d: Path) -> Run:
    charter = d / "charter.yaml"
    with open(charter, "w", encoding="utf-8") as handle:
        handle.write("version: 1\nbrand:\n  name: '")
        chunk = "B" * (1 << 20)
        for _ in range(100):
            handle.write(chunk)
        handle.write("'\n")
    return Run(["lint", _calendar(d), "--charter", str(charter), "--now", NOW])


def _long_fields(d: Path) -> Run:
    posts = "".join(f"  - {{id: '{'I' * 2_000_000}{i}', channel: '{'c' * 2_000_000}', at: '2026-11-24 10:0{i}',"
                    f" text: ''}}\n" for i in range(3))
    return Run(["lint", _calendar(d, "posts:\n" + posts), "--now", NOW])


def _long_text(fmt: str, size: int):
    def build(d: Path) -> Run:
        if fmt == "csv":
            head = "id,channel,at,text\np1,instagram,2026-11-24 10:00,\""
            tail = "\"\n"
        else:
            head = "posts:\n  - {id: p1, channel: instagram, at: '2026-11-24 10:00', text: '"
            tail = "'}\n"
        path = d / f"long.{fmt}"
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(head)
            word = "lumière vélo atelier "
            for _ in range(size // (len(word) * 1000)):
                handle.write(word * 1000)
            handle.write(tail)
        return Run(["lint", str(path), "--now", NOW, "--max-bytes", str(size * 2)])
    return build


ESC = "\x1b]0;owned\x07\x1b[2J"


def _control_chars(fmt: str):
    def build(d: Path) -> Run:
        text = ("posts:\n  - {id: \"p1\\e[31m\", channel: \"insta\\egram\", at: '2026-11-24 10:00',"
                " text: \"Bonjour \\e]0;owned\\a\\e[2J \\x9b31m\\0 fin\"}\n")
        return Run(["lint", _calendar(d, text), "--now", NOW, "--format", fmt, "--no-color"])
    return build


def _ics_bad_line(d: Path) -> Run:
    event = _event("e1", "DTSTART;TZID=Europe/Paris:20261124T100000", "BROKEN\x1b[2J\x07LINE")
    return Run(["lint", _write(d / "bad.ics", _ics([event])), "--now", NOW])


def _binary(d: Path) -> Run:
    return Run(["lint", _write(d / "bin.yaml", b"posts:\n  - \x1b[2J\x07\xff\xfe\x00junk\n"), "--now", NOW])


def _output_is_input(d: Path) -> Run:
    path = _calendar(d)
    return Run(["lint", path, "--now", NOW, "-o", path])


def _output_dash(d: Path) -> Run:
    return Run(["lint", _calendar(d), "--now", NOW, "-o", "-", "--format", "json"])


def _closed_pipe(d: Path) -> Run:
    posts = "".join(f"  - {{id: p{i}, channel: instagram, at: '2026-11-{10 + i % 18} 10:00', text: ''}}\n"
                    for i in range(2000))
    return Run(["lint", _calendar(d, "posts:\n" + posts), "--now", NOW], head=True)


def _full_device(d: Path) -> Run:
    return Run(["lint", _calendar(d), "--now", NOW, "-o", "/dev/full"])


def _full_stdout(d: Path) -> Run:
    return Run(["lint", _calendar(d), "--now", NOW], stdout="/dev/full")


UNKNOWN = "unknown rule"
CASES = [
    Case("select-typo", _selector("--select", "CC1O1"), (2,), ("CC1O1", "CC101"), issue_item=1),
    Case("ignore-nonsense", _selector("--ignore", "nonsense"), (2,), ("nonsense",), issue_item=1),
    Case("charter-rules-typo", _charter_rules, (2,), ("CC1O1", "charter.yaml:3"), issue_item=1),
    Case("baseline-unknown-rule", _baseline_unknown, (2,), ("CC1O1",), issue_item=1),
    Case("inline-ignore-unknown", _inline_ignore, (1,), ("CC1O1",), issue_item=1),
    Case("10k-distinct-unknown-ignores", _many_ignores, (1,), ("CC921",), issue_item=1),
    Case("empty-yaml", _empty("empty.yaml", ""), (1,), ("no posts read",), issue_item=2),
    Case("empty-csv", _empty("empty.csv", ""), (1,), ("no posts read",), issue_item=2),
    Case("ics-no-events", _empty("none.ics", _ics([])), (1,), ("no posts read",), issue_item=2),
    Case("csv-all-skipped", _all_skipped, (0, 1), ("no posts read",), issue_item=2),
    Case("from-after-until", _from_after_until, (2,), ("--from",), issue_item=2),
    Case("approved-without-approval", _approved_without_approval, (1,), ("error",), issue_item=3),
    Case("promo-64k", _long_promo(64 * 1024), issue_item=4),
    Case("vtimezone-30-daily", _zone_case("DAILY"), issue_item=5),
    Case("vtimezone-30-secondly", _zone_case("SECONDLY"), issue_item=5),
    Case("vtimezone-30-never", _zone_never, (0, 1), ("CC905",), issue_item=5),
    Case("rrule-never-matches", _never_matching, (0, 1), ("CC920",), issue_item=5),
    Case("300-minutely-series", _many_series, (0, 1), ("CC912",), issue_item=5),
    Case("rrules-weekly-secondly-minutely", _several_rules, (0, 1), ("CC912",), issue_item=5),
    Case("secondly-ending-a-year-early", _ends_a_year_early, (0, 1), ("CC912",), issue_item=5),
    Case("rdate-150k-dates", _long_rdate, (0, 1), ("CC912",), issue_item=5),
    Case("csv-300k-unknown-columns", _wide_csv, (0, 1), ("299,980 more unknown fields",), issue_item=5),
    Case("1gb-sparse-file", _sparse, (2,), ("limit", "--max-bytes"), issue_item=6),
    Case("lint-dev-zero", _dev_zero, (2,), ("/dev/zero",), issue_item=6),
    Case("stdin-dev-zero", _stdin_zero, (2,), ("<stdin>", "--max-bytes"), issue_item=6),
    Case("extends-dev-zero", _extends_zero, (2,), ("/dev/zero",), issue_item=6),
    Case("charter-dev-zero", _charter_zero, (2,), ("/dev/zero",), issue_item=6),
    Case("brand-name-100mb", _huge_brand, (2,), ("charter.yaml",), issue_item=6),
    Case("text-52mb-yaml", _long_text("yaml", 52 << 20), (1,), ("CC923",), issue_item=7),
    Case("text-52mb-csv", _long_text("csv", 52 << 20), (1,), ("CC923",), issue_item=7),
    Case("ids-and-channels-of-2m-chars", _long_fields, (0, 1), ("CC917",), issue_item=7),
    Case("text-200kb-csv", _long_text("csv", 200 << 10), (1,), ("CC923",), never=("field larger",), issue_item=7),
    Case("control-chars-text", _control_chars("text"), never=("\x1b", "\x07", "\x9b"), issue_item=8),
    Case("control-chars-markdown", _control_chars("markdown"), never=("\x1b", "\x07", "\x9b"), issue_item=8),
    Case("control-chars-github", _control_chars("github"), never=("\x1b", "\x07", "\x9b"), issue_item=8),
    Case("control-chars-html", _control_chars("html"), never=("\x1b", "\x07", "\x00"), issue_item=8),
    Case("ics-bad-line", _ics_bad_line, never=("\x1b", "\x07"), issue_item=8),
    Case("binary-file", _binary, (2,), never=("\x1b", "\x07"), issue_item=8),
    Case("output-is-input", _output_is_input, (2,), ("plan.yaml",), issue_item=9),
    Case("output-dash", _output_dash, (0, 1), ('"findings"',), issue_item=9),
    Case("closed-pipe", _closed_pipe, (0, 1), never=("BrokenPipe",), issue_item=9),
    Case("full-device", _full_device, (2,), ("/dev/full",), issue_item=9),
    Case("stdout-full-device", _full_stdout, (2,), ("cannot write",), issue_item=9),
]
CASES_BY_NAME = {case.name: case for case in CASES}


@dataclass
class Outcome:
    """What one run gave: exit code, everything written, time and peak memory."""

    code: int
    output: str
    seconds: float
    peak_mb: float
    timed_out: bool = False


def run_case(case: Case, directory: Path, seconds: int = 10, memory_mb: int = 600) -> Outcome:
    """Run ``case`` in a child process limited to ``seconds`` of CPU and ``memory_mb`` of address space.

    The peak memory is the child's own (``wait4``), so cases are measured one by one.
    """
    import os
    import resource
    import subprocess
    import sys
    import threading
    import time

    plan = case.build(directory)

    def limits():
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
        resource.setrlimit(resource.RLIMIT_AS, (memory_mb << 20, memory_mb << 20))

    command = [sys.executable, "-m", "chartercheck", *plan.args]
    env = dict(os.environ, PYTHONIOENCODING="utf-8", CHARTERCHECK_JOBS="1")
    env.pop("GITHUB_ACTIONS", None)
    stdin = open(plan.stdin, "rb") if plan.stdin else subprocess.DEVNULL
    stdout = open(plan.stdout, "wb") if plan.stdout else subprocess.PIPE
    started = time.monotonic()
    child = subprocess.Popen(command, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE,
                             preexec_fn=limits, env=env, cwd=directory)
    got = {"out": b"", "err": b""}

    def drain(name, pipe, one_line=False):
        got[name] = pipe.readline() if one_line else pipe.read()
        pipe.close()

    readers = [threading.Thread(target=drain, args=("err", child.stderr))]
    if child.stdout is not None:
        readers.append(threading.Thread(target=drain, args=("out", child.stdout, plan.head)))
    for reader in readers:
        reader.start()
    timer = threading.Timer(seconds * 3, child.kill)  # CPU time is limited; a blocked child is not
    timer.start()
    _, status, usage = os.wait4(child.pid, 0)
    timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    for handle in (stdin, stdout):
        if hasattr(handle, "close"):
            handle.close()
    output = got["out"].decode("utf-8", "replace") + got["err"].decode("utf-8", "replace")
    return Outcome(child.returncode, output, time.monotonic() - started, usage.ru_maxrss / 1024,
                   child.returncode < 0)
