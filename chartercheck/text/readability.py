"""Flesch reading ease in the post's language, by textstat's rules without importing it.

textstat 0.7.13 is the reference; what it does (checked in its source) is kept
here as data and three short functions, because importing it costs ~0.2 s
(``textstat.backend.counts`` loads NLTK's cmudict machinery) for arithmetic:

* ``flesch_reading_ease = base − a·(words/sentence) − b·(syllables/word)`` with
  per-language constants (``textstat.backend.utils.constants.LANG_CONFIGS``,
  copied in ``FLESCH_CONSTANTS``): English 206.835/1.015/84.6; French
  207/1.015/73.6 (the Kandel & Moles adaptation); also de, es, it, nl.
* Words (``selections.list_words``): apostrophes not opening an English
  contraction ending (``'t 's 'd 've 'll 're``) are dropped, then every
  character that is neither a word character, a space nor an apostrophe; the
  rest is split on whitespace.
* Sentences (``counts.count_sentences``): runs matching
  ``\\b[^.!?]+[.!?]*``, not counting those of two words or fewer, at least 1.
* Syllables come from pyphen, **except English, where textstat loads NLTK's
  cmudict and calls ``nltk.download`` when it is missing**: a network access at
  run time that fails offline.  So we count syllables with pyphen for every
  language (identical to textstat for the other languages).

``tests/text`` checks these counts and scores against textstat itself.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat

#: (base, per word-per-sentence, per syllable-per-word), from textstat's LANG_CONFIGS.
FLESCH_CONSTANTS = {
    "en": (206.835, 1.015, 84.6),
    "de": (180.0, 1.0, 58.5),  # Toni Amstad
    "es": (206.84, 1.02, 60.0),  # Fernández Huerta
    "fr": (207.0, 1.015, 73.6),  # Kandel & Moles
    "it": (217.0, 1.3, 60.0),  # Flesch-Vacca
    "nl": (206.835, 0.93, 77.0),  # Flesch-Douma
}
#: Languages with Flesch constants in textstat.
SUPPORTED = tuple(sorted(FLESCH_CONSTANTS))
#: Fewer words than this and Flesch is meaningless (one sentence dominates it).
MIN_WORDS = 12
_PYPHEN_LANG = {"en": "en_US"}
#: Words pyphen may remember itself before its own cache is emptied (see syllables()).
_PYPHEN_KEPT_WORDS = 4096
_NON_CONTRACTION_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


@lru_cache(maxsize=None)
def _hyphenator(lang: str):
    import pyphen

    return pyphen.Pyphen(lang=_PYPHEN_LANG.get(lang, lang))


@lru_cache(maxsize=16384)
def syllables(word: str, lang: str) -> int:
    """Syllables of one lower-cased word: hyphenation points + 1, as textstat counts them.

    Cached (why: captions reuse the same words, and pyphen's pattern walk is
    most of the cost of a Flesch score)."""
    if word.isascii() and word.isdigit():
        return 1  # hyphenation patterns hold letters only: a number has no break point
    hyphenator = _hyphenator(lang)
    count = len(hyphenator.positions(word)) + 1
    # pyphen also keeps every word it has seen, with a list of break points (a
    # few hundred bytes each), for the life of the process: on a year of posts
    # that outgrows this cache. Empty it now and then; our cache keeps the counts.
    kept = getattr(getattr(hyphenator, "hd", None), "cache", None)
    if isinstance(kept, dict) and len(kept) > _PYPHEN_KEPT_WORDS:
        kept.clear()
    return count


def list_words(text: str, lowercase: bool = False) -> list[str]:
    """Words as textstat's ``list_words(text, lowercase=...)`` splits them."""
    text = _PUNCTUATION.sub("", _NON_CONTRACTION_APOSTROPHE.sub("", text))
    return (text.lower() if lowercase else text).split()


def count_sentences(text: str) -> int:
    """Sentences as textstat's ``count_sentences`` counts them (0 for an empty text)."""
    if not text:
        return 0
    sentences = _SENTENCE.findall(text)
    ignored = sum(map(_few_words, sentences))
    return max(1, len(sentences) - ignored)


@lru_cache(maxsize=8192)
def _few_words(sentence: str) -> bool:
    """Whether a sentence has two words or fewer (textstat does not count it).  Cached
    (why: captions repeat their sentences — calls to action, signatures)."""
    return len(list_words(sentence)) <= 2


@lru_cache(maxsize=8192)
def flesch(text: str, lang: str | None) -> float | None:
    """Flesch reading ease of ``text`` in ``lang`` (2 decimals), ``None`` if not judgeable.

    ``None`` when the language is unknown or unsupported, or the text has
    fewer than ``MIN_WORDS`` words.  Pass the cleaned text (no URLs, emoji).
    """
    if lang not in FLESCH_CONSTANTS:
        return None
    words = list_words(text, lowercase=True)
    if len(words) < MIN_WORDS:
        return None
    sentences = max(1, count_sentences(text))
    syllable_count = sum(map(syllables, words, repeat(lang)))
    base, per_sentence, per_syllable = FLESCH_CONSTANTS[lang]
    # textstat divides count_words(text) (not lower-cased: the same count) by sentences.
    score = base - per_sentence * (len(words) / sentences) - per_syllable * (syllable_count / len(words))
    return round(score, 2)
