"""Finding texts written when first read: a run that ends in a count writes no sentence.

A finding made by a rule keeps a :class:`Text`, its catalogue ids and the
parameters' values, instead of its message and hint; :class:`..model.Finding`
writes them (with :func:`chartercheck.i18n._write`, the catalogue's own
writer) the first time a format reads them. :class:`Texts` holds what a run's
texts share: the language, whether dates show their year, and the tables
that keep equal texts once.
"""
from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import Optional

from ..model import Deferred
from . import _lang, _write, catalogue


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
