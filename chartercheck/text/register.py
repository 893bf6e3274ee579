"""Register of address: French tu/vous, English formal/informal (facts for CC302).

French (per sentence, on folded tokens with elisions split):

* tu markers: pronouns and possessives ``tu te t' toi ton ta tes`` and, at the
  start of a clause or after "et/puis/alors/n'", common 2nd-person singular
  imperatives ("Découvre…", "Viens…") — why only there: "commande", "offre",
  "cours" are nouns elsewhere; and any verb + hyphenated pronoun ("Réserve-la",
  "dis-nous") not ending in -ez/-ons;
* vous markers: ``vous votre vos`` and verbs ending in ``-ez`` (≥ 5 letters,
  minus non-verbs such as "chez", "assez");
* **collective vous**: a vous marker in a sentence that also holds a crowd
  marker ("tous", "nombreux", "d'entre vous", "merci à vous", "milliers"…)
  addresses the community as a group — even a tutoiement brand must say
  "merci à vous tous".  Collective markers never make a text "vous" or
  "mixed".  Fixed expressions ("rendez-vous") are removed first, and so is
  a cheer's "allez" ("Allez les Bleus !", "Allez, on y croit") — it urges,
  it does not address anyone as *vous*;
* **apposition**: in "Léa Martin, notre cheffe, prépare le menu" the verb
  after the second comma is the subject's (3rd person), not an imperative:
  a *tu* verb opening the third clause of a sentence does not count when the
  first two clauses are cut by commas, the first is a short phrase (≤
  :data:`APPOSITION_SUBJECT_WORDS` words) that addresses nobody, and the verb's
  form is also a 3rd person one (not "viens", "prends": "Léa, Marc, viens !").

Result: tu and direct vous → ``"mixed"``; only tu → ``"tu"``; only direct
vous → ``"vous"``; nothing (or only collective vous) → ``None``.

English (phrase matchers over the whole text): formal phrases ("we are
pleased", "kindly", "please do not hesitate"), slang ("gonna", "hey guys",
"awesome") and contractions.  Formal and slang together → ``"mixed"``; formal
→ ``"formal"`` (contractions tolerated); slang, or three contractions or more →
``"informal"``; otherwise ``None`` — one "it's" is neutral English.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .lexicons import register_data, register_matcher
from .normalize import Folded, folded, tokenize, word_starts

#: Contractions are ordinary in neutral modern English; only a cluster of them is casual.
CONTRACTIONS_FOR_INFORMAL = 3
_SENTENCE_RE = regex.compile(r"(?<=[.!?…])\s+|\n+|(?<=[.!?…])(?=\p{Lu})")
_CLAUSE_RE = regex.compile(r"[,;:()\u2013\u2014]")
# "Réserve-la", "dis-nous": verb + hyphenated pronoun is an imperative.  Run on
# the lower-cased, NOT folded text so that "celle-là" (là, adverb) never matches.
_HYPHEN_IMPERATIVE_RE = regex.compile(r"(?<![\w-])([^\W\d_]{2,})-(?:la|le|les|moi|nous|lui|leur|en|y|toi)(?![\w-])")
_IMPERATIVE_AFTER = frozenset({"et", "puis", "alors", "vite", "donc", "aussi", "n'", "ne"})
# A cheer: "Allez les Bleus", "Allez l'OM", "Allez !", "Allez, on y croit", "Allez on".
_CHEER_RE = regex.compile(r"\b[Aa]llez(?=,?\s+(?:les?|la|l['’])\s*\p{Lu}|\s*[!,…]|\s+on\b)")
#: Distinct sentences whose markers are kept (see _sentence_markers).
SENTENCES_KEPT = 8192
#: Words a sentence's first clause may hold and still be the subject of an apposition.
APPOSITION_SUBJECT_WORDS = 4


def _french(text: Folded) -> tuple[str | None, tuple[str, ...]]:
    idioms = register_matcher("fr", "idioms")
    # A sentence holds an idiom only where the whole text does (a sentence is
    # a stretch of it, cut after a space, a newline or a full stop): one search
    # of the whole text spares most texts a search per sentence.
    idiom_in_text = bool(idioms.find(text))
    tu: list[str] = []
    vous: list[str] = []
    crowd: list[str] = []
    for sentence in _SENTENCE_RE.split(text.original):
        if not sentence or not sentence.strip():
            continue
        s_tu, s_vous, collective = _sentence_markers(sentence, idiom_in_text)
        tu += s_tu
        if collective:
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


@lru_cache(maxsize=SENTENCES_KEPT)
def _sentence_markers(sentence: str, idiom_in_text: bool) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """``(tu markers, vous markers, collective?)`` of one sentence, as written.

    ``idiom_in_text`` is False when the sentence's text holds no idiom (so neither
    does the sentence).  Cached (why: a calendar's captions repeat whole sentences
    — calls to action, signatures, greetings — and reading one costs a folding, a
    split into words and a pass over them).
    """
    data = register_data("fr")
    collective_words = _collective_words()
    tu: list[str] = []
    s_vous: list[str] = []
    if idiom_in_text:
        for m in reversed(register_matcher("fr", "idioms").find(sentence)):  # "rendez-vous" addresses nobody
            sentence = sentence[: m.start] + " " + sentence[m.end :]
    if "llez" in sentence:
        sentence = _CHEER_RE.sub(" ", sentence)
    toks = tokenize(sentence)
    if "-" in sentence:
        lowered = sentence.lower()
        same_length = len(lowered) == len(sentence)  # "İ" lowers to two characters
        for m in _HYPHEN_IMPERATIVE_RE.finditer(lowered):
            verb = m.group(1)
            if not verb.endswith(("ez", "ons")):  # -ez is counted below; -ons is "nous"
                tu.append(sentence[m.start() : m.end()] if same_length else m.group())
    if _may_address(toks):  # else no pronoun, imperative or -ez word: nothing to read
        _read_clauses(sentence, data, tu, s_vous)
    collective = bool(s_vous) and bool(
        collective_words.intersection(toks) or register_matcher("fr", "collective").search(sentence))
    return tuple(tu), tuple(s_vous), collective


@lru_cache(maxsize=None)
def _collective_words() -> frozenset[str]:
    """Collective markers of one word ("tous", "nombreux"), found among a sentence's tokens."""
    return frozenset(w for w in register_data("fr")["collective"] if " " not in w and "'" not in w)


