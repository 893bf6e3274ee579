"""The ``github`` format: GitHub Actions workflow commands, one annotation per finding.

``::error file=week48.yaml,line=12,title=CC101 channel-daily-cap::message``
makes GitHub draw the finding on that line of the pull request's diff.
Workflow commands have their own escaping: in the message ``%``, CR and LF
are percent-encoded; in properties (``file``, ``title``...) ``:`` and ``,``
are too, since they separate the properties themselves. GitHub places an
annotation by its path in the repository, so ``file=`` is relative to
``GITHUB_WORKSPACE`` (the checkout) whatever directory the lint ran from.
"""
from __future__ import annotations

from typing import Iterator, Optional

from ..model import Finding, Report, Severity
from .locations import display_path, is_file_path, source_root
from .text import summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message (after ``::``)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=``...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, root: Optional[str] = None) -> str:
    """One ``::error ...::message`` line for ``finding``; ``root`` is the checkout (default: the workspace)."""
    loc = finding.location
    props = []
    if is_file_path(loc.path):
        props.append(("file", display_path(loc.path, root)))
        if loc.line:
            props.append(("line", str(loc.line)))
    props.append(("title", f"{finding.code} {finding.rule}"))
    head = COMMANDS[finding.severity] + " " + ",".join(f"{k}={escape_property(v)}" for k, v in props)
    about = []
    if loc.post_id is not None:
        about.append(loc.post_id)
    if loc.channel:
        about.append(loc.channel)
    message = finding.message
    if about:
        message = f"[{' '.join(about)}] {message}"
    if finding.hint:
        message += f"\n→ {finding.hint}"
    return f"::{head}::{escape_data(message)}"


def chunks(report: Report, root: Optional[str] = None, **_options) -> Iterator[str]:
    """One line per finding, then the summary."""
    root = source_root() if root is None else root
    for finding in report.findings:
        yield annotation(finding, root) + "\n"
    # A plain line is only a log line for GitHub: the summary stays readable in the job log.
    yield summary_line(report) + "\n"


def render(report: Report, **options) -> str:
    return "".join(chunks(report, **options))
