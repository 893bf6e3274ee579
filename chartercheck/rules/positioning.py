"""CC3xx positioning, voice: language, register, vocabulary, readability, emphasis, dates.

"Messages in phase with the brand's positioning; values structure the
discourse": each rule compares one trait of a post's text, read from the
facts computed once per distinct text, with what the charter declares. The
vocabulary rule (CC303) lives in :mod:`.vocabulary`, the pillar and brand-mix
rules (CC304, CC305, CC307, CC310) in :mod:`.positioning_mix`, cross-posts
(CC309) in :mod:`.cross_post`.
"""
from __future__ import annotations

from datetime import timedelta
from functools import lru_cache

from .. import i18n
from ..model import Severity
from .registry import Scope, rule
from .tone import quoted

#: CC301: below this detector confidence the language is not judged.
MIN_LANGUAGE_CONFIDENCE = 0.6
#: CC302: what each charter register expects of a French and of an English post.
FRENCH_REGISTER = {"tu": "tu", "vous": "vous", "informal": "tu", "formal": "vous"}
ENGLISH_REGISTER = {"informal": "informal", "formal": "formal", "tu": "informal", "vous": "formal"}


@lru_cache(maxsize=256)  # the catalogue is fixed: CC301 asks the same few names for each finding
def language_name(code: str, lang: str) -> str:
    """``French (fr)`` / ``français (fr)``; the bare code for languages without a name."""
    msgid = f"CC301.name_{code}"
    return f"{i18n.render(msgid, lang)} ({code})" if i18n.has_message(msgid) else code


def _language_code(value) -> str:
    """``fr``, ``FR``, ``fr-FR`` and ``fr_BE`` all mean ``fr``."""
    return str(value).strip().lower().replace("_", "-").split("-")[0]


@rule("CC301", "language-not-allowed", Severity.WARNING, Scope.POST)
def language_not_allowed(ctx, post):
    """The post is written in a language its channel does not allow.

    Why: a message in phase with the brand speaks its audience's language; an
    English caption pasted on a French channel loses the community it was
    meant for. The language is detected (deterministically) on the text
    without links, mentions, hashtags and emoji; texts too short to judge
    (under 4 words or 20 letters) and uncertain detections are not reported.
    Fix: translate the post, or publish it on a channel that allows its
    language. Reads ``channels.*.languages``, defaulting to ``brand.languages``.

    Fires::

        charter: {brand: {languages: [fr]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00",
             text: "Our new light is here, and it will keep you visible all winter long on the road."}

    Passes::

        charter: {brand: {languages: [fr, en]}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00",
             text: "Our new light is here, and it will keep you visible all winter long on the road."}
    """
    facts = ctx.facts(post)
    if facts.language is None or (facts.language_confidence or 0) < MIN_LANGUAGE_CONFIDENCE:
        return
    for channel in dict.fromkeys(post.channels):
        allowed = _allowed_languages(ctx, channel)
        if allowed and facts.language not in allowed:
            yield ctx.finding(post, channel=channel, field="text", key=channel,
                              language=language_name(facts.language, ctx.lang),
                              confidence=facts.language_confidence,
                              allowed=", ".join(language_name(code, ctx.lang) for code in dict.fromkeys(allowed)))


def _allowed_languages(ctx, channel: str) -> list[str]:
    """Language codes ``channel`` allows; read from the charter once per channel and run
    (why: asked for every post)."""
    memo = ctx.memo("CC301.allowed")
    allowed = memo.get(channel)
    if allowed is None:
        allowed = memo[channel] = [_language_code(v) for v in (ctx.charter.channel(channel).get("languages")
                                                               or ctx.charter.get("brand.languages", []))]
    return allowed


