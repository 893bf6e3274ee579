"""JSON written piece by piece, byte for byte as ``json.dumps(data, ensure_ascii=False, indent=2)``.

A report's findings are its bulk: turning them all into dicts and then into
one string holds the report two or three times over. Here the envelope is
written by hand and the items of a :class:`Streamed` array are encoded a
batch at a time, re-indented to their depth, while the next batch is not
built yet.

The layout copied is the one ``json`` uses with an indent: ``{``/``[`` then
one member per line, members joined by ``,`` and a newline, keys followed by
``": "``, and ``{}``/``[]`` for empty containers. Encoded strings never hold a
raw newline (``json`` escapes it), so re-indenting an item is a plain
replacement of its newlines.

Speed: ``json`` encodes with C only when there is no indent; with one, every
value goes through a chain of Python generators. Findings are small records
of strings, numbers and one nested object, so :func:`_encode` lays them out
itself with C-encoded strings (:func:`_laid_out`), in a fifth of the time, and
hands anything unusual (a float, a subclass, a key that is not a string) to
``json`` whole.
"""
from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, Iterable, Iterator

INDENT = "  "
#: Items of a streamed array encoded together: setting up an encoding costs more than a small item.
ITEMS_PER_CHUNK = 256
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=len(INDENT))
#: Scalars whose text :func:`_laid_out` writes itself, by exact type (a ``bool`` is not an ``int`` here,
#: and subclasses such as enums go to ``json``). Floats go to ``json`` too: it spells NaN and infinities.
_SCALAR_TEXT = {str: encode_basestring, int: int.__repr__, bool: lambda v: "true" if v else "false",
                type(None): lambda v: "null"}


class _Unusual(Exception):
    """A value :func:`_laid_out` leaves to ``json``."""


class Streamed:
    """An array whose items (any JSON data) are produced while it is written, once."""

    __slots__ = ("items",)

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items


def iter_json(value: Any, depth: int = 0) -> Iterator[str]:
    """Chunks of ``value`` encoded as ``json.dumps(..., ensure_ascii=False, indent=2)`` at ``depth``.

    ``value`` is plain JSON data in which arrays may be :class:`Streamed`;
    the parts that hold none are encoded in one go.
    """
    if isinstance(value, Streamed):
        yield from _iter_items(value.items, depth)
    elif isinstance(value, dict) and _holds_stream(value):
        yield from _iter_members(((json.dumps(key, ensure_ascii=False) + ": ", member)
                                  for key, member in value.items()), depth, "{}")
    elif isinstance(value, (list, tuple)) and _holds_stream(value):
        yield from _iter_members((("", item) for item in value), depth, "[]")
    else:
        yield _encode(value, depth)


def _encode(value: Any, depth: int) -> str:
    """``value`` encoded whole, its inner lines indented for ``depth``."""
    try:
        return _laid_out(value, "\n" + INDENT * depth)
    except _Unusual:
        text = _ENCODER.encode(value)
        return text.replace("\n", "\n" + INDENT * depth) if depth else text


def _laid_out(value: Any, newline: str) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, each line after the
    first starting with ``newline`` (a newline and the indent of ``value``'s depth).

    Raises :class:`_Unusual` for anything but dicts with string keys, lists, tuples and the
    scalars of :data:`_SCALAR_TEXT`.
    """
    kind = type(value)
    if kind is str:  # most values of a finding: tested first, without a call
        return encode_basestring(value)
    scalar = _SCALAR_TEXT.get(kind)
    if scalar is not None:
        return scalar(value)
    inner = newline + INDENT
    if kind is dict:
        if not value:
            return "{}"
        members = []
        for key, member in value.items():
            if type(key) is not str:
                raise _Unusual
            kind = type(member)
            members.append(encode_basestring(key) + ": " + (
                encode_basestring(member) if kind is str else int.__repr__(member) if kind is int
                else _laid_out(member, inner)))
        return "{" + inner + ("," + inner).join(members) + newline + "}"
    if kind is list or kind is tuple:
        if not value:
            return "[]"
        return "[" + inner + ("," + inner).join([encode_basestring(item) if type(item) is str else
                                                 _laid_out(item, inner) for item in value]) + newline + "]"
    raise _Unusual


def _iter_items(items: Iterable[Any], depth: int) -> Iterator[str]:
    """A streamed array, encoded ``ITEMS_PER_CHUNK`` items at a time as each batch is produced."""
    opened = False
    for batch in _batches(items, ITEMS_PER_CHUNK):
        # A batch encoded as an array is "[", its items on their own lines, then "\n]":
        # between the brackets lies this stretch of the whole array.
        body = _encode(batch, depth)[1:-(len(INDENT) * depth + 2)]
        yield ("," if opened else "[") + body
        opened = True
    yield "\n" + INDENT * depth + "]" if opened else "[]"


def _batches(items: Iterable[Any], size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _iter_members(members: Iterable[tuple[str, Any]], depth: int, empty: str) -> Iterator[str]:
    """An object's ``"key": value`` (or an array's ``value``) members, one per line."""
    inner = "\n" + INDENT * (depth + 1)
    opened = False
    for prefix, member in members:
        yield ("," if opened else empty[0]) + inner + prefix
        yield from iter_json(member, depth + 1)
        opened = True
    yield "\n" + INDENT * depth + empty[1] if opened else empty


def _holds_stream(value: Any) -> bool:
    """Whether a :class:`Streamed` array sits anywhere inside ``value``."""
    if isinstance(value, Streamed):
        return True
    if isinstance(value, dict):
        return any(_holds_stream(member) for member in value.values())
    if isinstance(value, (list, tuple)):
        return any(_holds_stream(item) for item in value)
    return False
