"""Writing a report where the user asked: a file, whole or not at all, or standard output as
it is produced, control characters of the data made visible (part of the command line, like
every module of this package: it writes to the terminal)."""
from __future__ import annotations

import contextlib
import os
import sys
from typing import Iterable, Iterator, Optional

import click

from ..errors import Problem, UsageError

#: Characters of a report gathered before each write: few writes, little held.
WRITE_BATCH = 1 << 16


def batches(chunks: Iterable[str], size: int = WRITE_BATCH) -> Iterator[str]:
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


def emit(chunks: Iterable[str], output: Optional[str], color: Optional[bool] = None) -> None:
    """Write the report's pieces as they are produced, to ``output`` or standard output.

    A file is written next to ``output`` under a temporary name and renamed
    over it once complete: a report that fails halfway, or a disk that fills
    up, never leaves a truncated report where CI expects a whole one.
    """
    pieces = batches(chunks)
    if output and output != "-":
        try:
            write_whole(output, pieces)
        except OSError as exc:
            raise UsageError(Problem(output, None, f"cannot write the report: {exc.strerror or exc}",
                                     msgid="error.cannot_write_report",
                                     params=(("reason", exc.strerror or str(exc)),))) from None
        return
    try:
        for batch in pieces:
            # click.echo drops colour codes off a terminal unless colour was asked for (--color, FORCE_COLOR).
            click.echo(batch, nl=False, color=color)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): stop writing, quietly, as other tools do;
        # standard output points at nothing so the interpreter's last flush cannot fail.
        silence_stdout()
    except OSError as exc:  # a full disk behind a redirection
        silence_stdout()
        raise UsageError(Problem("<stdout>", None, f"cannot write the report: {exc.strerror or exc}",
                                 msgid="error.cannot_write_report",
                                 params=(("reason", exc.strerror or str(exc)),))) from None


def silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def refuse_overwriting_inputs(output: Optional[str], inputs: Iterable[Optional[str]]) -> None:
    """``-o`` naming one of the files being read would replace it with the report: refuse."""
    if not output or output == "-":
        return
    for path in inputs:
        if path and path != "-" and os.path.exists(path) and os.path.exists(output) \
                and os.path.samefile(path, output):
            raise UsageError(Problem(output, None, "is one of the input files: the report would overwrite it",
                                     hint="write the report to another file", msgid="error.output_is_input",
                                     params=(("path", path),)))


def write_whole(output: str, batches: Iterable[str]) -> None:
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


def shown(render, fmt: str, report, **options) -> Iterable[str]:
    """The report's pieces in ``fmt``, control characters of the data made visible (see
    :mod:`.control_chars`); HTML, whose markup holds none, is cleaned as a whole."""
    from ..control_chars import chunks_with_escaped_controls, report_with_escaped_controls
    if fmt not in _HUMAN_FORMATS:
        return render(report, **options)
    chunks = render(report_with_escaped_controls(report), **options)
    return chunks_with_escaped_controls(chunks) if fmt == "html" else chunks
