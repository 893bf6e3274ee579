"""Normalisation primitives shared by every text fact.

Everything here is a pure function of its input string.  The central idea is
*folding*: matching is done on a lower-cased, accent-free copy of the text in
which typographic variants (curly apostrophes, non-breaking spaces, en dashes)
are unified, while a position map lets callers quote what was actually written.

Folding rules (``fold``):

* NFKD-decompose and drop combining marks: ``é → e``, ``ç → c``;
* ligatures and sharp s: ``œ → oe``, ``æ → ae``, ``ß → ss`` (via ``casefold``);
* apostrophes ``’ ‘ ʼ ` ´`` → ``'``; every Unicode space (NBSP, narrow NBSP used
  before ``%`` and ``€`` in French typography) → ``' '``; dashes → ``-``.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

# Characters unified before anything else (why: French keyboards/phones emit
# ’ and U+202F, and a lexicon written with ' and a plain space must still match).
_TRANSLATE = {ord(c): "'" for c in "’‘ʼ`´′"}
_TRANSLATE.update({ord(c): " " for c in "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003\t\r\n"})
_TRANSLATE.update({ord(c): "-" for c in "‐‑‒–—−"})
_TRANSLATE.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae"})

#: French elided particles (folded) split off a following word: l'offre → l' + offre.
ELISIONS = frozenset({"l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu"})

_TLDS = "com|fr|net|org|io|co|shop|store|eu|be|ch|ca|uk|de|es|it|app|ly|gl|me"
URL_RE = regex.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"
    rf"|\b[\w-]+(?:\.[\w-]+)*\.(?:{_TLDS})"
    # a sentence may end right after a bare domain ("sur domaine.fr."): a dot
    # followed by a space or the end still ends the URL
    r"(?:/[^\s<>\"]*)?(?![\w]|\.[\w])",
    regex.IGNORECASE,
)
EMAIL_RE = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A mention is not preceded by a word char (that would be an e-mail address).
MENTION_RE = regex.compile(r"(?<![\w@])@\w(?:[\w.]*\w)?")
# A hashtag needs one letter: "#1" is a rank, "#2024" a year, not a tag.
HASHTAG_RE = regex.compile(r"(?<![\w#&])#\w*\p{L}\w*")
WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:'[\p{L}\p{M}]+)*")
# WORD_RE for an ASCII text (its letters, marks and digits there), which ``re``
# finds about twice as fast: most folded texts are ASCII.
_ASCII_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)*")
_GRAPHEME_RE = regex.compile(r"\X")
# Emoji presentation, variation selector 16, keycap or regional indicators.
_EMOJI_MARK_RE = regex.compile(r"[\p{Emoji_Presentation}\uFE0F\u20E3\U0001F1E6-\U0001F1FF]")
_PICTO_RE = regex.compile(r"\p{Extended_Pictographic}")
# Extended_Pictographic characters that are typography, not emoji, in a caption.
_NOT_EMOJI = frozenset("©®™")
# Every emoji holds one of these; a text without any has no emoji (why: one C
# search instead of splitting every text into grapheme clusters).
_EMOJI_CANDIDATE_RE = regex.compile(
    r"[\p{Emoji_Presentation}\uFE0F\u20E3\U0001F1E6-\U0001F1FF\p{Extended_Pictographic}]"
)
# Every URL_RE match holds one of these (same flags, so the same letters match).
_URL_HINT_RE = regex.compile(rf"://|www\.|\.(?:{_TLDS})", regex.IGNORECASE)


def _fold_char(ch: str) -> str:
    ch = ch.translate(_TRANSLATE)
    if ch.isascii():
        return ch.lower()
    out = []
    for c in unicodedata.normalize("NFKD", ch.casefold()):
        if not unicodedata.combining(c):
            out.append(c)
    return "".join(out).translate(_TRANSLATE)


class _FoldTable(dict):
    """``str.translate`` table: code point → folded string, filled on first sight.

    Why: folding character by character in Python was the costliest step of
    every text fact; ``str.translate`` applies the same per-character fold in
    C, and each distinct character is folded once per process.
    """

    def __missing__(self, code: int) -> str:
        value = _fold_char(chr(code))
        self[code] = value
        if len(value) != 1:
            _RESIZING.add(chr(code))
        return value


#: Characters whose fold is not exactly one character ("œ" → "oe", a combining accent → "").
_RESIZING: set[str] = set()
_FOLD_TABLE = _FoldTable()


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Return the folded form of ``text`` (lower case, no accents, unified typography):
    :func:`folded`'s text, without its position map (why: most callers fold words and
    lexicon terms, and never map a position back)."""
    return text.translate(_FOLD_TABLE)


