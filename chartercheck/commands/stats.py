"""``chartercheck stats CALENDAR...``: the cadence table behind the findings.

Posts per channel per local day, one table per week, with each channel's
week total and its caps from the charter (``1/4``: at most one a day,
four a week; a cell over the daily cap is marked ``!``, and a legend says
so), then each channel's share of the posts, the commercial share
and the pillar mix. ``--format json`` gives the same figures as data,
``markdown`` a table to paste in a pull request.
"""
from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from typing import Sequence

import click

from .. import i18n

WORDS = {
    "en": {"week": "Week of {day}", "channel": "channel", "week_total": "week", "caps": "caps",
           "total": "total", "shares": "Share of posts", "commercial": "Commercial posts",
           "pillars": "Pillar mix", "none": "no pillar", "empty": "No posts in the range.",
           "commercial_line": "{commercial} of {total} ({share}){limit}", "limit": ", max {max}",
           "over": "! = over the channel's daily cap; caps = max per day / max per week (- = no cap)",
           "not_posts": "Not counted: {count} event(s) with no channel or only channels the charter does not "
                        "declare (lint reports them: CC903, CC902)."},
    "fr": {"week": "Semaine du {day}", "channel": "canal", "week_total": "sem.", "caps": "plafonds",
           "total": "total", "shares": "Part des publications", "commercial": "Publications commerciales",
           "pillars": "Piliers", "none": "aucun pilier", "empty": "Aucune publication sur la période.",
           "commercial_line": "{commercial} sur {total} ({share}){limit}", "limit": ", maximum {max}",
           "over": "! = plafond quotidien du canal dépassé ; plafonds = maximum par jour / par semaine (- = aucun)",
           "not_posts": "Non comptés : {count} événement(s) sans canal ou avec seulement des canaux que la charte "
                        "ne déclare pas (lint les signale : CC903, CC902)."},
}


def in_range(posts: Sequence, start=None, end=None) -> list:
    """The posts whose time falls in [start, end] (both optional)."""
    return [p for p in posts if (start is None or p.at >= start) and (end is None or p.at <= end)]


def compute_stats(posts: Sequence, charter, start=None, end=None) -> dict:
    """Figures for ``posts`` whose time falls in [start, end] (both optional)."""
    from ..formatters.html_data import commercial_stats, entries_from_posts, pillar_stats
    zone = charter.tz
    chosen = in_range(posts, start, end)
    entries = entries_from_posts(chosen, zone)
    per_day: Counter = Counter()
    for entry in entries:
        for channel in entry.channels:
            per_day[(channel, entry.at.date())] += 1
    channels = sorted({c for c, _ in per_day})
    days = sorted({d for _, d in per_day})
    total = len(entries)
    out: dict = {"charter": charter.name, "timezone": str(zone), "posts": total,
                 "from": days[0].isoformat() if days else None, "until": days[-1].isoformat() if days else None,
                 "channels": {}}
    for channel in channels:
        settings = charter.channel(channel)
        counts = {d.isoformat(): n for (c, d), n in sorted(per_day.items()) if c == channel}
        weeks: Counter = Counter()
        for (c, d), n in per_day.items():
            if c == channel:
                weeks[_week_key(d)] += n
        posts_on = sum(counts.values())
        out["channels"][channel] = {
            "posts": posts_on, "share": round(posts_on / total, 4) if total else 0.0,
            "per_day": counts, "per_week": dict(sorted(weeks.items())),
            "max_per_day": settings.get("max_per_day"), "max_per_week": settings.get("max_per_week")}
    commercial = commercial_stats(entries, charter)
    out["commercial"] = None if commercial is None else {
        "posts": commercial.commercial, "of": commercial.total, "share": round(commercial.share, 4),
        "max_share": commercial.max_share, "score_threshold": commercial.threshold}
    pillars = pillar_stats(entries, charter)
    out["pillars"] = None if pillars is None else [
        {"pillar": p.pillar or None, "posts": p.posts, "share": round(p.share, 4), "min": p.min, "max": p.max}
        for p in pillars]
    return out


