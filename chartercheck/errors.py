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
    #: catalogue entry of the message (its hint is ``msgid + "_hint"``) and its
    #: parameters, so the CLI can say it in the user's language
    msgid: Optional[str] = None
    params: tuple = ()
    hint_params: tuple = ()

    def __str__(self) -> str:
        return self.render("en")

    def render(self, lang: str = "en") -> str:
        """``file:line: key: message (hint)``, in ``lang`` when the catalogue has it."""
        message, hint = self.message, self.hint
        if lang != "en" and self.msgid:
            from . import i18n
            if i18n.has_message(self.msgid):
                message = i18n.render(self.msgid, lang, **dict(self.params))
            hint_id = self.msgid + "_hint"
            if hint and self.hint_params and i18n.has_message(dict(self.hint_params).get("_id", hint_id)):
                params = dict(self.hint_params)
                hint = i18n.render(params.pop("_id", hint_id), lang, **params)
            elif hint and i18n.has_message(hint_id):
                hint = i18n.render(hint_id, lang, **dict(self.params))
        where = self.path + (f":{self.line}" if self.line else "")
        text = f"{where}: "
        if self.key:
            text += f"{self.key}: "
        text += message
        if hint:
            text += f" ({hint})"
        return text


def unknown_rule_problem(path: str, line: Optional[int], selector: str, suggestion: str,
                         key: Optional[str] = None) -> Problem:
    """The problem of a rule selector that designates no rule, with the closest rule as the hint."""
    if suggestion:
        hint, hint_params = f"did you mean {suggestion}?", (("_id", "error.unknown_rule_hint"),
                                                           ("suggestion", suggestion))
    else:
        hint, hint_params = ("see 'chartercheck rules' for codes and names",
                             (("_id", "error.unknown_rule_list_hint"),))
    return Problem(path, line, f"unknown rule {selector!r}", key=key, hint=hint, msgid="error.unknown_rule",
                   params=(("selector", repr(selector)),), hint_params=hint_params)


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
