"""``chartercheck stats``: the cadence table in text, markdown and JSON."""
from __future__ import annotations

import json

from click.testing import CliRunner

from chartercheck.cli import main

from .conftest import CHARTER, WEEK


def run(*args):
    return CliRunner().invoke(main, ["stats", WEEK, "--charter", CHARTER, *args], catch_exceptions=False)


def test_text_table_per_week_with_caps():
    result = run()
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert "Week of Mon 23 Nov 2026" in lines
    header = next(line for line in lines if line.startswith("channel"))
    assert "Mon 23 Nov" in header and "Sun 29 Nov" in header and header.rstrip().endswith("caps")
    instagram = next(line for line in lines if line.startswith("instagram"))
    assert instagram.split()[1] == "2!"  # two posts, daily cap 1
    assert "Share of posts: instagram 67% (2)" in result.output
    assert "caps = max per day / max per week" in result.output  # the legend of "1/-"
    assert "Not counted: 1 event(s) with no channel or only channels the charter does not declare" in result.output
    assert "Pillar mix: conseils" in result.output


def test_json_figures():
    data = json.loads(run("--format", "json").output)
    # tk1 names a channel the charter does not declare: not a post of the brand, counted apart
    assert data["posts"] == 3 and data["not_posts"] == 1
    assert data["from"] == "2026-11-23" and data["until"] == "2026-11-25"
    assert data["channels"]["instagram"]["per_day"] == {"2026-11-23": 2}
    assert data["channels"]["instagram"]["per_week"] == {"2026-W48": 2}
    assert data["channels"]["instagram"]["max_per_day"] == 1
    assert abs(sum(c["share"] for c in data["channels"].values()) - 1) < 0.01
    assert data["commercial"]["of"] == 3 and data["commercial"]["max_share"] == 0.2
    assert [p["pillar"] for p in data["pillars"]][:2] == ["conseils", "produit"]


def test_markdown_and_french():
    output = run("--format", "markdown", "--lang", "fr").output
    assert "### Semaine du lun. 23 nov. 2026" in output
    assert "| instagram | 2! |" in output
    assert "Part des publications : " in output


def test_range_and_empty():
    output = run("--from", "2027-01-01").output
    assert "No posts in the range." in output
    data = json.loads(run("--from", "2026-11-25", "--format", "json").output)
    assert data["posts"] == 1 and data["not_posts"] == 1


def test_stdin(monkeypatch):
    text = open(WEEK, encoding="utf-8").read()
    result = CliRunner().invoke(main, ["stats", "-", "--input-format", "yaml", "--charter", CHARTER, "--format", "json"],
                                input=text, catch_exceptions=False)
    assert json.loads(result.output)["posts"] == 3