@dataclass(frozen=True)
class Folded:
    """A folded text and, for each folded character, its index in the original."""

    original: str
    text: str
    index: Sequence[int]  # a ``range`` when every character folded to exactly one

    def surface(self, start: int, end: int) -> str:
        """The original substring behind folded span ``[start, end)``."""
        if start >= end:
            return ""
        return self.original[self.index[start] : self.index[end - 1] + 1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original-text span behind folded span ``[start, end)``."""
        return self.index[start], self.index[end - 1] + 1


@lru_cache(maxsize=4096)
def folded(text: str) -> Folded:
    """Fold ``text`` keeping a position map (an identity ``range`` when lengths agree)."""
    low = text.translate(_FOLD_TABLE)
    if text.isascii() or _RESIZING.isdisjoint(text):
        return Folded(text, low, range(len(text)))
    # Only the resizing characters break the identity map: the stretches between
    # them are copied as ranges (why: a Python step per character was most of the
    # cost of folding a text with an ellipsis, an "œ" or a combining accent).
    at = sorted(i for ch in _RESIZING.intersection(text) for i in _positions(text, ch))
    index: list[int] = []
    done = 0
    for i in at:
        index.extend(range(done, i))
        index.extend([i] * len(_FOLD_TABLE[ord(text[i])]))
        done = i + 1
    index.extend(range(done, len(text)))
    return Folded(text, low, tuple(index))


def _positions(text: str, ch: str):
    """Indexes of character ``ch`` in ``text``."""
    i = text.find(ch)
    while i >= 0:
        yield i
        i = text.find(ch, i + 1)


@lru_cache(maxsize=4096)
def is_emoji(grapheme: str) -> bool:
    """True when a grapheme cluster renders as an emoji (ZWJ family, flag, keycap…)."""
    if _EMOJI_MARK_RE.search(grapheme):
        return not (len(grapheme) == 1 and grapheme in _NOT_EMOJI)
    m = _PICTO_RE.search(grapheme)
    return bool(m) and m.group() not in _NOT_EMOJI


def emoji_list(text: str) -> tuple[str, ...]:
    """Emoji as grapheme clusters: 👨‍👩‍👧‍👦, 🇫🇷 and 👍🏽 each count once."""
    if text.isascii() or _EMOJI_CANDIDATE_RE.search(text) is None:
        return ()
    # An ASCII cluster holds no candidate character, so it is never an emoji.
    return tuple(g for g in _GRAPHEME_RE.findall(text) if not g.isascii() and is_emoji(g))


@lru_cache(maxsize=64)
def _may_hold_url(text: str) -> bool:
    """Whether ``text`` holds a URL hint (every URL_RE match holds one).  Cached (why: the
    facts of one text ask it of the same string three or four times, and the search
    costs more than the look-up)."""
    return _URL_HINT_RE.search(text) is not None


def url_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every URL_RE match in ``text`` (cheap when there is none)."""
    if not _may_hold_url(text):
        return []
    return [m.span() for m in URL_RE.finditer(text)]


def _without_urls(text: str) -> str:
    return URL_RE.sub(" ", text) if _may_hold_url(text) else text


def extract_urls(text: str) -> tuple[str, ...]:
    """URLs, including bare ``shop.example.fr/path`` forms; trailing punctuation dropped."""
    if "@" in text:  # an e-mail address holds a bare domain
        text = EMAIL_RE.sub(" ", text)
    if not _may_hold_url(text):
        return ()
    return tuple(u.rstrip(".,;:!?)»\"'") for u in URL_RE.findall(text))


def extract_mentions(text: str) -> tuple[str, ...]:
    """``@handles`` (e-mail addresses are not mentions)."""
    if "@" not in text:
        return ()
    return tuple(MENTION_RE.findall(EMAIL_RE.sub(" ", text)))


def extract_hashtags(text: str) -> tuple[str, ...]:
    """``#hashtags`` as written (with the ``#``)."""
    if "#" not in text:
        return ()
    return tuple(HASHTAG_RE.findall(_without_urls(text)))


def clean(text: str) -> str:
    """Text without URLs, e-mails, mentions, hashtags and emoji; whitespace collapsed.

    This is what language detection and readability see: those elements carry
    no language and would skew both.
    """
    # Each step runs only when its marker character is there ("@", "#", an
    # emoji candidate, a URL hint): most captions need none of them.
    t = text
    if "@" in t:
        t = EMAIL_RE.sub(" ", t)  # first: an address holds a bare domain
    t = _without_urls(t)
    if "@" in t:
        t = MENTION_RE.sub(" ", t)
    if "#" in t:
        t = HASHTAG_RE.sub(" ", t)
    if not t.isascii() and _EMOJI_CANDIDATE_RE.search(t):
        t = "".join(" " if not g.isascii() and is_emoji(g) else g for g in _GRAPHEME_RE.findall(t))
    return " ".join(t.split())


def split_elision(token: str) -> tuple[str, ...]:
    """Split a folded token on a French elision: ``l'offre → ("l'", "offre")``.

    English contractions (``we're``, ``don't``) are kept whole: their first part
    is not an elided particle, and they are register markers in their own right.
    """
    head, sep, tail = token.partition("'")
    if sep and tail and head in ELISIONS:
        return (head + "'",) + split_elision(tail)
    return (token,)


@lru_cache(maxsize=1024)
def tokenize(text: str) -> tuple[str, ...]:
    """Folded word tokens of ``text``, French elisions split, hyphens splitting words."""
    f = fold(text)
    words = (_ASCII_WORD_RE if f.isascii() else WORD_RE).findall(f)
    if "'" not in f:  # no elision to split
        return tuple(words)
    out: list[str] = []
    for word in words:
        out.extend(split_elision(word) if "'" in word else (word,))
    return tuple(out)


def word_spans(text: str) -> tuple[tuple[str, str], ...]:
    """``(token, surface)`` pairs: the tokens of :func:`tokenize` and each as written.

    ``word_spans("L’offre") == (("l'", "L’"), ("offre", "offre"))``: rules quote
    the surface, so a message says "hésitez", not the folded "hesitez".
    """
    f = folded(text)
    return tuple((token, f.surface(start, start + len(token))) for token, start in word_starts(f))


def word_starts(text: Folded) -> list[tuple[str, int]]:
    """``(token, start)`` of each token of :func:`tokenize` in folded ``text``, ``start``
    being its index in ``text.text`` (why: a caller that only quotes a few of the
    words can ask :meth:`Folded.surface` for those alone)."""
    out: list[tuple[str, int]] = []
    for m in (_ASCII_WORD_RE if text.text.isascii() else WORD_RE).finditer(text.text):
        word, start = m.group(), m.start()
        if "'" not in word:  # the usual case: no elision to split
            out.append((word, start))
            continue
        for part in split_elision(word):
            out.append((part, start))
            start += len(part)
    return out
