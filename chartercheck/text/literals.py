"""Strings a gate needs: a gate whose strings are missing from a text is not run.

:func:`required_literals` reads a gate (a regular expression over folded
text) into clauses, each a tuple of plain strings of which every match
contains one at least.  :func:`clause_masks` turns them into bit masks over
every string any gate needs, and :func:`literal_mask` finds a text's strings
once, in one Aho-Corasick pass, for all gates of all lexicons: a gate is
then only run when each of its clauses has a bit in the text's mask.  Like
every gate, a clause may keep a text that cannot match, never drop one that
can: results are unchanged.
"""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from .gates import _atoms, _optional, _syntax

_INLINE_FLAGS_RE = re.compile(r"\(\?[aiLmsux-]+[:)]")
_SPECIAL = set("\\^$.|?*+()[]{}")


def _literal_char(atom: str) -> str | None:
    """The character a single-character atom stands for, or ``None`` (class, group, \\d...)."""
    if len(atom) == 1 and atom not in _SPECIAL:
        return atom
    if len(atom) == 2 and atom[0] == "\\" and not atom[1].isalnum():
        return atom[1]
    return None


def _branches(body: str) -> list[str]:
    """Top-level ``|``-separated branches of a group body (nested groups and classes kept whole)."""
    out, depth, last = [], 0, 0
    for i, c in _syntax(body):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(body[last:i])
            last = i + 1
    out.append(body[last:])
    return out


def _group_body(atom: str) -> str | None:
    """Body of a consuming group (``(…)``, ``(?:…)``, ``(?P<name>…)``); ``None`` otherwise."""
    if atom.startswith("(?:"):
        return atom[3:-1]
    if atom.startswith("(?P<"):
        return atom[atom.index(">") + 1 : -1]
    if atom.startswith("(") and not atom.startswith("(?"):
        return atom[1:-1]
    return None  # lookaround, atomic group, flags: no requirement taken from it


def _class_chars(atom: str) -> tuple[str, ...] | None:
    """The characters of a plain class such as ``[$£€]`` (no range, escape or negation)."""
    inner = atom[1:-1]
    if not atom.startswith("[") or not inner or any(c in "\\^-[]" for c in inner):
        return None
    return tuple(sorted(set(inner)))


def _choice(clauses: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The most selective clause of a branch: fewest alternatives, then longest strings."""
    if not clauses:
        return None
    return min(clauses, key=lambda c: (len(c), -min(map(len, c)), c))


def required_literals(gate: str) -> tuple[tuple[str, ...], ...]:
    """What every match of ``gate`` contains, as clauses: each clause is a tuple
    of strings of which at least one is in any text the gate matches.

    Runs of top-level literal characters that are not optional (``("% off",)``
    in ``\\d\\d{0,1}\\s?% off\\b``, ``("jusqu",)`` in ``jusqu'? ?a``), a plain
    class (``("$", "£", "€")``) and a mandatory group whose every branch needs
    a string (``("avant le", "jusqu'au", …)``).  An inline flag (``(?i)``)
    could change what a literal matches: no clause then.
    """
    atoms = _atoms(gate)
    if not atoms or _INLINE_FLAGS_RE.search(gate):
        return ()
    clauses: list[tuple[str, ...]] = []
    run = ""
    for atom, quantifier in atoms:
        ch = _literal_char(atom)
        if ch is not None and not quantifier:
            run += ch
            continue
        mandatory = not _optional(quantifier)
        if ch is not None and mandatory:
            run += ch  # "a+": one "a" at least, then the run ends
        if run:
            clauses.append((run,))
        run = ""
        if ch is not None or not mandatory:
            continue
        body = _group_body(atom) if atom.startswith("(") else None
        if body is not None:
            picks = [_choice(list(required_literals(branch))) for branch in _branches(body)]
            if all(picks):
                clauses.append(tuple(sorted({s for pick in picks for s in pick})))
        elif atom.startswith("["):
            chars = _class_chars(atom)
            if chars:
                clauses.append(chars)
    if run:
        clauses.append((run,))
    return tuple(sorted(set(clauses), key=lambda c: (len(c), -min(map(len, c)), c)))


# Every string some clause names → its bit, so that a text's strings are looked up once for
# all gates; and the automaton that finds them (built again, when a text next asks, after a
# gate registers new strings).
_LITERAL_BITS: dict[str, int] = {}
_AUTOMATON: list = [None]


def clause_masks(clauses: tuple[tuple[str, ...], ...]) -> tuple[int, ...]:
    """``clauses`` as bit masks over registered strings (see :func:`literal_mask`)."""
    masks = []
    for clause in clauses:
        mask = 0
        for string in clause:
            if string not in _LITERAL_BITS:
                _LITERAL_BITS[string] = 1 << len(_LITERAL_BITS)
                _AUTOMATON[0] = None
                literal_mask.cache_clear()  # why: a cached mask would lack the new string
            mask |= _LITERAL_BITS[string]
        masks.append(mask)
    return tuple(masks)


def _automaton():
    """An Aho-Corasick automaton of every registered string, its bit as its value."""
    automaton = _AUTOMATON[0]
    if automaton is None:
        automaton = ahocorasick.Automaton()
        for string, bit in _LITERAL_BITS.items():
            automaton.add_word(string, bit)
        automaton.make_automaton()
        _AUTOMATON[0] = automaton
    return automaton


@lru_cache(maxsize=2048)  # as many texts as gates.start_runs keeps, for the same reason
def literal_mask(text: str) -> int:
    """Bits of the registered strings found in folded ``text``: every occurrence of every
    string in one automaton pass (why: an ``in`` test per string cost three times as much)."""
    if not _LITERAL_BITS:
        return 0
    mask = 0
    for _, bit in _automaton().iter(text):
        mask |= bit
    return mask
