"""Write moved posts back into a YAML calendar, changing only their ``at:`` values.

PyYAML composes the document (the same parser, C composer when present, that
read the calendar, so the post found here is the post that was linted) and
gives the exact character span of every scalar; only the spans of moved
``at:`` values are replaced, in their own quoting style and date shape. So
comments, key order, folded texts, indentation, line endings and a byte-order
mark stay byte for byte as they were, which a dump of the whole document
cannot promise. (A round-trip library is not needed for that: on every YAML
document of the fix tests and of the shipped samples, ruamel.yaml's
round-trip composer and PyYAML's give the same span and style for every
scalar.)
"""
from __future__ import annotations

from datetime import datetime
from typing import Iterable

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..errors import CalendarError, Problem
from ..model import Post
from ..readers.base import CalendarSource
from ..timeutil import load_zone
from .timetext import TimeTextError, rewrite

#: Keys the YAML reader accepts for the publication time.
AT_KEYS = ("at", "date", "time", "publish_at")
_BOM = "\ufeff"
#: The C composer is several times faster; the pure-Python one gives the same spans.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _decode(source: CalendarSource) -> tuple[str, str]:
    text = source.data.decode("utf-8")
    if text.startswith(_BOM):
        return _BOM, text[1:]
    return "", text


def _entries(root) -> tuple[list, object]:
    """The post mapping nodes and the ``calendar:`` header node (or None)."""
    header = None
    posts = root
    if isinstance(root, MappingNode):
        posts = None
        for key, value in root.value:
            if isinstance(key, ScalarNode) and key.value == "posts":
                posts = value
            elif isinstance(key, ScalarNode) and key.value == "calendar":
                header = value
    if not isinstance(posts, SequenceNode):
        return [], header
    return [item for item in posts.value if isinstance(item, MappingNode)], header


def _scalar(mapping: MappingNode, names: Iterable[str]):
    for key, value in mapping.value:
        if isinstance(key, ScalarNode) and key.value in names and isinstance(value, ScalarNode):
            return value
    return None


def write_yaml(source: CalendarSource, moves: list[tuple[Post, datetime]], tz) -> bytes:
    """``source`` with each moved post's time replaced; raises :class:`CalendarError`
    when a post cannot be found again or its time cannot be rewritten."""
    bom, text = _decode(source)
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise CalendarError(Problem(source.path, None, f"cannot parse the YAML again: {exc}")) from None
    entries, header = _entries(root)
    if isinstance(header, MappingNode):
        zone_node = _scalar(header, ("timezone",))
        if zone_node is not None:
            tz = load_zone(zone_node.value)
    by_line: dict[int, list[MappingNode]] = {}
    for entry in entries:
        by_line.setdefault(entry.start_mark.line + 1, []).append(entry)
    edits = []
    for post, new_at in moves:
        node = _find(by_line.get(post.source.line or 0, []), post)
        if node is None:
            raise CalendarError(Problem(source.path, post.source.line,
                                        f"cannot find the time of post {post.id!r} to rewrite it"))
        try:
            value = rewrite(node.value, post.at, new_at, tz)
        except TimeTextError as exc:
            raise CalendarError(Problem(source.path, node.start_mark.line + 1,
                                        f"cannot rewrite the time of post {post.id!r}: {exc}",
                                        hint="write it as YYYY-MM-DD HH:MM")) from None
        edits.append((node.start_mark.index, node.end_mark.index, _quoted(value, node.style)))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return (bom + text).encode("utf-8")


def _find(candidates: list[MappingNode], post: Post):
    """The ``at:`` scalar of ``post`` among the mappings starting on its line."""
    found = []
    for entry in candidates:
        at_node = _scalar(entry, AT_KEYS)
        if at_node is None:
            continue
        id_node = _scalar(entry, ("id",))
        if id_node is not None and id_node.value == post.id:
            return at_node
        found.append(at_node)
    return found[0] if len(found) == 1 else None


def _quoted(value: str, style) -> str:
    if style == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    return value
