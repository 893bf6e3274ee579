"""icalendar's pieces that :mod:`.ics_lite` builds values with, imported once, and what it
remembers of them (the value type of a property, whether a time zone is known, what a line's
parameters say).

:func:`later_class` decides, per property and parameters, whether a value may be built when
asked or must be built when its event ends: reading later must not change what icalendar's
whole-file parse does, and a value it could fail on with anything but the ValueError or
TypeError a VEVENT keeps (the whole file would then be refused) is read at once.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Optional

from .ics_lines import simple_params

#: Properties whose TZID parameter icalendar applies (``ComponentIcalParser.datetime_names``).
DATETIME_NAMES = ("DTSTART", "DTEND", "RECURRENCE-ID", "DUE", "RDATE", "EXDATE")
#: A date-time icalendar reads without anything that could fail outside its value check.
PLAIN_DATE_TIME = re.compile(r"\d{8}T\d{6}Z?\Z")
#: What :func:`later_class` says of a simple line: read when asked, read at once, or
#: read when asked if its value is a plain date-time.
LATER, NOW, IF_PLAIN_DATE_TIME = 0, 1, 2
#: Entries each of the library's memos keeps (a file may name many properties and zones).
_MEMO = 4096


class _Library:
    """icalendar's pieces, imported once (the reader module loads lazily)."""

    def __init__(self) -> None:
        import icalendar
        from icalendar.parser import Parameters
        from icalendar.parser.content_line import Contentline
        from icalendar.parser.property import split_on_unescaped_comma, unescape_backslash
        from icalendar.parser_tools import DEFAULT_ENCODING
        from icalendar.prop import vBroken, vCalAddress, vText, vUnknown, vUri

        ReadOnlyParameters = _read_only(Parameters)
        self.types = icalendar.Event.types_factory
        self.Parameters = Parameters
        self.ReadOnlyParameters = ReadOnlyParameters
        self.no_params = ReadOnlyParameters()
        self.Contentline = Contentline
        self.split_on_unescaped_comma = split_on_unescaped_comma
        self.unescape_backslash = unescape_backslash
        self.vBroken = vBroken
        self.encoding = DEFAULT_ENCODING
        # Value types whose from_ical is ``cls(value)`` and whose instances only
        # hold the text, its parameters and (for some) the encoding: built directly.
        self.plain = {cls: "encoding" in getattr(cls, "__slots__", ()) for cls in (vText, vUnknown, vUri, vCalAddress)}
        self.categories = self.types["categories"]
        self.date_time = self.types["date-time"]
        self.vText = vText
        self.factories: dict = {}
        self.tzids: dict[str, bool] = {}
        #: (name, parameter text) of a simple line → (its parameters, its later_class)
        self.lines: dict = {}

    def text(self, value: str, params):
        """``vText(value)`` with ``params``, as the parser leaves it, built directly."""
        text = str.__new__(self.vText, value)
        text.encoding = self.encoding
        text.params = params
        return text

    def build(self, factory, parsed, params):
        """``factory(parsed)`` with ``params`` set after, as the parser does; the types the
        reader meets in every event are built directly (their constructors only compute
        parameters the parser then replaces)."""
        if factory is self.date_time and type(parsed) is datetime:
            value = object.__new__(factory)
            value.dt = parsed
        elif factory is self.categories:
            value = object.__new__(factory)
            value.cats = [self.text(item, self.no_params) for item in parsed]
        else:
            value = factory(parsed)
        value.params = params
        return value

    def factory(self, name: str, params) -> Any:
        """``types_factory.for_property(name, params.value)``, remembered per (name, VALUE)."""
        value = params.get("VALUE") if params else None
        if value is not None:
            value = value.upper()   # as Parameters.value does (a list raises, as in icalendar)
        key = (name, value)
        found = self.factories.get(key)
        if found is None:
            found = self.types.for_property(name, value)
            if len(self.factories) < _MEMO:
                self.factories[key] = found
        return found

    def safe_tzid(self, tzid: str) -> bool:
        """Whether icalendar looks ``tzid`` up without raising (it says None when it does not know it)."""
        known = self.tzids.get(tzid)
        if known is None:
            from icalendar.timezone import tzp
            try:
                tzp.timezone(tzid)
                known = True
            except Exception:  # noqa: BLE001 - icalendar would raise it while parsing the file
                known = False
            if len(self.tzids) < _MEMO:
                self.tzids[tzid] = known
        return known

    def line_class(self, name: str, params_text: str) -> tuple:
        """(parameters, :func:`later_class`) of a simple line, remembered (files repeat them)."""
        key = (name, params_text)
        found = self.lines.get(key)
        if found is None:
            params = self.ReadOnlyParameters(simple_params(params_text)) if params_text else self.no_params
            found = (params, later_class(self, name, params))
            if len(self.lines) < _MEMO:
                self.lines[key] = found
        return found


def _read_only(parameters_class):
    """A :class:`Parameters` whose instances refuse changes once made: simple lines written
    alike share one (a change through one value would show in the others)."""

    class ReadOnlyParameters(parameters_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.frozen = True

        def _check(self) -> None:
            if getattr(self, "frozen", False):
                raise TypeError("these parameters are shared by several values: replace them, do not change them")

        def __setitem__(self, key, value):
            self._check()
            super().__setitem__(key, value)

        def __delitem__(self, key):
            self._check()
            super().__delitem__(key)

        def setdefault(self, *args):
            self._check()
            return super().setdefault(*args)

        def pop(self, *args):
            self._check()
            return super().pop(*args)

        def popitem(self, *args):
            self._check()
            return super().popitem(*args)

        def clear(self):
            self._check()
            super().clear()

        def update(self, *args, **kwargs):
            self._check()
            super().update(*args, **kwargs)

        def __reduce__(self):   # a copy (or a pickle) is plain parameters, free to change
            return parameters_class, (list(self.items()),)

    return ReadOnlyParameters


_library: Optional[_Library] = None


def library() -> _Library:
    global _library
    if _library is None:
        _library = _Library()
    return _library


def later_class(lib: _Library, name: str, params) -> int:
    """Whether icalendar reads a simple line of this name and these parameters without any
    exception but the ValueError or TypeError a VEVENT keeps as a ``vBroken``."""
    if name in ("FREEBUSY", "RDATE", "EXDATE"):
        return NOW
    factory = lib.factory(name, params)
    tzid = params.get("TZID") if params and name in DATETIME_NAMES else None
    if name == "CATEGORIES":
        return LATER if factory is lib.categories else NOW
    if factory in lib.plain:
        return NOW if tzid else LATER
    if factory is lib.date_time and (not tzid or lib.safe_tzid(tzid)):
        return IF_PLAIN_DATE_TIME
    return NOW
