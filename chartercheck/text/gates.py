"""Cheap necessary conditions ("gates") that let a matcher skip a text.

A gate may say "maybe" when the answer is no, never "no" when it is yes:
whatever it rules out could not have matched, so results are unchanged.

* :func:`gate_of` — for a lexicon pattern, a tail of it that every match
  contains, starting where the regex engine can scan fast.  A pattern that
  opens with ``\b``, a lookbehind or an optional part is tried at every
  position of every text; its gate starts with a literal or a narrow class
  (``code…`` for ``\b(?:use )?code…``), which the engine finds in C.
* :func:`start_plan` — which terms of which tries may match, for all of them at once:
  each trie registers the word runs of its terms (:func:`register_starts`) and gets
  one bit; a text's plan, computed in one pass over its words (:func:`start_runs`, the
  runs present) and one over the terms those runs anchor, maps the bit of every trie
  one of whose terms has all its runs at word starts of the text to those terms.
* what a gate needs in a text to be worth running is in :mod:`.literals`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

#: Term prefixes compared with word starts are cut to this many characters.
PREFIX_LENGTH = 5
# What start_runs() reads: word starts as the term trie sees them (letters/digits not
# glued to a word char, a "#" or an "@": the trie's left boundary, with re's \w), plus
# hashtags and mentions with their sign ("#ad", "@marque"), which a term opening with
# the sign needs.
_START_TOKEN_RE = re.compile(r"(?<![\w#@])[^\W_]+|[#@][^\W_]+")
# Repeats of these classes match almost anywhere: no use as a gate's first atom.
_BROAD = ("\\w", "\\S", "\\W", "\\s", ".")


def _syntax(pattern: str, start: int = 0):
    """``(index, character)`` of each character of ``pattern`` from ``start`` that is
    regex syntax or a plain literal: escapes (backslash and the next character) and
    whole character classes are skipped, ``[^]…]`` and ``[]…]`` included."""
    i, in_class = start, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "^":
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # "[]...]": a literal "]" first
                i += 1
        else:
            yield i, c
        i += 1


def _closing_paren(pattern: str, start: int) -> int:
    """Index just past the group opened at ``pattern[start]`` (escapes and classes skipped)."""
    depth = 0
    for i, c in _syntax(pattern, start):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _atom_end(pattern: str, i: int) -> int:
    """Index just past the atom at ``pattern[i]`` (character, escape, class or group); -1 if unsure."""
    c = pattern[i]
    if c in "^$*+?{}|)":
        return -1
    if c == "\\":
        return i + 2 if pattern[i + 1 : i + 2].isalpha() or not pattern[i + 1 : i + 2].isdigit() else -1
    if c == "[":
        j = i + 1 + (pattern[i + 1 : i + 2] == "^")
        j += pattern[j : j + 1] == "]"
        while j < len(pattern) and pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        return j + 1 if j < len(pattern) else -1
    if c == "(":
        return _closing_paren(pattern, i)
    return i + 1


def _quantifier_end(pattern: str, i: int) -> int:
    """Index just past the quantifier at ``pattern[i]`` (possessive/lazy suffix included), or ``i``."""
    if pattern[i : i + 1] in ("?", "*", "+"):
        i += 1
    elif pattern[i : i + 1] == "{":
        close = pattern.find("}", i)
        if close < 0 or not re.fullmatch(r"\{\d*(,\d*)?\}", pattern[i : close + 1]):
            return i
        i = close + 1
    else:
        return i
    return i + 1 if pattern[i : i + 1] in ("?", "+") else i


def _atoms(pattern: str) -> list[tuple[str, str]] | None:
    """Top-level ``(atom, quantifier)`` pairs, or ``None`` for what this reader does not follow.

    ``None`` on a top-level alternation (a tail of one branch is not a tail of
    the pattern) and on back-references (a tail may lose the group they name).
    """
    if re.search(r"\\[1-9]|\(\?P=", pattern):
        return None
    atoms, i = [], 0
    while i < len(pattern):
        end = _atom_end(pattern, i)
        if end <= i:
            return None
        q_end = _quantifier_end(pattern, end)
        atoms.append((pattern[i:end], pattern[end:q_end]))
        i = q_end
    return atoms


def _zero_width(atom: str) -> bool:
    return atom in ("\\b", "\\B") or atom.startswith(("(?<!", "(?<=", "(?!", "(?="))


def _optional(quantifier: str) -> bool:
    return quantifier[:1] in ("?", "*") or quantifier.startswith(("{0", "{,"))


def gate_of(pattern: str) -> str | None:
    """A tail of ``pattern`` every match contains, starting with a fast-scanning atom; or ``None``.

    Leading zero-width assertions, optional atoms and repeats of broad classes
    (``[\\w-]+``) are dropped until a literal, a narrow class or a mandatory
    group leads.  Dropping a head keeps a necessary condition: where the
    pattern matches, its tail matches a little further on.  ``None`` when no
    such tail exists (the pattern is then always tried).
    """
    atoms = _atoms(pattern)
    if not atoms:
        return None
    for k, (atom, quantifier) in enumerate(atoms):
        broad_repeat = quantifier[:1] in ("+", "*") and any(b in atom for b in _BROAD)
        if _zero_width(atom) or _optional(quantifier) or broad_repeat:
            continue
        head = _unrolled(atom, quantifier)
        if k == 0 and head is None:
            return None  # already starts well: its own regex is its gate
        return (head or atom + quantifier) + "".join(a + q for a, q in atoms[k + 1 :])
    return None


def _unrolled(atom: str, quantifier: str) -> str | None:
    """``\\d{1,3}`` as ``\\d\\d{0,2}``, ``\\d+`` as ``\\d\\d*``: one plain copy first.

    Same matches; but the engine only scans for a pattern's first character
    when that character stands alone, not inside a repeat.  ``None`` when the
    atom is not a repeated single character or class.
    """
    if atom.startswith("(") or not quantifier:
        return None
    lazy_or_possessive = quantifier[-1] if len(quantifier) > 1 and quantifier[-1] in "?+" else ""
    core = quantifier[: len(quantifier) - len(lazy_or_possessive)]
    if core == "+":
        rest = "*"
    else:
        bounds = re.fullmatch(r"\{(\d+)(?:(,)(\d*))?\}", core)
        if not bounds or int(bounds.group(1)) < 1:
            return None
        low = int(bounds.group(1)) - 1
        if bounds.group(2) is None:
            rest = f"{{{low}}}"
        elif bounds.group(3):
            rest = f"{{{low},{int(bounds.group(3)) - 1}}}"
        else:
            rest = f"{{{low},}}"
    return atom + atom + rest + lazy_or_possessive


# First PREFIX_LENGTH characters of a term's word run → the registered runs that begin so.
_RUNS: dict[str, set[str]] = {}
# A term's longest run → (its other runs, bit of its trie, its index in that trie), for every registered term.
_ANCHORED: dict[str, set[tuple[frozenset[str], int, int]]] = {}
_ANCHORS: list[frozenset[str]] = [frozenset()]  # the keys of _ANCHORED, as one set
_next_bit = [1]


def register_starts(starts: Iterable[tuple[str, frozenset[str], int]]) -> int:
    """A new bit for one trie; ``starts`` holds, per term, ``(longest run, other runs, index)``:
    the runs of letters/digits the text must have at word starts for the term
    to match there, and the term's index in the trie.  Plans computed so far are dropped.
    """
    bit = _next_bit[0]
    _next_bit[0] <<= 1
    for anchor, others, index in starts:
        for run in (anchor, *others):
            _RUNS.setdefault(run[:PREFIX_LENGTH], set()).add(run)
        _ANCHORED.setdefault(anchor, set()).add((others, bit, index))
    _ANCHORS[0] = frozenset(_ANCHORED)
    # Why: a plan cached before this trie existed would lack its terms.
    word_runs.cache_clear()
    start_runs.cache_clear()
    start_plan.cache_clear()
    return bit


@lru_cache(maxsize=16384)
def word_runs(word: str) -> frozenset[str]:
    """The registered term runs that ``word`` begins with."""
    found = set()
    for n in range(1, min(len(word), PREFIX_LENGTH) + 1):
        for run in _RUNS.get(word[:n], ()):
            if word.startswith(run):
                found.add(run)
    return frozenset(found)


# Per-text results are kept for 2,048 texts (why: the lint reads the lazy facts of a block
# of 1,000 posts after analysing the whole block, and those find their text's runs still here).
@lru_cache(maxsize=2048)
def start_runs(text: str) -> frozenset[str]:
    """The registered term runs found at word starts of folded ``text`` (one pass over its words):
    a term may only match where every run of it is among them."""
    return frozenset().union(*map(word_runs, _START_TOKEN_RE.findall(text)))


@lru_cache(maxsize=2048)
def start_plan(text: str) -> dict[int, tuple[int, ...]]:
    """For every trie one of whose terms may match folded ``text``, its bit → the sorted indexes
    of those terms (each has every run at a word start of the text): all tries in one pass
    over the text's runs, so that a matcher then only looks its bit up."""
    present = start_runs(text)
    plan: dict[int, list[int]] = {}
    for anchor in present & _ANCHORS[0]:  # most runs of a text anchor no term: a C intersection drops them
        for others, bit, index in _ANCHORED[anchor]:
            if others <= present:
                plan.setdefault(bit, []).append(index)
    return {bit: tuple(sorted(indexes)) for bit, indexes in plan.items()}
