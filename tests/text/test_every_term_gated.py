"""Gated matching equals the full alternation on texts built from every lexicon term.

The gates (word-start plans, gate strings found by one automaton pass) only decide
whether a lexicon is worth scanning: on texts made of the lexicons' own terms, glued and
bent the ways the matcher allows (separators, case, accents, plurals, elisions, hyphens,
apostrophes), every matcher must find exactly what its ungated alternation finds.
"""
from hypothesis import given, settings
from hypothesis import strategies as st

from chartercheck.text import lexicons as lx

from test_gates import _reference_find


def _terms() -> list[str]:
    found: list[str] = []

    def walk(node) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            found.extend(str(x) for x in node)

    for name in ("fr", "en", "compliance_fr", "compliance_en"):
        walk(lx.load(name))
    return sorted({t for t in found if t.strip() and len(t) < 60})


def _matchers() -> list:
    matchers = [lx.claims_matcher(), lx.statistics_matcher(), lx.green_matcher(), lx.extra_matcher(("ma cuvée", "e-shop"))]
    matchers += [lx.compliance_matcher(*keys) for keys in (
        ("alcohol",), ("evin_message",), ("carbon",), ("influence", "accepted"), ("influence", "insufficient"),
        ("images", "cues"), ("images", "declarations"))]
    matchers += [m for _, m in lx.evin_themes()]
    for lang in lx.LANGS:
        matchers += [lx.register_matcher(lang, key) for key, words in lx.load(lang)["register"].items()
                     if isinstance(words, list)]
    for category in lx.commercial_categories():
        matchers += [category.matcher, category.terms_only] + [m for _, m in category.weak]
    return matchers


TERMS = _terms()
MATCHERS = _matchers()
_ACCENTED = str.maketrans("aeiouc", "àéîöùç")


def _bend(term: str, how: int) -> str:
    """One of the variations the matcher folds away or allows."""
    return (term, term.upper(), term.title(), term.translate(_ACCENTED), term + "s", term + "es", term + "x",
            "l'" + term, "l’" + term, "#" + term, term.replace(" ", ", "), term.replace(" ", "-"),
            term.replace(" ", "  "), term.replace("-", ""), term.replace("-", " "), term.replace("'", "' "),
            term.replace("'", "’"), term + "e")[how]


GLUE = [" ", "  ", ", ", "-", "", "! ", ". ", "\n", "'", "#", "/", " 20 € ", " -15 % ", " code HIVER40 ",
        " https://ex.fr/sale ", " 🎉 ", " $5 off ", " 3 days left ", " 2 000 000 € "]
texts = st.lists(st.tuples(st.sampled_from(TERMS), st.integers(0, 17), st.sampled_from(GLUE)),
                 min_size=1, max_size=6).map(lambda parts: "".join(_bend(t, h) + g for t, h, g in parts))


@settings(max_examples=400, deadline=None)
@given(texts)
def test_every_lexicon_finds_what_its_full_alternation_finds_on_texts_of_its_terms(text):
    for matcher in MATCHERS:
        assert matcher.find(text) == _reference_find(matcher, text)
        assert matcher.search(text) == bool(_reference_find(matcher, text))
