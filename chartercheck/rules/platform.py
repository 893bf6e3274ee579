"""CC5xx platform fit: what each network will refuse, cut or show badly.

"Content made for one community won't resonate in another": a post that
breaks a platform's limits fails at publication time, long after the plan was
approved, and schedulers often skip validation for drafts. These rules read
the platform table (``chartercheck/platforms/platforms.yaml``, each figure with
its source) under the charter's per-channel overrides, count text the way the
platform does, and say by how much and what to cut. A post naming several
channels is checked on each; a channel whose platform has no limit for
something stays silent.
"""
from __future__ import annotations

import weakref

import regex

from .. import i18n
from ..model import Severity
from ..platforms import channel_limits, measure
from ..platforms.counting import SHORT_URL_COUNTINGS, URL_WEIGHT

#: Message variant per counting, so units are named right ("weighted characters", "bytes").
_LENGTH_MESSAGES = {"weighted": "weighted", "utf8_bytes": "bytes"}
from .registry import Scope, rule


def _limits(ctx, post) -> list:
    """``(channel, limits)`` for each distinct channel of ``post``; built once per
    combination of channels and run (why: five rules ask for every post)."""
    memo = ctx.memo("platform.limits")
    found = memo.get(post.channels)
    if found is None:
        found = memo[post.channels] = [(channel, channel_limits(ctx.charter.channel(channel)))
                                       for channel in dict.fromkeys(post.channels)]
    return found


def _fits_surely(text: str, counting: str, limit: int, urls) -> bool:
    """True when ``text`` cannot measure over ``limit``, from a bound that needs no
    measuring (why: almost every text is far under its platform's limit).

    A grapheme is at least one code point; UTF-16 needs at most 2 units per code
    point, UTF-8 at most 4 bytes; where URLs count 23, each adds at most 23 to
    that; X weighs ASCII 1 (other text is normalised first: measured instead).
    """
    if counting == "graphemes":
        return len(text) <= limit
    if counting == "utf16":
        return 2 * len(text) <= limit
    if counting == "utf8_bytes":
        return 4 * len(text) <= limit
    if counting == "graphemes_short_urls" or (counting == "weighted" and text.isascii()):
        return len(text) + URL_WEIGHT * len(urls) <= limit
    return False


@rule("CC501", "text-too-long", Severity.ERROR, Scope.POST)
def text_too_long(ctx, post):
    """The text (or title) is longer than the platform accepts, counted its way.

    Why: the platform refuses or truncates the post at publication time, when
    nobody is there to rewrite it. Counts follow each network: on X the weighted
    count (text in NFC; every URL 23, whatever its length; emoji and characters
    outside the Latin ranges 2); on Bluesky 300 grapheme clusters (an accented
    letter or a flag is one); Mastodon counts URLs 23; TikTok counts UTF-16
    units and YouTube descriptions UTF-8 bytes. YouTube and Pinterest titles
    have their own limit. Fix: cut at least the excess the message gives
    (the hint quotes where the text stops fitting), or split it into a thread.
    Reads ``channels.*.platform`` and ``channels.*.max_length`` (an override).

    Fires::

        charter: {channels: {x: {platform: x}}}
        posts:
          - id: a
            channel: x
            at: "2026-11-24 09:00"
            text: "Vendanges 2026 🍇🍷🍂☀️ : le récit complet, parcelle par parcelle, du premier
              coup de sécateur au dernier pressurage, avec les notes du maître de chai sur chaque
              cuvée 🥂 à lire sur https://dc.fr/v26 ✨ L'abus d'alcool est dangereux pour la santé,
              à consommer avec modération."

    Passes::

        charter: {channels: {x: {platform: x}}}
        posts:
          - id: a
            channel: x
            at: "2026-11-24 09:00"
            text: "Le journal des vendanges : https://domaine.example/journal/2026/vendanges-2026-le-recit-complet-de-la-recolte-recit-complet-parcelle-par-parcelle-avec-les-photos-de-l-equipe-et-les-notes-du-maitre-de-chai-sur-chaque-cuvee-du-millesime-2026-et-bien-plus-encore"
    """
    for channel, limits in _limits(ctx, post):
        if limits.max_length is not None and post.text:
            urls = ctx.facts(post).urls if limits.counting in SHORT_URL_COUNTINGS else None
            size = (None if _fits_surely(post.text, limits.counting, limits.max_length, urls)
                    else measure(post.text, limits.counting, limits.max_length, urls))
            if size is not None and size.length > limits.max_length:
                over = size.length - limits.max_length
                yield ctx.finding(post, _LENGTH_MESSAGES.get(limits.counting, "message"),
                                  channel=channel, field="text", key=f"text:{channel}",
                                  length=size.length, max=limits.max_length, over=over,
                                  detail=_length_detail(ctx.lang, size), overflow=size.overflow())
        if limits.max_title is not None and post.title:
            size = measure(post.title, "graphemes", limits.max_title)
            if size.length > limits.max_title:
                yield ctx.finding(post, "title", hint="title_hint", channel=channel, field="title",
                                  key=f"title:{channel}", length=size.length, max=limits.max_title,
                                  over=size.length - limits.max_title, overflow=size.overflow())


