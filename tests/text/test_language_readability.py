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
