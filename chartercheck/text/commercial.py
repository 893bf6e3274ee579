"""Commercial cues of a text and the commercial score computed from them (CC201).

A post is *commercial* when its main purpose is to make the reader buy, order,
pre-order, book, subscribe to a paid offer, redeem a code or buy tickets.
Real selling posts often carry a single device ("pre-orders are open, link
below", "tickets on sale now", a bare price list), so the score lets one
decisive device carry a post alone, while weak devices need company.

**Cue families** (the categories of ``commercial:`` in the lexicon files):
offers and discounts, prices, urgency and scarcity, buying imperatives,
ordering and pre-ordering, booking (tables, test drives, demos), ticketing,
where-to-buy lines, promo codes, shop links, "link in bio", soft calls to
action, giveaways and their participation mechanics, plus the charter's own
``extra_commercial_cues`` (family ``charter``) and shouting.

**Context.** A family's ``weak_terms`` are ordinary words that sell only in
a selling context ("free", "offer", "price", "prix", "gratuit", "limited
edition"): they count only when a *context* family (a price, an order or
booking verb, a shop link, "link in bio"...) fired in the same text, and
only in their own language.  A money amount is a price only outside a
statistics or news context ("$1T spending", "£40 million a year", "a $5,000
grant"); a bare percentage is never a price ("65 % of passengers"), only an
amount *off* is an offer.

**Score.** A logistic model over the distinct families that fired::

    score = 1 / (1 + exp(−(bias + Σ weight[family])))    (0 when no cue fired)

Shouting (a caps run that is not an acronym or one of the brand's own names,
or a "!!" run) adds its weight only next to another cue: "MERCI !!!" is
enthusiasm, not selling.  The bias and the weights are fitted on real,
hand-labelled brand posts by ``benchmarks/eval/fit.py``, which writes them to
``lexicons/commercial_model.yaml`` with the command that produced them; the
charter family weighs ``−bias`` (alone it scores 0.5, below the default 0.6,
so a charter cue tips a post over only with another device).
"""
from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache

from . import lexicons as lx
from .matching import Match
from .normalize import Folded, url_spans

#: Families whose presence makes a weak word count (a selling context).
CONTEXT_FAMILIES = frozenset({
    "offer", "price", "urgency", "imperative", "order", "booking", "ticketing", "where_to_buy",
    "promo_code", "shop_link", "link_in_bio", "charter",
})
#: Characters around a money amount searched for a statistics or news word.
STATISTICS_REACH = 100
SHOUTING = "shouting"
CHARTER = "charter"


@lru_cache(maxsize=None)
def model() -> tuple[float, dict[str, float]]:
    """``(bias, weight per family)`` of the fitted model (package data, read once)."""
    data = lx.load("commercial_model")
    weights = {str(k): float(v) for k, v in (data.get("weights") or {}).items()}
    return float(data["bias"]), weights


def weight(family: str, fitted: tuple[float, dict[str, float]] | None = None) -> float:
    """The weight of ``family`` in ``fitted`` ``(bias, weights)``, by default the shipped
    :func:`model` (the charter family weighs ``−bias``)."""
    bias, weights = fitted or model()
    if family == CHARTER:
        return -bias
    return weights.get(family, 0.0)


def score(families: frozenset[str] | set[str], shouting: bool,
          fitted: tuple[float, dict[str, float]] | None = None) -> float:
    """The commercial score of a text whose cues fired ``families`` (see module docs), with the
    shipped model or another ``fitted`` ``(bias, weights)`` (the evaluation's folds)."""
    if not families:
        return 0.0
    fitted = fitted or model()
    total = fitted[0] + sum(weight(f, fitted) for f in families)
    if shouting:
        total += weight(SHOUTING, fitted)
    # Capped at 0.99 (messages show two decimals): a logistic score only approaches certainty.
    return min(round(1.0 / (1.0 + math.exp(-total)), 3), 0.99)


def _outside_urls(hits: list[tuple[int, int, str, str]], urls: list[tuple[int, int]]) -> list:
    """``hits`` without those starting inside a URL of ``urls`` (sorted spans), except shop links:
    words of a URL ("/sale", "promo" in a slug) are the shop-link family's business."""
    if not urls:
        return hits
    kept = []
    for hit in hits:
        i = bisect_left(urls, (hit[0] + 1,)) - 1
        if hit[2] == "shop_link" or not (i >= 0 and urls[i][0] <= hit[0] < urls[i][1]):
            kept.append(hit)
    return kept


def _statistic(f: Folded, m: Match) -> bool:
    """Whether the money amount ``m`` reads as a statistic or news, not a price."""
    window = f.original[max(0, m.start - STATISTICS_REACH): m.end + STATISTICS_REACH]
    return lx.statistics_matcher().search(window)


def _promo_code(cat, m: Match, codes: list[str]) -> Match | None:
    """The promo-code hit to keep (recording its code), or None ("code postal")."""
    cap = m.captured
    if cap is None:
        return m
    if any(c.isdigit() for c in cap) or (cap.isupper() and len(cap) >= 4):
        codes.append(cap)
        return m
    sub = cat.terms_only.find(m.surface)  # keep only a plain "code promo" inside it
    return Match(m.start + sub[0].start, m.start + sub[0].end, sub[0].surface) if sub else None


def find_cues(f: Folded, language: str | None,
              extra_cues: tuple[str, ...] = ()) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """``((family, surface) in text order, promo codes)`` of folded text ``f``.

    One hit per place and family (a hit nested in a longer one of its family
    is dropped); words inside a URL count only for the shop-link family; weak
    words count only in a selling context (see module docs).  Linear in the
    number of hits: hits and URLs are sorted once and swept.
    """
    hits: list[tuple[int, int, str, str]] = []  # start, end, family, surface
    codes: list[str] = []
    categories = lx.commercial_categories()
    for cat in categories:
        for m in cat.matcher.find(f):
            if cat.name == "promo_code":
                m = _promo_code(cat, m, codes)
                if m is None:
                    continue
            elif cat.name == "price" and _statistic(f, m):
                continue
            hits.append((m.start, m.end, cat.name, m.surface))
    if extra_cues:
        hits += [(m.start, m.end, CHARTER, m.surface) for m in lx.extra_matcher(extra_cues).find(f)]
    urls = sorted(url_spans(f.original))
    hits = _outside_urls(hits, urls)
    # Weak words are searched only where they can count (why: most texts sell
    # nothing, and they then skip a dozen scans).
    if any(h[2] in CONTEXT_FAMILIES for h in hits):
        weak = [(m.start, m.end, cat.name, m.surface) for cat in categories for lang, matcher in cat.weak
                if language in (lang, None) for m in matcher.find(f)]
        hits += _outside_urls(weak, urls)
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), h[2]))
    reach: dict[str, int] = {}  # per family, the furthest end of a kept hit
    kept = []
    for h in hits:
        if h[1] <= reach.get(h[2], -1):
            continue  # nested in a longer hit of its family, which starts earlier or here
        reach[h[2]] = h[1]
        kept.append(h)
    return tuple((h[2], h[3]) for h in kept), tuple(codes)


def by_contribution(cues: tuple[tuple[str, str], ...], shouted: tuple[str, ...] = ()) -> list[str]:
    """Cue surfaces ordered by their family's weight (strongest first, then text order),
    with the first shouted run placed by the shouting weight."""
    ranked = [(-weight(family), i, surface) for i, (family, surface) in enumerate(cues)]
    if shouted:
        ranked.append((-weight(SHOUTING), len(cues), shouted[0]))
    return [surface for _, _, surface in sorted(ranked)]