def _plural(count: int) -> str:
    return "" if count > 1 else "_one"


def _length_detail(lang, size) -> str:
    """``": 2 URLs count 23 each, 3 emoji ... count 2 each"`` (empty when nothing special)."""
    parts = []
    if size.urls:
        parts.append(i18n.render("CC501.detail_urls" + _plural(size.urls), lang, count=size.urls))
    if size.heavy:
        parts.append(i18n.render("CC501.detail_heavy" + _plural(size.heavy), lang, count=size.heavy))
    return (": " if lang != "fr" else " : ") + ", ".join(parts) if parts else ""


@rule("CC502", "too-many-tags", Severity.ERROR, Scope.POST)
def too_many_tags(ctx, post):
    """More hashtags or @mentions than the platform (or the charter) allows.

    Why: Instagram accepts at most 5 hashtags per post since December 2025 and
    20 mentions; Threads keeps one topic tag; YouTube ignores every hashtag of a
    video that has more than 60. A post over the limit is refused or loses its
    tags. Fix: keep the most relevant ones (the hint lists those to drop), or
    set ``channels.*.max_hashtags`` / ``max_mentions`` for a stricter house rule.

    Fires::

        charter: {channels: {instagram: {platform: instagram}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", media: [a.jpg],
             text: "Vendanges #vin #vigne #terroir #automne #vendanges #domaine"}

    Passes::

        charter: {channels: {instagram: {platform: instagram}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", media: [a.jpg],
             text: "Vendanges #vin #vigne #terroir #automne #vendanges"}
    """
    facts = None
    for channel, limits in _limits(ctx, post):
        for kind, cap in (("hashtags", limits.max_hashtags), ("mentions", limits.max_mentions)):
            if cap is None:
                continue
            facts = facts or ctx.facts(post)
            found = facts.hashtags if kind == "hashtags" else facts.mentions
            if len(found) > cap:
                message = "message" if kind == "hashtags" else "mentions"
                yield ctx.finding(post, message, hint=message + "_hint" if kind == "mentions" else "hint",
                                  channel=channel, field="text", key=f"{kind}:{channel}",
                                  count=len(found), max=cap, excess=len(found) - cap,
                                  extra=" ".join(found[cap:]))


@rule("CC503", "link-not-clickable", Severity.WARNING, Scope.POST)
def link_not_clickable(ctx, post):
    """A URL written in the text of a platform that does not make links clickable.

    Why: Instagram and TikTok captions and Pinterest descriptions show a URL as
    plain text: followers cannot tap it, few will copy it, and it makes the post
    look like spam. Fix: put the link in the bio (or a story link sticker, or the
    Pin's own link) and say in the text where to find it.

    Fires::

        charter: {channels: {instagram: {platform: instagram}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", media: [a.jpg],
             text: "Nos coffrets de Noël sont sur boutique.domaine-des-coteaux.fr/noel"}

    Passes::

        charter: {channels: {instagram: {platform: instagram}, facebook: {platform: facebook}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", media: [a.jpg],
             text: "Nos coffrets de Noël : le lien est dans notre bio."}
          - {id: b, channel: facebook, at: "2026-11-24 10:00",
             text: "Nos coffrets de Noël sont sur boutique.domaine-des-coteaux.fr/noel"}
    """
    for channel, limits in _limits(ctx, post):
        if not limits.links_clickable:
            urls = ctx.facts(post).urls
            if urls:
                yield ctx.finding(post, channel=channel, field="text", key=f"links:{channel}",
                                  urls=", ".join(urls), count=len(urls), platform=limits.label)


