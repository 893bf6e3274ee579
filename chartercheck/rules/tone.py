"""CC2xx tone: the commercial score and share, over-promises, shouting, repetition.

"Too commercial messages are tiresome and counter-productive" and "don't
promise what you can't deliver": these rules read the text facts computed once
per distinct text (:mod:`chartercheck.text.facts`): commercial cues and their
score, absolute claims, caps and exclamation runs. CC202 sorts once and
slides a window, so its cost grows linearly with posts. CC205 (repetition)
lives in :mod:`.tone_repetition`.
"""
from __future__ import annotations

import regex

from ..model import Severity
from ..text.normalize import fold, is_emoji
from .context import first_line
from .registry import Scope, rule
from .streaming import PostStream, finished, stream

#: CC204: shouted words (in caps runs) from which a post shouts; one capitalised
#: word is emphasis ("NOUVEAU"), two are a raised voice.
SHOUTED_WORDS = 2
#: CC204: exclamation marks in one run from which it is shouting ("!!!").
EXCLAMATION_RUN = 3
#: CC204: emoji in a row (spaces allowed between) that make a flood.
EMOJI_RUN = 4
#: CC205/CC309: texts with fewer words carry too little to compare ("Merci !").
DUPLICATE_MIN_WORDS = 5

_EXCLAMATION_RE = regex.compile(r"[!?‼❗！]+")
_GRAPHEME_RE = regex.compile(r"\X")


def quoted(items, lang: str) -> str:
    """``'a', 'b'`` in English, ``« a », « b »`` in French.

    An item already said (case and accents aside), or inside one already said
    ("40 %" after "-40 %"), is dropped: the message lists what was written.
    """
    kept: list[str] = []
    out = []
    for item in items:
        folded_item = " ".join(fold(item).split())
        if not folded_item or any(folded_item in earlier for earlier in kept):
            continue
        kept.append(folded_item)
        out.append(f"« {item} »" if lang == "fr" else f"'{item}'")
    return ", ".join(out)


def percent(value: float) -> int:
    """A share as a whole percentage (messages write the % sign themselves)."""
    return round(value * 100)


def commercial(ctx, post) -> bool:
    """Whether the post's commercial score is above ``tone.commercial.max_score``."""
    score = ctx.derived("commercial_score", post, _commercial_score)
    return score > ctx.charter.get("tone.commercial.max_score", 0.6)


def _commercial_score(facts) -> float:
    return facts.commercial_score


@rule("CC201", "commercial-score", Severity.WARNING, Scope.POST, reports=commercial)
def commercial_score(ctx, post):
    """The post's commercial score is above ``tone.commercial.max_score``.

    Why: the sources warn that overly commercial messages are tiresome and
    counter-productive: a feed that sells in every post loses the attention it
    sells to. A post is commercial when its main purpose is to make the reader
    buy, order, pre-order, book, subscribe to a paid offer, redeem a code or buy
    tickets.

    How the score (0-1) is computed: the text is searched for selling devices,
    grouped in families (French and English lexicons): offers and discounts,
    prices in any currency, urgency and scarcity, buying imperatives, ordering
    and pre-ordering, booking, ticketing, where-to-buy lines, promo codes, shop
    links, "link in bio", soft calls to action, giveaways; shouting counts next
    to another device. Ordinary words ("free", "offer", "prix", "gratuit")
    count only next to a selling device, a money amount in a statistic ("65 %
    of passengers", "$1T spending", "a $5,000 grant") is not a price, and
    acronyms and the brand's own names (``brand.name``, ``aliases``,
    ``products``) do not shout. Each family that fired adds its weight, once,
    to a logistic score: ``1 / (1 + exp(-(bias + sum of weights)))``. The
    weights are fitted on real, hand-labelled brand posts and checked on brands
    the fit never saw; one decisive device (an order, a booking, tickets, a
    promo code, a discount, a buying imperative) carries a post alone, a free
    contest alone does not. The message lists the cues, strongest first.

    Tuning: ``tone.commercial.max_score`` (default 0.6) is the threshold: lower
    it to catch softer selling, raise it for a brand whose feed sells by design.
    ``tone.extra_commercial_cues`` adds the brand's own selling words (a
    family that alone scores 0.5, below the default threshold, and tips a post
    over with any other device). Fix: tell the story around the offer with one
    call to action, and keep such posts within the commercial share (CC202).
    Approval steps with ``when: [commercial]`` apply to the posts this rule
    reports.

    Fires::

        charter: {tone: {commercial: {max_score: 0.6}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00",
             text: "-40 % sur la Lumen 2 avec le code HIVER40, jusqu'à dimanche seulement ! Lien en bio."}

    Passes::

        charter: {tone: {commercial: {max_score: 0.6}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00",
             text: "Ta chaîne grince ? Essuie-la puis mets une goutte d'huile sur chaque maillon."}
    """
    facts = ctx.facts(post)
    limit = ctx.charter.get("tone.commercial.max_score", 0.6)
    if facts.commercial_score <= limit:
        return
    from ..text.commercial import by_contribution  # the lexicons load only when a post sells

    cues = by_contribution(facts.commercial_cues, facts.caps_runs)
    # One device alone: nothing to cut, the post needs a reason to be read.
    hint = "hint_single" if len(facts.commercial_categories) == 1 else "hint"
    yield ctx.finding(post, field="text", hint=hint, score=facts.commercial_score, max=limit,
                      cues=quoted(cues, ctx.lang), share=percent(ctx.charter.get("tone.commercial.max_share", 0.2)))


