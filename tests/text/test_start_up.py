"""What a matcher leaves until a text needs it: same hits as its whole alternation, less work up front."""
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from chartercheck.text import matching
from chartercheck.text.matching import _EVERY_TERM, _MAX_PARTIAL_TRIES, PhraseMatcher
from chartercheck.text.normalize import fold, folded

from test_gates import _reference_find

TERMS = ["offre", "offre spéciale", "Offres", "lien en bio", "bio", "e-shop", "l'atelier", "#pub", "% off",
         "jusqu'à", "vélo", "vélos électriques", "code promo"]
TEXTS = ["L’offre spéciale, lien en bio !", "OFFRE", "Nos vélos électriques et un vélo", "#pub bio",
         "-20 % off sur l'e-shop", "eshop", "jusqu’à dimanche", "rien ici", "lien-en-bio", "offres spéciales",
         "Le vélo de l'atelier, code promo", "bio lien en"]


def _partial_keys(matcher: PhraseMatcher) -> list[tuple[int, ...]]:
    return [terms for _, terms in matcher._variants if terms not in (_EVERY_TERM, ())]


def test_a_text_compiles_only_the_terms_it_may_hold_and_finds_what_the_whole_trie_finds():
    matcher = PhraseMatcher(TERMS)
    for text in TEXTS:
        assert matcher.find(text) == _reference_find(matcher, text), text
        assert matcher.search(text) == bool(_reference_find(matcher, text)), text


def test_the_trie_of_a_text_holds_its_live_terms_only():
    matcher = PhraseMatcher(TERMS)
    assert matcher.surfaces("Tout est au lien en bio") == ("lien en bio",)
    (terms,) = _partial_keys(matcher)
    # "e-shop" only needs a word starting with "e" ("est", "en"): a gate may keep, never drop.
    assert {matcher._spellings[i] for i in terms} == {"lien en bio", "bio", "e-shop"}
    assert matcher.surfaces("rien ici") == ()
    assert len(_partial_keys(matcher)) == 1  # nothing woken, nothing compiled


def test_after_enough_small_tries_the_whole_trie_is_used_with_the_same_hits():
    words = [f"mot{n}" for n in range(8)]
    matcher = PhraseMatcher(words + ["mot0 mot1"])
    texts = [" ".join(pair) for pair in itertools.combinations(words, 2)]
    assert len(texts) > _MAX_PARTIAL_TRIES
    for text in texts:
        assert matcher.find(text) == _reference_find(matcher, text), text
    assert matcher._partial_tries == _MAX_PARTIAL_TRIES
    assert len(_partial_keys(matcher)) == _MAX_PARTIAL_TRIES
    assert any(terms is _EVERY_TERM for _, terms in matcher._variants)


def test_a_matcher_that_cannot_tell_its_live_terms_tries_them_all():
    # A duplicate group name needs the regex module, whose \w the word-start test does not follow.
    matcher = PhraseMatcher(["offre", "code promo"], [r"\bcode (?P<cap>\d+)", r"\bbon (?P<cap>[a-z]+\d)"])
    assert matcher._anchors is None and matcher._trie_bit == 0
    for text in ["code 40 et offre", "bon hiver4", "rien", "code promo"]:
        assert matcher.find(text) == _reference_find(matcher, text), text


def test_a_term_without_letters_or_digits_tries_every_term():
    matcher = PhraseMatcher(["%", "offre"])
    assert matcher._anchors is None
    assert matcher.surfaces("20 % sur l'offre") == ("%", "offre")


def test_a_gate_is_compiled_when_a_text_first_holds_its_strings():
    matcher = PhraseMatcher(patterns=[r"\bonly \d+ left\b", r"\bplus que \d+ jours\b"])
    assert all(gate is matching._UNCOMPILED for gate in matcher._gate_regexes)
    assert matcher.surfaces("only 3 left") == ("only 3 left",)
    compiled = [gate is not matching._UNCOMPILED for gate in matcher._gate_regexes]
    assert compiled == [True, False]  # sorted patterns: "\bonly…" then "\bplus…"
    assert matcher.surfaces("plus que 2 jours") == ("plus que 2 jours",)
    assert all(gate is not matching._UNCOMPILED for gate in matcher._gate_regexes)


def test_size_counts_distinct_spellings_and_patterns():
    assert PhraseMatcher(["Offre", "offre", "  offre ", "", "offré"], ["a", "a", "b"]).size == 3
    assert PhraseMatcher(["", " "]).size == 0


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
       | st.text(alphabet="aéÉœŒßﬁ’\u0301\u00a0 -ÇİI", max_size=30))
def test_fold_is_the_text_of_folded_without_its_position_map(text):
    assert fold(text) == folded(text).text
