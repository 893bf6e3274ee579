"""Snowball stems of words, folded, for French and English (charter keywords, pillars).

Stems let a charter's keyword reach its other forms ("réglage" → "réglages",
"reglé"): :func:`stem` for one word, :func:`stems` for the words of a text.
The stemmers are snowballstemmer's, loaded alone (see :func:`_lone_stemmer`).
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from functools import lru_cache

from .normalize import fold

_STEMMER_NAMES = {"fr": "french", "en": "english"}
# Where the snowballstemmer modules of the languages we stem are loaded (see _lone_stemmer).
_LONE_PACKAGE = __name__ + "._snowball"


@lru_cache(maxsize=None)
def _stemmer(lang: str):
    """The Snowball stemmer of ``lang``: the one ``snowballstemmer.stemmer`` gives."""
    name = _STEMMER_NAMES[lang]
    try:
        return _lone_stemmer(name)
    except Exception:  # any surprise in the package's layout: its own way, slower but sure
        import snowballstemmer

        return snowballstemmer.stemmer(name)


def _lone_stemmer(name: str):
    """A stemmer from snowballstemmer's ``<name>_stemmer`` module alone, loaded without the package.

    Why: importing ``snowballstemmer`` imports the stemmers of all its languages
    (~12 ms, a twentieth of a one-week lint) to stem in two.  Its modules are
    loaded from the package's own folder under a package name of ours, so a
    later ``import snowballstemmer`` by other code still finds and runs the
    real package.  When that package is already imported, or would hand out
    PyStemmer's stemmers instead (as it does when PyStemmer is installed), it
    is used as it is.
    """
    if "snowballstemmer" in sys.modules or importlib.util.find_spec("Stemmer") is not None:
        return importlib.import_module("snowballstemmer").stemmer(name)
    package = sys.modules.get(_LONE_PACKAGE)
    if package is None:
        folders = importlib.util.find_spec("snowballstemmer").submodule_search_locations
        package = types.ModuleType(_LONE_PACKAGE, "snowballstemmer's modules, without its __init__")
        package.__path__ = list(folders)
        sys.modules[_LONE_PACKAGE] = package
    module = importlib.import_module(f"{_LONE_PACKAGE}.{name}_stemmer")
    return getattr(module, name.title().replace("_", "") + "Stemmer")()


def stem(word: str, lang: str) -> str:
    """Snowball stem of a (folded or not) word in ``lang`` (``fr``/``en``), folded.

    The word is folded *before* stemming (why: facts only keep folded tokens, and
    a charter keyword must reach the same stem whether typed with accents or
    not), so ``Réglages``, ``reglage`` and ``réglage`` share one stem.
    Unsupported languages return the folded word unchanged.
    """
    if lang not in _STEMMER_NAMES or (word[-1:].isdigit() and word.isalnum()):
        # A word of letters and digits ending in a digit ("2027", "conseils286") is its
        # own stem: Snowball only strips or rewrites letter endings (and elisions or
        # apostrophes, which such words lack). Answered before the stemmer and its
        # cache: such words are mostly new each time (an edition, a price, a year, a
        # numbered hashtag), and would only push real words out of the cache.
        return fold(word)
    return _snowball(word, lang)


def _snowball(word: str, lang: str) -> str:
    """Snowball stem of ``word`` folded, in supported language ``lang``; cached."""
    return _SNOWBALL[lang](word)


def _cached_stemmer(lang: str):
    """``word → stem`` in ``lang``, behind a cache of its own (why: a one-argument cache
    is looked up without building a key, and stems are looked up for every word)."""

    @lru_cache(maxsize=8192)
    def stem_word(word: str) -> str:
        return _stemmer(lang).stemWord(fold(word))

    return stem_word


_SNOWBALL = {lang: _cached_stemmer(lang) for lang in _STEMMER_NAMES}


def stems(words, lang: str | None) -> frozenset[str]:
    """Stems of ``words``; with no language, the union of French and English stems.

    :func:`stem` of each word, each distinct word stemmed once (why: a caption
    repeats its words, and a call per word and language cost more than the
    cached stems it fetched)."""
    stemmers = [_SNOWBALL[lang]] if lang in _STEMMER_NAMES else [_SNOWBALL["fr"], _SNOWBALL["en"]]
    out = set()
    for word in set(words):
        if word[-1:].isdigit() and word.isalnum():  # its own stem, as stem() says
            out.add(fold(word))
            continue
        for stem_word in stemmers:
            out.add(stem_word(word))
    return frozenset(out)
