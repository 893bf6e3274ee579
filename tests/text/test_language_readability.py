"""Language detection and readability."""
import os
import subprocess
import sys

from chartercheck.text.language import detect
from chartercheck.text.readability import flesch


def test_french_and_english():
    assert detect("Nous sommes ravis de vous présenter la nouvelle collection")[0] == "fr"
    assert detect("We are delighted to present our new collection this week")[0] == "en"


def test_other_language_goes_to_langdetect():
    assert detect("Descubre la nueva colección de otoño en nuestra tienda")[0] == "es"


def test_too_short_is_not_judged():
    assert detect("Merci beaucoup") is None
    assert detect("Top du top !") is None


def test_deterministic_across_processes_and_hash_seeds():
    code = ("from chartercheck.text.language import detect;"
            "print(detect('Atelier réparation samedi matin, apportez vos vélos'))")
    outs = set()
    for seed in ("0", "1", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                text=True, check=True).stdout)
    assert len(outs) == 1


def test_flesch_french_matches_textstat_and_short_text_is_none():
    from textstat.textstat import textstatistics

    text = ("Bonjour à tous, nous sommes ravis de vous présenter notre nouvelle collection "
            "de vélos pour la ville. Elle arrive demain en boutique.")
    ts = textstatistics()
    ts.set_lang("fr")
    assert abs(flesch(text, "fr") - ts.flesch_reading_ease(text)) < 0.01
    assert flesch("Trop court pour juger.", "fr") is None
    assert flesch(text, None) is None


def test_flesch_english_needs_no_download():
    score = flesch("We are delighted to present our new range of electric bikes for the city. "
                   "Come and try them this weekend.", "en")
    assert 40 < score < 100


SAMPLES = {
    "fr": "Bonjour à tous ! Nous sommes ravis de vous présenter la nouvelle collection. "
          "Elle arrive demain en boutique, avec des vélos pour la ville et la campagne. Ok ?",
    "en": "We're delighted to present our new range of bikes. Don't miss the launch: "
          "it starts at ten o'clock, 'rain or shine', in the shop on Harbour Street. Yes.",
    "es": "Descubre la nueva colección de otoño en nuestra tienda. Los precios son buenos y "
          "el equipo te espera cada sábado por la mañana con café.",
    "de": "Wir freuen uns sehr, euch unsere neue Kollektion vorzustellen. Sie ist ab morgen "
          "im Laden erhältlich, mit Fahrrädern für Stadt und Land.",
    "it": "Siamo felici di presentarvi la nuova collezione di biciclette per la città. "
          "Arriva domani in negozio, venite a provarla con noi.",
    "nl": "We zijn blij om onze nieuwe collectie fietsen voor de stad te laten zien. "
          "Ze ligt vanaf morgen in de winkel, kom gerust langs.",
}


def test_counts_and_constants_are_textstats():
    from textstat.backend import counts, selections
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg
    from textstat.textstat import textstatistics

    from chartercheck.text.readability import (
        FLESCH_CONSTANTS,
        count_sentences,
        list_words,
    )

    for lang, text in SAMPLES.items():
        assert list_words(text, lowercase=True) == selections.list_words(text, lowercase=True)
        assert count_sentences(text) == counts.count_sentences(text)
        assert FLESCH_CONSTANTS[lang] == tuple(
            get_lang_cfg(lang, key) for key in ("fre_base", "fre_sentence_length", "fre_syll_per_word"))
        if lang != "en":  # textstat counts English syllables with cmudict, we with pyphen
            ts = textstatistics()
            ts.set_lang(lang)
            assert flesch(text, lang) == round(ts.flesch_reading_ease(text), 2), lang
    assert count_sentences("") == counts.count_sentences("") == 0


def test_readability_does_not_import_textstat():
    code = ("import sys; from chartercheck.text.readability import flesch;"
            "flesch('Nous sommes ravis de vous présenter notre nouvelle collection de vélos "
            "pour la ville, elle arrive demain.', 'fr'); print('textstat' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
