"""Speed-ups that must not change a single result: gates, folding, emoji scan."""
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from chartercheck.text import lexicons as lx
from chartercheck.text.gates import gate_of, start_runs
from chartercheck.text.matching import Match, PhraseMatcher
from chartercheck.text.normalize import Folded, _fold_char, emoji_list, folded, is_emoji


def test_gate_is_a_tail_starting_where_the_engine_scans_fast():
    assert gate_of(r"\b(?:(?:use|with) (?:the )?)?code\s?(?P<cap>[a-z]+)") == r"code\s?(?P<cap>[a-z]+)"
    assert gate_of(r"(?<![\w.,])\d{1,3}\s?€") == r"\d\d{0,2}\s?€"
    assert gate_of(r"(?<![^\s(])(?:https?://)?[\w-]++(?:\.[\w-]++)++(?=[/?])\S*?/shop\b") == r"/shop\b"
    assert gate_of(r"\bplus que \d+") == r"plus que \d+"
    assert gate_of("prix cassé") is None  # already scans well: its own gate
    assert gate_of(r"\bfoo|bar") is None  # a top-level alternation has no common tail
    assert gate_of(r"(a)\b\1") is None  # a tail could lose the group it refers to


def test_start_runs_are_registered_runs_at_word_starts():
    """A term may only match where each of its runs starts a word of the text: "offre" after an
    elision does, "promo" inside a hashtag does not (the trie's left boundary), "#promo" does."""
    PhraseMatcher(terms=["offre", "promo", "#promo", "fre"]).find("warm-up")  # registers the runs
    assert {"offre", "#promo"} <= start_runs("l'offre #promo")
    assert "promo" not in start_runs("l'offre #promo")
    assert "fre" not in start_runs("l'offre #promo")  # inside a word


def _reference_find(matcher: PhraseMatcher, text: str) -> tuple[Match, ...]:
    """What find() returned before gates: the full alternation, every time."""
    full = matcher.full_regex()
    if full is None:
        return ()
    f = folded(text)
    out = []
    for m in full.finditer(f.text):
        if m.end() == m.start():
            continue
        cap = None
        if "cap" in full.groupindex and m.group("cap") is not None:
            cap = f.surface(m.start("cap"), m.end("cap"))
        s, e = f.span(m.start(), m.end())
        out.append(Match(s, e, f.original[s:e], cap))
    return tuple(out)


def _all_matchers() -> list[PhraseMatcher]:
    matchers = [lx.claims_matcher(), lx.green_matcher(), lx.compliance_matcher("alcohol"),
                lx.compliance_matcher("influence", "insufficient"), lx.compliance_matcher("evin_message"),
                lx.register_matcher("en", "formal"), lx.register_matcher("fr", "collective")]
    for category in lx.commercial_categories():
        matchers += [category.matcher, category.terms_only] + [m for _, m in category.weak]
    return matchers


# Fragments that reach every kind of gate: term starts, digits and currencies,
# promo codes, shop links, elisions, accents, emoji and separators.
FRAGMENTS = ["offre", "Offres", "spéciale", "-20 %", "20%", "off", "59,90 €", "€12", "$5", "code",
             "HIVER40", "promo", "jusqu'à", "dimanche", "plus que 3 jours", "l’offre", "lien en bio",
             "https://ex.fr/shop?utm_source=ig", "bit.ly/x", "garanti", "100 %", "des", "of", "vin",
             "0 % d'alcool", "neutre en carbone", "#pub", "@lea", "Découvrez", "shop now", "ends sunday",
             "à gagner", "abonne-toi et", "e-shop", "œuvre", "🎉", "1️⃣", "ﬁn", "à", "n°1", "le meilleur"]
SEPARATORS = [" ", ", ", "-", "'", ". ", "\n", "", "#", "/"]
texts = st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.sampled_from(SEPARATORS)), max_size=12).map(
    lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=300, deadline=None)
@given(texts)
def test_gated_matching_finds_exactly_what_the_full_alternation_finds(text):
    for matcher in _all_matchers():
        assert matcher.find(text) == _reference_find(matcher, text)
        assert matcher.search(text) == bool(_reference_find(matcher, text))


def _reference_folded(text: str) -> Folded:
    parts, index = [], []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        parts.append(f)
        index.extend([i] * len(f))
    return Folded(text, "".join(parts), tuple(index))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
       | st.text(alphabet="aéÉœŒßﬁ’\u0301\u00a0 -ÇİI", max_size=30))
def test_folding_in_one_translate_equals_folding_char_by_char(text):
    fast, slow = folded(text), _reference_folded(text)
    assert fast.text == slow.text and list(fast.index) == list(slow.index)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a1#é ©®™☺\ufe0f\u20e3\u200d👍🏽🇫🇷👨👩", max_size=20))
def test_emoji_scan_equals_checking_every_grapheme(text):
    assert emoji_list(text) == tuple(g for g in regex.findall(r"\X", text) if is_emoji(g))
