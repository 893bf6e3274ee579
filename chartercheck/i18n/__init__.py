"""Message catalogues in English and French, and locale-free formatting.

Each ``*.yaml`` file beside this module maps a message id to its text in
every supported language, side by side, so a missing translation is visible
at a glance and caught by a test::

    CC101.message:
      en: "{count} posts on {channel} on {day}, max {max}"
      fr: "{count} publications sur {channel} le {day}, maximum {max}"

Values are formatted here, not by the host's locale, so output is identical
on every machine: dates and times as ``Tue 24 Nov 17:00`` / ``mar. 24 nov.
17:00``, durations as ``4h30m``, decimals with a point or a comma.
"""
from __future__ import annotations

import string
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Optional, Union

import yaml

from ..timeutil import format_duration

LANGUAGES = ("en", "fr")

_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
}
_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."),
}
_WEEKDAYS_LONG = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


@lru_cache(maxsize=None)
def catalogue() -> dict[str, dict[str, str]]:
    """Every message id → {lang: text}, merged from all catalogue files."""
    merged: dict[str, dict[str, str]] = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    folder = resources.files(__name__)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            data = yaml.load(entry.read_text("utf-8"), Loader=loader) or {}
            for msgid, texts in data.items():
                if msgid in merged:
                    raise RuntimeError(f"message id {msgid} defined twice (in {entry.name})")
                merged[msgid] = texts
    return merged


def weekday_name(day: date, lang: str) -> str:
    """Full weekday name in ``lang`` (``Monday`` / ``lundi``)."""
    return _WEEKDAYS_LONG[_lang(lang)][day.weekday()]


def format_day(day: date, lang: str, year: bool = False) -> str:
    """``Tue 24 Nov`` / ``mar. 24 nov.`` (the JSON location carries the full date);
    with ``year``, ``Tue 24 Nov 2026`` (see :func:`..timeutil.needs_year`)."""
    lang = _lang(lang)
    text = f"{_WEEKDAYS[lang][day.weekday()]} {day.day} {_MONTHS[lang][day.month - 1]}"
    return f"{text} {day.year}" if year else text


def format_datetime(moment: datetime, lang: str, year: bool = False) -> str:
    """``Tue 24 Nov 17:00`` in the moment's own zone (callers pass local times);
    with ``year``, ``Tue 24 Nov 2026 17:00``."""
    return f"{format_day(moment.date(), lang, year)} {moment.strftime('%H:%M')}"


def format_number(value: float, lang: str) -> str:
    """At most two decimals; a comma in French."""
    text = f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text.replace(".", ",") if _lang(lang) == "fr" else text


class Term(str):
    """A phrase of the code's own English ("a whole number", "a list of text")
    that French messages translate through the ``term.*`` glossary."""


def translate_term(text: str, lang: str) -> str:
    """``Term`` text in ``lang``: glossary entries, including "a list of X" and "one of a, b"."""
    if _lang(lang) == "en":
        return text
    entry = catalogue().get(f"term.{text}")
    if entry:
        return entry.get(lang) or text
    for prefix in ("a list of ", "a mapping of ", "one of "):
        if text.startswith(prefix):
            rest = text[len(prefix):]
            inner = rest if prefix == "one of " else translate_term(rest, lang)
            return render(f"term.{prefix.strip()}", lang, inner=inner)
    return text


def format_value(value, lang: str, year: bool = False) -> str:
    """How a message parameter is written, whatever its type (dates with
    their year when ``year``)."""
    kind = type(value)
    if kind is str:  # by far the most common: no conversion at all
        return value
    if kind is Term:
        return translate_term(value, lang)
    if kind is int:
        return str(value)
    if isinstance(value, datetime):
        return format_datetime(value, lang, year)
    if isinstance(value, date):
        return format_day(value, lang, year)
    if isinstance(value, timedelta):
        text = format_duration(value)
        return text.replace("d", "j") if _lang(lang) == "fr" else text
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return format_number(value, lang)
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(format_value(v, lang, year) for v in value)
    return str(value)


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


class _Params(dict):
    """Parameters formatted as the template asks for them (templates that
    :func:`_compiled` cannot take apart are written by ``str.format_map``)."""

    __slots__ = ("raw", "lang", "year")

    def __init__(self, raw: dict, lang: str, year: bool = False):
        super().__init__()
        self.raw, self.lang, self.year = raw, lang, year

    def __missing__(self, key):
        if key in self.raw:
            return format_value(self.raw[key], self.lang, self.year)
        return "{" + key + "}"  # a typo in a catalogue shows up, never crashes


#: a template taken apart: (literal text, parameter name or None) pairs
_Parts = tuple[tuple[str, Optional[str]], ...]


@lru_cache(maxsize=None)
def _compiled(msgid: str, lang: str) -> Union[_Parts, str, None]:
    """The template of ``msgid`` in ``lang`` as literal/name pairs, parsed once
    per run instead of at every message; the template itself when it uses
    more than plain ``{name}`` fields (a format spec, an index: rare); None
    when the catalogue lacks the id."""
    texts = catalogue().get(msgid)
    if not texts:
        return None
    template = texts.get(lang) or texts.get("en") or msgid
    try:
        parts = tuple(string.Formatter().parse(template))
    except ValueError:  # unbalanced braces: format_map says so, as it always did
        return template
    if any(name is not None and (spec or conversion or not name.isidentifier())
           for _, name, spec, conversion in parts):
        return template
    return tuple((literal, name) for literal, name, _, _ in parts)


def render(msgid: str, lang: str, *, with_year: bool = False, **params) -> str:
    """The text of ``msgid`` in ``lang`` with ``params`` formatted in (dates
    with their year when ``with_year``).

    Falls back to English, then to the id itself, so a missing entry is
    visible in output and never raises (the completeness test catches it).
    """
    return _write(msgid, _lang(lang), with_year, params)


def _write(msgid: str, lang: str, year: bool, params: dict) -> str:
    parts = _compiled(msgid, lang)
    if parts is None:
        return msgid
    if type(parts) is str:
        return parts.format_map(_Params(params, lang, year))
    out = []
    for literal, name in parts:
        out.append(literal)
        if name is not None:
            if name in params:
                value = params[name]
                out.append(value if type(value) is str else format_value(value, lang, year))
            else:
                out.append("{" + name + "}")  # a typo in a catalogue shows up, never crashes
    return "".join(out)


def plural(msgid: str, count: int, lang: str) -> str:
    """``msgid.one`` or ``msgid.other`` for ``count`` (French: 0 and 1 are singular)."""
    singular = count in (0, 1) if _lang(lang) == "fr" else count == 1
    return render(f"{msgid}.{'one' if singular else 'other'}", lang, count=count)


def has_message(msgid: str) -> bool:
    return msgid in catalogue()
