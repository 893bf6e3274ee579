"""One-pass gates shared by every matcher: what each gate needs, and that results never change."""
import yaml
from pathlib import Path

from chartercheck.text import lexicons as lx
from chartercheck.text.gates import start_plan
from chartercheck.text.literals import literal_mask, required_literals
from chartercheck.text.matching import PhraseMatcher
from chartercheck.text.normalize import folded

from test_gates import _all_matchers, _reference_find

EVAL_POSTS = Path(__file__).resolve().parents[2] / "benchmarks" / "eval" / "posts.yaml"


def test_required_literals_are_the_strings_every_match_contains():
    assert required_literals(r"\d\d{0,1}\s?% off\b") == (("% off",),)
    assert required_literals(r"jusqu'? ?a -?\d{1,2}\s?%") == (("jusqu",), ("a ",), ("%",))
    assert required_literals(r"[$£€]\s?\d") == (("$", "£", "€"),)
    assert required_literals(r"(?:amzn\.to|bit\.ly)\S*") == (("amzn.to", "bit.ly"),)
    assert required_literals("ab+c") == (("ab",), ("c",))  # one "b" at least


def test_required_literals_stay_silent_where_unsure():
    assert required_literals("(?i)offre") == ()  # a flag changes what a literal matches
    assert required_literals("(?:a|b?)c") == (("c",),)  # a branch needing nothing: no clause from the group
    assert required_literals(r"[^a]b") == (("b",),)  # a negated class needs no character
    assert required_literals(r"(?=abc)\d") == ()  # a look-ahead is not what the match consumes
    assert required_literals(r"\bfoo|bar") == ()  # top-level alternation


def test_literal_mask_names_present_strings():
    matcher = PhraseMatcher(patterns=[r"\bonly \d+ left\b"])
    assert matcher.find("only 3 left") and not matcher.find("only three left")
    assert literal_mask("only 3 left") != literal_mask("nothing here")


def test_a_term_wakes_its_trie_only_when_all_its_words_start_words_of_the_text():
    matcher = PhraseMatcher(["lien en bio"])
    bit = matcher._trie_bit
    assert bit not in start_plan("un lien vers le site")  # "en", "bio" missing
    assert bit in start_plan("tout est en lien, bio")
    assert matcher.surfaces("Tout est au lien en bio !") == ("lien en bio",)
    assert matcher.surfaces("lien-en-bio") == ("lien-en-bio",)
    assert matcher.surfaces("L'offre, lien en bios") == ("lien en bios",)


def test_the_plan_of_a_text_names_each_trie_s_terms_whose_words_all_start_words_of_it():
    matcher = PhraseMatcher(["lien en bio", "bio", "en stock", "zz top"])
    spelled = matcher._spellings  # sorted: the plan holds indexes into it
    text = folded("Tout est en lien, bio et en stocks").text
    live = tuple(sorted(spelled.index(t) for t in ("lien en bio", "bio", "en stock")))
    assert start_plan(text)[matcher._trie_bit] == live  # "zz top": no word starts with "zz"
    assert matcher._trie_bit not in start_plan(folded("rien ici").text)
    assert matcher._trie_bit in start_plan(text) and matcher._trie_bit not in start_plan("rien ici")


def test_a_matcher_built_after_masks_were_cached_still_matches():
    text = folded("Le zorglub est de retour").text
    start_plan(text)  # cached before the new trie exists
    assert PhraseMatcher(["zorglub"]).surfaces(text) == ("zorglub",)
    start_plan(text)  # the plan cached before the next trie exists
    assert PhraseMatcher(["de retour"]).surfaces(text) == ("de retour",)
    literal_mask(text)
    assert PhraseMatcher(patterns=[r"\bzorglub est\b"]).surfaces(text) == ("zorglub est",)


def test_every_lexicon_finds_on_the_evaluation_posts_what_its_full_alternation_finds():
    posts = yaml.safe_load(EVAL_POSTS.read_text("utf-8"))["posts"]
    matchers = _all_matchers() + [m for _, m in lx.evin_themes()]
    for post in posts:
        for matcher in matchers:
            assert matcher.find(post["text"]) == _reference_find(matcher, post["text"])
