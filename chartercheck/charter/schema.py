"""The one table of charter keys: types, defaults and what each key means.

``docs/charter.md`` and the loader's messages are both derived from this
table, so adding a key here is all it takes to support it.
"""
from __future__ import annotations

from .. import timeutil
from .types import (AnyOf, CLOCK, CLOCK_RANGE, DATE_SPAN, DURATION, TIMEZONE, Field, ListOf,
                    MapOf, Parsed, Scalar, Section)

STR = Scalar(str)
INT = Scalar(int, minimum=0)
POS_INT = Scalar(int, minimum=1)
BOOL = Scalar(bool)
SHARE = Scalar(float, minimum=0.0, maximum=1.0)
STR_LIST = ListOf(STR)
LANGS = ListOf(Scalar(str))
DAYSET = Parsed(timeutil.parse_dayset, "days such as mon-fri, sat or mon,wed,fri")
#: ``{mon-fri: ["08:00-20:00"], sat: [...]}``: clock ranges per day set.
WEEKLY_HOURS = MapOf(ListOf(CLOCK_RANGE), key=DAYSET)

PLATFORMS = ("instagram", "facebook", "linkedin", "x", "tiktok", "youtube", "pinterest",
             "threads", "bluesky", "mastodon", "newsletter", "blog", "other")
PACKS = ("fr-influence", "fr-evin", "eu-green-claims")
CONDITIONS = ("commercial", "claims", "sponsored", "compliance", "always")
REGISTERS = ("vous", "tu", "formal", "informal", "any")
SEVERITIES = ("error", "warning", "info")


def _channel_fields(with_platform: bool) -> dict:
    fields = {
        "max_per_day": Field(INT, doc="posts per local day on this channel (CC101)"),
        "max_per_week": Field(INT, doc="posts in any rolling 7 days (CC102)"),
        "min_gap": Field(DURATION, doc="minimum time between two posts (CC103)"),
        "max_silence": Field(DURATION, doc="longest acceptable time without a post (CC108)"),
        "languages": Field(LANGS, doc="allowed languages; defaults to brand.languages (CC301)"),
        "objective": Field(STR, doc="objective id served by the channel (CC803)"),
        "target": Field(STR, doc="audience addressed (CC803)"),
        "effort_minutes": Field(INT, doc="production + moderation minutes per post (CC109, CC804)"),
        "required_tags": Field(STR_LIST, doc="hashtags/mentions every post must carry (CC504)"),
        "max_length": Field(POS_INT, doc="text limit, overriding the platform table (CC501)"),
        "max_hashtags": Field(INT, doc="hashtag limit, overriding the platform table (CC502)"),
        "max_mentions": Field(INT, doc="mention limit, overriding the platform table (CC502)"),
        "windows": Field(WEEKLY_HOURS, doc="posting windows for this channel, replacing cadence.windows (CC105)"),
    }
    if with_platform:
        fields = {"platform": Field(Scalar(str, choices=PLATFORMS), doc="platform whose limits apply"),
                  "name": Field(STR, doc="display name"), **fields}
    return fields


CHANNEL = Section(_channel_fields(True), describe="a channel")
PLATFORM_DEFAULTS = Section(_channel_fields(False), describe="platform defaults", defaults=False)

RULE_SETTING = AnyOf([
    Scalar(str, choices=("off", "on") + SEVERITIES),
    Scalar(bool),
    Section({"severity": Field(Scalar(str, choices=SEVERITIES + ("off",)),
                               doc="severity of the rule's findings, or off")}, defaults=False),
], describe="off, on, error, warning, info or {severity: ...}")

#: Report formats ``lint: format`` accepts (kept equal to the formatters' table by a test).
LINT_FORMATS = ("auto", "text", "concise", "json", "sarif", "github", "gitlab", "junit", "markdown", "html")

#: Options of ``chartercheck lint`` a configuration may hold: a charter's ``lint:`` section and
#: ``[tool.chartercheck]`` in ``pyproject.toml`` (which may also name the ``charter``).
LINT = Section({
    "select": Field(ListOf(STR), doc="only these rules: codes, names or prefixes (--select)"),
    "ignore": Field(ListOf(STR), doc="skip these rules: codes, names or prefixes (--ignore)"),
    "fail-on": Field(Scalar(str, choices=SEVERITIES + ("never",)),
                     doc="exit 1 on findings at or above this severity (--fail-on); "
                         "run-wide: applies when the run holds this charter alone"),
    "baseline": Field(STR, doc="baseline file hiding known findings, relative to this file (--baseline)"),
    "format": Field(Scalar(str, choices=LINT_FORMATS), doc="report format (--format); run-wide: applies when the run holds "
                    "this charter alone"),
    "lang": Field(Scalar(str, choices=("en", "fr")), doc="language of messages (--lang)"),
    "exclude": Field(STR_LIST, doc="globs of files and folders not walked for calendars (--exclude)"),
}, defaults=False)

