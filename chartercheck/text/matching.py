"""Compiled phrase matching over folded text.

A :class:`PhraseMatcher` compiles a list of terms (plain phrases) and patterns
(raw regular expressions) into a single regular expression, once, on first use.  Terms are
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

Speed: most lexicons find nothing in most texts, so before scanning,
:meth:`PhraseMatcher.find` asks cheap *gates* (see :mod:`.gates`) which parts
could match at all: the term trie only if a word of the text starts like the
first word of some term, each pattern only if its gate (the pattern without
its leading ``\b`` or lookbehind) matches.  It then runs the alternation of
what remains, or nothing: the same hits, in a fraction of the time.

The word-start test is done for all tries in one pass per text
(:func:`.gates.start_mask`, one bit per trie, a term waking its trie only
when every word of it starts a word of the text), and a gate is only run
when the strings it needs (:func:`.literals.required_literals`, looked up
once per text for all gates by :func:`.literals.literal_mask`) are in the
text.  Each lexicon still scans on its own (a surface may count in two
lexicons), but deciding that most have nothing to scan costs a bit test.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import re

import regex

from .gates import gate_of, register_starts, start_mask
from .literals import clause_masks, literal_mask, required_literals
from .normalize import Folded, fold, folded

_LEFT = "(?<![\\w#@])"  # not glued to a word, a hashtag or a mention
_RIGHT = "(?!\\w)"
_PLURAL = "(?:e?s|x)?"
_MAX_CANDIDATE_SETS = 4096
_RUN_RE = re.compile(r"[^\W_]+")  # letters and digits (str.isalnum), as the trie spells them


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


class PhraseMatcher:
    """A lexicon compiled once; :meth:`find` returns hits in text order."""

    __slots__ = ("_any", "size", "_patterns", "_trie", "_engine", "_gates", "_firsts", "_trie_bit", "_variants",
                 "_candidates")

    def __init__(self, terms: Iterable[str] = (), patterns: Iterable[str] = ()):
        terms = list(terms)  # read twice (trie, first runs): a generator would run dry
        seqs = {s for s in (_term_tokens(t) for t in terms) if s}
        # Patterns come first so that one capturing a token ("code HIVER40")
        # wins over a plain term that is its prefix ("code promo").
        raw = sorted(set(patterns))
        self._patterns = tuple("(?:" + p + ")" for p in raw)
        self._trie = _trie_regex(seqs) if seqs else None
        self.size = len(seqs) + len(self._patterns)  # terms + patterns
        self._any = self.size > 0
        # The trie is plain escapes and classes that ``re`` always accepts, so the
        # patterns alone decide the engine; the big alternations are compiled on
        # first use (why: compiling every lexicon up front was most of a one-week
        # run's start-up, and a lexicon no text can wake is never compiled).
        needs_regex = self._patterns and isinstance(_compile("|".join(self._patterns)), regex.Pattern)
        self._engine = regex if needs_regex else re
        self._gates = tuple(self._gate(p, self._engine) for p in raw)
        self._firsts = self._first_runs(terms, self._engine) if self._trie else None
        # 0: the trie is always tried (no word-start test possible, or no trie).
        self._trie_bit = register_starts(self._firsts) if self._firsts is not None else 0
        # Strings present in a text (a literal_mask) → indexes of the gates worth running.
        self._candidates: dict[int, tuple[int, ...]] = {}
        # Alternations of what is still possible in a text: (pattern indexes, trie?) → compiled.
        self._variants: dict[tuple[tuple[int, ...], bool], object] = {}

    @staticmethod
    def _first_runs(terms: list[str], engine) -> frozenset[tuple[str, frozenset[str]]] | None:
        """Per term, the runs that must start words of a text: ``(longest, the others)``;
        ``None`` when a term has none.

        The trie spells a term's letters and digits literally, and a run of
        them that opens the term (after the left boundary) or follows a space
        or an apostrophe starts a word of the text; a term opening with "#" or
        "@" needs that sign and its first run together ("#ad" → "#ad").  So a term can only match
        where the text has a word starting with each such run ("lien en bio"
        → "lien", "en", "bio"; "% off" → "off").
        """
        if engine is not re:  # word starts are defined with re's \w: keep to that engine
            return None
        starts = set()
        for term in terms:
            t = " ".join(fold(term).split())
            if not t:
                continue
            runs = [m.group() for m in _RUN_RE.finditer(t) if m.start() == 0 or t[m.start() - 1] in " '"]
            signed = _RUN_RE.match(t, 1) if t[0] in "#@" else None
            if signed:
                # A term opening with a sign has no left boundary: its sign and first
                # run must appear as written, as a hashtag or a mention of the text does.
                runs.append(t[0] + signed.group())
            if not runs:
                return None
            best = max(runs, key=len)  # the first of the longest
            starts.add((best, frozenset(runs) - {best}))
        return frozenset(starts)

    @staticmethod
    def _gate(pattern: str, engine):
        """``(clause masks, compiled gate)`` of ``pattern``: the gate is the pattern itself
        when it scans well, ``None`` when it does not compile; the masks say which
        strings it needs (see :func:`.literals.required_literals`)."""
        gate = gate_of(pattern) or pattern
        try:
            return clause_masks(required_literals(gate)), _compile(gate, engine)
        except (re.error, regex.error):  # a gate is only an optimisation
            return (), None

    def full_regex(self):
        """The whole alternation, every pattern and the trie, ungated (``None`` when empty):
        what :meth:`find` must agree with."""
        return self._variant(tuple(range(len(self._patterns))), self._trie is not None)

    def _variant(self, live: tuple[int, ...], trie: bool):
        key = (live, trie)
        compiled = self._variants.get(key, False)
        if compiled is False:
            parts = [self._patterns[i] for i in live] + ([self._trie] if trie else [])
            compiled = _compile("|".join(parts), self._engine) if parts else None
            self._variants[key] = compiled
        return compiled

    def _candidates_for(self, present: int) -> tuple[int, ...]:
        """Indexes of the gates whose required strings are all among ``present``; remembered
        (why: texts share few combinations of those strings, and this loop is the slow part)."""
        if len(self._candidates) >= _MAX_CANDIDATE_SETS:  # a bound, for odd corpora
            self._candidates.clear()
        candidates = tuple(
            i for i, (needs, _) in enumerate(self._gates) if all(need & present for need in needs)
        )
        self._candidates[present] = candidates
        return candidates

    def _regex_for(self, text: str):
        """The alternation of the patterns whose gate matches ``text``, plus the trie if it may."""
        bit = self._trie_bit
        trie = self._trie is not None and (not bit or bool(start_mask(text) & bit))
        if self._gates:
            present = literal_mask(text)
            candidates = self._candidates.get(present)
            if candidates is None:
                candidates = self._candidates_for(present)
            if candidates:
                gates = self._gates
                live = tuple([i for i in candidates if gates[i][1] is None or gates[i][1].search(text)])
            else:
                live = ()
        else:
            live = ()
        if not live and not trie:  # the usual case: this lexicon has nothing to look for here
            return None
        return self._variant(live, trie)

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
