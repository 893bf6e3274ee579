"""Load a charter: read YAML, follow ``extends``, check every key, merge, fill defaults.

All problems of a file are collected and raised together in one
:class:`~chartercheck.errors.CharterError`, so a user fixes them in one go.
"""
from __future__ import annotations

import os
from importlib import resources
from typing import Optional

from ..errors import CharterError, Problem, unknown_rule_problem
from ..readers.bounded import check_readable, read_bounded
from ..yamlsource import YamlLoadError, YamlMap, load_yaml
from .model import Charter
from .schema import SCHEMA
from .types import Where

PRESET_PREFIX = "preset:"
DEFAULT_NAME = "embedded:default"
#: Longest chain of ``extends`` followed before assuming a mistake.
MAX_EXTENDS_DEPTH = 10
#: Largest charter file read (each file of an ``extends`` chain): real ones weigh a few KiB.
MAX_CHARTER_BYTES = 1 << 20
#: Longest text value of a charter, in characters; a few keys that messages
#: repeat get less (:data:`SHORT_VALUES`).
MAX_VALUE_CHARS = 10_000
#: Keys whose value is quoted in messages or report headers, and their length limit.
SHORT_VALUES = {"brand.name": 200}


def preset_names() -> list[str]:
    """Names of the presets shipped in the package (``preset:NAME``)."""
    folder = resources.files("chartercheck.charter") / "presets"
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".yaml"))


def _read_preset(name: str) -> tuple[str, str]:
    if name not in preset_names():
        raise CharterError(Problem(f"{PRESET_PREFIX}{name}", None, f"no preset named {name!r}",
                                   hint="available: " + ", ".join(preset_names()), msgid="error.no_preset",
                                   params=(("name", repr(name)), ("available", ", ".join(preset_names())))))
    text = (resources.files("chartercheck.charter") / "presets" / f"{name}.yaml").read_text("utf-8")
    return text, f"{PRESET_PREFIX}{name}"


def _read_file(path: str) -> str:
    try:
        with open(path, "rb") as handle:
            size = check_readable(handle, path, MAX_CHARTER_BYTES, CharterError, option="")
            raw = read_bounded(handle, path, MAX_CHARTER_BYTES, CharterError, option="", size=size)
    except IsADirectoryError:
        raise CharterError(Problem(path, None, "is a directory, not a charter file",
                                   msgid="error.is_directory_charter")) from None
    except FileNotFoundError:
        raise CharterError(Problem(path, None, "charter file not found", msgid="error.charter_not_found")) from None
    except OSError as exc:
        raise CharterError(Problem(path, None, f"cannot read the charter: {exc.strerror}")) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CharterError(Problem(path, None, f"not UTF-8 text (byte {exc.start})",
                                   hint="save the charter as UTF-8", msgid="error.not_utf8",
                                   params=(("byte", exc.start),))) from None


def deep_merge(base: dict, override: dict) -> dict:
    """Mappings merge key by key; lists and scalars of ``override`` replace."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _overlong_values(value, label: str, key: str = "", line: int = 1):
    """A problem for each text over its length limit (:data:`MAX_VALUE_CHARS`, :data:`SHORT_VALUES`):
    a charter's words end up in messages, and a huge one in every message."""
    if isinstance(value, str):
        limit = SHORT_VALUES.get(key, MAX_VALUE_CHARS)
        if len(value) > limit:
            yield Problem(label, line, f"{len(value):,} characters, over the {limit:,} limit", key=key or None,
                          hint="shorten the value", msgid="error.value_too_long",
                          params=(("length", f"{len(value):,}"), ("limit", f"{limit:,}")))
    elif isinstance(value, dict):
        for name, item in value.items():
            lines = getattr(value, "key_lines", {})
            yield from _overlong_values(name, label, key, lines.get(name, line))
            yield from _overlong_values(item, label, f"{key}.{name}" if key else str(name), lines.get(name, line))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            where = value.line_of(index) if hasattr(value, "line_of") else line
            yield from _overlong_values(item, label, f"{key}[{index}]", where)


