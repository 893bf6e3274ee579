"""Terms of a lexicon, spelled as regular expressions and merged into one trie.

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
"""
from __future__ import annotations

import re
from typing import Iterable

import regex

from .normalize import fold

#: A term's left boundary: not glued to a word, a hashtag or a mention.
LEFT = "(?<![\\w#@])"
RIGHT = "(?!\\w)"
_PLURAL = "(?:e?s|x)?"
_RUN_RE = re.compile(r"[^\W_]+")  # letters and digits (str.isalnum), as the trie spells them


def spelling(term: str) -> str:
    """What the trie spells for ``term``: folded, spaces collapsed ("" for a blank term).
    Terms of one spelling make the same trie branch."""
    return " ".join(fold(term).split())


def spelling_tokens(t: str) -> tuple[str, ...]:
    """Regex snippets for a term's :func:`spelling` ``t`` (one per character, plus boundaries
    and plural endings); a distinct spelling gives distinct snippets."""
    if not t:
        return ()
    toks: list[str] = [LEFT] if (t[0].isalnum() or t[0] == "_") else []
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
        toks.append(RIGHT)
    return tuple(toks)


def spelling_runs(t: str) -> tuple[str, frozenset[str]] | None:
    """The runs of letters/digits a term's spelling ``t`` needs at word starts of a text:
    ``(longest, the others)``, or ``None`` when it has none.

    The trie spells a term's letters and digits literally, and a run of them
    that opens the term (after the left boundary) or follows a space or an
    apostrophe starts a word of the text; a term opening with "#" or "@"
    needs that sign and its first run together ("#ad" → "#ad").  So a term
    can only match where the text has a word starting with each such run
    ("lien en bio" → "lien", "en", "bio"; "% off" → "off").
    """
    runs = [m.group() for m in _RUN_RE.finditer(t) if m.start() == 0 or t[m.start() - 1] in " '"]
    signed = _RUN_RE.match(t, 1) if t[0] in "#@" else None
    if signed:
        # A term opening with a sign has no left boundary: its sign and first
        # run must appear as written, as a hashtag or a mention of the text does.
        runs.append(t[0] + signed.group())
    if not runs:
        return None
    best = max(runs, key=len)  # the first of the longest
    return best, frozenset(runs) - {best}


def trie_regex(sequences: Iterable[tuple[str, ...]]) -> str:
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
        keys = sorted((k for k in node if k), key=lambda k: (k == RIGHT, k))
        alts = [tok + emit(node[tok]) for tok in keys]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    # The left boundary moves behind each term's first character: "(?<![\w#@])(?:a…|b…)"
    # becomes "(?:a(?<![\w#@]a)…|b(?<![\w#@]b)…)", which holds at the same places (the
    # character before the "a" is tested either way).  Why: an alternation opening with
    # a look-behind is tried at every position of a text, one opening with characters
    # lets the engine skip in C to where its first characters are.
    left = root.pop(LEFT, None)
    if left is not None:
        for first, node in left.items():  # a term's first character, alone (escaping leaves it so)
            root[first + "(?<![\\w#@]" + first + ")"] = node
    return emit(root)
