"""Markdown for a pull-request comment: tables stay tables, long reports are cut."""
from __future__ import annotations

from chartercheck.formatters import markdown
from chartercheck.model import Finding, Location, Report, Severity


def _finding(i, severity=Severity.WARNING, message="m"):
    return Finding("CC101", "channel-daily-cap", severity, message, Location("a.yaml", i + 1, f"p{i}", "instagram"))


def test_table_cells_escape_pipes_newlines_and_html():
    report = Report("c", (_finding(0, message="a | b\nc <script>"),), 1, ("instagram",), None, None)
    row = [line for line in markdown.render(report).splitlines() if "CC101" in line][0]
    assert row.count(" | ") == 3  # four cells, the message's pipe escaped
    assert "a \\| b<br>c &lt;script&gt;" in row


def test_info_folds_into_details_and_errors_lead():
    report = Report("c", (_finding(0, Severity.ERROR), _finding(1, Severity.INFO)), 2, ("instagram",), None, None)
    text = markdown.render(report)
    assert text.startswith("## ❌ chartercheck: 2 findings")
    assert text.index("<details>") > text.index("🔴")
    assert "🔵" in text.split("<details>")[1]


def test_long_reports_are_cut_with_a_count():
    findings = tuple(_finding(i, message=f"m{i}") for i in range(markdown.MAX_ROWS + 25))
    text = markdown.render(Report("c", findings, len(findings), ("instagram",), None, None))
    assert "… and 25 more findings" in text
    assert len(text) < 65536


def test_clean_report():
    text = markdown.render(Report("c", (), 4, ("instagram",), None, None, lang="fr"))
    assert text.startswith("## ✅ chartercheck") and "Aucun problème" in text


def test_the_same_finding_on_many_posts_is_one_row():
    findings = tuple(_finding(i, message="approval has no time") for i in range(300)) + (_finding(400, message="x"),)
    text = markdown.render(Report("c", findings, 301, ("instagram",), None, None))
    rows = [line for line in text.splitlines() if "CC101" in line]
    assert len(rows) == 2
    assert "**300 posts**<br>p0, p1, p2, … (every one: `--verbose` or `--format json`)" in rows[0]
    assert "more findings" not in text


def test_verbose_lists_every_post():
    findings = tuple(_finding(i, message="same") for i in range(5))
    text = markdown.render(Report("c", findings, 5, ("instagram",), None, None), verbose=True)
    assert sum("CC101" in line for line in text.splitlines()) == 5
