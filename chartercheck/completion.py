"""Shell completion of the command line: file names where a file is expected, rule codes where a rule is.

Click's completion (``eval "$(_CHARTERCHECK_COMPLETE=bash_source chartercheck)"``,
``zsh_source``, ``fish_source``) completes what each parameter says it takes.
The options are declared with their own types and checks elsewhere; this
module only teaches them what to offer, by parameter name, once every
command is registered, so that a command added later (``fix``, ``stats``...)
is covered without touching it.
"""
from __future__ import annotations

from typing import Callable

import click
from click.shell_completion import CompletionItem

#: Parameters whose values are files (calendars, charters, reports, baselines).
FILE_PARAMETERS = frozenset({"calendars", "charter_path", "output", "baseline", "write_baseline", "path"})
#: Parameters whose values are rules (codes, names or family prefixes, comma-separated).
RULE_PARAMETERS = frozenset({"select", "ignore", "rule"})
#: Parameters written ``FORMAT:PATH``.
REPORT_PARAMETERS = frozenset({"reports"})


def complete_files(_ctx, _param, incomplete: str) -> list[CompletionItem]:
    """Let the shell complete a file name (``compgen -f`` in bash, ``_files`` in zsh)."""
    return [CompletionItem(incomplete, type="file")]


def rule_words() -> list[str]:
    """Every rule code and name, and every family prefix (``CC1``...), sorted."""
    from .rules.registry import all_rules
    rules = all_rules()
    families = {spec.code[:3] for spec in rules}
    return sorted(families | {spec.code for spec in rules} | {spec.name for spec in rules})


def complete_rules(_ctx, _param, incomplete: str) -> list[CompletionItem]:
    """Rule codes, names and prefixes; after a comma, the next one (``CC101,CC1`` → ``CC101,CC105``...)."""
    done, comma, current = incomplete.rpartition(",")
    head = done + comma
    wanted = current.lower()
    return [CompletionItem(head + word) for word in rule_words() if word.lower().startswith(wanted)]


def complete_reports(_ctx, _param, incomplete: str) -> list[CompletionItem]:
    """``FORMAT:`` for each format, until a format is written; then the shell's file names are no help."""
    from .formatters import FORMATS
    if ":" in incomplete:
        return []
    return [CompletionItem(f"{name}:", type="plain") for name in FORMATS if name.startswith(incomplete.lower())]


def _completer(name: str) -> Callable | None:
    if name in FILE_PARAMETERS:
        return complete_files
    if name in RULE_PARAMETERS:
        return complete_rules
    if name in REPORT_PARAMETERS:
        return complete_reports
    return None


def attach_completion(group: click.Group) -> None:
    """Give every parameter of ``group``'s commands (recursively) its completion, by parameter name."""
    for command in group.commands.values():
        if isinstance(command, click.Group):
            attach_completion(command)
            continue
        for param in command.params:
            completer = _completer(param.name or "")
            if completer is not None:
                param.shell_complete = (lambda ctx, incomplete, _p=param, _f=completer: _f(ctx, _p, incomplete))