def _unknown_rule_keys(data: dict, label: str, lines: dict) -> list[Problem]:
    """A problem for each ``rules:`` key that designates no rule: a misspelt
    code would otherwise leave the rule at its default, silently."""
    from ..rules.registry import unknown_selectors
    problems = []
    for key, suggestion in unknown_selectors(str(k) for k in data.get("rules", {}) or {}):
        where = lines.get(f"rules.{key}", (label, None))
        problems.append(unknown_rule_problem(where[0], where[1], key, suggestion, f"rules.{key}"))
    return problems


def _load_layer(ref: str, base_dir: str, chain: tuple, top: bool, lines: dict) -> dict:
    """Load one charter and what it extends, returning the checked, merged data."""
    if ref.startswith(PRESET_PREFIX):
        text, label = _read_preset(ref[len(PRESET_PREFIX):])
        here = base_dir
    else:
        label = os.path.normpath(os.path.join(base_dir, ref)) if base_dir else ref
        text = _read_file(label)
        here = os.path.dirname(label)
    if label in chain:
        cycle = " → ".join(chain + (label,))
        raise CharterError(Problem(label, None, "extends itself through " + cycle, msgid="error.extends_cycle",
                                   params=(("cycle", cycle),)))
    if len(chain) >= MAX_EXTENDS_DEPTH:
        raise CharterError(Problem(label, None, f"more than {MAX_EXTENDS_DEPTH} levels of extends"))
    try:
        raw = load_yaml(text, label)
    except YamlLoadError as exc:
        raise CharterError(exc.problem) from None
    if raw is None:
        raw = YamlMap(1)
    if not isinstance(raw, dict):
        raise CharterError(Problem(label, getattr(raw, "line", 1), "a charter must be a mapping of keys",
                                   msgid="error.charter_not_mapping"))
    problems: list[Problem] = list(_overlong_values(raw, label))
    if top and "version" not in raw:
        problems.append(Problem(label, 1, "missing required key 'version'", hint="add 'version: 1' at the top",
                                msgid="error.missing_version"))
    own_lines: dict = {}
    data = SCHEMA.convert(raw, Where(label, "", raw.line, problems, own_lines))
    problems.extend(_unknown_rule_keys(data, label, own_lines))
    if problems:
        raise CharterError(problems)
    merged: dict = {}
    for parent in data.pop("extends", []):
        merged = deep_merge(merged, _load_layer(parent, here, chain + (label,), False, lines))
    lines.update(own_lines)  # the extending file wins, as its values do
    return deep_merge(merged, data)


def load_charter(path: Optional[str] = None) -> Charter:
    """Load the charter at ``path``, or the embedded default when ``path`` is None.

    Raises :class:`CharterError` listing every problem with file, line and key.
    """
    lines: dict = {}
    if path is None:
        data = _load_layer(PRESET_PREFIX + "default", "", (), True, lines)
        return Charter.build(SCHEMA.fill(data), DEFAULT_NAME, lines)
    if path.startswith(PRESET_PREFIX):
        data = _load_layer(path, "", (), True, lines)
    else:
        data = _load_layer(os.path.basename(path), os.path.dirname(path), (), True, lines)
    return Charter.build(SCHEMA.fill(data), path, lines)


def load_charter_text(text: str, label: str = "<charter>") -> Charter:
    """Load a charter from a string (tests, API); ``extends`` of presets only."""
    try:
        raw = load_yaml(text, label)
    except YamlLoadError as exc:
        raise CharterError(exc.problem) from None
    raw = raw if raw is not None else YamlMap(1)
    if not isinstance(raw, dict):
        raise CharterError(Problem(label, 1, "a charter must be a mapping of keys"))
    problems: list[Problem] = list(_overlong_values(raw, label))
    lines: dict = {}
    own_lines: dict = {}
    data = SCHEMA.convert(raw, Where(label, "", 1, problems, own_lines))
    problems.extend(_unknown_rule_keys(data, label, own_lines))
    if problems:
        raise CharterError(problems)
    merged: dict = {}
    for parent in data.pop("extends", []):
        merged = deep_merge(merged, _load_layer(parent, "", (label,), False, lines))
    lines.update(own_lines)
    return Charter.build(SCHEMA.fill(deep_merge(merged, data)), label, lines)
