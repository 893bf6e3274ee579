"""Text facts for chartercheck rules: pure functions, computed once per distinct text.

No rule lives here.  Rules call :func:`analyze` and read :class:`TextFacts`;
lower-level helpers (folding, tokenising, phrase matching, language, readability,
date words) are public for rules that need them on other strings (charter
keywords, pillar vocabularies).
"""
from .dates import DateWord
from .facts import TextFacts, analyze, clear_caches
from .language import detect as detect_language
from .matching import Match, PhraseMatcher
from .normalize import clean, emoji_list, fold, folded, tokenize
from .readability import flesch
from .stemming import stem, stems

__all__ = [
    "DateWord",
    "Match",
    "PhraseMatcher",
    "TextFacts",
    "analyze",
    "clean",
    "clear_caches",
    "detect_language",
    "emoji_list",
    "flesch",
    "fold",
    "folded",
    "stem",
    "stems",
    "tokenize",
]
