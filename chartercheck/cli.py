"""The command line: a thin click layer over the library.

Only this module prints, exits or imports click. Library errors become exit
code 2 with ``file:line: key: message (hint)`` on stderr; a traceback is shown
only with ``--debug``.
"""
from __future__ import annotations

import functools
import sys
from datetime import datetime
from typing import Optional, Sequence

import click

from . import __version__
from .errors import ChartercheckError, Problem, UsageError

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
    from .rules.registry import closest_selector, find_rule
    spec = find_rule(rule)
    if spec is None:
        close = closest_selector(rule)  # the suggestion --select gives, when it names one rule
        if close and find_rule(close) is None:
            close = ""
        raise UsageError(Problem("explain", None, f"no rule {rule!r}",
                                 hint=f"did you mean {close!r}?" if close else "see 'chartercheck rules'"))
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
    from .commands._output import emit, shown
    from .engine import LintOptions, run
    from .formatters import get_chunks
    from .model import Severity
    loaded = _resolve_charter(path)
    report = run([], loaded, LintOptions(lang=lang, select=["CC8"]))
    from .output_options import wants_color
    use_color = wants_color(None, sys.stdout.isatty()) and fmt == "text"
    emit(shown(get_chunks(fmt), fmt, report, color=use_color), None, color=use_color or None)
    worst = report.worst()
    if fail_on != "never" and worst is not None and worst >= Severity.parse(fail_on):
        sys.exit(1)


from .commands import register_all  # noqa: E402  (needs the groups above)
from .completion import attach_completion  # noqa: E402

register_all(main, charter)
attach_completion(main)

if __name__ == "__main__":  # pragma: no cover
    main()
