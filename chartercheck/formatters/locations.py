"""Where a finding's file is, as CI tools want it: relative to the checkout, forward-slashed.

GitHub resolves annotation and code-scanning paths against the repository's
checkout (``GITHUB_WORKSPACE``), GitLab against its project directory
(``CI_PROJECT_DIR``); a run started from a sub-folder, or given absolute
paths, would otherwise point at files those tools cannot find. Input that is
not a file (standard input, the embedded default charter) gets a stable name,
so that every result of a report still has a place to be shown.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional

#: Environment variables naming the checkout, in the order they are trusted.
ROOT_VARIABLES = ("GITHUB_WORKSPACE", "CI_PROJECT_DIR")
#: What standard input is called in reports that need a file name.
STDIN_NAME = "stdin"


def source_root(environ: Optional[Mapping[str, str]] = None) -> str:
    """The checkout CI tools resolve paths against: theirs when set, else the current directory."""
    environ = os.environ if environ is None else environ
    for name in ROOT_VARIABLES:
        if environ.get(name):
            return os.path.abspath(environ[name])
    return os.getcwd()


def is_file_path(path: Optional[str]) -> bool:
    """False for standard input (``<stdin>``), the embedded charter (``embedded:...``) and no path."""
    return bool(path) and not path.startswith("<") and not path.startswith("embedded:")


def pseudo_name(path: Optional[str]) -> str:
    """A file-like name for input that is not a file: ``stdin``, ``embedded-default``..."""
    if path and path.startswith("embedded:"):
        return "embedded-" + path.split(":", 1)[1]
    return STDIN_NAME


def relative_to_root(path: str, root: str) -> Optional[str]:
    """``path`` relative to ``root`` with forward slashes, or None when it lies outside ``root``."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive (Windows)
        return None
    if relative == ".." or relative.startswith(".." + os.sep) or os.path.isabs(relative):
        return None
    return relative.replace(os.sep, "/")


def display_path(path: Optional[str], root: Optional[str] = None) -> str:
    """The name CI shows for ``path``: relative to the checkout when inside it, else absolute."""
    if not is_file_path(path):
        return pseudo_name(path)
    root = source_root() if root is None else root
    relative = relative_to_root(path, root)
    return relative if relative is not None else Path(os.path.abspath(path)).as_posix()
