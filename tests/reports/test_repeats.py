"""The same finding on many posts: one entry in text and markdown, every one in JSON."""
from __future__ import annotations

import json

from click.testing import CliRunner

from chartercheck.cli import main
from chartercheck.formatters import json_format, text
from chartercheck.formatters.repeats import collapse
from chartercheck.testing import lint_text

CHARTER = """
channels:
  instagram: {platform: instagram}
cadence:
  windows: {mon-sun: ["08:00-20:00"]}
"""


def _calendar(count: int, hour: str = "22:00") -> str:
    return "posts:\n" + "".join(
        f"  - {{id: p{i}, channel: instagram, at: '2026-11-{10 + i} {hour}', text: 'Un conseil vélo.'}}\n"
        for i in range(count))


def test_many_identical_findings_are_one_entry_with_a_count_and_the_first_posts(tmp_path):
    calendar = tmp_path / "week.yaml"
    calendar.write_text(_calendar(12).replace("text: 'Un conseil vélo.'", "text: ''"), encoding="utf-8")
    charter = tmp_path / "charter.yaml"
    charter.write_text("version: 1\nbrand: {timezone: Europe/Paris}\n" + CHARTER, encoding="utf-8")
    args = ["lint", str(calendar), "--charter", str(charter), "--now", "2026-11-01 09:00", "--select", "CC909",
            "--fail-on", "never"]
    out = CliRunner().invoke(main, args).output
    assert out.count("CC909") == 1
    assert "(the same finding on 12 posts)" in out
    assert "on 12 posts: p0 (Tue 10 Nov 22:00), p1 (Wed 11 Nov 22:00), p2 (Thu 12 Nov 22:00), …" in out
    verbose = CliRunner().invoke(main, args + ["--verbose"]).output
    assert verbose.count("CC909") == 12
    data = json.loads(CliRunner().invoke(main, args + ["--format", "json"]).output)
    assert sum(f["code"] == "CC909" for f in data["findings"]) == 12


def test_findings_that_differ_stay_under_their_posts():
    report = lint_text(CHARTER, _calendar(6), now="2026-11-01 09:00", select=["CC105"])
    # Each CC105 names its own time and proposed move: nothing to gather.
    assert all(not hasattr(item, "findings") for item in collapse(report.findings))
    assert text.render(report).count("CC105") == 6


def test_a_few_repeats_are_not_gathered():
    report = lint_text(CHARTER, _calendar(3).replace("'Un conseil vélo.'", "''"), now="2026-11-01 09:00",
                       select=["CC909"])
    assert text.render(report).count("CC909") == 3
    assert json.loads(json_format.render(report))["findings"].__len__() == 3
