"""Shared passes over a text must give what the former step-by-step readings gave.

Each reference below is the plain way a fact used to be read; the corpus is
the evaluation posts, the benchmark texts when they have been generated, and
hand-picked oddities (elisions, accents, hashtags, emoji, capitals, dashes).
"""
from functools import lru_cache
from pathlib import Path

import re

import pytest
import regex
import yaml

from chartercheck.text import dates, language, matching, register, shouting, trie
from chartercheck.text import lexicons as lx
from chartercheck.text.lexicons import register_data, register_matcher
from chartercheck.text.normalize import WORD_RE, clean, folded, split_elision, tokenize, word_spans
from chartercheck.text.stemming import stem, stems

from test_gates import _reference_find

ROOT = Path(__file__).resolve().parents[2]
ODD_TEXTS = [
    "L’offre d’hiver : -40 % sur TOUT !!! Code HIVER40 jusqu’au 12/12. Lien en bio 👉 shop.example.fr/soldes",
    "Rendez-vous samedi ! Viens découvrir notre atelier, et toi, tu viens ? Merci à vous tous d'être venus.",
    "Réserve-la vite, dis-nous tout ; celle-là est parfaite. Découvre la collection — commande (ou pas).",
    "Nous sommes ravis de vous accueillir. Profitez-en : réservez dès maintenant ! Vous êtes nombreux.",
    "WE ARE SO EXCITED!! Don't miss it, we're gonna have an AWESOME time, y'all. It's lit, isn't it?",
    "We are pleased to kindly inform you… please do not hesitate to contact us. Best regards.",
    "Œuvre d’art, cœur d’or, ŒIL DE LYNX. Straße groß. İstanbul İÇİN ÇOK GÜZEL. ﬁne ligatures ½ price",
    "Joyeux Noël et bonne année 🎄🎉 ! Bon lundi à tous, ce soir on fête la Saint-Patrick. Happy Monday! TGIF",
    "#ad #sponso @marque en partenariat avec @brand — Publicité. Collaboration commerciale. #collab",
    "👨‍👩‍👧‍👦 🇫🇷 👍🏽 ❤️ #2024 #1 #vélo_taf @lea.martin e-mail: contact@example.fr www.example.com/promo?utm=1",
    "Tu aimes? T'as vu? Toi aussi! N'hésite pas. Et viens. Puis commande. Alors découvre-le.",
    "\u00a0Espace\u202finsécable\u2009ici ; tiret\u2013demi, tiret\u2014cadratin : vous\u2013viens ; apostrophe ʼ ` ´ ′ fin.",
    "l'l'l'offre qu'aujourd'hui jusqu'à lorsqu'il puisqu'elle c'est m'a t'es s'il n'y d'où j'ai",
    "A\u0301ccent combinant e\u0301te\u0301, cafe\u0301 crème brûlée naïve Noël ÉTÉ À BIENTÔT, venez",
    "Texte\nsur\nplusieurs lignes.\n\nNouveau paragraphe. Vous? Tu! Vous.Tu.Vous,viens(découvre)rendez-vous",
    "vous vous votre vos tu te toi ton ta tes chez assez nez allez venez rendez-vous rendez vous Rendez-Vous",
    "Merci à vous, venez nombreux… Et viens! Rendez-vous.Viens ; n'hésitez pas : découvrez, et découvre",
    "You’re gonna love it, we’ll see, they’ve done it, don’t, can’t, won’t, I’m, it’s, that’s",
    "中文 A中文 русский ТЕКСТ ЗДЕСЬ العربية हिन्दी किताब ไทย",
    "", "   ", "!!!", "ok", "Vous", "tu", "-", "rendez-vous",
]


@lru_cache(maxsize=None)
def corpus() -> tuple[str, ...]:
    posts = yaml.safe_load((ROOT / "benchmarks" / "eval" / "posts.yaml").read_text("utf-8"))["posts"]
    texts = [p["text"] for p in posts] + ODD_TEXTS
    generated = ROOT / "benchmarks" / "out" / "texts-10000.txt"
    if generated.exists():  # made by benchmarks/generate.py; not in the repository
        texts += [t for t in generated.read_text("utf-8").split("\n\n") if t.strip()][:3000]
    # Cut texts apart too: their sentences and clauses start and end in every way.
    texts += [part for t in list(texts) for part in regex.split(r"(?<=[.!?,])\s", t)]
    return tuple(dict.fromkeys(texts))


def _reference_word_spans(text: str) -> tuple[tuple[str, str], ...]:
    f = folded(text)
    out = []
    for m in WORD_RE.finditer(f.text):
        start = m.start()
        for part in split_elision(m.group()):
            out.append((part, f.surface(start, start + len(part))))
            start += len(part)
    return tuple(out)