def flag_commercial(ctx, post) -> None:
    """Note, for CC202, whether the posts up to ``post`` are commercial (engine warm-up hook)."""
    stream(ctx, "CC202", _CommercialFlags).feed_until(ctx, post)


class _CommercialFlags(PostStream):
    """One byte per post of the run, in time order: 1 when it is commercial.
    (A byte rather than each text's score: CC202 only counts, and a year of posts
    is then 100 KB instead of a table of every text.)"""

    def __init__(self, ctx):
        super().__init__(ctx)
        self.flags = bytearray()

    def feed(self, ctx, post) -> None:
        self.flags.append(commercial(ctx, post))


@rule("CC202", "commercial-share", Severity.WARNING, Scope.CALENDAR, warm=flag_commercial)
def commercial_share(ctx):
    """Too large a share of commercial posts over a rolling window (the 80/20 rule).

    Why: "too commercial messages are tiresome": the common advice is that at
    most one post in five should sell. A post is commercial when its CC201
    score is above ``tone.commercial.max_score``. Every post of the brand counts
    once (whatever its number of channels) in windows of ``tone.commercial.window``
    (default 7 days) ending at each post; a window is judged only once it holds
    ``tone.commercial.min_posts`` posts (default 5), because two posts out of
    three say nothing about a proportion. Earlier posts (last week's published
    ones) fill the windows. A run of consecutive offending windows is reported
    once, at its worst window. Fix: turn the number of posts the hint gives
    into advice, community or behind-the-scenes content, or spread the offers
    out; ``tone.commercial.max_share`` sets the share (default 0.2).

    Fires::

        charter: {tone: {commercial: {max_share: 0.2, min_posts: 4}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-23 10:00", text: "-30 % sur tout le site avec le code NOEL30, jusqu'à dimanche !"}
          - {id: b, channel: instagram, at: "2026-11-24 10:00", text: "Promo : la Lumen 2 à 39 €, commande vite, lien en bio."}
          - {id: c, channel: instagram, at: "2026-11-25 10:00", text: "Une astuce pour régler ton phare avant l'hiver."}
          - {id: d, channel: instagram, at: "2026-11-26 10:00", text: "Merci pour vos photos de balade du week-end."}

    Passes::

        charter: {tone: {commercial: {max_share: 0.3, min_posts: 4}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-23 10:00", text: "-30 % sur tout le site avec le code NOEL30, jusqu'à dimanche !"}
          - {id: b, channel: instagram, at: "2026-11-24 10:00", text: "Une astuce pour régler ton phare avant l'hiver."}
          - {id: c, channel: instagram, at: "2026-11-25 10:00", text: "Merci pour vos photos de balade du week-end."}
          - {id: d, channel: instagram, at: "2026-11-26 10:00", text: "Rendez-vous samedi pour la sortie de nuit."}
    """
    settings = ctx.charter.get("tone.commercial", {})
    max_share, window = settings.get("max_share", 0.2), settings["window"]
    min_posts = settings.get("min_posts", 5)
    # Posts after --until are not fed: none of their windows is reported.
    flags = finished(ctx, "CC202", _CommercialFlags).flags
    posts = ctx.posts[:len(flags)]
    start = selling = 0
    worst = None  # (share, start, end) of the current run's worst window
    for end, post in enumerate(posts):
        selling += flags[end]
        while posts[start].at <= post.at - window:
            selling -= flags[start]
            start += 1
        count = end - start + 1
        if ctx.in_range(post.at) and count >= min_posts and selling / count > max_share:
            if worst is None or selling / count > worst[0]:
                worst = (selling / count, start, end)
            continue
        if worst is not None:
            yield _share_finding(ctx, posts, flags, worst, max_share, window)
            worst = None
    if worst is not None:
        yield _share_finding(ctx, posts, flags, worst, max_share, window)