def _read_clauses(sentence: str, data: dict, tu: list[str], vous: list[str]) -> None:
    """Add to ``tu`` and ``vous`` the markers of one sentence, as written.

    An imperative only counts first in its clause or after "et", "puis"…:
    clauses end at ``_CLAUSE_RE``'s characters, which are no part of a word, so
    a word opens its clause when one of them lies between it and the word
    before (or when it is the sentence's first).  One pass over the sentence's
    words, and only the markers are quoted (why: folding and splitting every
    clause again, and quoting every word, cost more than reading the words).
    """
    tu_words, vous_words = data["tu"], data["vous"]
    tu_verbs, not_verbs = data["tu_verbs"], data["ez_not_verbs"]
    f = folded(sentence)
    found = list(_CLAUSE_RE.finditer(sentence))
    cuts = [m.start() for m in found]  # in the sentence as written
    index = f.index
    clause = 0  # clause cuts before the current word
    previous = None  # the word before, in the same clause
    words = list(word_starts(f))
    apposition = (len(found) >= 2 and found[0].group() == found[1].group() == ","
                  and _short_subject([t for t, s in words if index[s] < cuts[0]], data))
    for token, start in words:
        if cuts:
            before = clause
            position = index[start]
            while clause < len(cuts) and cuts[clause] < position:
                clause += 1
            if clause != before:
                previous = None
        end = start + len(token)
        if token in tu_words:
            tu.append(f.surface(start, end))
        elif token in tu_verbs and (previous is None or previous in _IMPERATIVE_AFTER):
            # "viens", "prends" (-s) are 2nd person only; "prépare", "va" are also 3rd.
            if not (apposition and clause == 2 and previous is None and not token.endswith("s")):
                tu.append(f.surface(start, end))
        elif token in vous_words or (len(token) >= 5 and token.endswith("ez") and token not in not_verbs):
            vous.append(f.surface(start, end))
        previous = token


def _short_subject(tokens: list[str], data: dict) -> bool:
    """Whether a first clause's words can be an apposition's subject ("Léa Martin",
    "Notre cheffe"): few, and none of them addresses the reader."""
    return (0 < len(tokens) <= APPOSITION_SUBJECT_WORDS
            and not any(t in data["tu"] or t in data["vous"] or t in data["tu_verbs"] for t in tokens))


@lru_cache(maxsize=None)
def _addressing_words() -> frozenset[str]:
    data = register_data("fr")
    return data["tu"] | data["tu_verbs"] | data["vous"]


def _may_address(tokens: tuple[str, ...]) -> bool:
    """Whether a sentence's tokens hold any word the clause reading could count."""
    if not _addressing_words().isdisjoint(tokens):
        return True
    return any(len(t) >= 5 and t.endswith("ez") for t in tokens)


@lru_cache(maxsize=None)
def _contractions_hold_apostrophes() -> bool:
    """Every English contraction of the lexicon holds an apostrophe: a text without one has none."""
    return all("'" in word for word in register_data("en")["contractions"])


def _english(text: Folded) -> tuple[str | None, tuple[str, ...]]:
    contractions = register_data("en")["contractions"]
    formal = register_matcher("en", "formal").surfaces(text)
    slang = register_matcher("en", "informal_slang").surfaces(text)
    contr: tuple[str, ...] = ()
    if "'" in text.text or not _contractions_hold_apostrophes():
        contr = tuple(text.surface(start, start + len(t)) for t, start in word_starts(text) if t in contractions)
    if formal and slang:
        return "mixed", formal + slang
    if formal:
        return "formal", formal
    if slang or len(contr) >= CONTRACTIONS_FOR_INFORMAL:
        return "informal", slang + contr
    return None, ()


def detect_register(text: Folded, language: str | None) -> tuple[str | None, tuple[str, ...]]:
    """``(register, markers)`` for a text in ``language``.

    ``register`` is ``"tu" | "vous" | "mixed"`` for French, ``"formal" |
    "informal" | "mixed"`` for English, ``None`` when undetermined.  ``markers``
    are the words or phrases that decided it, as written in the text ("Hésitez",
    not "hesitez"; for a ``None`` French result: the collective vous markers
    that were set aside).  With no
    or another language, French markers are tried first, then English ones.
    """
    if language == "fr":
        return _french(text)
    if language == "en":
        return _english(text)
    reg, markers = _french(text)
    if reg is not None:
        return reg, markers
    return _english(text)
