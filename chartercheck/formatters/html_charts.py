"""The HTML report's charts, inline SVG: the commercial share and the pillar mix."""
from __future__ import annotations

import math
from datetime import date, timedelta
from html import escape
from typing import Optional

from .. import i18n
from ..timeutil import week_start
from .html_data import Grid, commercial_stats, pillar_stats
from .html_words import WORDS, pct

#: Longest range drawn day by day in the commercial chart; longer ones get a bar per week.
DAILY_BARS_MAX = 31
#: Room an axis label needs, in chart units (about seven characters); labels are thinned to keep it.
LABEL_ROOM = 54


def chart_bars(stats, lang: str) -> list[tuple[str, int, int]]:
    """(axis label, posts, commercial posts) per bar: one bar a day, or one a week past a month."""
    if len(stats.days) <= DAILY_BARS_MAX:
        short = len(stats.days) <= 7  # a week: "Tue 24" under each bar; past that, "24 Nov" every few bars
        return [((i18n.format_day(day, lang).split(" ")[0] + f" {day.day}") if short
                 else " ".join(i18n.format_day(day, lang).split(" ")[1:]), total, commercial)
                for day, total, commercial in stats.days]
    weeks: dict[date, list[int]] = {}
    for day, total, commercial in stats.days:
        counts = weeks.setdefault(week_start(day), [0, 0])
        counts[0] += total
        counts[1] += commercial
    return [(" ".join(i18n.format_day(monday, lang).split(" ")[1:]), total, commercial)
            for monday, (total, commercial) in sorted(weeks.items())]


def commercial_svg(stats, lang: str) -> str:
    """Posts per day (or week) as bars, the commercial ones in colour; axis labels
    never run into each other: past a week only every few bars is labelled,
    and counts are written only when a bar is wide enough for them."""
    words = WORDS[lang]
    width, height, top, bottom = 460, 170, 16, 34
    bars = chart_bars(stats, lang)
    n = max(1, len(bars))
    peak = max((b[1] for b in bars), default=1) or 1
    step = (width - 40) / n
    bar = min(36.0, step * 0.7)
    every = max(1, math.ceil(LABEL_ROOM / step))
    parts = []
    for i, (label, total, commercial) in enumerate(bars):
        x = 30 + i * step + (step - bar) / 2
        h_total = (height - top - bottom) * total / peak
        h_comm = (height - top - bottom) * commercial / peak
        base = height - bottom
        parts.append(f'<rect class="other" x="{x:.1f}" y="{base - h_total:.1f}" width="{bar:.1f}" height="{h_total:.1f}">'
                     f'<title>{escape(label)}: {total} ({commercial})</title></rect>')
        if commercial:
            parts.append(f'<rect class="commercial" x="{x:.1f}" y="{base - h_comm:.1f}" width="{bar:.1f}" height="{h_comm:.1f}"/>')
        if step >= 16:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{base - h_total - 3:.1f}" class="val">{total}</text>')
        if i % every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 14}" class="axis">{escape(label)}</text>')
    legend = (f'<rect class="commercial" x="30" y="{height - 12}" width="10" height="10"/>'
              f'<text x="44" y="{height - 3}" class="legend">{words["commercial_legend"]}</text>'
              f'<rect class="other" x="150" y="{height - 12}" width="10" height="10"/>'
              f'<text x="164" y="{height - 3}" class="legend">{words["other_legend"]}</text>')
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{words["commercial"]}">'
            + "".join(parts) + legend + "</svg>")


def gauge(share: float, limit: Optional[float], over: bool) -> str:
    mark = (f'<line class="limit" x1="{limit * 400:.1f}" x2="{limit * 400:.1f}" y1="0" y2="18"/>'
            if limit is not None else "")
    return (f'<svg class="gauge" viewBox="0 0 400 18" role="img"><rect class="track" width="400" height="18" rx="4"/>'
            f'<rect class="fill{" over" if over else ""}" width="{share * 400:.1f}" height="18" rx="4"/>{mark}</svg>')


def charts(grid: Grid, charter, lang: str, scores: dict) -> str:
    """The charts section: the commercial share (a gauge against the charter's maximum, and posts
    per day or week) and the pillar mix (each pillar's share against its target), or a note
    saying they need the run's posts and charter."""
    words = WORDS[lang]
    first, last = grid.in_range
    span = [first + timedelta(days=i) for i in range((last - first).days + 1)] if first and last else []
    stats = commercial_stats(grid.entries, charter, span[:62], scores)
    pillars = pillar_stats(grid.entries, charter)
    if stats is None and pillars is None:
        return f'<section class="charts"><p class="muted">{words["no_charts"]}</p></section>'
    blocks = []
    if stats is not None:
        over = stats.max_share is not None and stats.share > stats.max_share
        limit = words["limit"].format(max=pct(stats.max_share, lang)) if stats.max_share is not None else ""
        note = words["commercial_note"].format(commercial=stats.commercial, total=stats.total,
                                               share=pct(stats.share, lang), limit=limit)
        blocks.append(f'<figure class="chart-box" id="commercial-chart"><figcaption>{words["commercial"]}</figcaption>'
                      f'<p class="headline{" bad" if over else ""}">{escape(note)}</p>'
                      f'{gauge(stats.share, stats.max_share, over)}{commercial_svg(stats, lang)}</figure>')
    if pillars is not None:
        rows = []
        for item in pillars:
            off = (item.min is not None and item.share < item.min) or (item.max is not None and item.share > item.max)
            target = " – ".join(pct(v, lang) for v in (item.min, item.max) if v is not None)
            bound = f'{words["target"]}: {"≥ " if item.max is None else ("≤ " if item.min is None else "")}{target}' \
                if target else ""
            marks = "".join(f'<line class="limit" x1="{v * 240:.1f}" x2="{v * 240:.1f}" y1="0" y2="14"/>'
                            for v in (item.min, item.max) if v is not None)
            rows.append(f'<tr class="{"off" if off else ""}"><th>{escape(item.pillar or words["none"])}</th>'
                        f'<td><svg class="bar" viewBox="0 0 240 14"><rect class="track" width="240" height="14" rx="3"/>'
                        f'<rect class="fill" width="{item.share * 240:.1f}" height="14" rx="3"/>{marks}</svg></td>'
                        f'<td class="num">{pct(item.share, lang)} ({item.posts})</td><td class="muted">{escape(bound)}</td></tr>')
        blocks.append(f'<figure class="chart-box" id="pillar-chart"><figcaption>{words["pillars"]}</figcaption>'
                      f'<table class="pillars">{"".join(rows)}</table></figure>')
    return f'<section class="charts">{"".join(blocks)}</section>'
