"""CC3xx positioning, brand mix: off-pillar posts, generic messages (pillar shares and labels:
:mod:`.pillars`; cross-posts: :mod:`.cross_post`).

"If everything is a priority you chose no strategy"; "replace your brand's name
with another: is your strategy generic?". Pillar keywords are matched on word stems
(Snowball, French and English), so "réglages" meets the keyword "réglage".
Calendar rules group posts once and stay linear in their number.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ..model import Severity
from ..text.matching import PhraseMatcher
from ..text.normalize import fold, tokenize
from ..text.stemming import stem
from .registry import Scope, rule
from .vocabulary import may_match, tag_spelling, term_cores

#: CC304/CC305: texts shorter than this (a reply, "Merci !") carry no positioning to judge.
MIN_WORDS = 5
_CAMEL = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")


#: Only post words sharing their first letters with a keyword stem are stemmed
#: (Snowball strips endings, so a word and its stem share their beginning):
#: stemming every word of every post would cost more than every other check.
STEM_PREFIX = 2
#: Words whose keyword stems are remembered per language set (see _Pillars.learn).
KNOWN_WORDS_MAX = 16_384


@lru_cache(maxsize=1024)
def _keyword_stems(keyword: str) -> tuple[frozenset[str], ...]:
    """For each word of a keyword, its French and English stems (either may match)."""
    return tuple(frozenset((stem(w, "fr"), stem(w, "en"))) for w in tokenize(keyword) if not w.endswith("'"))


@lru_cache(maxsize=64)
def _pillar_index(spec: tuple) -> tuple[tuple, frozenset[str]]:
    """Pillars as (id, keyword stems) and the prefixes of every keyword stem."""
    pillars = tuple((pid, tuple(k for k in map(_keyword_stems, keywords) if k)) for pid, keywords in spec)
    prefixes = frozenset(s[:STEM_PREFIX] for _, keywords in pillars for k in keywords for options in k for s in options)
    return pillars, prefixes


def pillar_hits(ctx, post) -> dict[str, int]:
    """Pillar id → number of its keywords found in the post (pillars with a hit only).

    Memoised per text for the block of posts being checked (CC304, CC305 and
    CC307 all ask about it then).
    """
    memo = ctx.block_memo("pillar_hits")
    hits = memo.get(post.text)
    if hits is None:
        facts = ctx.facts(post)
        pillars = _pillars(ctx)
        langs = (facts.language,) if facts.language in ("fr", "en") else ("fr", "en")
        # Words of the text (elided particles such as "l'" aside) and of its hashtags
        # ("#MardiConseil" → mardi, conseil); only the keyword stems they yield count.
        known = pillars.known_words(langs)  # looked up inline: this loop is the hot part
        present = set()
        for word in set(facts.tokens):
            found = known.get(word)
            if found is None:
                found = pillars.learn(word, langs)
            if found and not word.endswith("'"):
                present |= found
        for tag in facts.hashtags:
            for word in tokenize(_CAMEL.sub(" ", tag[1:])):
                found = known.get(word)
                present |= pillars.learn(word, langs) if found is None else found
        # The answer depends on those stems alone, and texts share few
        # combinations of them: each combination is counted once.
        present = frozenset(present)
        hits = pillars.hits_by_stems.get(present)
        if hits is None:
            hits = pillars.hits_by_stems[present] = pillars.count(present)
        memo[facts.text] = hits
    return hits


_NONE: frozenset[str] = frozenset()


class _Pillars:
    """The charter's pillars as the CC30x rules read them, built once per run (why:
    every post asks, and rebuilding them per post cost more than the matching)."""

    __slots__ = ("index", "prefixes", "stems", "with_keywords", "hits_by_stems", "_by_word")

    def __init__(self, ctx):
        declared = ctx.charter.get("positioning.pillars", [])
        spec = tuple((p["id"], tuple(p.get("keywords") or ())) for p in declared)
        self.index, self.prefixes = _pillar_index(spec)
        #: every keyword stem (French or English)
        self.stems = frozenset(s for _, keywords in self.index for k in keywords for options in k for s in options)
        #: ids of the pillars that have keywords, in charter order
        self.with_keywords = [p["id"] for p in declared if p.get("keywords")]
        #: keyword stems found in a text → its pillar hits (shared, never modified)
        self.hits_by_stems: dict[frozenset, dict[str, int]] = {}
        #: languages → word → the keyword stems it yields (mostly none)
        self._by_word: dict[tuple, dict[str, frozenset]] = {}

    def known_words(self, langs: tuple[str, ...]) -> dict[str, frozenset]:
        """Word → the keyword stems it has in ``langs``, for the words met so far this run
        (why: texts share most of their words, and stemming is the slow part)."""
        known = self._by_word.get(langs)
        if known is None:
            known = self._by_word[langs] = {}
        return known

    def learn(self, word: str, langs: tuple[str, ...]) -> frozenset[str]:
        """The keyword stems ``word`` has in ``langs``, remembered in :meth:`known_words`.
        Only words beginning like a keyword stem (see STEM_PREFIX) are stemmed."""
        found = _NONE
        if word[:STEM_PREFIX] in self.prefixes:
            found = frozenset({stem(word, lang) for lang in langs} & self.stems) or _NONE
        known = self.known_words(langs)
        if len(known) >= KNOWN_WORDS_MAX:
            # A year of posts keeps bringing new words (names, numbers, hashtags):
            # start again rather than keep them all; the common ones return at once.
            known.clear()
        known[word] = found
        return found

    def count(self, present: frozenset[str]) -> dict[str, int]:
        """Pillar id → keywords whose every word has a stem in ``present`` (pillars with a hit)."""
        hits = {}
        for pid, keywords in self.index:
            count = sum(all(options & present for options in words) for words in keywords)
            if count:
                hits[pid] = count
        return hits


def _pillars(ctx) -> _Pillars:
    memo = ctx.memo("pillars")
    found = memo.get("")
    if found is None:
        found = memo[""] = _Pillars(ctx)
    return found


def _has_keywords(ctx) -> bool:
    return bool(_pillars(ctx).with_keywords)


@rule("CC304", "off-pillar", Severity.INFO, Scope.POST)
def off_pillar(ctx, post):
    """The post matches none of the charter's editorial pillars.

    Why: "values structure the discourse": pillars are the few themes the
    brand chose to speak about; a post on none of them dilutes the
    positioning. A post belongs to a pillar when its text or hashtags hold one
    of the pillar's keywords (case, accents and word endings ignored: stems).
    Texts under 5 words are not judged. Fix: tie the post to a pillar (and
    name it), or add the missing keyword to the pillar it belongs to. Reads
    ``positioning.pillars[].keywords``; silent when no pillar has keywords.

    Fires::

        charter: {positioning: {pillars: [{id: conseils, keywords: [entretien, réglage]}]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "Quelle belle journée ensoleillée aujourd'hui à Lyon."}

    Passes::

        charter: {positioning: {pillars: [{id: conseils, keywords: [entretien, réglage]}]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "Les réglages de ton frein avant prennent cinq minutes."}
    """
    pillars = _pillars(ctx).with_keywords
    if not pillars or ctx.facts(post).word_count < MIN_WORDS:
        return
    if not pillar_hits(ctx, post):
        yield ctx.finding(post, field="text", pillars=", ".join(pillars))


@lru_cache(maxsize=64)
def _anchor_matcher(names: tuple[str, ...]) -> PhraseMatcher:
    return PhraseMatcher(name.lstrip("#@") for name in names)


@rule("CC305", "generic-message", Severity.INFO, Scope.POST)
def generic_message(ctx, post):
    """Nothing in the post is specific to the brand: it could be any brand's.

    Why: the substitution test of the sources: replace your brand's name with
    another one; if the message still works, it says nothing about you. A post
    is brand-specific when it names the brand or an alias, a product, a pillar
    keyword, or carries a brand hashtag or mention (aliases, channels'
    ``required_tags``). Texts under 5 words are not judged. Fix: anchor the
    post in what only the brand does (its product, its workshop, its story).
    Reads ``brand.name``, ``brand.aliases``, ``brand.products`` and the pillar
    keywords; silent when ``brand.name`` is not set.

    Fires::

        charter: {brand: {name: Vélo Lumière, products: [Lumen 2]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "Le bonheur est dans les petites choses, profite de ta journée."}

    Passes::

        charter: {brand: {name: Vélo Lumière, products: [Lumen 2]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "Le bonheur est dans les petites choses, comme allumer ta Lumen 2 le soir."}
    """
    brand = ctx.charter.get("brand.name")
    facts = ctx.facts(post)
    if not brand or facts.word_count < MIN_WORDS:
        return
    # Any one anchor clears the post, so the cheapest tests go first: pillar hits
    # are usually known already (CC304 asked), tags are few, the name scan comes last.
    if _has_keywords(ctx) and pillar_hits(ctx, post):
        return
    names, anchors, cores = _brand_anchors(ctx, post.channels)
    if any(fold(tag[1:]) in anchors for tag in facts.hashtags + facts.mentions):
        return
    words = " ".join(facts.tokens)  # folded words: no need to fold again
    if may_match(cores, words) and _anchor_matcher(names).search(words):
        return
    yield ctx.finding(post, field="text", brand=brand)


def _brand_anchors(ctx, channels: tuple) -> tuple[tuple, frozenset, tuple | None]:
    """The brand's names (brand, aliases, products), the tag spellings of those and of
    the channels' required tags, and the names' cores (:func:`.term_cores`); once per
    combination of channels and run (why: asked for every post)."""
    memo = ctx.memo("CC305.anchors")
    found = memo.get(channels)
    if found is None:
        names = (ctx.charter.get("brand.name"), *ctx.charter.get("brand.aliases", []),
                 *ctx.charter.get("brand.products", []))
        tags = tuple(t for channel in channels for t in ctx.charter.channel(channel).get("required_tags") or ())
        found = memo[channels] = (names, frozenset(tag_spelling(n) for n in names + tags), term_cores(names))
    return found