@rule("CC504", "missing-required-tag", Severity.WARNING, Scope.POST)
def missing_required_tag(ctx, post):
    """A post lacks a hashtag or mention the charter requires on its channel.

    Why: a brand hashtag gathers the community's posts and the brand's own in
    one place; a required mention credits a partner. Forgotten once, the series
    is broken. Matching ignores case. Fix: add the missing tags to the text.
    Reads ``channels.*.required_tags``.

    Fires::

        charter: {channels: {instagram: {platform: instagram, required_tags: ["#domainedescoteaux"]}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", media: [a.jpg],
             text: "Premières gelées sur le coteau nord. #vigne"}

    Passes::

        charter: {channels: {instagram: {platform: instagram, required_tags: ["#domainedescoteaux"]}}}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 09:00", media: [a.jpg],
             text: "Premières gelées sur le coteau nord. #DomaineDesCoteaux"}
    """
    for channel in dict.fromkeys(post.channels):
        required = ctx.charter.channel(channel).get("required_tags") or []
        if not required:
            continue
        facts = ctx.facts(post)
        present = {tag.casefold() for tag in facts.hashtags + facts.mentions}
        missing = [tag for tag in required if not _has_tag(tag, present, post.text)]
        if missing:
            yield ctx.finding(post, channel=channel, field="text", key=f"tags:{channel}",
                              missing=", ".join(missing), count=len(missing))


def _has_tag(tag: str, present: set, text: str) -> bool:
    """A ``#tag``/``@handle`` among the post's own; a bare word anywhere as a word."""
    tag = tag.strip()
    if tag[:1] in "#@":
        return tag.casefold() in present
    return bool(regex.search(r"(?<!\w)" + regex.escape(tag) + r"(?!\w)", text, regex.IGNORECASE))


#: Calendar files that list media at all, per lint run (see CC505's docstring).
_MEDIA_TRACKED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _tracks_media(ctx, path: str) -> bool:
    paths = _MEDIA_TRACKED.get(ctx)
    if paths is None:
        paths = _MEDIA_TRACKED[ctx] = frozenset(p.source.path for p in ctx.posts if p.media)
    return path in paths


@rule("CC505", "media-rules", Severity.ERROR, Scope.POST)
def media_rules(ctx, post):
    """A post's media do not fit the platform: none where one is needed, or too many.

    Why: Instagram, TikTok, YouTube and Pinterest publish pictures and videos,
    never text alone; a carousel published through Instagram's API holds at most
    10 items (X and Bluesky 4). The scheduler fails at publication time. The
    text-only check applies to calendars that list ``media`` at all (a file where
    no post has any, like most calendar exports, cannot say). Fix: attach the
    picture or video in ``media:``, move the post to a channel that takes text, or
    split the carousel.

    Fires::

        charter: {channels: {tiktok: {platform: tiktok}}}
        posts:
          - {id: a, channel: tiktok, at: "2026-11-24 09:00", media: [taille.mp4], text: "La taille"}
          - {id: b, channel: tiktok, at: "2026-11-25 09:00", text: "Le pressoir, en texte seul"}

    Passes::

        charter: {channels: {tiktok: {platform: tiktok}, facebook: {platform: facebook}}}
        posts:
          - {id: a, channel: tiktok, at: "2026-11-24 09:00", media: [taille.mp4], text: "La taille"}
          - {id: b, channel: facebook, at: "2026-11-25 09:00", text: "Le pressoir, en texte seul"}
    """
    for channel, limits in _limits(ctx, post):
        if limits.media_required and not post.media and _tracks_media(ctx, post.source.path):
            yield ctx.finding(post, channel=channel, field="media", key=f"media:{channel}",
                              platform=limits.label)
        elif limits.max_media is not None and len(post.media) > limits.max_media:
            yield ctx.finding(post, "too_many", hint="too_many_hint", channel=channel, field="media",
                              key=f"media:{channel}", count=len(post.media), max=limits.max_media,
                              excess=len(post.media) - limits.max_media, platform=limits.label)
