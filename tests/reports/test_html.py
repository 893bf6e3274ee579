"""The HTML report's markup: self-contained, complete, degrading without posts."""
from __future__ import annotations

import re

from chartercheck.formatters.html import render
from chartercheck.model import Report


def test_self_contained_no_network(week):
    page = render(*week[:1], posts=week[1], charter=week[2])
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "<style>" in page and "<script>" in page


def test_grid_has_days_channels_posts_and_findings(week):
    report, posts, charter = week
    page = render(report, posts=posts, charter=charter)
    for day in ("Mon 23 Nov", "Tue 24 Nov", "Sun 29 Nov"):
        assert day in page
    for channel in ("instagram", "facebook"):
        assert re.search(f'<th scope="row" class="channel"[^>]*>{channel}</th>', page)
    # an undeclared channel is not a row of the plan: its one CC902 says how to map it
    assert not re.search('class="channel"[^>]*>tiktk<', page)
    for finding in report.findings:
        assert finding.code in page
    assert 'data-post="ig1"' in page  # a post without findings is drawn too
    assert "over-cap" in page  # two instagram posts on Monday, cap 1


def test_charts_from_posts_and_charter(week):
    report, posts, charter = week
    page = render(report, posts=posts, charter=charter)
    assert 'id="pillar-chart"' in page and "conseils" in page
    assert 'id="commercial-chart"' in page


def test_without_posts_the_grid_comes_from_findings(week):
    report, _, _ = week
    page = render(report)
    assert 'data-post="ig2"' in page and 'data-post="ig1"' not in page
    assert "Charts need the run's posts" in page


def test_empty_report_renders():
    page = render(Report("embedded:default", (), 0, (), None, None, lang="fr"))
    assert "Aucun problème" in page and "<html lang=\"fr\">" in page


def test_escapes_user_text(week):
    report, posts, charter = week
    from dataclasses import replace
    posts = [replace(posts[0], text="<img src=x onerror=alert(1)> & co")] + list(posts[1:])
    page = render(report, posts=posts, charter=charter)
    assert "<img src=x" not in page and "&lt;img src=x" in page


def test_very_long_reports_list_the_first_findings_only():
    from chartercheck.formatters import html
    from chartercheck.model import Finding, Location, Severity
    findings = tuple(Finding("CC101", "channel-daily-cap", Severity.WARNING, f"m{i}",
                             Location("a.yaml", i + 1, None, None)) for i in range(html.MAX_LISTED + 5))
    page = render(Report("c", findings, 0, (), None, None))
    assert "… and 5 more findings" in page
    assert 'data-count="1005"' in page  # the filter counter still knows the total


def _axis_labels(svg: str) -> list[tuple[float, str]]:
    return [(float(x), label) for x, label in re.findall(r'<text x="([\d.]+)" y="[\d.]+" class="axis">([^<]*)<', svg)]


def _stats(days: int):
    from datetime import date, timedelta

    from chartercheck.formatters.html_data import CommercialStats
    first = date(2026, 11, 24)
    rows = tuple((first + timedelta(days=i), 2, i % 2) for i in range(days))
    return CommercialStats(rows, 2 * days, sum(r[2] for r in rows), 0.2, 0.6)


def test_chart_labels_of_a_week_name_each_day():
    from chartercheck.formatters.html_charts import commercial_svg as _commercial_svg
    labels = _axis_labels(_commercial_svg(_stats(7), "fr"))
    assert [label for _, label in labels][:2] == ["mar. 24", "mer. 25"] and len(labels) == 7


def test_chart_labels_of_a_long_range_never_run_into_each_other():
    from chartercheck.formatters.html_charts import LABEL_ROOM, commercial_svg as _commercial_svg
    for days in (13, 20, 31):
        labels = _axis_labels(_commercial_svg(_stats(days), "fr"))
        gaps = [b[0] - a[0] for a, b in zip(labels, labels[1:])]
        assert labels and min(gaps) >= LABEL_ROOM, (days, gaps)
        assert labels[0][1] == "24 nov."


def test_chart_of_more_than_a_month_has_a_bar_per_week():
    from chartercheck.formatters.html_charts import commercial_svg as _commercial_svg
    svg = _commercial_svg(_stats(62), "en")
    assert svg.count('class="other" x=') == 10  # 62 days from a Tuesday touch 10 weeks
    assert "<title>23 Nov: 12 (" in svg  # the week of Monday 23 Nov holds 6 days of the range, 2 posts each