def _share_finding(ctx, posts, flags, worst, max_share, window):
    _, start, end = worst
    selling = [posts[i] for i in range(start, end + 1) if flags[i]]
    count = end - start + 1
    excess = len(selling) - int(max_share * count + 1e-9)
    return ctx.finding(None, at=posts[end].at, path=selling[0].source.path, line=first_line(selling),
                       key=posts[start].id, commercial=len(selling), count=count,
                       share=percent(len(selling) / count), max=percent(max_share), window=window,
                       first=ctx.local(posts[start].at), last=ctx.local(posts[end].at),
                       ids=", ".join(p.id for p in selling), excess=excess)


@rule("CC203", "over-promise", Severity.WARNING, Scope.POST,
      reports=lambda ctx, post: bool(ctx.facts(post).claims))
def over_promise(ctx, post):
    """The post makes an absolute claim or an over-promise ("garanti", "100 %", "le meilleur").

    Why: "don't promise what you can't deliver": one disappointed customer
    quoting the promise back costs more than the post ever earned, and
    comparative or absolute claims need proof. The lexicons hold French and
    English claims; ``tone.extra_claims`` adds the brand's own. Approval steps
    with ``when: [claims]`` apply to the posts this rule reports. Fix: say what
    you can prove ("testée 500 km sous la pluie") or qualify the promise.

    Fires::

        charter: {}
        posts:
          - {id: a, channel: facebook, at: "2026-11-24 12:00",
             text: "La meilleure lampe du marché, satisfaction garantie à 100 % !"}

    Passes::

        charter: {}
        posts:
          - {id: a, channel: facebook, at: "2026-11-24 12:00",
             text: "Nous avons testé la Lumen 2 pendant 500 km sous la pluie lyonnaise."}
    """
    claims = ctx.facts(post).claims
    if claims:
        yield ctx.finding(post, field="text", claims=quoted(claims, ctx.lang), count=len(claims))


@rule("CC204", "shouting", Severity.INFO, Scope.POST)
def shouting(ctx, post):
    """The post shouts: words in capitals, "!!!" runs, or a flood of emoji in a row.

    Why: a brand in phase with its positioning speaks in its own voice; caps
    and strings of exclamation marks read as pressure (a hallmark of the hard
    sell the sources warn against) and platforms' readers skim past them.
    Reported: two or more shouted words (all capitals, 3 letters or more, known
    acronyms such as SNCF excepted), a run of three "!" or more, or four emoji
    or more in a row. Fix: write in sentence case, keep one "!" and one or two
    emoji; CC308 checks the per-post limits of the charter.

    Fires::

        charter: {}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "DERNIÈRE CHANCE pour la sortie de nuit !!!"}

    Passes::

        charter: {}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "Dernière chance pour la sortie de nuit : inscris-toi !"}
    """
    facts = ctx.facts(post)
    loud = []
    if facts.caps_runs and sum(len(run.split()) for run in facts.caps_runs) >= SHOUTED_WORDS:
        loud += facts.caps_runs
    if facts.exclamation_runs:  # the facts count these runs (two "!" or more) in the same text: most have none
        loud += [m.group() for m in _EXCLAMATION_RE.finditer(post.text)
                 if sum(2 if c == "‼" else 1 for c in m.group() if c in "!‼❗！") >= EXCLAMATION_RUN]
    if facts.emoji_count >= EMOJI_RUN:
        loud += _emoji_runs(post.text)
    if loud:
        yield ctx.finding(post, field="text", what=quoted(loud, ctx.lang))


def _emoji_runs(text: str) -> list[str]:
    """Runs of at least EMOJI_RUN emoji with nothing but spaces between them."""
    runs, current = [], []
    for grapheme in _GRAPHEME_RE.findall(text) + ["."]:
        if is_emoji(grapheme):
            current.append(grapheme)
        elif not grapheme.isspace():
            if len(current) >= EMOJI_RUN:
                runs.append("".join(current))
            current = []
    return runs
