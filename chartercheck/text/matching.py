"""Compiled phrase matching over folded text.

A :class:`PhraseMatcher` compiles a list of terms (plain phrases) and patterns
(raw regular expressions) ONCE into a single regular expression.  Terms are
folded and merged into a token trie, so a lexicon of hundreds of phrases costs
one regex scan per text, not one scan per term.

Term semantics, all evaluated on :func:`normalize.folded` text:

* case- and accent-insensitive: ``offre`` matches ``OFFRE`` and ``Offré``;
* word-bounded at ends that are word characters: ``pro`` does not match
  ``proposer``; ``#pub`` does not match ``#publicite``;
* French elisions are free: ``offre`` matches inside ``l'offre`` / ``l’offre``
  because the apostrophe is not a word character;
* simple plurals: every word of three letters or more that does not end in
  ``s``/``x``/``z`` also matches with ``s``, ``es`` or ``x`` appended;
* inside a phrase a space matches any run of spaces, commas or hyphens, a hyphen is
  optional (``e-shop`` = ``eshop`` = ``e shop``), an apostrophe may be followed
  by a space.

Patterns are regular expressions written against folded text (lower case, no
accents, ``'`` for every apostrophe, plain spaces).  A pattern may define a
named group ``cap`` (e.g. the token of a promo code); its surface is reported.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import re

import regex

from .normalize import Folded, fold, folded

_LEFT = "(?<![\\w#@])"  # not glued to a word, a hashtag or a mention
_RIGHT = "(?!\\w)"
_PLURAL = "(?:e?s|x)?"


@dataclass(frozen=True)
class Match:
    """One hit: original-text span, the text as written, and the ``cap`` group if any."""

    start: int
    end: int
    surface: str
    captured: str | None = None


def _term_tokens(term: str) -> tuple[str, ...]:
    """Regex snippets for one folded term, boundaries included (trie alphabet)."""
    t = " ".join(fold(term).split())
    if not t:
        return ()
    toks: list[str] = [_LEFT] if (t[0].isalnum() or t[0] == "_") else []
    n = len(t)
    for i, ch in enumerate(t):
        if ch == " ":
            toks.append("[ ,-]+")  # "buy one, get one" = "buy one get one"
        elif ch == "-":
            toks.append("[ -]?")
        elif ch == "'":
            toks.append("' ?")
        else:
            toks.append(regex.escape(ch))
        end_of_word = ch.isalpha() and (i + 1 == n or not t[i + 1].isalnum())
        if end_of_word:
            j = i
            while j > 0 and t[j - 1].isalpha():
                j -= 1
            if i - j + 1 >= 3 and ch not in "sxz":
                toks.append(_PLURAL)
    if t[-1].isalnum():
        toks.append(_RIGHT)
    return tuple(toks)


def _trie_regex(sequences: Iterable[tuple[str, ...]]) -> str:
    """Merge token sequences into one alternation sharing common prefixes."""
    root: dict = {}
    for seq in sequences:
        node = root
        for tok in seq:
            node = node.setdefault(tok, {})
        node[""] = {}  # end marker

    def emit(node: dict) -> str:
        ends = "" in node
        # The right boundary sorts last so that a longer phrase sharing the
        # prefix ("offre" / "offre spéciale") is tried first: longest wins.
        keys = sorted((k for k in node if k), key=lambda k: (k == _RIGHT, k))
        alts = [tok + emit(node[tok]) for tok in keys]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return emit(root)


def _compile(pattern: str):
    """Compile with ``re`` when it can (3-10x faster than ``regex`` on large
    literal alternations), else with ``regex`` (duplicate ``cap`` group names
    across patterns, Unicode property classes)."""
    try:
        return re.compile(pattern)
    except re.error:
        return regex.compile(pattern, regex.V0)


class PhraseMatcher:
    """A lexicon compiled once; :meth:`find` returns hits in text order."""

    __slots__ = ("_re", "size")

    def __init__(self, terms: Iterable[str] = (), patterns: Iterable[str] = ()):
        seqs = {s for s in (_term_tokens(t) for t in terms) if s}
        # Patterns come first so that one capturing a token ("code HIVER40")
        # wins over a plain term that is its prefix ("code promo").
        parts = ["(?:" + p + ")" for p in sorted(set(patterns))]
        if seqs:
            parts.append(_trie_regex(seqs))
        self.size = len(seqs) + len(parts) - (1 if seqs else 0)  # terms + patterns
        self._re = _compile("|".join(parts)) if parts else None

    def find(self, text: str | Folded) -> tuple[Match, ...]:
        """Non-overlapping hits (leftmost, longest-by-trie) with original surfaces."""
        if self._re is None:
            return ()
        f = text if isinstance(text, Folded) else folded(text)
        out = []
        for m in self._re.finditer(f.text):
            if m.end() == m.start():
                continue
            cap = None
            if "cap" in self._re.groupindex and m.group("cap") is not None:
                cap = f.surface(m.start("cap"), m.end("cap"))
            s, e = f.span(m.start(), m.end())
            out.append(Match(s, e, f.original[s:e], cap))
        return tuple(out)

    def surfaces(self, text: str | Folded) -> tuple[str, ...]:
        """Just the matched strings, as written, in text order."""
        return tuple(m.surface for m in self.find(text))

    def search(self, text: str | Folded) -> bool:
        """True when anything matches."""
        if self._re is None:
            return False
        f = text if isinstance(text, Folded) else folded(text)
        return self._re.search(f.text) is not None
