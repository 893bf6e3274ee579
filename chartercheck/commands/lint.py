"""``chartercheck lint``: lint calendars and folders, each against its nearest charter.

The command plans the run (:mod:`chartercheck.lint_config`: which calendars, which charter and
options for each), runs the engine once per charter, combines the reports
(:mod:`chartercheck.brands`) and writes them (:mod:`._output`). Exit codes: 0 nothing at or above
``--fail-on``, 1 findings at or above it, 2 usage error or unreadable input.
"""
from __future__ import annotations

import functools
import os
import sys

import click

from ..formatters import FORMATS
from ._output import emit, refuse_overwriting_inputs, shown


def pick_format(fmt: str) -> str:
    """``auto`` is GitHub annotations inside GitHub Actions, text elsewhere."""
    if fmt == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


class JobsType(click.ParamType):
    """``--jobs``: a number of processes (1 or more), or ``"auto"``: up to the CPUs this process may use,
    those the other processes leave idle (see :mod:`..cpu_load`)."""

    name = "N|auto"

    def convert(self, value, param, ctx) -> int | str:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        text = str(value).strip().lower()
        if text == "auto":
            return "auto"
        if text.isascii() and text.isdigit() and int(text) >= 1:
            return int(text)
        self.fail(f"{value!r} is not a number of processes (1 or more) or 'auto'", param, ctx)


JOBS = JobsType()


