"""Helpers for the fix tests: plan small in-memory calendars against small charters."""

from chartercheck.fix import fix_calendars
from chartercheck.readers import CalendarSource
from chartercheck.testing import charter_from_text
from chartercheck.timeutil import parse_cli_datetime


def run_fix(charter_yaml, calendar, fmt="yaml", *, now="2026-11-20 09:00", max_shift="3d", context=None,
            **kwargs):
    """Fix ``calendar`` (text) against ``charter_yaml``; ``context`` is an earlier YAML calendar."""
    from chartercheck.timeutil import parse_duration
    charter = charter_from_text(charter_yaml)
    sources = []
    if context is not None:
        sources.append(CalendarSource("context.yaml", context.encode("utf-8"), "yaml"))
    data = calendar if isinstance(calendar, bytes) else calendar.encode("utf-8")
    sources.append(CalendarSource(f"plan.{fmt}", data, fmt))
    result = fix_calendars(sources, charter, now=parse_cli_datetime(now, charter.tz),
                           max_shift=parse_duration(max_shift), **kwargs)
    return result, charter


def local_moves(result, charter):
    """{post id: new local time as 'YYYY-MM-DD HH:MM'}."""
    return {m.post.id: m.new_at.astimezone(charter.tz).strftime("%Y-%m-%d %H:%M") for m in result.plan.moves}


def yaml_posts(*rows, extra=""):
    """A YAML calendar from (id, channel, local time) rows."""
    lines = ["posts:"]
    for row in rows:
        pid, channel, at = row[:3]
        more = row[3] if len(row) > 3 else ""
        lines.append(f"  - {{id: {pid}, channel: {channel}, at: '{at}', text: 'Texte {pid}'{more}}}")
    return "\n".join(lines) + "\n" + extra

