"""Deterministic language detection.

Two stages, both pure functions of the cleaned text (URLs, mentions, hashtags
and emoji removed — see :func:`normalize.clean`):

1. **Stop-word pre-pass** (microseconds): distinctive French and English
   function words are counted.  When one language has at least
   ``PREPASS_MIN_HITS`` hits, at least ``PREPASS_RATIO`` times the other's, and
   covers at least ``PREPASS_MIN_SHARE`` of the words, it is the answer.
   Confidence is ``hits / (hits + other_hits + 1)`` capped at 0.99 — a documented
   heuristic, not a probability.
2. **langdetect** otherwise, with a private ``DetectorFactory`` holding only the
   ``CANDIDATES`` profiles (loaded once, in sorted order) and ``seed = 0``, so
   results are identical across runs and ``PYTHONHASHSEED``.  The module-global
   ``langdetect`` factory is never touched.

Too short to judge (``None``): fewer than ``MIN_WORDS`` words or fewer than
``MIN_LETTERS`` letters — n-gram statistics on "Merci ❤️ @lea" are noise.
"""
from __future__ import annotations

import string
from functools import lru_cache
from importlib import resources
from itertools import filterfalse

import regex

from .lexicons import stopwords
from .normalize import tokenize

#: langdetect profiles loaded; anything else is reported as one of these.
CANDIDATES = ("de", "en", "es", "fr", "it", "nl", "pt")
MIN_WORDS = 4
MIN_LETTERS = 20
PREPASS_MIN_HITS = 2
PREPASS_RATIO = 4
PREPASS_MIN_SHARE = 0.2
#: Frequent words of the other candidate languages (none of them a French or
#: English word: no "il", "y", "per", "van").  One of them and the pre-pass steps aside: "de la", "en" are Spanish too, and langdetect knows better.
OTHER_MARKERS = frozenset(
    "el los las una del por para esta nuestra nuestro muy della di che gli sono nostro nostra "
    "und der ist mit ein eine het een voor niet nao uma sao".split()
)
_A_GRAVE = regex.compile(r"(?<!\w)[àÀ](?!\w)")


@lru_cache(maxsize=None)
def _factory():
    """A private langdetect factory with the candidate profiles (built once)."""
    from langdetect.detector_factory import DetectorFactory

    profiles = resources.files("langdetect").joinpath("profiles")
    factory = DetectorFactory()
    factory.load_json_profile([profiles.joinpath(code).read_text("utf-8") for code in CANDIDATES])
    factory.set_seed(0)  # the Detector copies the factory seed: deterministic sampling
    return factory


def prepass(tokens: tuple[str, ...], cleaned: str = "") -> tuple[str, float] | None:
    """Decide clear French/English cases from stop-words; ``None`` when unsure.

    ``tokens`` are folded, so the preposition "à" (folded "a", ambiguous with
    English "a") is counted on ``cleaned`` instead.
    """
    if not OTHER_MARKERS.isdisjoint(tokens):
        return None
    fr_words, en_words = stopwords("fr"), stopwords("en")
    fr = sum(map(fr_words.__contains__, tokens))
    if "à" in cleaned or "À" in cleaned:  # a C scan spares most texts the regex's
        fr += len(_A_GRAVE.findall(cleaned))
    en = sum(map(en_words.__contains__, tokens))
    for lang, hits, other in (("fr", fr, en), ("en", en, fr)):
        if hits >= PREPASS_MIN_HITS and hits >= PREPASS_RATIO * other and hits >= PREPASS_MIN_SHARE * len(tokens):
            return lang, round(min(0.99, hits / (hits + other + 1)), 3)
    return None


def count_words(tokens: tuple[str, ...]) -> int:
    """Tokens holding at least one letter ("2026" and "n°1"'s "1" are not words)."""
    # str.isalpha in C settles almost every token, and filterfalse hands over, in C
    # too, only the rest ("l'", "2026"), which are read character by character.
    return sum(map(str.isalpha, tokens)) + sum(
        1 for t in filterfalse(str.isalpha, tokens) if any(map(str.isalpha, t))
    )


_ASCII_LETTERS = string.ascii_letters.encode("ascii")


def count_letters(text: str) -> int:
    """Characters of ``text`` that are letters (``str.isalpha``)."""
    if text.isascii():  # its letters are A-Z and a-z: deleted from its bytes in one C pass
        return len(text) - len(text.encode("ascii").translate(None, _ASCII_LETTERS))
    return sum(map(str.isalpha, text))


def too_short(cleaned: str, tokens: tuple[str, ...] | None = None) -> bool:
    """True when ``cleaned`` has fewer than MIN_WORDS words or MIN_LETTERS letters."""
    tokens = tokenize(cleaned) if tokens is None else tokens
    return count_words(tokens) < MIN_WORDS or count_letters(cleaned) < MIN_LETTERS


@lru_cache(maxsize=8192)
def detect(cleaned: str) -> tuple[str, float] | None:
    """``(lang, confidence)`` of an already-cleaned text, or ``None`` if too short.

    ``lang`` is an ISO 639-1 code from ``CANDIDATES``; confidence is in (0, 1],
    rounded to 3 decimals so that output stays byte-stable.
    """
    tokens = tokenize(cleaned)
    if too_short(cleaned, tokens):
        return None
    quick = prepass(tokens, cleaned)
    if quick is not None:
        return quick
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(cleaned)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None
    return best.lang, round(best.prob, 3)