def _reference_french(text: str):
    """French register as it was read: every clause folded, split and quoted word by word."""
    data = register_data("fr")
    tu_words, vous_words = data["tu"], data["vous"]
    tu_verbs, not_verbs = data["tu_verbs"], data["ez_not_verbs"]
    collective_words = {w for w in data["collective"] if " " not in w and "'" not in w}
    collective = register_matcher("fr", "collective")
    idioms = register_matcher("fr", "idioms")
    tu, vous, crowd = [], [], []
    for sentence in register._SENTENCE_RE.split(text):
        if not sentence or not sentence.strip():
            continue
        for m in reversed(idioms.find(sentence)):
            sentence = sentence[: m.start] + " " + sentence[m.end :]
        toks = tokenize(sentence)
        s_vous = []
        if "-" in sentence:
            lowered = sentence.lower()
            same_length = len(lowered) == len(sentence)
            for m in register._HYPHEN_IMPERATIVE_RE.finditer(lowered):
                if not m.group(1).endswith(("ez", "ons")):
                    tu.append(sentence[m.start() : m.end()] if same_length else m.group())
        for clause in register._CLAUSE_RE.split(sentence):
            pairs = _reference_word_spans(clause)
            for i, (t, surface) in enumerate(pairs):
                if t in tu_words:
                    tu.append(surface)
                elif t in tu_verbs and (i == 0 or pairs[i - 1][0] in register._IMPERATIVE_AFTER):
                    tu.append(surface)
                elif t in vous_words or (len(t) >= 5 and t.endswith("ez") and t not in not_verbs):
                    s_vous.append(surface)
        if s_vous and (collective_words.intersection(toks) or collective.search(sentence)):
            crowd += s_vous
        else:
            vous += s_vous
    if tu and vous:
        return "mixed", tuple(tu + vous)
    if tu:
        return "tu", tuple(tu)
    if vous:
        return "vous", tuple(vous)
    return None, tuple(crowd)


def _reference_english(text: str):
    """English register as it was read: every word of the text quoted, then looked up."""
    contractions = register_data("en")["contractions"]
    formal = register_matcher("en", "formal").surfaces(text)
    slang = register_matcher("en", "informal_slang").surfaces(text)
    contr = tuple(surface for t, surface in _reference_word_spans(text) if t in contractions)
    if formal and slang:
        return "mixed", formal + slang
    if formal:
        return "formal", formal
    if slang or len(contr) >= register.CONTRACTIONS_FOR_INFORMAL:
        return "informal", slang + contr
    return None, ()


def test_word_spans_quote_what_folding_and_splitting_each_word_quoted():
    for text in corpus():
        assert word_spans(text) == _reference_word_spans(text), text
        assert tuple(t for t, _ in word_spans(text)) == tokenize(text), text


@pytest.mark.parametrize("part", range(4))
def test_french_register_reads_each_sentence_once_with_the_same_markers(part):
    texts = corpus()[part::4]
    for text in texts:
        assert register._french(folded(text)) == _reference_french(text), text


def test_english_register_looks_for_contractions_only_where_an_apostrophe_is():
    assert register._contractions_hold_apostrophes()
    for text in corpus():
        assert register._english(folded(text)) == _reference_english(text), text


def test_date_gates_find_a_date_word_wherever_the_flat_alternations_do():
    _, days, _, phrases, day_gate, phrase_gate = dates._compiled()
    flat_days, flat_phrases = re.compile(dates._alt(days)), re.compile(dates._alt(phrases))
    texts = corpus() + ("bon apres-midi", "bon apres midi", "bon  apres--midi", "bonne-annee", "black  friday",
                        "#tbt", "tbt", "thank god it's friday", "mother's day", "mercredis", "samedi-dimanche")
    for text in texts:
        t = folded(text).text
        assert (day_gate.search(t) is None) == (flat_days.search(t) is None), text
        assert (phrase_gate.search(t) is None) == (flat_phrases.search(t) is None), text


@pytest.mark.parametrize("lang", ["fr", "en", None, "de"])
def test_stems_are_the_stem_of_every_word(lang):
    langs = (lang,) if lang in ("fr", "en") else ("fr", "en")
    for text in corpus()[::3]:
        words = [t for t in tokenize(text) if not t.endswith("'")] + ["2027", "conseils286", "n°1", "x2a"]
        assert stems(words, lang) == frozenset(stem(w, lg) for w in words for lg in langs), text


