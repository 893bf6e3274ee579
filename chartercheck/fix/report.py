"""The before/after table ``chartercheck fix`` prints: a pure function of a FixResult."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Optional

from .. import i18n
from .planner import FIXED_CODES
from .run import FixResult


def _shift(delta: timedelta, lang: str) -> str:
    text = i18n.format_value(delta, lang)
    return text if text.startswith("-") else "+" + text


def render_fix(result: FixResult, tz, lang: str = "en", *, max_shift: timedelta,
               now: Optional[datetime] = None) -> str:
    """What moved (a table), what could not be fixed and why, then a summary line."""
    def t(msgid: str, **params) -> str:
        return i18n.render(f"fix.{msgid}", lang, **params)

    def when(moment: datetime) -> str:
        return i18n.format_value(moment.astimezone(tz), lang)

    lines = []
    moves = sorted(result.plan.moves, key=lambda m: (m.post.at, m.post.id))
    if moves:
        lines.append(t("moved", count=len(moves), path=result.path))
        rows = [[t(c) for c in ("col_post", "col_channel", "col_before", "col_after", "col_shift", "col_why")]]
        for move in moves:
            rows.append([move.post.id, ", ".join(move.post.channels), when(move.post.at), when(move.new_at),
                         _shift(move.shift, lang), ", ".join(move.codes)])
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        for row in rows:
            lines.append("  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())
    else:
        lines.append(t("nothing", path=result.path))
    if result.plan.stuck:
        lines.append("")
        lines.append(t("stuck", count=len(result.plan.stuck)))
        placed = {id(m.post): m.new_at for m in result.plan.moves}
        for stuck in result.plan.stuck:
            at = placed.get(id(stuck.post), stuck.post.at)
            reason = t(f"reason_{stuck.reason}", when=when(at), max_shift=max_shift,
                       now=when(now) if now else "")
            lines.append(f"  {stuck.post.id} ({', '.join(stuck.post.channels)}, {', '.join(stuck.codes)}): {reason}")
    if result.after:
        lines.append("")
        lines.append(t("remaining"))
        for finding in result.after:
            who = finding.location.post_id or finding.location.channel or "-"
            lines.append(f"  {finding.code} {who}: {finding.message}")
    lines.append("")
    lines.append(t("summary", codes=f"{FIXED_CODES[0]}-{FIXED_CODES[-1]}", before=len(result.before),
                   after=len(result.after), shift=result.plan.total_shift))
    return "\n".join(lines) + "\n"
