"""The command line: a thin click layer over the library.

Only this module prints, exits or imports click. Library errors become exit
code 2 with ``file:line: key: message (hint)`` on stderr; a traceback is shown
only with ``--debug``.
"""
from __future__ import annotations

import contextlib
import functools
import os
import sys
from datetime import datetime
from typing import Iterable, Iterator, Optional, Sequence

import click

from . import __version__
from .errors import ChartercheckError, Problem, UsageError
from .formatters import FORMATS

FAIL_ON = ("error", "warning", "info", "never")


def handle_errors(func):
    """Map library errors to exit code 2, without a traceback unless --debug."""
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        try:
            return func(*args, **kwargs)
        except ChartercheckError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            lang = ctx.params.get("lang") or "en"
            from .control_chars import escape_controls
            for problem in exc.problems:
                click.echo(f"chartercheck: {escape_controls(problem.render(lang))}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except MemoryError:
            # Every input is bounded (docs/formats.md#limits), but the bounds may
            # still exceed what this machine or its ulimit allows.
            if ctx.find_root().params.get("debug"):
                raise
            from . import i18n
            lang = ctx.params.get("lang") or "en"
            click.echo(f"chartercheck: {i18n.render('error.out_of_memory', lang)} "
                       f"({i18n.render('error.out_of_memory_hint', lang)})", err=True)
            ctx.exit(2)
        except Exception as exc:  # a bug of ours: say so plainly, keep the exit code meaningful
            if ctx.find_root().params.get("debug"):
                raise
            click.echo(f"chartercheck: internal error: {type(exc).__name__}: {exc} "
                       "(run with --debug for the traceback and please report it)", err=True)
            ctx.exit(2)
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chartercheck")
@click.option("--debug", is_flag=True, help="Show tracebacks of errors.")
def main(debug: bool) -> None:
    """Lint a planned social-media content calendar against a brand's editorial charter."""


def _resolve_charter(path: Optional[str], calendars: Sequence[str] = ()):
    """``path``, else the nearest charter of ``calendars`` (which must share one), else from here."""
    from .brands import one_charter
    from .charter import load_charter
    return load_charter(path or one_charter(calendars))


def _cli_time(value: Optional[str], tz, option: str, end_of_day: bool = False) -> Optional[datetime]:
    if not value:
        return None
    from .timeutil import parse_cli_datetime
    try:
        return parse_cli_datetime(value, tz, end_of_day)
    except ValueError as exc:
        raise UsageError(Problem(option, None, str(exc), msgid=getattr(exc, "msgid", None),
                                 params=tuple(getattr(exc, "params", {}).items()))) from None


#: Characters of a report gathered before each write: few writes, little held.
_WRITE_BATCH = 1 << 16


def _batches(chunks: Iterable[str], size: int = _WRITE_BATCH) -> Iterator[str]:
    """The report's pieces joined into strings of at least ``size`` characters (the last one shorter)."""
    pending: list[str] = []
    held = 0
    for chunk in chunks:
        pending.append(chunk)
        held += len(chunk)
        if held >= size:
            yield "".join(pending)
            pending, held = [], 0
    if pending:
        yield "".join(pending)


def _emit(chunks: Iterable[str], output: Optional[str], color: Optional[bool] = None) -> None:
    """Write the report's pieces as they are produced, to ``output`` or standard output.

    A file is written next to ``output`` under a temporary name and renamed
    over it once complete: a report that fails halfway, or a disk that fills
    up, never leaves a truncated report where CI expects a whole one.
    """
    batches = _batches(chunks)
    if output and output != "-":
        try:
            _write_whole(output, batches)
        except OSError as exc:
            raise UsageError(Problem(output, None, f"cannot write the report: {exc.strerror or exc}",
                                     msgid="error.cannot_write_report",
                                     params=(("reason", exc.strerror or str(exc)),))) from None
        return
    try:
        for batch in batches:
            # click.echo drops colour codes off a terminal unless colour was asked for (--color, FORCE_COLOR).
            click.echo(batch, nl=False, color=color)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop writing, quietly, as other tools do;
        # standard output points at nothing so the interpreter's last flush cannot fail.
        _silence_stdout()
    except OSError as exc:  # a full disk behind a redirection
        _silence_stdout()
        raise UsageError(Problem("<stdout>", None, f"cannot write the report: {exc.strerror or exc}",
                                 msgid="error.cannot_write_report",
                                 params=(("reason", exc.strerror or str(exc)),))) from None


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _refuse_overwriting_inputs(output: Optional[str], inputs: Iterable[Optional[str]]) -> None:
    """``-o`` naming one of the files being read would replace it with the report: refuse."""
    if not output or output == "-":
        return
    for path in inputs:
        if path and path != "-" and os.path.exists(path) and os.path.exists(output) \
                and os.path.samefile(path, output):
            raise UsageError(Problem(output, None, "is one of the input files: the report would overwrite it",
                                     hint="write the report to another file", msgid="error.output_is_input",
                                     params=(("path", path),)))


def _write_whole(output: str, batches: Iterable[str]) -> None:
    """Write ``batches`` to ``output`` through a temporary file renamed over it at the end.
    A device or a pipe (``/dev/null``, ``/dev/stdout``) is written directly."""
    import stat
    import tempfile
    try:
        existing = os.stat(output)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(output, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(batches)
        return
    target = os.path.realpath(output)  # through a symbolic link, not over it
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(target), prefix=f".{os.path.basename(target)}.",
                                         suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(batches)
        # mkstemp makes the file private: give it the mode the report would have had.
        os.chmod(temporary, stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


#: Formats read by people (or a CI log): control characters of the data are shown escaped.
_HUMAN_FORMATS = ("text", "concise", "markdown", "github", "html", "junit")


def _shown(render, fmt: str, report, **options) -> Iterable[str]:
    """The report's pieces in ``fmt``, control characters of the data made visible (see
    :mod:`.control_chars`); HTML, whose markup holds none, is cleaned as a whole."""
    from .control_chars import chunks_with_escaped_controls, report_with_escaped_controls
    if fmt not in _HUMAN_FORMATS:
        return render(report, **options)
    chunks = render(report_with_escaped_controls(report), **options)
    return chunks_with_escaped_controls(chunks) if fmt == "html" else chunks


def _pick_format(fmt: str) -> str:
    if fmt == "auto":
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    return fmt


class JobsType(click.ParamType):
    """``--jobs``: a number of processes (1 or more), or ``auto`` for the CPUs this process may use."""

    name = "N|auto"

    def convert(self, value, param, ctx) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        text = str(value).strip().lower()
        if text == "auto":
            from .parallel import usable_cpus
            return usable_cpus()
        if text.isascii() and text.isdigit() and int(text) >= 1:
            return int(text)
        self.fail(f"{value!r} is not a number of processes (1 or more) or 'auto'", param, ctx)


JOBS = JobsType()


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
              help="Processes to use: a number, or 'auto' for every CPU this process may use. Big files "
              "are read, and the texts of calendars of more than 2,000 posts analysed, in parallel; the "
              "output is the same.")
@click.option("--color/--no-color", default=None, help="Colour text output (default: on a terminal).")
@click.option("-v", "--verbose", is_flag=True,
              help="text, markdown: list the same finding on many posts once per post, not once with a count.")
@handle_errors
def lint(calendars, charter_path, fmt, output, reports, statistics, exit_zero, fail_on, select, ignore, date_from,
         date_until, now, baseline, exclude, write_baseline, lang, input_format, date_format, max_posts, max_bytes,
         max_text, jobs, color, verbose):
    """Lint CALENDAR files and folders (YAML, CSV, iCalendar; - for stdin), each against its nearest charter."""
    from .baseline import read_baseline, write_baseline as save_baseline
    from .brands import combine
    from .engine import LintOptions, run
    from .lint_config import command_line_settings, plan_lint
    from .formatters import get_chunks
    from .model import Severity
    from .output_options import parse_report_targets, wants_color
    from .progress import terminal_progress

    targets = parse_report_targets(reports, FORMATS, output)
    plan = plan_lint(calendars, charter_path, command_line_settings(fmt, fail_on, select, ignore, baseline, lang,
                                                                    exclude))
    fmt, fail_on = _pick_format(plan.format), plan.fail_on
    read_files = [path for group in plan.groups
                  for path in (*group.calendars, group.charter.name, group.settings.baseline)]
    for written in (output, write_baseline, *(t.path for t in targets)):
        _refuse_overwriting_inputs(written, read_files)
    baselines = functools.lru_cache(maxsize=None)(read_baseline)

    def options_for(group) -> LintOptions:
        tz, settings = group.charter.tz, group.settings
        return LintOptions(
            lang=settings.lang, now=_cli_time(now, tz, "--now"), start=_cli_time(date_from, tz, "--from"),
            end=_cli_time(date_until, tz, "--until", end_of_day=True),
            select=list(settings.select or ()), ignore=list(settings.ignore or ()),
            baseline=baselines(settings.baseline) if settings.baseline else frozenset(),
            input_format=input_format, date_format=date_format, max_posts=max_posts, max_bytes=max_bytes,
            max_text_chars=max_text, jobs=jobs,
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
        _emit(_shown(get_chunks(target.format), target.format, report, color=False, **context), target.path)
    if statistics:
        from .formatters.statistics import render as render_statistics
        _emit(_shown(lambda r, **_: [render_statistics(r, "json" if fmt == "json" else "text")], fmt, report),
              output)
    else:
        _emit(_shown(get_chunks(fmt), fmt, report, color=use_color, **context), output, color=use_color or None)
    if not to_terminal:
        from . import i18n
        click.echo("chartercheck: " + i18n.render("output.written", report.lang, format=fmt, path=output,
                                                  findings=i18n.plural("output.findings", len(report.findings),
                                                                       report.lang)), err=True)
    worst = report.worst()
    if not exit_zero and fail_on != "never" and worst is not None and worst >= Severity.parse(fail_on):
        sys.exit(1)


@main.command("rules")
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "markdown", "json"]))
@handle_errors
def rules_cmd(fmt):
    """List every rule: code, name, default severity and summary."""
    from .docs import render_catalogue
    click.echo(render_catalogue(fmt), nl=False)


