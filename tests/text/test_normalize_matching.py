"""Folding, tokenising, emoji, URL/mention/hashtag extraction and phrase matching."""
from chartercheck.text.matching import PhraseMatcher
from chartercheck.text.normalize import (
    clean, emoji_list, extract_hashtags, extract_mentions, extract_urls, fold, tokenize,
)
from chartercheck.text.stemming import stem


def test_fold_accents_ligatures_typography():
    assert fold("Élan cœur Straße l’offre 40\u202f%") == "elan coeur strasse l'offre 40 %"


def test_tokenize_splits_french_elisions_keeps_english_contractions():
    assert tokenize("L’offre d'hiver, qu'il aime") == ("l'", "offre", "d'", "hiver", "qu'", "il", "aime")
    assert "we're" in tokenize("We're here")


def test_zwj_family_flag_skin_tone_and_keycap_count_once():
    assert len(emoji_list("👨‍👩‍👧‍👦")) == 1
    assert emoji_list("🇫🇷👍🏽1️⃣") == ("🇫🇷", "👍🏽", "1️⃣")
    assert emoji_list("Lumen™ © 2026, 100 % 1 2 3") == ()


def test_extraction_and_cleaning():
    text = "Merci @lea_v ! #Vélo https://ex.fr/a?b=1 contact@ex.fr 🎉 fin."
    assert extract_mentions(text) == ("@lea_v",)
    assert extract_hashtags(text) == ("#Vélo",)
    assert extract_urls(text) == ("https://ex.fr/a?b=1",)
    assert clean(text) == "Merci ! fin."
    assert extract_hashtags("Top #1 en 2026") == ()


def test_stem_is_accent_insensitive():
    assert stem("Réglages", "fr") == stem("reglage", "fr")


def test_matcher_elision_case_plural_and_boundaries():
    m = PhraseMatcher(["offre", "pro", "lien en bio", "#pub"])
    assert m.surfaces("L’OFFRE du jour") == ("OFFRE",)
    assert m.surfaces("nos offres") == ("offres",)
    assert m.surfaces("je vais proposer un truc") == ()
    assert m.surfaces("Lien-en-bio") == ("Lien-en-bio",)
    assert m.surfaces("#pub #publicite") == ("#pub",)


def test_matcher_prefers_longest_phrase_and_captures():
    m = PhraseMatcher(["offre", "offre spéciale"], [r"code (?P<cap>[a-z0-9]+)"])
    hits = m.find("Offre spéciale, code HIVER40")
    assert [h.surface for h in hits] == ["Offre spéciale", "code HIVER40"]
    assert hits[1].captured == "HIVER40"
    assert PhraseMatcher().find("anything") == ()