@rule("CC302", "register-mismatch", Severity.WARNING, Scope.POST)
def register_mismatch(ctx, post):
    """The post addresses readers in another register than the charter's, or mixes two.

    Why: the register is part of the positioning; a *tu* brand that suddenly
    says *vous* (or mixes both in one post) sounds like someone else wrote it.
    French posts are read for *tu*/*vous* (pronouns, possessives, object forms,
    elisions, imperatives); a collective *vous* ("merci à vous tous") is a
    crowd, not a change of register, and is never reported. English posts are
    read for formal and informal markers; ``tu`` expects informal English,
    ``vous`` formal English (and ``formal``/``informal`` expect *vous*/*tu* in
    French). With ``register: any`` only a mixed post is reported. Fix:
    rewrite the post in the charter's register. Reads ``positioning.register``.

    Fires::

        charter: {positioning: {register: tu}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00",
             text: "Pensez à vérifier votre éclairage avant de partir ce soir."}

    Passes::

        charter: {positioning: {register: tu}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00",
             text: "Merci à vous tous pour la balade d'hier, et pense à ton éclairage !"}
    """
    register = ctx.charter.get("positioning.register")
    facts = ctx.facts(post)
    if not register or facts.register is None:
        return
    english = facts.language == "en" or (facts.language != "fr" and facts.register in ("formal", "informal"))
    expected = None if register == "any" else (ENGLISH_REGISTER if english else FRENCH_REGISTER)[register]
    # The markers are quoted only for a finding (most posts keep the register).
    if facts.register == "mixed":
        yield ctx.finding(post, "mixed", hint="mixed_hint", field="text",
                          markers=quoted(facts.register_markers, ctx.lang), expected=expected or register)
    elif expected is not None and facts.register != expected:
        yield ctx.finding(post, field="text", found=facts.register, expected=expected,
                          markers=quoted(facts.register_markers, ctx.lang))


@rule("CC306", "readability", Severity.INFO, Scope.POST)
def readability(ctx, post):
    """The post's reading ease is outside ``positioning.readability`` (Flesch, in its language).

    Why: a positioning is also a way of speaking; captions are read on a phone,
    between two stations: long sentences and long words lose readers. The
    Flesch reading ease is computed in the post's language (French uses the
    Kandel & Moles constants), on the text without links, hashtags and emoji;
    texts under 12 words are not judged. Higher is easier (60-70: plain
    language). Fix: split long sentences, prefer short words; above ``max``,
    the text may read as childish for the audience.

    Fires::

        charter: {positioning: {readability: {min: 40}}}
        posts:
          - {id: a, channel: linkedin, at: "2026-11-24 09:00",
             text: "L'optimisation méthodologique des infrastructures cyclables intercommunales nécessite une concertation pluridisciplinaire systématiquement institutionnalisée entre collectivités territoriales, opérateurs économiques et associations représentatives des utilisateurs quotidiens."}

    Passes::

        charter: {positioning: {readability: {min: 40}}}
        posts:
          - {id: a, channel: linkedin, at: "2026-11-24 09:00",
             text: "Le vélotaf progresse en ville. Pour garder le rythme l'hiver, il faut un bon éclairage et un local sûr."}
    """
    bounds = ctx.charter.get("positioning.readability", {})
    low, high = bounds.get("min"), bounds.get("max")
    if low is None and high is None:
        return
    score = ctx.facts(post).readability
    if score is None:
        return
    if low is not None and score < low:
        yield ctx.finding(post, field="text", score=score, min=low)
    elif high is not None and score > high:
        yield ctx.finding(post, "too_easy", hint="too_easy_hint", field="text", score=score, max=high)