def _week_key(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _pct(value: float, lang: str) -> str:
    return f"{round(value * 100)} %" if lang == "fr" else f"{round(value * 100)}%"


def _week_rows(stats: dict, monday: date, lang: str) -> list[list[str]]:
    days = [monday + timedelta(days=i) for i in range(7)]
    words = WORDS[lang]
    rows = [[words["channel"]] + [i18n.format_day(d, lang) for d in days] + [words["week_total"], words["caps"]]]
    totals = [0] * 8
    for channel, data in stats["channels"].items():
        row, week = [channel], 0
        for i, day in enumerate(days):
            n = data["per_day"].get(day.isoformat(), 0)
            cap = data["max_per_day"]
            row.append(("." if not n else str(n)) + ("!" if cap is not None and n > cap else ""))
            week += n
            totals[i] += n
        totals[7] += week
        caps = "/".join(str(v) if v is not None else "-" for v in (data["max_per_day"], data["max_per_week"]))
        rows.append(row + [str(week), caps])
    rows.append([words["total"]] + [str(n) for n in totals] + [""])
    return rows


def _table(rows: list[list[str]], markdown: bool) -> list[str]:
    if markdown:
        out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        return out + ["| " + " | ".join(r) + " |" for r in rows[1:]]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))).rstrip()
            for r in rows]


def render_stats(stats: dict, fmt: str = "text", lang: str = "en") -> str:
    """The figures of :func:`compute_stats` as ``text``, ``markdown`` or ``json``."""
    if fmt == "json":
        return json.dumps(stats, ensure_ascii=False, indent=2) + "\n"
    lang = lang if lang in WORDS else "en"
    words, md = WORDS[lang], fmt == "markdown"
    out = [i18n.render("output.charter", lang, charter=stats["charter"]), ""]
    if not stats["posts"]:
        note = [words["not_posts"].format(count=stats["not_posts"])] if stats.get("not_posts") else []
        return "\n".join(out + [words["empty"]] + note) + "\n"
    first, last = date.fromisoformat(stats["from"]), date.fromisoformat(stats["until"])
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        title = words["week"].format(day=i18n.format_day(monday, lang)) + f" {monday.year}"
        out += [("### " if md else "") + title, ""] + _table(_week_rows(stats, monday, lang), md) + [""]
        monday += timedelta(days=7)
    out += [words["over"], ""]
    colon = " : " if lang == "fr" else ": "
    footer = []
    shares = " · ".join(f"{c} {_pct(d['share'], lang)} ({d['posts']})" for c, d in
                        sorted(stats["channels"].items(), key=lambda kv: (-kv[1]["posts"], kv[0])))
    footer.append(f"{words['shares']}{colon}{shares}")
    commercial = stats["commercial"]
    if commercial:
        limit = words["limit"].format(max=_pct(commercial["max_share"], lang)) if commercial["max_share"] is not None else ""
        footer.append(f"{words['commercial']}{colon}" + words["commercial_line"].format(
            commercial=commercial["posts"], total=commercial["of"], share=_pct(commercial["share"], lang), limit=limit))
    if stats["pillars"]:
        mix = " · ".join(f"{p['pillar'] or words['none']} {_pct(p['share'], lang)} ({p['posts']})"
                         for p in stats["pillars"])
        footer.append(f"{words['pillars']}{colon}{mix}")
    if stats.get("not_posts"):
        footer.append(words["not_posts"].format(count=stats["not_posts"]))
    # Markdown needs a blank line between lines that should not merge into one paragraph.
    return "\n".join(out) + "\n" + ("\n\n" if md else "\n").join(footer) + "\n"


def register(main, charter_group) -> None:
    from ..cli import _cli_time, _resolve_charter, handle_errors

    @main.command("stats")
    @click.argument("calendars", nargs=-1, required=True)
    @click.option("--charter", "charter_path", help="Charter YAML (default: discovered, else embedded).")
    @click.option("--format", "fmt", default="text", show_default=True, type=click.Choice(["text", "json", "markdown"]))
    @click.option("--from", "date_from", help="First day (or time) counted.")
    @click.option("--until", "date_until", help="Last day (or time) counted.")
    @click.option("--lang", type=click.Choice(["en", "fr"]), help="Language of labels and dates.")
    @click.option("--input-format", type=click.Choice(["yaml", "csv", "ics"]), help="Format of calendars (for stdin).")
    @handle_errors
    def stats_cmd(calendars, charter_path, fmt, date_from, date_until, lang, input_format):
        """Cadence table of CALENDAR files: posts per channel per day and week, shares."""
        from ..engine import LintOptions, read_all
        from ..rules.triage import judged_posts
        charter = _resolve_charter(charter_path, calendars)
        start = _cli_time(date_from, charter.tz, "--from")
        end = _cli_time(date_until, charter.tz, "--until", end_of_day=True)
        read = read_all(list(calendars), charter, LintOptions(start=start, end=end, input_format=input_format))
        # the posts lint would judge: events with no channel, or only undeclared ones, are not posts
        judged = judged_posts(read.posts, charter.channels)
        stats = compute_stats(judged, charter, start, end)
        stats["not_posts"] = len(in_range(read.posts, start, end)) - stats["posts"]
        click.echo(render_stats(stats, fmt, lang or charter.get("lang") or "en"), nl=False)
