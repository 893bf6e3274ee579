"""``chartercheck fix``: reschedule a plan so its cadence findings clear.

``chartercheck fix [CONTEXT...] CALENDAR --charter FILE (-o OUT | --in-place | --dry-run)``
moves posts of the last calendar to the nearest allowed times (see
:mod:`chartercheck.fix.planner`) and writes it in its own format; earlier
calendars only count for cadence. It prints what moved, what could not be
fixed and why, and the cadence findings before and after.

Exit codes: 0 when no movable cadence finding is left, 1 when some remain,
2 on a usage error or an unreadable charter or calendar (nothing written).
"""
from __future__ import annotations

import sys

import click


def register(main, charter_group) -> None:
    from ..cli import _cli_time, _resolve_charter, handle_errors
    from ..errors import Problem, UsageError

    @main.command("fix")
    @click.argument("calendars", nargs=-1, required=True)
    @click.option("--charter", "charter_path", help="Charter YAML (default: discovered, else embedded).")
    @click.option("-o", "--output", help="Write the fixed calendar to this file (- for standard output).")
    @click.option("--in-place", is_flag=True, help="Rewrite the last CALENDAR itself.")
    @click.option("--dry-run", is_flag=True, help="Only print the before/after table (the default).")
    @click.option("--now", help="Posts before this time never move (default: current time).")
    @click.option("--max-shift", default="3d", show_default=True,
                  help="Farthest a post may move, e.g. 12h, 2d, 1w.")
    @click.option("--lang", type=click.Choice(["en", "fr"]), help="Language of messages.")
    @click.option("--input-format", type=click.Choice(["yaml", "csv", "ics"]), help="Format of calendars (for stdin).")
    @click.option("--date-format", type=click.Choice(["auto", "dmy", "mdy"]), help="CSV dates: day or month first.")
    @handle_errors
    def fix_cmd(calendars, charter_path, output, in_place, dry_run, now, max_shift, lang, input_format,
                date_format):
        """Move posts of the last CALENDAR to the nearest allowed times so cadence passes.

        Earlier CALENDAR files (e.g. last week's published posts) count for
        caps and gaps but are never changed. Texts never change; published
        posts, posts before --now and kept rendez-vous never move; each
        channel keeps its order of posts.
        """
        from datetime import datetime

        from ..fix import fix_calendars
        from ..fix.report import render_fix
        from ..timeutil import parse_duration

        if output and in_place:
            raise UsageError(Problem("fix", None, "-o and --in-place both say where to write",
                                     hint="choose one"))
        if dry_run and (output or in_place):
            raise UsageError(Problem("fix", None, "--dry-run writes nothing", hint="drop -o/--in-place"))
        if in_place and calendars[-1] == "-":
            raise UsageError(Problem("fix", None, "--in-place cannot rewrite standard input", hint="use -o FILE"))
        try:
            shift = parse_duration(max_shift)
        except ValueError as exc:
            raise UsageError(Problem("--max-shift", None, str(exc))) from None
        charter = _resolve_charter(charter_path, calendars)
        lang = lang or charter.get("lang") or "en"
        moment = _cli_time(now, charter.tz, "--now") or datetime.now(charter.tz)
        result = fix_calendars(list(calendars), charter, now=moment, max_shift=shift,
                               input_format=input_format, date_format=date_format, lang=lang)
        table = render_fix(result, charter.tz, lang, max_shift=shift, now=moment)
        from .. import i18n
        target = calendars[-1] if in_place else output
        if target == "-":
            sys.stdout.buffer.write(result.data)
            sys.stdout.flush()
            click.echo(table, nl=False, err=True)
        else:
            if target:
                with open(target, "wb") as handle:
                    handle.write(result.data)
            click.echo(table, nl=False)
            click.echo(i18n.render("fix.written", lang, path=target) if target
                       else i18n.render("fix.dry_run", lang))
        if result.after:
            sys.exit(1)
