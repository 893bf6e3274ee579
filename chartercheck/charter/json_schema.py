"""The charter's JSON Schema, derived from :data:`chartercheck.charter.schema.SCHEMA`.

YAML editors (VS Code's YAML extension, JetBrains IDEs, Neovim through
yaml-language-server) read a JSON Schema to complete keys, list the allowed
values and flag a misspelt key as it is typed. The schema is built from the
same table the loader checks charters with, so the two cannot disagree;
``chartercheck charter schema`` prints it, and the package ships it as
``charter.schema.json`` beside this module.

It is written for draft-07, the draft every YAML language server supports.
Values the loader parses from text (durations, clocks, day sets, zones) are
described, not pattern-matched: the loader's message says what is wrong with
them far better than an editor's "does not match pattern" would.
"""
from __future__ import annotations

import json
from datetime import timedelta
from importlib import resources

from .. import __url__, __version__, timeutil
from .schema import SCHEMA
from .types import AnyOf, ListOf, MapOf, Parsed, Scalar, Section, ValueType

DRAFT = "http://json-schema.org/draft-07/schema#"
#: Where the published schema of this version lives, for ``# yaml-language-server: $schema=``.
SCHEMA_URL = (__url__.replace("https://github.com/", "https://raw.githubusercontent.com/")
              + f"/v{__version__}/chartercheck/charter/charter.schema.json")
#: The file the package ships (kept equal to :func:`charter_json_schema` by the test suite).
SHIPPED_FILE = "charter.schema.json"

_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean"}


def _scalar(kind: Scalar) -> dict:
    if kind.choices:
        return {"enum": list(kind.choices)}
    # Text keys also take a bare number (the loader reads ``name: 2026`` as "2026").
    schema: dict = {"type": ["string", "number"] if kind.kind is str else _JSON_TYPES[kind.kind]}
    if kind.minimum is not None:
        schema["minimum"] = kind.minimum
    if kind.maximum is not None:
        schema["maximum"] = kind.maximum
    return schema


def _single_item(item: ValueType) -> dict | None:
    """What a one-item list may be written as on its own, or None (a mapping never is)."""
    if isinstance(item, Section):
        return type_schema(item.fields[item.shorthand].type) if item.shorthand else None
    return type_schema(item)


def type_schema(kind: ValueType) -> dict:
    """The JSON Schema of one value type of the charter table."""
    if isinstance(kind, Scalar):
        return _scalar(kind)
    if isinstance(kind, Parsed):
        return {"type": "string", "description": kind.describe}
    if isinstance(kind, ListOf):
        listed = {"type": "array", "items": type_schema(kind.item)}
        single = _single_item(kind.item) if kind.accept_single else None
        return {"anyOf": [listed, single]} if single else listed
    if isinstance(kind, MapOf):
        schema = {"type": "object", "additionalProperties": type_schema(kind.value)}
        if isinstance(kind.key, Parsed):
            schema["propertyNames"] = {"description": kind.key.describe}
        return schema
    if isinstance(kind, Section):
        return _section(kind)
    if isinstance(kind, AnyOf):
        return {"anyOf": [type_schema(option) for option in kind.options], "description": kind.describe}
    raise TypeError(f"no JSON Schema for {type(kind).__name__}")


def _section(section: Section) -> dict:
    properties = {}
    for key, spec in section.fields.items():
        schema = type_schema(spec.type)
        if spec.doc:
            schema = {**schema, "description": spec.doc}
        default = json_default(spec.default)
        if default is not None:
            schema["default"] = default
        properties[key] = schema
    mapping: dict = {"type": "object", "properties": properties, "additionalProperties": False}
    if section.required:
        mapping["required"] = list(section.required)
    if section.shorthand:
        return {"anyOf": [mapping, type_schema(section.fields[section.shorthand].type)]}
    return mapping


def json_default(value):
    """A field's default as a charter would write it, or None when it has none worth showing."""
    if isinstance(value, timedelta):
        return timeutil.format_duration(value)
    if isinstance(value, (bool, int, float, str)):
        return value
    return None


def charter_json_schema() -> dict:
    """The JSON Schema (draft-07) of a charter file."""
    # ``version`` is not required here: the loader asks for it only in the charter
    # that is linted, not in the charters it extends.
    root = _section(SCHEMA)
    return {"$schema": DRAFT, "$id": SCHEMA_URL, "title": "chartercheck charter",
            "description": "A brand's editorial charter, read by chartercheck "
                           "(see docs/charter.md for every key).", **root}


def render_json_schema() -> str:
    """The schema as the shipped file holds it: indented, keys in table order, one final newline."""
    return json.dumps(charter_json_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_json_schema() -> str:
    """The ``charter.schema.json`` file installed with the package."""
    return resources.files(__package__).joinpath(SHIPPED_FILE).read_text("utf-8")