def _reference_trie(sequences) -> str:
    """A term trie as it was written: the left boundary first, then the alternation."""
    root: dict = {}
    for seq in sequences:
        node = root
        for tok in seq:
            node = node.setdefault(tok, {})
        node[""] = {}

    def emit(node: dict) -> str:
        keys = sorted((k for k in node if k), key=lambda k: (k == trie.RIGHT, k))
        alts = [tok + emit(node[tok]) for tok in keys]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(root)


def _term_matchers():
    matchers = [lx.claims_matcher(), lx.green_matcher(), lx.compliance_matcher("alcohol"),
                lx.compliance_matcher("influence", "insufficient"), lx.compliance_matcher("influence", "accepted"),
                lx.compliance_matcher("images", "cues"), lx.compliance_matcher("carbon"),
                lx.register_matcher("en", "formal"), lx.register_matcher("en", "informal_slang"),
                lx.register_matcher("fr", "collective"), lx.register_matcher("fr", "idioms"),
                matching.PhraseMatcher(["#ad", "@marque", "n°1", "100 %", "l'offre", "_x", "中文", "a"])]
    for category in lx.commercial_categories():
        matchers += [category.terms_only] + [m for _, m in category.weak]
    return matchers + [m for _, m in lx.evin_themes()]


def test_term_tries_open_with_characters_and_match_where_the_boundary_first_did():
    texts = [folded(t).text for t in corpus()[::2]]
    for matcher in _term_matchers():
        tokens = [trie.spelling_tokens(s) for s in matcher._spellings]
        new = matching._compile(trie.trie_regex(tokens), matcher._engine)
        old = matching._compile(_reference_trie(tokens), matcher._engine)
        assert not new.pattern.startswith(trie.LEFT)
        for text in texts:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], text


def test_ascii_shout_hint_finds_what_the_unicode_one_finds_in_ascii_texts():
    texts = [t for t in corpus() if t.isascii()] + ["AB", "A-B", "A'B", "A1B", "Ab", "aB", "A B", "A_B", "NEW", "a"]
    texts += ["".join(chr(c) for c in range(32, 127)), "x" + "".join(chr(c) + "A" for c in range(128))]
    for text in texts:
        assert (shouting._ASCII_SHOUT_HINT_RE.search(text) is None) == (shouting._SHOUT_HINT_RE.search(text) is None), text


def test_language_prepass_counts_a_grave_as_before():
    for text in corpus() + ("à la une", "À bientôt", "la", "déjà à", "a\u0300 part"):
        cleaned = clean(text)
        tokens = tokenize(cleaned)
        fr_words, en_words = lx.stopwords("fr"), lx.stopwords("en")
        fr = sum(map(fr_words.__contains__, tokens)) + len(language._A_GRAVE.findall(cleaned))
        en = sum(map(en_words.__contains__, tokens))
        expected = None
        if language.OTHER_MARKERS.isdisjoint(tokens):
            for lang, hits, other in (("fr", fr, en), ("en", en, fr)):
                if (hits >= language.PREPASS_MIN_HITS and hits >= language.PREPASS_RATIO * other
                        and hits >= language.PREPASS_MIN_SHARE * len(tokens)):
                    expected = lang, round(min(0.99, hits / (hits + other + 1)), 3)
                    break
        assert language.prepass(tokens, cleaned) == expected, text


def test_a_regex_compiled_trie_is_skipped_only_where_no_term_could_match():
    promo = next(c.matcher for c in lx.commercial_categories() if c.name == "promo_code")
    assert promo._engine is regex and promo._term_runs
    duplicate_names = matching.PhraseMatcher(
        ["code promo", "#ad", "l'offre", "100 %", "x"], [r"a(?P<cap>\d)", r"b(?P<cap>\d)"])
    assert duplicate_names._engine is regex and duplicate_names._term_runs
    texts = corpus()[::2] + ("Code PROMO: HIVER40", "promo-code", "codepromo", "code  promo", "#ad a1 b2 l'offre")
    for matcher in (promo, duplicate_names):
        for text in texts:
            assert matcher.find(text) == _reference_find(matcher, text), text


def test_ascii_words_are_found_as_word_re_finds_them():
    from chartercheck.text.normalize import _ASCII_WORD_RE

    every_ascii = "".join(chr(c) for c in range(128))
    texts = [folded(t).text for t in corpus()] + [every_ascii, every_ascii[::-1], "a'b'c d''e f'1 2'g _x_ '", "l'l'offre"]
    for text in (t for t in texts if t.isascii()):
        assert [m.span() for m in _ASCII_WORD_RE.finditer(text)] == [m.span() for m in WORD_RE.finditer(text)], text


