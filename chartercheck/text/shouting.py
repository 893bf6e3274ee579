"""Shouting: words in capitals and runs of exclamation marks (facts for CC201 and CC308).

A shouted word is all upper case, with at least 3 letters and no digit, and
neither a known acronym (:data:`ACRONYMS`: "SNCF", "RGPD", "DIY") nor one of
the brand's own names (its name, aliases and products, word by word).
Unknown short words such as "NEW" or "TOP" do count: they are how captions
shout.  Consecutive shouted words make one run.
"""
from __future__ import annotations

from functools import lru_cache

import re

import regex

from .normalize import fold

ACRONYMS = frozenset(
    "SNCF RATP PDF USB FAQ CEO DIY RGPD GDPR TVA VAT USA NYC SUV LED UTM API HTML CSS RSE CSR PME "
    "SME TPE ONG NGO CNIL DGCCRF ARPP AOC AOP IGP IPA VTT VAE BMX GPS SMS URL VIP SAV RDV CGV CGU "
    "ASAP FYI DM DMs BIO UNESCO UNICEF OMS WHO NASA BBC CNN RTL TF1 SEO ROI KPI B2B B2C IA AI PSG "
    "OM JO COP CO2 HLM EDF SNCB STIB TGV TER RER UX UI PR HR RH DRH PDG SAS SARL SA LLC INC LTD "
    "USD EUR GBP CAD CHF AUD JPY XOF FCFA TTC HT".split()
)
_CAPS_WORD_RE = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
_EXCLAMATION_RE = regex.compile(r"[!?‼❗！]+")
# A shouted word has no lower-case letter, three letters and one upper-case
# letter at least: so two upper-case letters close together, or a letter
# without case (as in "A中文").  A text with neither has no caps run.
_SHOUT_HINT_RE = regex.compile(r"\p{Uppercase}[\p{L}\p{N}'’-]*\p{Uppercase}|[^\P{L}\p{Cased}]")
# The same hint for an ASCII text (where every letter has a case), which ``re``
# finds several times faster.
_ASCII_SHOUT_HINT_RE = re.compile(r"[A-Z][A-Za-z0-9'-]*[A-Z]")


def _shouted(word: str, own: frozenset[str]) -> bool:
    # isupper() first: it is the cheap test that almost every word fails.
    return (word.isupper() and sum(c.isalpha() for c in word) >= 3
            and not any(c.isdigit() for c in word) and word not in ACRONYMS
            and not (own and fold(word) in own))


@lru_cache(maxsize=64)
def own_words(names: tuple[str, ...]) -> frozenset[str]:
    """The brand's own names, word by word, folded ("VELO" and "VÉLO" are "Vélo")."""
    return frozenset(fold(m.group()) for name in names for m in _CAPS_WORD_RE.finditer(name))


def caps_runs(cleaned: str, own: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Maximal runs of consecutive shouted words of ``cleaned``, as written ("LAST CHANCE"):
    a sentence end (".", "!", "?", a new line) closes a run; ``own`` holds the brand's
    own words (see :func:`own_words`), which never shout."""
    hint = _ASCII_SHOUT_HINT_RE if cleaned.isascii() else _SHOUT_HINT_RE
    if hint.search(cleaned) is None:
        return ()
    runs: list[str] = []
    start = end = None
    for m in _CAPS_WORD_RE.finditer(cleaned):
        shouted = _shouted(m.group(), own)
        if not shouted and start is None:
            continue
        gap = cleaned[end : m.start()] if end is not None else ""
        if shouted and start is not None and not any(c in ".!?\n" for c in gap):
            end = m.end()
            continue
        if start is not None:
            runs.append(cleaned[start:end])
            start = end = None
        if shouted:
            start, end = m.start(), m.end()
    if start is not None:
        runs.append(cleaned[start:end])
    return tuple(runs)


def exclamations(text: str) -> tuple[int, int]:
    """``(exclamation marks, runs of two or more)`` of ``text``: "‼" counts two, and a run is
    a stretch of ``!?‼❗！`` holding two exclamations at least ("!!!", "?!!")."""
    count = runs = 0
    for m in _EXCLAMATION_RE.finditer(text):
        n = sum(2 if c == "‼" else 1 for c in m.group() if c in "!‼❗！")
        count += n
        runs += n >= 2
    return count, runs
