"""One VEVENT's properties, read when asked: icalendar's values without its parse of every line.

Parsing a whole VEVENT with icalendar costs a few hundred microseconds,
most of it splitting lines character by character and building values no
one reads (``DTSTAMP``, ``SEQUENCE``...). :class:`LiteEvent` keeps each
property's line and builds its value the first time the reader asks for
it, with icalendar's own value types, following
``ComponentIcalParser.handle_property`` step by step for a component that
ignores its errors as a VEVENT does (an unreadable value becomes a
``vBroken``). What it offers is what the reader uses of a component:
``get``, ``in``, ``[]`` and assignment, with the same values, lists for a
repeated property included.

Reading later must not change what the whole-file parse does: a value
icalendar could fail on with anything but the ValueError or TypeError a
VEVENT keeps (and the whole file would then be refused) is read at once,
when the event ends (see :func:`.ics_library.later_class`). Recurring series
are still parsed whole by icalendar (``recurring-ical-events`` needs real
components).
"""
from __future__ import annotations

from typing import Any, Optional

from .ics_library import DATETIME_NAMES, NOW, PLAIN_DATE_TIME, library


class LiteEvent:
    """A VEVENT read property by property (see the module docstring)."""

    name = "VEVENT"
    __slots__ = ("_raw", "_values", "_now")

    def __init__(self) -> None:
        #: NAME → [(Parameters, value, Contentline or None)], in file order
        self._raw: dict[str, list] = {}
        self._values: dict[str, Any] = {}
        #: properties to read when the event ends (see the module docstring)
        self._now: Optional[set] = None

    def add_simple(self, name: str, params_text: str, value: str) -> None:
        """A line split by :func:`.ics_lines.split_simple` (``value`` not unescaped)."""
        params, later = library().line_class(name, params_text)
        entries = self._raw.get(name)
        if entries is None:
            self._raw[name] = [(params, value, None)]
        else:
            entries.append((params, value, None))
        if later and (later == NOW or not PLAIN_DATE_TIME.match(value)):
            if self._now is None:
                self._now = set()
            self._now.add(name)

    def add_line(self, text: str) -> None:
        """Any other content line, split by icalendar; a line it cannot split is
        skipped, as icalendar skips it in a VEVENT."""
        line = library().Contentline(text)
        try:
            name, params, vals = line.parts()
        except ValueError:
            return
        name = name.upper()
        self._raw.setdefault(name, []).append((params, vals, line))
        if self._now is None:
            self._now = set()
        self._now.add(name)

    def close(self) -> "LiteEvent":
        """Read the properties that cannot wait; returns the event."""
        if self._now:
            for name in self._now:
                self.get(name)
            self._now = None
        return self

    # -- the Component interface the reader uses ---------------------------------
    def get(self, key: str, default=None):
        values = self._values
        if key in values:
            value = values[key]
        elif key in self._raw:
            value = self._decode(key)
        else:
            upper = key.upper()
            return default if upper == key else self.get(upper, default)
        return default if value is None else value

    def __getitem__(self, key: str):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value) -> None:
        self._values[key.upper()] = value

    def __contains__(self, key: str) -> bool:
        values = self._values
        if key in values:
            return values[key] is not None
        if key in self._raw:
            return key != "RDATE" or self.get(key) is not None   # an empty RDATE adds nothing
        upper = key.upper()
        return upper != key and upper in self

    def names(self) -> list[str]:
        """The names of the properties present, in first-seen order."""
        return [name for name in self._raw if name in self]

    # -- decoding, as icalendar's parser does it ----------------------------------
    def _decode(self, key: str):
        found: list = []
        for params, vals, line in self._raw[key]:
            found.extend(_decode_property(key, params, vals, line))
        value = found[0] if len(found) == 1 else (found or None)
        self._values[key] = value
        return value


def _decode_property(name: str, params, vals: str, line) -> list:
    """The values icalendar's ``handle_property`` adds for one line of a VEVENT.

    ``line`` is None for a simple line: ``vals`` is then its raw value (icalendar's
    ``raw_parts``), still to be unescaped as icalendar's ``parts`` does.
    """
    lib = library()
    raw = vals
    if line is None and "\\" in vals:
        vals = lib.unescape_backslash(vals)
    tzid = params.get("TZID") if params and name in DATETIME_NAMES else None
    if name == "CATEGORIES":
        if line is None:
            raw_value: Optional[str] = raw  # the first colon of a simple line separates the value
        else:
            colon = line.value_separator_index()
            raw_value = str(line)[colon + 1:] if colon > 0 else None
        if raw_value is not None:
            try:
                categories = lib.split_on_unescaped_comma(raw_value)
                return [lib.build(lib.factory("CATEGORIES", params), categories, params)]
            except ValueError as exc:
                return [_broken(exc, "CATEGORIES", params, raw_value)]
        vals_list = [vals]
    elif name == "FREEBUSY":
        vals_list = vals.split(",")
    elif name == "RDATE" and vals == "":
        vals_list = []
    else:
        factory = lib.factory(name, params)
        if getattr(factory, "get_value_from_content_line", None) is not None:
            vals = raw if line is None else factory.get_value_from_content_line(line)
        vals_list = [vals]
    out = []
    for val in vals_list:
        factory = lib.factory(name, params)
        plain = lib.plain.get(factory)
        if plain is not None and not tzid:
            value = str.__new__(factory, val)
            value.params = params
            if plain:
                value.encoding = lib.encoding
            out.append(value)
            continue
        try:
            parsed = factory.from_ical(val, tzid) if tzid else factory.from_ical(val)
        except (ValueError, TypeError) as exc:
            out.append(_broken(exc, name, params, val))
        else:
            out.append(lib.build(factory, parsed, params))
    return out


def _broken(exc: Exception, name: str, params, val: str):
    lib = library()
    factory = lib.factory(name, params)
    return lib.vBroken.from_parse_error(raw_value=val, params=params, property_name=name,
                                        expected_type=getattr(factory, "__name__", "unknown"), error=exc)


def parses_plainly(lines: list[str]) -> bool:
    """Whether icalendar surely parses this component without error (True), or must be asked (False).

    ``lines``: a component's unfolded lines, its BEGIN and END lines first and
    last. True when every line in between is a simple property line that
    icalendar reads without raising, in a component that does not forgive
    errors as a VEVENT does (an alarm, a to-do): each value is read as
    ``ComponentIcalParser.handle_property`` reads it. Anything else (a nested
    component, CATEGORIES or FREEBUSY, a value that fails) is left to icalendar.
    """
    from .ics_lines import split_simple

    lib = library()
    for text in lines[1:-1]:
        split = split_simple(text)
        if split is None or split[0] in ("BEGIN", "END", "CATEGORIES", "FREEBUSY", "RDATE", "EXDATE"):
            return False
        name, params_text, raw = split
        params = lib.line_class(name, params_text)[0]
        factory = lib.factory(name, params)
        tzid = params.get("TZID") if params and name in DATETIME_NAMES else None
        if factory in lib.plain and not tzid:
            continue
        if getattr(factory, "get_value_from_content_line", None) is None and "\\" in raw:
            raw = lib.unescape_backslash(raw)
        try:
            factory(factory.from_ical(raw, tzid) if tzid else factory.from_ical(raw))
        except (ValueError, TypeError):
            if name[:2] != "X-":   # kept as a vBroken only in an X- property
                return False
        except Exception:  # noqa: BLE001 - icalendar would raise it: let it
            return False
    return True