def test_words_and_letters_are_counted_as_str_isalpha_counts_them():
    every_ascii = "".join(chr(c) for c in range(128))
    texts = corpus() + (every_ascii, "n°1 2026 l'offre ² ½ Ⅳ 中文 e\u0301", "²", "")
    for text in texts:
        tokens = tokenize(text) + ("²", "n°1", "l'", "2026", "x2", "ǅ")
        assert language.count_words(tokens) == sum(1 for t in tokens if any(c.isalpha() for c in t)), text
        assert language.count_letters(text) == sum(c.isalpha() for c in text), text


def test_literal_mask_names_every_string_present():
    from chartercheck.text import literals

    for matcher in _term_matchers():  # registers every lexicon's gate strings
        matcher.find("x")
    for category in lx.commercial_categories():
        category.matcher.find("x")
    texts = [folded(t).text for t in corpus()] + list(literals._LITERAL_BITS) + ["".join(literals._LITERAL_BITS)]
    for text in texts:
        expected = 0
        for string, bit in literals._LITERAL_BITS.items():
            if string in text:
                expected |= bit
        assert literals.literal_mask(text) == expected, text


def test_start_runs_are_the_registered_runs_that_begin_a_word_start_of_the_text():
    from chartercheck.text import gates

    for matcher in _term_matchers():  # registers every lexicon's runs
        matcher.find("x")
    matching.PhraseMatcher(["#ad", "@marque", "zz top"]).find("x")
    runs = sorted(set().union(*gates._RUNS.values()))
    texts = [folded(t).text for t in corpus()] + [
        "#ad @marque #adulte zz-top", "l'offre, offres\x00offre", " ".join(runs), "".join(runs), ""]
    for text in texts:
        words = gates._START_TOKEN_RE.findall(text)
        expected = frozenset(run for run in runs if any(word.startswith(run) for word in words))
        assert gates.start_runs(text) == expected, text


def test_french_register_of_sentences_met_again_in_other_texts_is_read_as_the_first_time():
    # Each sentence's markers are kept from one text to the next: a sentence must
    # read the same whatever text holds it (an idiom elsewhere in the text, a crowd
    # word in another sentence, a cheer…), and as it reads with nothing kept
    # (the reference reading above predates appositions and cheers).
    sentences = ["Viens découvrir notre atelier !", "Venez nombreux.", "Rendez-vous samedi.",
                 "Merci à vous tous.", "Réservez dès maintenant !", "Allez les Bleus !", "Découvre-la vite.",
                 "Léa Martin, notre cheffe, prépare le menu.", "Vous êtes nombreux, venez !", "Profitez-en."]
    texts = [" ".join(sentences[i:] + sentences[:i]) for i in range(len(sentences))]
    texts += [a + " " + b for a in sentences for b in sentences]
    texts += list(corpus()[::7])
    expected = {}
    for text in texts:
        register._sentence_markers.cache_clear()
        expected[text] = register._french(folded(text))
    register._sentence_markers.cache_clear()
    for _ in range(2):  # the second time, every sentence has been read before
        for text in texts:
            assert register._french(folded(text)) == expected[text], text
    assert register._sentence_markers.cache_info().hits > 0


def _reference_index(text: str) -> tuple[int, ...]:
    """The position map as it was built: one step per character of ``text``."""
    index: list[int] = []
    for i, ch in enumerate(text):
        index.extend([i] * len(folded(ch).text))
    return tuple(index)


def test_folded_position_map_is_built_around_the_characters_that_change_length():
    texts = [t for t in corpus() if not t.isascii()] + [
        "œ", "Œuvre…", "…a…b…", "cœur d’or… ŒIL", "e\u0301te\u0301", "ﬁn ½ ß İ", "a\u0301\u0301b", "……"]
    for text in texts:
        f = folded(text)
        assert tuple(f.index) == _reference_index(text), text
        assert len(f.index) == len(f.text)


def test_sentences_are_counted_as_textstat_counts_them_when_met_again():
    from chartercheck.text import readability

    texts = list(corpus()) + ["Oui. Non. Peut-être bien que oui.", "Go! Go! Go now, team!", "a b. a b. a b c."]
    for _ in range(2):  # the second time, every sentence's word count has been kept
        for text in texts:
            sentences = readability._SENTENCE.findall(text)
            short = sum(1 for s in sentences if len(readability.list_words(s)) <= 2)
            expected = max(1, len(sentences) - short) if text else 0
            assert readability.count_sentences(text) == expected, text
    assert readability._few_words.cache_info().hits > 0
