"""Compiled phrase matching over folded text.

A :class:`PhraseMatcher` compiles a list of terms (plain phrases) and patterns
(raw regular expressions) into a single regular expression, once, on first use.  Terms are
folded and merged into a token trie, so a lexicon of hundreds of phrases costs
one regex scan per text, not one scan per term.

Terms are spelled and merged into a trie by :mod:`.trie` (case- and accent-
insensitive, word-bounded, free elisions, simple plurals, flexible separators).

Patterns are regular expressions written against folded text (lower case, no
accents, ``'`` for every apostrophe, plain spaces).  A pattern may define a
named group ``cap`` (e.g. the token of a promo code); its surface is reported.

Speed: most lexicons find nothing in most texts, so before scanning,
:meth:`PhraseMatcher.find` asks cheap *gates* (see :mod:`.gates`) which parts
could match at all: a term only if every word of it starts a word of the
text, each pattern only if its gate (the pattern without its leading ``\b``
or lookbehind) matches.  It then runs the alternation of what remains (the
patterns, then the trie of the terms that remain), or nothing: the same hits,
in a fraction of the time.

The word-start test is done for all tries and all their terms in one pass per
text (:func:`.gates.start_plan`: per trie bit, the terms every word of which
starts a word of the text), so a matcher only looks its bit up.  A gate is
only run when the strings it needs (:func:`.literals.required_literals`,
looked up once per text for all gates by :func:`.literals.literal_mask`) are
in the text.  Each lexicon still scans on its own (a surface may count in
two lexicons), but deciding that most have nothing to scan costs a look-up.

Start-up: nothing is compiled before a text needs it.  A gate is compiled the
first time its strings are in a text, and the trie of a few terms compiles
in a fraction of the time of a whole lexicon's, so a short calendar only
pays for what its texts wake.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import re

import regex

from .gates import gate_of, register_starts, start_plan
from .literals import clause_masks, literal_mask, required_literals
from .normalize import Folded, folded
from .trie import spelling, spelling_runs, spelling_tokens, trie_regex

_MAX_CANDIDATE_SETS = 4096
# Tries of some terms compiled per matcher before later texts get the whole trie (why: a
# small trie compiles in a fraction of the whole one's time, which pays for a short
# calendar, but a long one may wake thousands of combinations of terms).
_MAX_PARTIAL_TRIES = 16
# Every term of a matcher, as a variant key (why: a tuple of hundreds of indexes would be
# hashed again at every look-up).
_EVERY_TERM = None


@dataclass(frozen=True)
class Match:
    """One hit: original-text span, the text as written, and the ``cap`` group if any."""

    start: int
    end: int
    surface: str
    captured: str | None = None


def _compile(pattern: str, engine=None):
    """Compile with ``re`` when it can (3-10x faster than ``regex`` on large
    literal alternations), else with ``regex`` (duplicate ``cap`` group names
    across patterns, Unicode property classes).  ``engine`` forces one of the
    two modules (why: a gate must match exactly the characters its pattern
    does, so it is compiled by the same engine)."""
    if engine is regex:
        return regex.compile(pattern, regex.V0)
    try:
        return re.compile(pattern)
    except re.error:
        if engine is re:
            raise
        return regex.compile(pattern, regex.V0)


# A gate not compiled yet (``None`` is a gate that does not compile).
_UNCOMPILED = object()


class PhraseMatcher:
    """A lexicon compiled once; :meth:`find` returns hits in text order."""

    __slots__ = ("_any", "size", "_patterns", "_spellings", "_engine", "_gate_needs", "_gate_sources", "_term_runs",
                 "_gate_regexes", "_trie_bit", "_anchors", "_variants", "_candidates", "_partial_tries")

    def __init__(self, terms: Iterable[str] = (), patterns: Iterable[str] = ()):
        # One trie branch per distinct spelling, in a fixed order: a text's live terms
        # are then a tuple of indexes, the key of the alternation compiled for them.
        self._spellings = tuple(sorted({spelling(t) for t in terms} - {""}))
        # Patterns come first so that one capturing a token ("code HIVER40")
        # wins over a plain term that is its prefix ("code promo").
        raw = sorted(set(patterns))
        self._patterns = tuple("(?:" + p + ")" for p in raw)
        self.size = len(self._spellings) + len(self._patterns)  # terms + patterns
        self._any = self.size > 0
        # The trie is plain escapes and classes that ``re`` always accepts, so the
        # patterns alone decide the engine.  Alternations are compiled on first use,
        # and only with the terms a text may hold (why: compiling every lexicon's
        # whole trie was most of a one-week run's start-up).
        needs_regex = self._patterns and isinstance(_compile("|".join(self._patterns)), regex.Pattern)
        self._engine = regex if needs_regex else re
        gates = [self._gate(p) for p in raw]
        self._gate_needs = tuple(needs for needs, _ in gates)
        self._gate_sources = tuple(source for _, source in gates)
        self._gate_regexes = [_UNCOMPILED] * len(gates)  # compiled when a text first needs one
        # Longest run → ((other runs, spelling index), …); None: every term is always tried.
        self._anchors = self._anchor_table() if self._engine is re and self._spellings else None
        # Without that table (a matcher compiled by ``regex``): the longest run of every
        # term, one of which a text must hold for the trie to match (None: a term has none).
        self._term_runs = self._longest_runs() if self._anchors is None and self._spellings else None
        # 0: the trie is always tried (no word-start test possible, or no trie).
        self._trie_bit = 0
        if self._anchors is not None:
            self._trie_bit = register_starts(
                (anchor, others, index) for anchor, entries in self._anchors.items() for others, index in entries
            )
        # Strings present in a text (a literal_mask) → indexes of the gates worth running.
        self._candidates: dict[int, tuple[int, ...]] = {}
        # Alternations of what is still possible in a text:
        # (pattern indexes, spelling indexes or _EVERY_TERM) → compiled.
        self._variants: dict[tuple[tuple[int, ...], tuple[int, ...] | None], object] = {}
        self._partial_tries = 0  # variants compiled with some terms only (see _MAX_PARTIAL_TRIES)

    def _anchor_table(self) -> dict[str, tuple[tuple[frozenset[str], int], ...]] | None:
        """Per longest run, the terms it anchors: ``(their other runs, spelling index)``;
        ``None`` when a term has no run (word starts are defined with re's ``\\w``: only
        asked for a matcher compiled by ``re``)."""
        table: dict[str, list[tuple[frozenset[str], int]]] = {}
        for index, spelled in enumerate(self._spellings):
            runs = spelling_runs(spelled)
            if runs is None:
                return None
            anchor, others = runs
            table.setdefault(anchor, []).append((others, index))
        return {anchor: tuple(entries) for anchor, entries in table.items()}

    def _longest_runs(self) -> frozenset[str] | None:
        """The longest run of letters/digits of each term (see :func:`spelling_runs`), or
        ``None`` when a term has none.  The trie spells a run's characters one after the
        other, so a text where none of these strings appears holds no term, whatever
        the engine calls a word character."""
        runs = [spelling_runs(spelled) for spelled in self._spellings]
        if any(r is None for r in runs):
            return None
        return frozenset(longest for longest, _ in runs)

    @staticmethod
    def _gate(pattern: str):
        """``(clause masks, gate source)`` of ``pattern``: the gate is the pattern itself
        when it scans well; the masks say which strings it needs (see
        :func:`.literals.required_literals`: they are read from atoms of the pattern
        itself, so they hold whether or not the gate compiles)."""
        gate = gate_of(pattern) or pattern
        return clause_masks(required_literals(gate)), gate

    def _gate_regex(self, index: int):
        """Gate ``index`` compiled, by the matcher's engine (a gate must match exactly the
        characters its pattern does); ``None`` when it does not compile."""
        compiled = self._gate_regexes[index]
        if compiled is _UNCOMPILED:
            try:
                compiled = _compile(self._gate_sources[index], self._engine)
            except (re.error, regex.error):  # a gate is only an optimisation
                compiled = None
            self._gate_regexes[index] = compiled
        return compiled

    def full_regex(self):
        """The whole alternation, every pattern and every term, ungated (``None`` when empty):
        what :meth:`find` must agree with."""
        return self._variant(tuple(range(len(self._patterns))), _EVERY_TERM if self._spellings else ())

    def _variant(self, live: tuple[int, ...], terms: tuple[int, ...] | None):
        """The alternation of patterns ``live`` and of the trie of spellings ``terms``
        (``_EVERY_TERM``: all of them), compiled once.  The trie of some terms tries its
        branches in the order the whole trie does, so where the other terms cannot match,
        it finds what the whole trie finds."""
        key = (live, terms)
        compiled = self._variants.get(key, False)
        if compiled is False:
            parts = [self._patterns[i] for i in live]
            if terms is _EVERY_TERM:
                parts.append(trie_regex(map(spelling_tokens, self._spellings)))
            elif terms:
                self._partial_tries += 1
                parts.append(trie_regex(spelling_tokens(self._spellings[i]) for i in terms))
            compiled = _compile("|".join(parts), self._engine) if parts else None
            self._variants[key] = compiled
        return compiled

    def _candidates_for(self, present: int) -> tuple[int, ...]:
        """Indexes of the gates whose required strings are all among ``present``; remembered
        (why: texts share few combinations of those strings, and this loop is the slow part)."""
        if len(self._candidates) >= _MAX_CANDIDATE_SETS:  # a bound, for odd corpora
            self._candidates.clear()
        candidates = tuple(
            i for i, needs in enumerate(self._gate_needs) if all(need & present for need in needs)
        )
        self._candidates[present] = candidates
        return candidates

    def _live_patterns(self, text: str, candidates: tuple[int, ...]) -> tuple[int, ...]:
        """Indexes of the patterns among ``candidates`` whose gate matches ``text``."""
        live = []
        for i in candidates:
            gate = self._gate_regex(i)
            if gate is None or gate.search(text):
                live.append(i)
        return tuple(live)

    def _every_term_or_none(self, text: str) -> tuple[int, ...] | None:
        """For a matcher without a word-start table (compiled by ``regex``, or a term without
        letters or digits): no term when the text holds none of their longest runs, else
        ``_EVERY_TERM``."""
        runs = self._term_runs
        if runs is not None and not any(run in text for run in runs):
            return ()
        return _EVERY_TERM

    def _regex_for(self, text: str):
        """The alternation of the patterns whose gate matches ``text``, plus the terms that may
        (``None`` when nothing may).  Kept to bit and dict look-ups into the text's cached
        :func:`.literals.literal_mask` and :func:`.gates.start_plan` (why: most lexicons
        find nothing in most texts, and a run asks some thirty of them about each text)."""
        live = ()
        if self._gate_needs:
            present = literal_mask(text)
            candidates = self._candidates.get(present)
            if candidates is None:
                candidates = self._candidates_for(present)
            if candidates:
                live = self._live_patterns(text, candidates)
        if self._trie_bit:
            # Terms whose every word starts a word of the text.
            terms = start_plan(text).get(self._trie_bit, ())
            if terms and (self._partial_tries >= _MAX_PARTIAL_TRIES or len(terms) == len(self._spellings)):
                terms = _EVERY_TERM  # enough small tries compiled, or every term is live
        else:
            terms = self._every_term_or_none(text) if self._spellings else ()
        if not live and terms == ():  # the usual case: this lexicon has nothing to look for here
            return None
        return self._variant(live, terms)

    def find(self, text: str | Folded) -> tuple[Match, ...]:
        """Non-overlapping hits (leftmost, longest-by-trie) with original surfaces."""
        if not self._any:
            return ()
        f = text if isinstance(text, Folded) else folded(text)
        compiled = self._regex_for(f.text)
        if compiled is None:
            return ()
        capturing = "cap" in compiled.groupindex
        out = []
        for m in compiled.finditer(f.text):
            if m.end() == m.start():
                continue
            cap = None
            if capturing and m.group("cap") is not None:
                cap = f.surface(m.start("cap"), m.end("cap"))
            s, e = f.span(m.start(), m.end())
            out.append(Match(s, e, f.original[s:e], cap))
        return tuple(out)

    def surfaces(self, text: str | Folded) -> tuple[str, ...]:
        """Just the matched strings, as written, in text order."""
        return tuple(m.surface for m in self.find(text))

    def search(self, text: str | Folded) -> bool:
        """True when anything matches."""
        if not self._any:
            return False
        f = text if isinstance(text, Folded) else folded(text)
        compiled = self._regex_for(f.text)
        return compiled is not None and compiled.search(f.text) is not None