def register(main, charter_group) -> None:
    from ..cli import FAIL_ON, _cli_time, handle_errors

    @main.command()
    @click.argument("calendars", nargs=-1, required=True)
    @click.option("--charter", "charter_path", help="Charter YAML (default: discovered, else embedded).")
    @click.option("--format", "fmt", type=click.Choice(["auto", *FORMATS]), help="Report format (default: text).")
    @click.option("-o", "--output", help="Write the report to this file instead of standard output (- for "
                  "standard output; never one of the input files).")
    @click.option("--report", "reports", multiple=True, metavar="FORMAT:PATH",
                  help="Also write the report in FORMAT to PATH; repeat for several (one run, several reports).")
    @click.option("--statistics", is_flag=True, help="Print the number of findings per rule instead of the findings.")
    @click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings at --fail-on (unusable input still exits 2).")
    @click.option("--fail-on", type=click.Choice(FAIL_ON), help="Exit 1 on findings at or above this (default: error).")
    @click.option("--select", multiple=True, help="Only these rules (codes, names, prefixes; comma-separated).")
    @click.option("--ignore", multiple=True, help="Skip these rules (codes, names, prefixes; comma-separated).")
    @click.option("--from", "date_from", help="First day (or time) that gets findings.")
    @click.option("--until", "date_until", help="Last day (or time) that gets findings.")
    @click.option("--now", help="Reference time for time-dependent rules (default: current time).")
    @click.option("--baseline", help="Hide the findings recorded in this baseline file.")
    @click.option("--exclude", multiple=True, metavar="GLOB", help="Skip files and folders matching GLOB in folders.")
    @click.option("--write-baseline", help="Record today's findings in this file and exit 0.")
    @click.option("--lang", type=click.Choice(["en", "fr"]), help="Language of messages.")
    @click.option("--input-format", type=click.Choice(["yaml", "csv", "ics"]), help="Format of calendars (for stdin).")
    @click.option("--date-format", type=click.Choice(["auto", "dmy", "mdy"]), help="CSV dates: day or month first.")
    @click.option("--max-posts", type=click.IntRange(min=1), help="Most entries read per file (default 200000).")
    @click.option("--max-bytes", type=click.IntRange(min=1), help="Largest calendar file read, in bytes "
                  "(default 64 MiB).")
    @click.option("--max-text", "max_text", type=click.IntRange(min=1),
                  help="Longest post text analysed, in characters (default 100,000); longer ones are cut (CC923).")
    @click.option("--jobs", "-j", type=JOBS, default="auto", show_default=True, metavar="N|auto",
                  envvar="CHARTERCHECK_JOBS", show_envvar=True,
                  help="Processes to use: a number, or 'auto' for the CPUs this process may use that other "
                  "processes leave idle. Big files are read, and the texts of calendars of more than 2,000 posts "
                  "analysed, in parallel; the output is the same.")
    @click.option("--color/--no-color", default=None, help="Colour text output (default: on a terminal).")
    @click.option("-v", "--verbose", is_flag=True,
                  help="text, markdown: list the same finding on many posts once per post, not once with a count.")
    @handle_errors
    def lint(calendars, charter_path, fmt, output, reports, statistics, exit_zero, fail_on, select, ignore, date_from,
             date_until, now, baseline, exclude, write_baseline, lang, input_format, date_format, max_posts, max_bytes,
             max_text, jobs, color, verbose):
        """Lint CALENDAR files and folders (YAML, CSV, iCalendar; - for stdin), each against its nearest charter."""
        from ..cpu_load import sample as cpu_sample
        from ..baseline import read_baseline, write_baseline as save_baseline
        from ..brands import combine
        from ..engine import LintOptions, run
        from ..lint_config import command_line_settings, plan_lint
        from ..formatters import get_chunks
        from ..model import Severity
        from ..output_options import parse_report_targets, wants_color
        from ..progress import terminal_progress

        # auto: what the other processes use from now until the engine decides says how many workers pay
        cpu_since = None
        if jobs == "auto":
            from ..parallel import usable_cpus
            cpu_since, jobs = cpu_sample(), usable_cpus()
        targets = parse_report_targets(reports, FORMATS, output)
        plan = plan_lint(calendars, charter_path, command_line_settings(fmt, fail_on, select, ignore, baseline, lang,
                                                                        exclude))
        fmt, fail_on = pick_format(plan.format), plan.fail_on
        read_files = [path for group in plan.groups
                      for path in (*group.calendars, group.charter.name, group.settings.baseline)]
        for written in (output, write_baseline, *(t.path for t in targets)):
            refuse_overwriting_inputs(written, read_files)
        baselines = functools.lru_cache(maxsize=None)(read_baseline)

        def options_for(group) -> LintOptions:
            tz, settings = group.charter.tz, group.settings
            return LintOptions(
                lang=settings.lang, now=_cli_time(now, tz, "--now"), start=_cli_time(date_from, tz, "--from"),
                end=_cli_time(date_until, tz, "--until", end_of_day=True),
                select=list(settings.select or ()), ignore=list(settings.ignore or ()),
                baseline=baselines(settings.baseline) if settings.baseline else frozenset(),
                input_format=input_format, date_format=date_format, max_posts=max_posts, max_bytes=max_bytes,
                max_text_chars=max_text, jobs=jobs, cpu_since=cpu_since,
                keep_commercial_scores="html" in {fmt, *(t.format for t in targets)},
                extra={"progress": terminal_progress()})
        report = combine([run(group.calendars, group.charter, options_for(group)) for group in plan.groups], plan.lang)
        charter = plan.groups[0].charter if len(plan.groups) == 1 else None
        if write_baseline:
            count = save_baseline(report, write_baseline)
            click.echo(f"chartercheck: {count} findings recorded in {write_baseline}", err=True)
            return
        # NO_COLOR and FORCE_COLOR speak of the terminal's stream: a report file is coloured only on --color.
        to_terminal = output in (None, "-")
        use_color = (wants_color(color, sys.stdout.isatty()) if to_terminal else bool(color)) and fmt == "text"
        context = {"posts": report.read_posts, "charter": charter, "fail_on": fail_on, "verbose": verbose,
                   "charters": {group.charter.name: group.charter for group in plan.groups}}
        for target in targets:
            emit(shown(get_chunks(target.format), target.format, report, color=False, **context), target.path)
        if statistics:
            from ..formatters.statistics import render as render_statistics
            emit(shown(lambda r, **_: [render_statistics(r, "json" if fmt == "json" else "text")], fmt, report),
                  output)
        else:
            emit(shown(get_chunks(fmt), fmt, report, color=use_color, **context), output, color=use_color or None)
        if not to_terminal:
            from .. import i18n
            click.echo("chartercheck: " + i18n.render("output.written", report.lang, format=fmt, path=output,
                                                      findings=i18n.plural("output.findings", len(report.findings),
                                                                           report.lang)), err=True)
        worst = report.worst()
        if not exit_zero and fail_on != "never" and worst is not None and worst >= Severity.parse(fail_on):
            sys.exit(1)