@rule("CC308", "emphasis-beyond-positioning", Severity.INFO, Scope.POST)
def emphasis_beyond_positioning(ctx, post):
    """More emoji or exclamation marks in a post than the positioning allows.

    Why: emoji and exclamation marks are part of a brand's voice; the charter
    says how much of them the positioning bears (an expert brand, a playful
    one). Emoji are counted as people see them (a family or a flag is one).
    Fix: remove the extra ones. Reads ``positioning.emoji.max_per_post``
    (0 forbids emoji) and ``positioning.exclamation.max_per_post``.

    Fires::

        charter: {positioning: {emoji: {max_per_post: 2}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "Sortie de nuit 🚲 samedi 🌙 avec vin chaud ☕ et musique 🎶"}

    Passes::

        charter: {positioning: {emoji: {max_per_post: 2}, exclamation: {max_per_post: 1}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "Sortie de nuit samedi 🚲 avec vin chaud ☕ : on t'attend !"}
    """
    facts = ctx.facts(post)
    emoji_max = ctx.charter.get("positioning.emoji.max_per_post")
    if emoji_max is not None and facts.emoji_count > emoji_max:
        yield ctx.finding(post, "emoji", hint="emoji_hint", field="text", key="emoji", count=facts.emoji_count,
                          max=emoji_max, excess=facts.emoji_count - emoji_max)
    bang_max = ctx.charter.get("positioning.exclamation.max_per_post")
    if bang_max is not None and facts.exclamation_count > bang_max:
        yield ctx.finding(post, "exclamation", hint="exclamation_hint", field="text", key="exclamation",
                          count=facts.exclamation_count, max=bang_max, excess=facts.exclamation_count - bang_max)


@rule("CC311", "date-words-contradicted", Severity.WARNING, Scope.POST)
def date_words_contradicted(ctx, post):
    """The text names a day, moment or holiday its publication time contradicts.

    Why: posts get moved in the calendar, their words don't: "bon lundi"
    published on a Thursday, "ce soir" at 1 a.m., "Joyeux Noël" in November
    show followers that nobody reread the post. Checked in French and
    English: greetings and anchored weekdays ("bon lundi", "happy Friday",
    "demain samedi"), moments ("ce soir", "bonne nuit", "this morning"), and
    holidays (a greeting must fall within the holiday's days; a mention such
    as "pour la fête des mères" is allowed from 30 days before). A bare
    "lundi" or "this Friday" refers to a day to come and is never reported.
    Fix: move the post back, or change its words.

    Fires::

        charter: {}
        posts:
          - {id: a, channel: instagram, at: "2026-11-26 09:00", text: "Bon lundi à tous, on roule !"}

    Passes::

        charter: {}
        posts:
          - {id: a, channel: instagram, at: "2026-11-23 09:00", text: "Bon lundi à tous, on roule !"}
    """
    date_words = ctx.facts(post).date_words
    if not date_words:  # most texts name no day: skip the time conversion
        return
    local = ctx.local(post.at)
    for word in date_words:
        if not word.contradicts(local):
            continue
        params = {"words": word.surface, "when": local}
        if word.kind == "weekday":
            yield ctx.finding(post, "weekday", hint="weekday_hint", field="at", key=word.surface,
                              day=i18n.weekday_name(local.date(), ctx.lang),
                              nearest=_nearest_weekday(local, word.weekday), **params)
        elif word.kind == "moment":
            start, end = word.hours
            yield ctx.finding(post, "moment", hint="moment_hint", field="at", key=word.surface,
                              start=f"{start:02d}:00", end=f"{end % 24:02d}:00", **params)
        else:
            first, last = _nearest_window(word, local.date())
            yield ctx.finding(post, "holiday", hint="holiday_hint", field="at", key=word.surface,
                              first=first, last=last, **params)


def _nearest_weekday(local, weekday: int):
    """The same time on the closest day that is ``weekday`` (the earlier one on a tie)."""
    ahead = (weekday - local.weekday()) % 7
    return local + timedelta(days=ahead) if ahead < 7 - ahead else local - timedelta(days=7 - ahead)


def _nearest_window(word, day):
    """The holiday's greeting window closest to ``day``."""
    windows = [w for w in (word.window(day.year + k) for k in (-1, 0, 1)) if w]
    return min(windows, key=lambda w: min(abs((w[0] - day).days), abs((w[1] - day).days)))
