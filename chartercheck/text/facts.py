"""Per-text facts, computed once per distinct text and shared by every rule.

:func:`analyze` is a pure function of ``(text, extra_cues, extra_claims)``
behind an LRU cache; :class:`TextFacts` is frozen and hashable.

Commercial cues and score (CC201): see :mod:`.commercial` (cue families,
weak words that need a selling context, the fitted logistic score).

Caps runs and exclamations: see :mod:`.shouting` (``own_names``, the brand's
name, aliases and products, never shout).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import commercial as cm
from . import lexicons as lx
from .dates import DateWord, find_date_words
from .gates import start_plan, start_runs, word_runs
from .language import count_words, detect
from .literals import literal_mask
from .normalize import (
    clean, emoji_list, extract_hashtags, extract_mentions, extract_urls, fold, folded, is_emoji, tokenize,
)
from .readability import _few_words, flesch, syllables
from .register import _sentence_markers, detect_register
from .shouting import caps_runs, exclamations, own_words
from .stemming import stems


class _lazy:
    """``functools.cached_property`` without its lock: computed on first access, then
    kept in the instance's ``__dict__``, which later reads find first.

    Why: on Python 3.11 ``cached_property`` takes a lock on every first access,
    which cost more than some facts it guarded; facts are computed by one thread.
    """

    def __init__(self, compute):
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(frozen=True)
class TextFacts:
    """Everything rules need to know about one text.  See module docs for formulas."""

    text: str
    cleaned: str  # no URLs, e-mails, mentions, hashtags, emoji; whitespace collapsed
    tokens: tuple[str, ...]  # folded words of `cleaned`, elisions split ("l'", "offre")
    word_count: int
    urls: tuple[str, ...]
    mentions: tuple[str, ...]
    hashtags: tuple[str, ...]
    emoji: tuple[str, ...]  # grapheme clusters: a ZWJ family or a flag is one
    emoji_count: int
    exclamation_count: int  # "!" characters ("‼" counts 2)
    exclamation_runs: int  # runs of punctuation holding two "!" or more ("!!!", "?!!")
    caps_runs: tuple[str, ...]  # shouted word sequences as written ("LAST CHANCE")
    language: str | None  # ISO 639-1, None when too short to judge
    language_confidence: float | None
    commercial_score: float
    commercial_cues: tuple[tuple[str, str], ...]  # (category, surface) in text order
    promo_codes: tuple[str, ...]  # code tokens as written ("HIVER40")
    claims: tuple[str, ...]  # over-promises as written
    register: str | None  # "tu" | "vous" | "mixed" | "formal" | "informal" | None
    register_markers: tuple[str, ...]
    commercial_categories: frozenset[str] = field(default=frozenset())

    # Facts below are computed on first access and cached on the instance (why:
    # only the rules of a compliance pack, or the date-contradiction rule, read
    # them, and a charter without the pack should not pay for their lexicons,
    # neither per text nor in compiling them at start-up).  :meth:`complete`
    # computes them all at once.

    @_lazy
    def date_words(self) -> tuple[DateWord, ...]:
        """Weekday names, "today"/"tomorrow" words, moments and holidays, in text order."""
        return find_date_words(folded(self.text))

    @_lazy
    def _alcohol(self) -> tuple:
        return _alcohol_facts(folded(self.text))

    @property
    def alcohol_terms(self) -> tuple[str, ...]:
        """Drinks named, as written (an ambiguous word alone, "un rosé", does not count)."""
        return self._alcohol[0]

    @property
    def evin_health_message(self) -> bool:
        """The mandatory health message of the loi Evin is present."""
        return self._alcohol[1]

    @property
    def evin_associations(self) -> tuple[tuple[str, str], ...]:
        """(theme, surface) of what the loi Evin forbids next to a drink; only if `alcohol_terms`."""
        return self._alcohol[2]

    @_lazy
    def _influence(self) -> tuple:
        f = folded(self.text)
        return (lx.compliance_matcher("influence", "accepted").surfaces(f),
                lx.compliance_matcher("influence", "insufficient").surfaces(f))

    @property
    def influence_disclosures(self) -> tuple[str, ...]:
        """Accepted disclosures as written: "Publicité", "Collaboration commerciale"."""
        return self._influence[0]

    @property
    def influence_weak_disclosures(self) -> tuple[str, ...]:
        """Insufficient ones: "#sponso", "#ad", "en partenariat avec"…"""
        return self._influence[1]

    @_lazy
    def _images(self) -> tuple:
        f = folded(self.text)
        cues = lx.compliance_matcher("images", "cues").find(f)
        decl = lx.compliance_matcher("images", "declarations").find(f)
        # "images retouchées" is the declaration, not a cue that needs one.
        cues = tuple(c for c in cues if not any(d.start <= c.start < d.end for d in decl))
        return tuple(c.surface for c in cues), tuple(d.surface for d in decl)

    @property
    def image_edit_cues(self) -> tuple[str, ...]:
        """The post says its image is retouched or AI-generated (as written)."""
        return self._images[0]

    @property
    def image_declarations(self) -> tuple[str, ...]:
        """The legal mentions present: "Images retouchées", "Image virtuelle"."""
        return self._images[1]

    @_lazy
    def green_claims(self) -> tuple[str, ...]:
        """Generic environmental claims as written ("éco-responsable", "green energy")."""
        return lx.green_matcher().surfaces(folded(self.text))

    @_lazy
    def carbon_claims(self) -> tuple[str, ...]:
        """Carbon-neutrality claims as written ("neutre en carbone")."""
        return lx.compliance_matcher("carbon").surfaces(folded(self.text))

    @property
    def image_declaration_needed(self) -> bool:
        """The post says its image is edited/generated but lacks the legal mention."""
        return bool(self.image_edit_cues) and not self.image_declarations

    def complete(self) -> "TextFacts":
        """Compute every lazy fact now (before the facts travel to another process)."""
        self.stems, self.readability, self.date_words, self._alcohol, self._influence, self._images
        self.green_claims, self.carbon_claims
        return self

    @_lazy
    def stems(self) -> frozenset[str]:
        """Snowball stems of `tokens` (elided particles excluded) in `language`.

        Stems of both French and English when the language is unknown or
        another one.  Lazy (why: the French stemmer costs ~0.5 ms per post and
        only pillar/vocabulary rules need stems).  Cached on the instance.
        """
        return stems([t for t in self.tokens if not t.endswith("'")], self.language)

    @_lazy
    def readability(self) -> float | None:
        """Flesch reading ease of `cleaned` in `language`; None if unknown/too short.

        Lazy (why: loading the pyphen dictionary costs ~15 ms and syllables
        ~0.03 ms per text, which a run without readability rules should not
        pay).  Cached on the instance.
        """
        return flesch(self.cleaned, self.language)


def _alcohol_facts(f) -> tuple:
    """(drinks, health message present?, Evin associations) of folded text ``f``."""
    alcohol = lx.compliance_matcher("alcohol").find(f)
    weak = lx.weak_alcohol_terms()
    if all(" ".join(fold(m.surface).split()) in weak for m in alcohol):
        alcohol = ()  # "un rosé", "la pression" alone are not about a drink
    evin: tuple = ()
    if alcohol:
        evin = tuple(
            sorted(((m.start, theme, m.surface) for theme, mt in lx.evin_themes() for m in mt.find(f)))
        )
    return (tuple(m.surface for m in alcohol), lx.compliance_matcher("evin_message").search(f),
            tuple((t, s) for _, t, s in evin))


@lru_cache(maxsize=256)  # callers keep their own cache (the rule context's)
def _analyze(text: str, extra_cues: tuple[str, ...], extra_claims: tuple[str, ...],
             own_names: tuple[str, ...]) -> TextFacts:
    f = folded(text)
    cleaned = clean(text)
    tokens = tokenize(cleaned)
    lang_conf = detect(cleaned)
    language = lang_conf[0] if lang_conf else None
    caps = caps_runs(cleaned, own_words(own_names) if own_names else frozenset())
    excl, excl_runs = exclamations(text)
    cues, codes = cm.find_cues(f, language, extra_cues)
    categories = frozenset(c for c, _ in cues)
    claims = lx.claims_matcher().find(f)
    if extra_claims:
        claims = tuple(sorted(claims + lx.extra_matcher(extra_claims).find(f), key=lambda m: m.start))
    register, markers = detect_register(f, language)
    emoji = emoji_list(text)
    return TextFacts(
        text=text,
        cleaned=cleaned,
        tokens=tokens,
        word_count=count_words(tokens),
        urls=extract_urls(text),
        mentions=extract_mentions(text),
        hashtags=extract_hashtags(text),
        emoji=emoji,
        emoji_count=len(emoji),
        exclamation_count=excl,
        exclamation_runs=excl_runs,
        caps_runs=caps,
        language=language,
        language_confidence=lang_conf[1] if lang_conf else None,
        commercial_score=cm.score(categories, bool(caps or excl_runs)),
        commercial_cues=cues,
        promo_codes=codes,
        claims=tuple(m.surface for m in claims),
        register=register,
        register_markers=markers,
        commercial_categories=categories,
    )


def analyze(text: str, extra_cues=(), extra_claims=(), own_names=()) -> TextFacts:
    """Facts about ``text``; ``extra_cues``/``extra_claims`` and ``own_names`` (the
    brand's name, aliases and products, which never shout) come from the charter.

    Cached on ``(text, tuple(extra_cues), tuple(extra_claims), tuple(own_names))``:
    call it from every rule freely, the work is done once per distinct text.
    """
    return _analyze(text or "", tuple(extra_cues), tuple(extra_claims), tuple(own_names))


def clear_caches() -> None:
    """Empty the analysis caches (for cold-start benchmarks and tests)."""
    _analyze.cache_clear()
    detect.cache_clear()
    flesch.cache_clear()
    syllables.cache_clear()
    folded.cache_clear()
    fold.cache_clear()
    tokenize.cache_clear()
    is_emoji.cache_clear()
    start_plan.cache_clear()
    start_runs.cache_clear()
    word_runs.cache_clear()
    literal_mask.cache_clear()
    _sentence_markers.cache_clear()
    _few_words.cache_clear()
