"""CC303 vocabulary: words the charter rejects and competitors' names, and the term matching
the positioning rules share (one charter term, all of them at once, a hashtag's spelling).

"Values structure the discourse", and words carry them: the charter's
``positioning.vocabulary`` lists rejected words (with the word to use
instead) and competitors, whose names a post should not advertise.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Severity
from ..text.matching import PhraseMatcher
from ..text.normalize import fold, folded
from .registry import Scope, rule
from .tone import quoted


@lru_cache(maxsize=256)
def term_matcher(term: str) -> PhraseMatcher:
    """A word-bounded, case/accent/plural-tolerant matcher for one charter term."""
    return PhraseMatcher([term])


@lru_cache(maxsize=16)
def any_term_matcher(terms: tuple[str, ...]) -> PhraseMatcher:
    """One matcher for all the charter's terms (a single scan finds whether any is there)."""
    return PhraseMatcher(terms)


def tag_spelling(name: str) -> str:
    """``name`` as a hashtag or mention would spell it ("Vélo Lumière" → ``velolumiere``)."""
    return "".join(fold(name).replace("-", " ").split()).lstrip("#@")


_ALNUM_RUN = re.compile(r"[^\W_]+")  # letters and digits, as PhraseMatcher spells them


@lru_cache(maxsize=64)
def term_cores(terms: tuple[str, ...]) -> tuple[str, ...] | None:
    """For each term, its longest run of letters and digits, folded; ``None`` when a term has none.

    :class:`PhraseMatcher` spells a term's letters and digits literally (plural
    endings and flexible spaces only come between runs), so a folded text can
    only match a term if it contains that run. Why: a substring test per term
    costs a fraction of the matcher's own gates, and most posts name no term.
    """
    cores = []
    for term in terms:
        runs = _ALNUM_RUN.findall(" ".join(fold(term).split()))
        if not runs:
            return None
        cores.append(max(runs, key=len))
    return tuple(cores)


def may_match(cores: tuple[str, ...] | None, text: str) -> bool:
    """False when folded ``text`` holds none of ``cores`` (see :func:`term_cores`): then
    the matcher of those terms cannot match it."""
    if cores is None:
        return True
    scanned = folded(text).text  # what the matcher scans (cached: it folds the same string)
    return any(core in scanned for core in cores)


class _Vocabulary:
    """CC303's charter settings, read once per run (why: every post asks)."""

    __slots__ = ("rejected", "competitors", "cores", "matcher")

    def __init__(self, rejected: list, competitors: list):
        self.rejected = rejected
        #: (name, its hashtag spelling)
        self.competitors = [(name, tag_spelling(name)) for name in competitors]
        terms = tuple(e["term"] for e in rejected) + tuple(competitors)
        self.cores = term_cores(terms)
        self.matcher = any_term_matcher(terms)


def _vocabulary(ctx) -> _Vocabulary | None:
    memo = ctx.memo("CC303")
    if "" not in memo:
        rejected = ctx.charter.get("positioning.vocabulary.reject", [])
        competitors = ctx.charter.get("positioning.vocabulary.competitors", [])
        memo[""] = _Vocabulary(rejected, competitors) if rejected or competitors else None
    return memo[""]


@rule("CC303", "rejected-vocabulary", Severity.WARNING, Scope.POST)
def rejected_vocabulary(ctx, post):
    """The post uses a word the charter rejects, or names a competitor.

    Why: values structure the discourse, and words carry them: a brand that
    talks to "cyclistes" does not sell to "consommateurs". Naming a competitor
    advertises it. Matching ignores case and accents and accepts plurals and
    elisions ("Clients" and "l'client" both match "client"). Fix: use
    the preferred word the hint gives; remove the competitor's name (or, for
    an intended partnership, add ``ignore: [CC303]`` to the post). Reads
    ``positioning.vocabulary.reject`` and ``positioning.vocabulary.competitors``.

    Fires::

        charter: {positioning: {vocabulary: {reject: [{term: consommateur, use: cycliste}]}}}
        posts:
          - {id: a, channel: facebook, at: "2026-11-24 12:00", text: "Les consommateurs adorent la Lumen 2."}

    Passes::

        charter: {positioning: {vocabulary: {reject: [{term: consommateur, use: cycliste}]}}}
        posts:
          - {id: a, channel: facebook, at: "2026-11-24 12:00", text: "Les cyclistes adorent la Lumen 2."}
    """
    vocabulary = _vocabulary(ctx)
    if vocabulary is None:
        return
    facts = ctx.facts(post)
    # One scan of the folded words for every term first (most posts use none
    # of them); only a hit pays for folding the text to quote what was written.
    words = " ".join(facts.tokens)
    named = may_match(vocabulary.cores, words) and vocabulary.matcher.search(words)
    text = folded(post.text) if named else None
    for entry in vocabulary.rejected if named else ():
        found = term_matcher(entry["term"]).surfaces(text)
        if found:
            use = entry.get("use")
            yield ctx.finding(post, hint="hint" if use else "no_use_hint", field="text", key=entry["term"],
                              term=entry["term"], found=quoted(found, ctx.lang), use=use or "")
    tags = facts.hashtags + facts.mentions
    spelled = [fold(tag[1:]) for tag in tags]  # once per post, not once per competitor
    for name, wanted in vocabulary.competitors:
        # hashtags and mentions spelling the name ("#Decathlon", "@rapha")
        found = ((list(term_matcher(name).surfaces(text)) if named else [])
                 + [tag for tag, spelling in zip(tags, spelled) if spelling == wanted])
        if found:
            yield ctx.finding(post, "competitor", hint="competitor_hint", field="text", key=name,
                              found=quoted(found, ctx.lang))