SCHEMA = Section({
    "version": Field(Scalar(int, choices=(1,)), doc="charter format version, always 1"),
    "extends": Field(ListOf(STR), doc="charters to start from: a path or preset:NAME"),
    "lang": Field(Scalar(str, choices=("en", "fr")), doc="language of messages when --lang is not given"),
    "brand": Field(Section({
        "name": Field(STR, doc="brand name (CC305)"),
        "aliases": Field(STR_LIST, doc="other spellings, handles and hashtags (CC305)"),
        "products": Field(STR_LIST, doc="product names (CC305)"),
        "timezone": Field(TIMEZONE, "UTC", doc="zone of naive times and of every day/week"),
        "languages": Field(LANGS, doc="default allowed post languages (CC301)"),
    }), doc="who the brand is: name, products, time zone, languages"),
    "strategy": Field(Section({
        "vision": Field(STR, doc="what the community gains from following the brand, in one sentence (CC801)"),
        "evaluation": Field(STR, doc="how and when the objectives are measured (CC801)"),
        "resources": Field(STR, doc="people, budget and tools given to social media"),
        "actions": Field(STR, doc="what the brand does to reach its objectives"),
        "objectives": Field(ListOf(Section({
            "id": Field(STR, doc="objective id, named by channels' objective"),
            "priority": Field(Scalar(str, choices=("primary", "secondary", "tertiary")),
                              doc="rank of the objective (CC802)"),
            "kpi": Field(STR, doc="the measure that tells whether it is reached"),
            "description": Field(STR, doc="what the objective means for the brand"),
        }, required=("id",), shorthand="id"))),
    }), doc="vision, objectives and evaluation (CC8xx)"),
    "positioning": Field(Section({
        "register": Field(Scalar(str, choices=REGISTERS), doc="how the brand addresses people (CC302)"),
        "traits": Field(STR_LIST, doc="tone traits, quoted in messages"),
        "emoji": Field(Section({"max_per_post": Field(INT, doc="emoji allowed in one post")},
                               shorthand="max_per_post", defaults=False), doc="emoji per post (CC308)"),
        "exclamation": Field(Section({"max_per_post": Field(INT, doc="exclamation marks allowed in one post")},
                                     shorthand="max_per_post", defaults=False),
                             doc="exclamation marks per post (CC308)"),
        "readability": Field(Section({"min": Field(Scalar(float), doc="lowest Flesch reading ease"),
                                      "max": Field(Scalar(float), doc="highest Flesch reading ease")},
                                     defaults=False), doc="Flesch reading ease range in the post's language (CC306)"),
        "pillars": Field(ListOf(Section({
            "id": Field(STR, doc="pillar id"),
            "keywords": Field(STR_LIST, doc="words that put a post in this pillar"),
            "description": Field(STR, doc="what the pillar covers"),
            "share": Field(Section({"min": Field(SHARE, doc="smallest share of posts (0-1)"),
                                    "max": Field(SHARE, doc="largest share of posts (0-1)")}, defaults=False),
                           doc="share of the posts the pillar should have"),
        }, required=("id",))), doc="editorial pillars, the themes posts are spread over (CC304, CC307)"),
        "vocabulary": Field(Section({
            "reject": Field(ListOf(Section({"term": Field(STR, doc="word or phrase the brand never uses"),
                                            "use": Field(STR, doc="what to write instead")},
                                           required=("term",), shorthand="term")),
                            doc="words to avoid, each with its replacement (CC303)"),
            "competitors": Field(STR_LIST, doc="competitors' names, never named in posts (CC303)"),
        }), doc="the brand's words and those it avoids"),
    }), doc="register, traits, pillars and vocabulary: how the brand speaks (CC3xx)"),
    "tone": Field(Section({
        "commercial": Field(Section({
            "max_score": Field(SHARE, 0.6, doc="CC201 threshold"),
            "max_share": Field(SHARE, 0.2, doc="CC202: at most this share of commercial posts"),
            "window": Field(DURATION, timeutil.parse_duration("7d"), doc="CC202 rolling window"),
            "min_posts": Field(POS_INT, 5, doc="CC202 judges a window only once it holds this many posts"),
        })),
        "duplicates": Field(Section({
            "window": Field(DURATION, timeutil.parse_duration("14d"), doc="CC205 look-back"),
            "similarity": Field(SHARE, 0.8, doc="CC205 threshold (0-1)"),
        })),
        "extra_commercial_cues": Field(STR_LIST, doc="more words that make a post commercial (CC201)"),
        "extra_claims": Field(STR_LIST, doc="more words that make an over-promise (CC203)"),
    }), doc="how commercial posts may be, and how close two posts may be (CC2xx)"),
    "platforms": Field(MapOf(PLATFORM_DEFAULTS), doc="defaults per platform, under each channel's own keys"),
    "channels": Field(MapOf(CHANNEL), doc="channel id → settings"),
    "input": Field(Section({
        "channel_map": Field(MapOf(STR), doc="labels found in calendars (IG, Insta...) → channel id"),
        "date_format": Field(Scalar(str, choices=("auto", "dmy", "mdy")), "auto", doc="CSV dates"),
    }), doc="how calendars are read"),
    "cadence": Field(Section({
        "max_per_day_total": Field(INT, doc="brand-wide posts per local day (CC104)"),
        "windows": Field(WEEKLY_HOURS, doc="allowed publication hours (CC105)"),
        "blackout": Field(ListOf(DATE_SPAN), doc="dates with no publication (CC105)"),
        "moderation": Field(Section({
            "hours": Field(WEEKLY_HOURS, doc="moderated hours (CC106)"),
            "min_coverage": Field(DURATION, timeutil.parse_duration("1h"), doc="moderated time needed after a post"),
        })),
        "rendezvous": Field(ListOf(Section({
            "name": Field(STR, doc="name of the rendezvous, quoted in messages"),
            "channel": Field(STR, doc="channel id"), "every": Field(DAYSET, doc="days it takes place"),
            "at": Field(CLOCK, doc="time of day"),
            "tolerance": Field(DURATION, timeutil.parse_duration("2h"), doc="how far from the time a post may be"),
        }, required=("name", "channel", "every", "at"))), doc="recurring posts the audience expects (CC107)"),
        "burst": Field(Section({
            "min_posts": Field(POS_INT, 5, doc="CC110 looks at weeks with at least this many posts"),
            "max_day_share": Field(SHARE, 0.6, doc="share of a week's posts on one day that counts as a burst"),
        }), doc="posts crowded on one day of the week (CC110)"),
    }), doc="how often and when posts go out (CC1xx)"),
    "team": Field(Section({
        "hours_per_week": Field(Scalar(float, minimum=0), doc="time available for social media (CC109, CC804)"),
        "members": Field(ListOf(Section({
            "id": Field(STR, doc="member id, as written in calendars' author and approvals"),
            "name": Field(STR, doc="display name"), "roles": Field(STR_LIST, doc="roles held (approval steps name them)"),
            "external": Field(BOOL, False, doc="from an agency or freelance, not in-house (CC406)"),
            "email": Field(STR, doc="contact address"),
        }, required=("id",))), doc="the people who write and approve posts"),
    }), doc="who does the work, and how much time they have"),
    "approval": Field(Section({
        "lead_time": Field(DURATION, doc="last approval at least this long before publication (CC404)"),
        "four_eyes": Field(BOOL, False, doc="authors never approve their own posts (CC403)"),
        "supervised": Field(STR_LIST, doc="roles needing an in-house approver (CC406)"),
        "steps": Field(ListOf(Section({
            "role": Field(STR, doc="role that approves at this step"),
            "when": Field(ListOf(Scalar(str, choices=CONDITIONS)), doc="posts that need this step (default: all)"),
            "min_approvers": Field(POS_INT, 1, doc="distinct approvers needed"),
        }, required=("role",), shorthand="role")), doc="approval circuit, in order (CC401)"),
    }), doc="who approves what, and how early (CC4xx)"),
    "compliance": Field(ListOf(Scalar(str, choices=PACKS)), doc="opt-in rule packs (CC6xx)"),
    "rules": Field(MapOf(RULE_SETTING), doc="per-rule overrides by code, name or family prefix"),
    "lint": Field(LINT, doc="options of chartercheck lint for this charter's calendars (the same as "
                "[tool.chartercheck] in pyproject.toml); the command line overrides"),
}, required=())
