"""Typed errors raised by the library; only the CLI turns them into exit codes."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, with where and how to fix it."""

    path: str
    line: Optional[int]
    message: str
    key: Optional[str] = None
    hint: Optional[str] = None

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        text = f"{where}: "
        if self.key:
            text += f"{self.key}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class ChartercheckError(Exception):
    """Base class: carries one or more problems, all reported at once."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class CharterError(ChartercheckError):
    """The charter cannot be used (syntax, unknown key, wrong type, bad value)."""


class CalendarError(ChartercheckError):
    """A calendar file cannot be read at all (as opposed to one bad post)."""


class UsageError(ChartercheckError):
    """A command-line value is wrong (bad date, unknown code...)."""
