"""Flesch reading ease in the post's language, computed with textstat.

What textstat 0.7.13 actually does (checked in its source):

* ``flesch_reading_ease = base − a·(words/sentence) − b·(syllables/word)`` with
  per-language constants (``textstat.backend.utils.constants.LANG_CONFIGS``):
  English 206.835/1.015/84.6; French 207/1.015/73.6 (the Kandel & Moles
  adaptation); also de, es, it, nl.
* ``set_lang`` is per ``textstatistics`` instance (the module-level functions
  share one instance: global state) — we never call it.
* Syllables come from pyphen, **except English, where textstat loads NLTK's
  cmudict and calls ``nltk.download`` when it is missing**: a network access at
  run time that fails offline.  So we compute syllables with pyphen for every
  language (identical to textstat for non-English languages, tested), and
  take word and sentence counts and the constants from textstat.

textstat (which imports NLTK, ~0.2 s) is imported on first use only.
"""
from __future__ import annotations

from functools import lru_cache

#: Languages with Flesch constants in textstat.
SUPPORTED = ("de", "en", "es", "fr", "it", "nl")
#: Fewer words than this and Flesch is meaningless (one sentence dominates it).
MIN_WORDS = 12
_PYPHEN_LANG = {"en": "en_US"}


@lru_cache(maxsize=None)
def _hyphenator(lang: str):
    import pyphen

    return pyphen.Pyphen(lang=_PYPHEN_LANG.get(lang, lang))


@lru_cache(maxsize=8192)
def flesch(text: str, lang: str | None) -> float | None:
    """Flesch reading ease of ``text`` in ``lang`` (2 decimals), ``None`` if not judgeable.

    ``None`` when the language is unknown or unsupported, or the text has
    fewer than ``MIN_WORDS`` words.  Pass the cleaned text (no URLs, emoji).
    """
    if lang not in SUPPORTED:
        return None
    from textstat.backend import counts, selections
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg

    words = selections.list_words(text, lowercase=True)
    if len(words) < MIN_WORDS:
        return None
    sentences = max(1, counts.count_sentences(text))
    hyph = _hyphenator(lang)
    syllables = sum(len(hyph.positions(w)) + 1 for w in words)
    score = (
        get_lang_cfg(lang, "fre_base")
        - get_lang_cfg(lang, "fre_sentence_length") * (counts.count_words(text) / sentences)
        - get_lang_cfg(lang, "fre_syll_per_word") * (syllables / len(words))
    )
    return round(score, 2)
