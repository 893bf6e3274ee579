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

from ..model import Deferred
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


class Texts:
    """What a run's deferred finding texts share: the language, whether dates
    show their year, and ``shared``, a table whose ``get(text)`` hands back an
    equal text written before (so equal sentences are kept once), or None;
    ``recent``, a table with ``find``/``put`` where equal deferred texts made
    close together are kept once, or None."""

    __slots__ = ("lang", "year", "shared", "recent", "_forms", "_sites")

    def __init__(self, lang: str, with_year: bool = False, shared=None, recent=None):
        self.lang, self.year, self.shared, self.recent = _lang(lang), with_year, shared, recent
        self._forms: dict[tuple, Form] = {}  # (message id, hint id, names) → Form
        self._sites: dict[tuple, Form] = {}  # (code, message, hint id, *names) → Form

    def form(self, msgid: str, hint_id: Optional[str], names: tuple) -> "Form":
        """The one :class:`Form` of these ids and parameter names."""
        key = (msgid, hint_id, names)
        found = self._forms.get(key)
        if found is None:
            found = self._forms[key] = Form(self, msgid, hint_id, names)
        return found

    def defer(self, code: str, message: str, hint_id: Optional[str], params: dict) -> "Text":
        """The message ``code.message`` (and hint ``hint_id``, if any) of ``params``, to be written later."""
        # One Form per call site, found by what the call gives: the message id is
        # not even joined per finding (a dense year makes ~470,000 findings).
        key = (code, message, hint_id, *params)
        form = self._sites.get(key)
        if form is None:
            form = self._sites[key] = self.form(f"{code}.{message}", hint_id, tuple(params))
        text = tuple.__new__(Text, (form, *params.values()))
        recent = self.recent
        if recent is None:
            return text
        for value in params.values():
            if type(value) not in _SHAREABLE:
                return text
        found = recent.find(text)
        return found if found is not None else recent.put(text, text)


#: parameter types whose equal values are written alike, so equal deferred texts
#: of them may be kept once: not datetimes (equal instants in other zones), bools
#: (True == 1), floats (-0.0 == 0) nor str subclasses (a Term is translated)
_SHAREABLE = frozenset((str, int, date, timedelta))


class Form:
    """What the deferred texts of one call site share: the run's :class:`Texts`,
    the message and hint ids and the parameters' names."""

    __slots__ = ("texts", "msgid", "hint_id", "names")

    def __init__(self, texts: Texts, msgid: str, hint_id: Optional[str], names: tuple):
        self.texts, self.msgid, self.hint_id, self.names = texts, msgid, hint_id, names


class Text(tuple, Deferred):
    """A finding's message and hint, written when first read: its :class:`Form`
    followed by the parameters' values, so a run that ends in a count formats
    nothing (see :class:`..model.Finding`, which holds one object for both).

    A tuple rather than an object with a tuple of values: one allocation of
    40 + 8 bytes a member, where hundreds of thousands may wait for the report.
    """

    __slots__ = ()

    def __new__(cls, texts: Texts, msgid: str, hint_id: Optional[str], names: tuple, values: tuple):
        return tuple.__new__(cls, (texts.form(msgid, hint_id, names), *values))

    def __init__(self, *args):  # the tuple is made whole by __new__
        pass

    @property
    def form(self) -> Form:
        return self[0]

    def text(self, hint: bool = False) -> Optional[str]:
        form = self[0]
        msgid = form.hint_id if hint else form.msgid
        if msgid is None:
            return None
        texts = form.texts
        written = _write(msgid, texts.lang, texts.year, dict(zip(form.names, self[1:])))
        return written if texts.shared is None else texts.shared.get(written)

    def plain(self, unsafe) -> bool:
        """Whether neither written text can hold what ``unsafe`` (a compiled
        pattern) finds, told without writing them: True only when the templates
        are clean and every value is written from itself (text, glossary terms,
        lists of them) or from digits and names (numbers, dates, durations);
        False (write and look) whenever in doubt."""
        form = self[0]
        lang = form.texts.lang
        for msgid in (form.msgid, form.hint_id):
            if msgid is not None and not _clean_template(msgid, lang, unsafe):
                return False
        return all(_plain_value(value, unsafe) for value in self[1:])


#: parameter types written from digits, names of days and months, and punctuation only
_NUMERIC = (int, float, date, timedelta)


def _plain_value(value, unsafe) -> bool:
    if isinstance(value, str):  # str, Term: a term's translation is the glossary's, or itself
        return unsafe.search(value) is None
    if isinstance(value, _NUMERIC):  # bool is an int: "true"/"false"
        return True
    if type(value) in (list, tuple, set, frozenset):
        return all(_plain_value(item, unsafe) for item in value)
    return False


@lru_cache(maxsize=None)
def _clean_template(msgid: str, lang: str, unsafe) -> bool:
    texts = catalogue().get(msgid)
    if not texts:
        return unsafe.search(msgid) is None
    template = texts.get(lang) or texts.get("en") or msgid
    return unsafe.search(template) is None


def plural(msgid: str, count: int, lang: str) -> str:
    """``msgid.one`` or ``msgid.other`` for ``count`` (French: 0 and 1 are singular)."""
    singular = count in (0, 1) if _lang(lang) == "fr" else count == 1
    return render(f"{msgid}.{'one' if singular else 'other'}", lang, count=count)


def has_message(msgid: str) -> bool:
    return msgid in catalogue()
