"""The stemmers loaded without the snowballstemmer package stem exactly as the package's do."""
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import snowballstemmer

from chartercheck.text import stemming

ROOT = Path(__file__).resolve().parents[2]
EVAL_POSTS = ROOT / "benchmarks" / "eval" / "posts.yaml"
# Endings Snowball rewrites, accents, elisions and apostrophes, digits, odd cases.
TRICKY = ["Réglages", "réglage", "reglage", "l'offre", "l’offre", "aujourd'hui", "don't", "we're", "Œuvres",
          "naïve", "noël", "NOËL", "généralement", "nationalisation", "heureusement", "cycling", "cycles",
          "happily", "generously", "ponies", "caresses", "skies", "dying", "news", "y", "yes", "a", "",
          "2027", "conseils286", "vélo-cargo", "e-shop", "ß", "ﬁnal", "électriques", "précipitamment"]


def _word_list() -> list[str]:
    return sorted(set(TRICKY) | set(re.findall(r"[\w'’-]+", EVAL_POSTS.read_text("utf-8"))))


# Run in a fresh interpreter: in this one, snowballstemmer is already imported (above), and the
# stemmers are then taken from it.
_SCRIPT = textwrap.dedent("""
    import json, sys
    from chartercheck.text import stemming
    words = json.loads(sys.stdin.read())
    ours = {lang: [stemming._stemmer(lang).stemWord(w) for w in words] for lang in ("fr", "en")}
    loaded_alone = "snowballstemmer" not in sys.modules
    modules = {lang: type(stemming._stemmer(lang)).__module__ for lang in ("fr", "en")}
    import snowballstemmer  # later code importing the package gets the real, whole package
    theirs = {lang: [snowballstemmer.stemmer(name).stemWord(w) for w in words]
              for lang, name in (("fr", "french"), ("en", "english"))}
    print(json.dumps({"same": ours == theirs, "loaded_alone": loaded_alone, "modules": modules,
                      "languages": len(snowballstemmer.algorithms()),
                      "german": snowballstemmer.stemmer("german").stemWord("häuser"),
                      "package": type(snowballstemmer.stemmer("french")).__module__}))
""")


def test_stemmers_loaded_alone_equal_the_package_and_leave_it_importable():
    out = subprocess.run([sys.executable, "-c", _SCRIPT], input=json.dumps(_word_list()), capture_output=True,
                         text=True, cwd=ROOT, check=True)
    result = json.loads(out.stdout)
    assert result["loaded_alone"], "the package itself was imported"
    assert result["modules"] == {"fr": "chartercheck.text.stemming._snowball.french_stemmer",
                                 "en": "chartercheck.text.stemming._snowball.english_stemmer"}
    assert result["same"]
    assert result["package"] == "snowballstemmer.french_stemmer"
    assert result["languages"] == len(snowballstemmer.algorithms())
    assert result["german"] == snowballstemmer.stemmer("german").stemWord("häuser")


def test_stems_equal_the_package_stems_on_a_word_list():
    for lang, name in (("fr", "french"), ("en", "english")):
        reference = snowballstemmer.stemmer(name)
        ours = stemming._lone_stemmer(name)
        for word in _word_list():
            assert ours.stemWord(word) == reference.stemWord(word), (lang, word)


def test_an_imported_package_is_used_as_it_is():
    assert type(stemming._lone_stemmer("french")) is type(snowballstemmer.stemmer("french"))


def test_any_failure_falls_back_to_the_package(monkeypatch):
    def broken(name):
        raise ImportError(name)

    monkeypatch.setattr(stemming, "_lone_stemmer", broken)
    stemming._stemmer.cache_clear()
    try:
        assert type(stemming._stemmer("fr")) is type(snowballstemmer.stemmer("french"))
        assert stemming._stemmer("en").stemWord("cycling") == "cycl"
    finally:
        stemming._stemmer.cache_clear()  # the next caller loads its stemmer the usual way


def test_the_modules_loaded_alone_are_the_package_files():
    script = textwrap.dedent("""
        import sys
        from chartercheck.text import stemming
        stemmer = stemming._lone_stemmer("english")
        print(sys.modules[type(stemmer).__module__].__file__)
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert Path(out.stdout.strip()) == Path(snowballstemmer.__file__).parent / "english_stemmer.py"