@main.command()
@click.argument("rule")
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "markdown", "json"]))
@handle_errors
def explain(rule, fmt):
    """Show the documentation of one rule, by CODE or NAME."""
    from .docs import render_rule
    from .rules.registry import all_rules, find_rule
    import difflib
    spec = find_rule(rule)
    if spec is None:
        names = [s.code for s in all_rules()] + [s.name for s in all_rules()]
        close = difflib.get_close_matches(rule, names, n=1)
        raise UsageError(Problem("explain", None, f"no rule {rule!r}",
                                 hint=f"did you mean {close[0]!r}?" if close else "see 'chartercheck rules'"))
    click.echo(render_rule(spec, fmt), nl=False)


@main.group()
def charter():
    """Check or scaffold a charter."""


@charter.command("check")
@click.argument("path", required=False)
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]))
@click.option("--lang", type=click.Choice(["en", "fr"]))
@click.option("--fail-on", default="error", type=click.Choice(FAIL_ON))
@handle_errors
def charter_check(path, fmt, lang, fail_on):
    """Lint the charter itself (strategy, priorities, channels, team, approval)."""
    from .engine import LintOptions, run
    from .formatters import get_chunks
    from .model import Severity
    loaded = _resolve_charter(path)
    report = run([], loaded, LintOptions(lang=lang, select=["CC8"]))
    from .output_options import wants_color
    use_color = wants_color(None, sys.stdout.isatty()) and fmt == "text"
    _emit(_shown(get_chunks(fmt), fmt, report, color=use_color), None, color=use_color or None)
    worst = report.worst()
    if fail_on != "never" and worst is not None and worst >= Severity.parse(fail_on):
        sys.exit(1)


from .commands import register_all  # noqa: E402  (needs the groups above)
from .completion import attach_completion  # noqa: E402

register_all(main, charter)
attach_completion(main)

if __name__ == "__main__":  # pragma: no cover
    main()
