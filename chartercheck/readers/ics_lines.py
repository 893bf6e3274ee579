"""The lines of an iCalendar file as they come, without the whole text in memory.

The file's bytes are decoded a chunk at a time (each chunk ends after a
``\\n``, so no character and no line is cut), and split with
:meth:`str.splitlines`: the same lines, numbered the same, as
``data.decode(...).splitlines()`` on the whole text, which is what
:mod:`.ics_text` numbers. Physical lines are then grouped into logical
lines (a line starting with a space or a tab continues the one before; blank
lines are skipped), the grouping the whole-file reading
(:func:`.ics_text.repaired`) uses too, and a logical line is unfolded as
icalendar unfolds it.

:func:`split_simple` splits the content lines written the common way
(``NAME:value``, ``NAME;TZID=Europe/Paris:value``) without icalendar's
character-by-character parser, with exactly its result; any other line is
left to icalendar (``Contentline.parts``).
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

#: Bytes decoded at a time.
CHUNK = 1 << 20

# A parameter value that icalendar's parser would take verbatim: no quote,
# no separator, no escape (backslash, RFC 6868 caret, the percent its own
# escaping uses), no control character, and no space at either end (it
# strips spaces around ";" and "=").
_PARAM_CHAR = r"[\w@./+\-'()&!?#$*~]"
_PARAM_VALUE = rf"(?:{_PARAM_CHAR}(?:(?:{_PARAM_CHAR}| )*{_PARAM_CHAR})?)?"
_SIMPLE_HEAD = re.compile(rf"([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+={_PARAM_VALUE})*):")
_PARAM = re.compile(rf";([A-Za-z0-9-]+)=({_PARAM_VALUE})")
_STRUCTURE_NAME = re.compile(r"[A-Za-z0-9-]+\Z")


def physical_lines(data: bytes, encoding: str) -> Iterator[str]:
    """``data.decode(encoding).splitlines()``, a chunk at a time.

    ``encoding`` is ``"utf-8-sig"`` (strict: raises :class:`UnicodeDecodeError`
    as the whole decode would) or ``"cp1252"`` (bad bytes replaced).
    """
    size = len(data)
    start = 0
    first = True
    while start < size:
        cut = data.find(b"\n", start + CHUNK)
        end = size if cut < 0 else cut + 1
        chunk = data[start:end] if (start or end < size) else data
        if encoding == "cp1252":
            text = chunk.decode("cp1252", errors="replace")
        else:
            text = chunk.decode("utf-8-sig" if first else "utf-8")
        del chunk
        first = False
        start = end
        yield from text.splitlines()


def logical_lines(physical) -> Iterator[tuple[int, list[str]]]:
    """(number of its first line, physical lines) of each logical line (blank lines
    skipped, never ending one); :func:`.ics_text.repaired` groups with it too."""
    number = 0
    current: Optional[list[str]] = None
    first = 0
    for raw in physical:
        number += 1
        if current is not None and raw[:1] in (" ", "\t"):
            current.append(raw)
        elif raw and not raw.isspace():
            if current is not None:
                yield first, current
            first, current = number, [raw]
    if current is not None:
        yield first, current


def unfold(parts: list[str]) -> str:
    """One logical line's text, as icalendar unfolds it (each continuation loses its first character)."""
    if len(parts) == 1:
        return parts[0]
    return parts[0] + "".join(part[1:] for part in parts[1:])


def split_simple(text: str) -> Optional[tuple[str, str, str]]:
    """(NAME upper-cased, parameter text, raw value) of a simple content line, else None."""
    match = _SIMPLE_HEAD.match(text)
    if match is None:
        return None
    return match.group(1).upper(), match.group(2), text[match.end():]


def simple_params(params_text: str) -> list[tuple[str, str]]:
    """(KEY upper-cased, value) of each parameter of a simple line, in order (a key
    given twice keeps its first place and its last value, as in icalendar)."""
    return [(key.upper(), value) for key, value in _PARAM.findall(params_text)]


def structure_name(value: str) -> Optional[str]:
    """The component name a simple ``BEGIN:``/``END:`` line gives, when written plainly."""
    return value.upper() if _STRUCTURE_NAME.match(value) else None
