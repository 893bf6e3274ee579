"""Lexicon data files and their compiled matchers, loaded once and cached.

The data lives in ``chartercheck/text/lexicons/*.yaml`` (see the comments at the
top of ``fr.yaml`` for the format).  French and English entries are merged into
one matcher per category: brand posts mix languages ("Black Friday", "shop now"
in a French caption), so every cue applies to every post, except the
``weak_terms`` of a language, which only apply to posts detected in that
language (or of unknown language) because they are ordinary words elsewhere,
and only in a selling context (see :mod:`.commercial`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

from .matching import PhraseMatcher
from .normalize import fold

LANGS = ("fr", "en")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Parsed ``lexicons/<name>.yaml`` (package data, read once)."""
    data = resources.files(__package__).joinpath("lexicons").joinpath(name + ".yaml").read_text("utf-8")
    return yaml.load(data, Loader=_Loader) or {}


def _both(name: str, *keys: str) -> tuple[list, list]:
    """Terms and patterns under ``keys`` merged over the French and English files."""
    terms: list = []
    patterns: list = []
    for lang in LANGS:
        node = load(name.format(lang=lang))
        for k in keys:
            node = (node or {}).get(k, {})
        if isinstance(node, list):
            terms += node
        else:
            terms += node.get("terms", []) or []
            patterns += node.get("patterns", []) or []
    return [str(t) for t in terms], patterns


@dataclass(frozen=True)
class Category:
    """A commercial cue family and its compiled matchers (its weight is in the fitted model)."""

    name: str
    matcher: PhraseMatcher
    terms: tuple[str, ...]
    weak: tuple[tuple[str, PhraseMatcher], ...]  # (lang, matcher of that language's weak_terms)

    @cached_property
    def terms_only(self) -> PhraseMatcher:
        """The category's plain terms without its patterns (built when first asked:
        only the promo-code check needs it)."""
        return PhraseMatcher(self.terms)


@lru_cache(maxsize=None)
def commercial_categories() -> tuple[Category, ...]:
    """Commercial categories in a stable order (French file order, then English-only)."""
    names: list[str] = []
    for lang in LANGS:
        names += [n for n in load(lang)["commercial"] if n not in names]
    out = []
    for name in names:
        terms, patterns = _both("{lang}", "commercial", name)
        weak = tuple(
            (lg, PhraseMatcher(load(lg)["commercial"][name].get("weak_terms") or ()))
            for lg in LANGS
            if load(lg)["commercial"].get(name, {}).get("weak_terms")
        )
        out.append(Category(name, PhraseMatcher(terms, patterns), tuple(terms), weak))
    return tuple(out)


@lru_cache(maxsize=None)
def statistics_matcher() -> PhraseMatcher:
    """Words that make a money amount a statistic or news ("million", "grant", "spending")."""
    return PhraseMatcher(*_both("{lang}", "statistics"))


@lru_cache(maxsize=None)
def claims_matcher() -> PhraseMatcher:
    """Over-promises and absolute claims, French and English."""
    return PhraseMatcher(*_both("{lang}", "claims"))


@lru_cache(maxsize=64)
def extra_matcher(terms: tuple[str, ...]) -> PhraseMatcher:
    """A matcher for charter-supplied terms (``extra_commercial_cues`` / ``extra_claims``)."""
    return PhraseMatcher(terms)


@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset[str]:
    """Folded stop-words of ``lang`` for the language pre-pass."""
    return frozenset(fold(str(w)) for w in load(lang).get("stopwords", []))


@lru_cache(maxsize=None)
def register_data(lang: str) -> dict:
    """Folded register marker sets for ``lang`` (lists become frozensets of folded strings)."""
    return {k: frozenset(fold(str(w)) for w in v) for k, v in load(lang)["register"].items()}


@lru_cache(maxsize=None)
def register_matcher(lang: str, key: str) -> PhraseMatcher:
    """Phrase matcher over one register list (English formal/slang phrases, French collectives)."""
    return PhraseMatcher(str(t) for t in load(lang)["register"][key])


@lru_cache(maxsize=None)
def compliance_matcher(*keys: str) -> PhraseMatcher:
    """Matcher over ``compliance_{fr,en}.yaml`` at ``keys`` (e.g. ``("alcohol",)``)."""
    return PhraseMatcher(*_both("compliance_{lang}", *keys))


@lru_cache(maxsize=None)
def weak_alcohol_terms() -> frozenset[str]:
    """Folded ambiguous drink words that only count next to an unambiguous one."""
    terms, _ = _both("compliance_{lang}", "alcohol", "weak")
    return frozenset(fold(t) for t in terms)


@lru_cache(maxsize=None)
def evin_themes() -> tuple[tuple[str, PhraseMatcher], ...]:
    """(theme, matcher) for the associations the loi Evin forbids."""
    themes: list[str] = []
    for lang in LANGS:
        themes += [t for t in load(f"compliance_{lang}")["evin_associations"] if t not in themes]
    return tuple((t, compliance_matcher("evin_associations", t)) for t in themes)


@lru_cache(maxsize=None)
def green_matcher() -> PhraseMatcher:
    """Generic green claims, plus colour words only when they qualify a claim noun.

    Why: "vert"/"green" alone is a colour ("le modèle vert sapin"); "énergie
    verte", "produit vert", "green choice" are claims.  French puts the adjective
    after the noun, English before it.
    """
    terms, patterns = _both("compliance_{lang}", "green")
    for lang in LANGS:
        node = load(f"compliance_{lang}")["green"]
        for colour in node.get("colour_words", []):
            for noun in node.get("claim_nouns", []):
                terms.append(f"{noun} {colour}" if lang == "fr" else f"{colour} {noun}")
    return PhraseMatcher(terms, patterns)
