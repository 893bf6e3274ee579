"""Value types of the charter schema: each checks and converts one YAML value.

A type's ``convert(value, where)`` returns the converted value or records a
problem through ``where.problem(...)`` and returns :data:`INVALID`. ``where``
knows the file, line and dotted key, so every message can say all three.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from .. import timeutil
from ..i18n import Term
from ..yamlsource import YamlList, YamlMap

INVALID = object()


class Where:
    """A position in the charter being checked: file, dotted key, line."""

    def __init__(self, path: str, key: str, line: Optional[int], sink: list,
                 lines: Optional[dict] = None):
        self.path, self.key, self.line, self.sink = path, key, line, sink
        #: dotted key → (path, line) of everything visited, for later messages
        self.lines = lines if lines is not None else {}

    def child(self, name, line: Optional[int]) -> "Where":
        key = f"{self.key}.{name}" if self.key else str(name)
        if isinstance(name, int):
            key = f"{self.key}[{name}]"
        self.lines[key] = (self.path, line or self.line)
        return Where(self.path, key, line or self.line, self.sink, self.lines)

    def problem(self, message: str, hint: Optional[str] = None, msgid: Optional[str] = None,
                hint_id: Optional[str] = None, **params):
        """Record a problem here; ``msgid``/``hint_id`` name catalogue entries for other languages."""
        from ..errors import Problem
        hint_params = tuple({"_id": hint_id, **params}.items()) if hint_id else ()
        self.sink.append(Problem(self.path, self.line, message, key=self.key or None, hint=hint,
                                 msgid=msgid, params=tuple(params.items()), hint_params=hint_params))
        return INVALID

    def expected(self, describe: str, value):
        """The common "expected X, got Y" problem."""
        return self.problem(f"expected {describe}, got {type_name(value)}", msgid="error.expected",
                            what=Term(describe), got=Term(type_name(value)))

    def parse_failed(self, exc: ValueError):
        """A value a parser refused (durations, clocks, zones...)."""
        return self.problem(str(exc), msgid=getattr(exc, "msgid", None), **getattr(exc, "params", {}))


def type_name(value) -> str:
    if value is None:
        return "nothing"
    return {bool: "a boolean", int: "a number", float: "a number", str: "text",
            YamlList: "a list", list: "a list", YamlMap: "a mapping", dict: "a mapping"}.get(type(value), type(value).__name__)


class ValueType:
    """Base class: ``describe`` says what is expected, for messages and docs."""

    describe = "a value"

    def convert(self, value, where: Where):  # pragma: no cover - abstract
        raise NotImplementedError

    def default(self):
        return None


@dataclass
class Scalar(ValueType):
    """str, int, float or bool with optional bounds and choices."""

    kind: type
    choices: tuple = ()
    minimum: Optional[float] = None
    maximum: Optional[float] = None

    @property
    def describe(self) -> str:
        if self.choices:
            return "one of " + ", ".join(map(str, self.choices))
        return {str: "text", int: "a whole number", float: "a number", bool: "true or false"}[self.kind]

    def convert(self, value, where):
        kind = self.kind
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if kind is str and isinstance(value, (int, float)) and not isinstance(value, bool) and not self.choices:
            value = str(value)
        if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
            return where.expected(self.describe, value)
        if self.choices and value not in self.choices:
            close = difflib.get_close_matches(str(value), [str(c) for c in self.choices], n=1)
            return where.problem(f"{value!r} is not {self.describe}",
                                 f"did you mean {close[0]!r}?" if close else None,
                                 msgid="error.not_one_of", hint_id="error.did_you_mean" if close else None,
                                 value=repr(value), what=Term(self.describe),
                                 suggestion=repr(close[0]) if close else "")
        if self.minimum is not None and value < self.minimum:
            return where.problem(f"{value} is below the minimum {self.minimum:g}", msgid="error.below_min",
                                 value=str(value), limit=f"{self.minimum:g}")
        if self.maximum is not None and value > self.maximum:
            return where.problem(f"{value} is above the maximum {self.maximum:g}", msgid="error.above_max",
                                 value=str(value), limit=f"{self.maximum:g}")
        return value


@dataclass
class Parsed(ValueType):
    """A string parsed by a function raising ``ValueError`` (durations, clocks...)."""

    parser: Callable[[Any], Any]
    describe: str = "a value"

    def convert(self, value, where):
        try:
            return self.parser(value)
        except ValueError as exc:
            return where.parse_failed(exc)


DURATION = Parsed(timeutil.parse_duration, "a duration such as 90m, 4h or 2d")
CLOCK = Parsed(timeutil.parse_clock, "a time HH:MM")
DATE_SPAN = Parsed(timeutil.parse_date_span, "a date YYYY-MM-DD or a span YYYY-MM-DD..YYYY-MM-DD")
TIMEZONE = Parsed(lambda v: (timeutil.load_zone(v), v)[1], "an IANA time zone such as Europe/Paris")
CLOCK_RANGE = Parsed(timeutil.parse_clock_range, "a range HH:MM-HH:MM")


@dataclass
class ListOf(ValueType):
    """A list whose items share one type; a single value is accepted as a list of one."""

    item: ValueType
    accept_single: bool = True

    @property
    def describe(self) -> str:
        return f"a list of {self.item.describe}"

    def convert(self, value, where):
        if not isinstance(value, list):
            if self.accept_single and not isinstance(value, dict) and value is not None:
                value = [value]
            else:
                return where.expected(self.describe, value)
        out = []
        for index, item in enumerate(value):
            line = value.line_of(index) if isinstance(value, YamlList) else None
            converted = self.item.convert(item, where.child(index, line))
            if converted is not INVALID:
                out.append(converted)
        return out

    def default(self):
        return []


@dataclass
class MapOf(ValueType):
    """A mapping with free keys (channel ids, day sets...) and typed values."""

    value: ValueType
    key: Optional[ValueType] = None

    @property
    def describe(self) -> str:
        return f"a mapping of {self.value.describe}"

    def convert(self, value, where):
        if not isinstance(value, dict):
            return where.expected(self.describe, value)
        out = {}
        for key, item in value.items():
            line = value.line_of(key) if isinstance(value, YamlMap) else None
            child = where.child(key, line)
            converted_key = key if self.key is None else self.key.convert(key, child)
            converted = self.value.convert(item, child)
            if converted is not INVALID and converted_key is not INVALID:
                out[converted_key] = converted
        return out

    def default(self):
        return {}


@dataclass
class Section(ValueType):
    """A mapping with known keys; unknown keys are errors with a suggestion."""

    fields: dict
    required: tuple = ()
    doc: str = ""
    shorthand: Optional[str] = None  # a scalar given alone fills this field
    describe: str = "a mapping"
    defaults: bool = True  # fill defaults of absent keys

    def convert(self, value, where):
        if self.shorthand and value is not None and not isinstance(value, (dict, list)):
            value = {self.shorthand: value}
        if not isinstance(value, dict):
            return where.expected("a mapping", value)
        out = {}
        for key, item in value.items():
            line = value.line_of(key) if isinstance(value, YamlMap) else None
            child = where.child(key, line)
            spec = self.fields.get(key)
            if spec is None:
                close = difflib.get_close_matches(str(key), list(self.fields), n=1, cutoff=0.6)
                known = ", ".join(sorted(self.fields))
                child.problem(f"unknown key {key!r}",
                              f"did you mean {close[0]!r}?" if close else "known keys: " + known,
                              msgid="error.unknown_key",
                              hint_id="error.did_you_mean" if close else "error.known_keys",
                              name=repr(key), suggestion=repr(close[0]) if close else "", known=known)
                continue
            converted = spec.type.convert(item, child)
            if converted is not INVALID:
                out[key] = converted
        for key in self.required:
            if key not in out and key not in value:
                where.problem(f"missing required key {key!r}", msgid="error.missing_key", name=repr(key))
        return out

    def fill(self, data: dict) -> dict:
        """Add the defaults of every absent key, recursively."""
        out = dict(data)
        for key, spec in self.fields.items():
            if key not in out:
                default = spec.default() if callable(spec.default) else spec.default
                if default is None and isinstance(spec.type, Section) and spec.type.defaults:
                    default = {}
                if default is not None:
                    out[key] = default
            if isinstance(spec.type, Section) and isinstance(out.get(key), dict):
                out[key] = spec.type.fill(out[key])
            elif isinstance(spec.type, ListOf) and isinstance(spec.type.item, Section):
                out[key] = [spec.type.item.fill(x) if isinstance(x, dict) else x for x in out.get(key, [])]
            elif isinstance(spec.type, MapOf) and isinstance(spec.type.value, Section) and key in out:
                out[key] = {k: spec.type.value.fill(v) for k, v in out[key].items()}
        return out


@dataclass
class Field:
    """One key of a :class:`Section`: its type, default and documentation."""

    type: ValueType
    default: Any = None
    doc: str = ""


@dataclass
class AnyOf(ValueType):
    """The first type that accepts the value wins (e.g. ``off`` or a mapping)."""

    options: list = field(default_factory=list)
    describe: str = "a value"

    def convert(self, value, where):
        for option in self.options:
            trial = Where(where.path, where.key, where.line, [], {})
            converted = option.convert(value, trial)
            if converted is not INVALID and not trial.sink:
                return converted
        return where.problem(f"expected {self.describe}, got {value!r}", msgid="error.expected",
                             what=Term(self.describe), got=repr(value))
