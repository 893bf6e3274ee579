"""CC309 positioning, cross-posts: the same text on several channels.

"Content made for one community won't resonate in another": each platform
has its own length, tone and habits. The rule reads the posts as they stream
past (:mod:`.streaming`) and keeps only the copies of the last 7 days.
"""
from __future__ import annotations

import re
from collections import deque
from datetime import timedelta

from ..model import Severity
from .registry import Scope, rule
from .streaming import PostStream, finished, stream
from .tone import DUPLICATE_MIN_WORDS

#: Copies further apart than this are a re-run (CC205's business), not a cross-post.
CROSSPOST_WINDOW = timedelta(days=7)


def watch_copies(ctx, post) -> None:
    """Feed the run's copy watch every post up to ``post`` (engine warm-up hook)."""
    stream(ctx, "CC309", _CopyWatch).feed_until(ctx, post)


def content_key(facts) -> str | None:
    """The text's words without punctuation tokens, joined by spaces (None under
    DUPLICATE_MIN_WORDS words): what CC309 compares."""
    # Most tokens are plain words: str.isalnum answers for them without a
    # character loop; the others are searched for any letter or digit.
    words = [t for t in facts.tokens if t.isalnum() or _HAS_ALNUM.search(t)]
    return " ".join(words) if len(words) >= DUPLICATE_MIN_WORDS else None


#: A letter or digit: ``re``'s ``[^\W_]`` is exactly str.isalnum (``regex``'s is not: "²").
_HAS_ALNUM = re.compile(r"[^\W_]")


@rule("CC309", "identical-cross-post", Severity.INFO, Scope.CALENDAR, warm=watch_copies)
def identical_cross_post(ctx):
    """The same text goes out on several channels (one post on several, or copies within 7 days).

    Why: "content made for one community won't resonate in another": each
    platform has its own length, tone and habits, and followers of two
    channels see the copy twice. Texts are compared without case, accents,
    punctuation, links, hashtags and emoji; texts under 5 words are not
    compared. Copies on the same channel are CC205's business. Fix: adapt the
    text to each channel (length, hook, call to action).

    Fires::

        charter: {}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "La sortie de nuit part samedi à 18h de la place Bellecour. #velo"}
          - {id: b, channel: facebook, at: "2026-11-25 09:00", text: "La sortie de nuit part samedi à 18h de la place Bellecour !"}

    Passes::

        charter: {}
        posts:
          - {id: a, channel: instagram, at: "2026-11-24 12:00", text: "La sortie de nuit part samedi à 18h de la place Bellecour. #velo"}
          - {id: b, channel: facebook, at: "2026-11-25 09:00", text: "Samedi soir, on roule ensemble : départ 18h place Bellecour, lampes allumées."}
    """
    watch = finished(ctx, "CC309", _CopyWatch)
    for post, channels, other, other_channel in watch.found:
        if channels:
            yield ctx.finding(post, "multi", hint="hint", field="channel", key="multi", channels=", ".join(channels))
        if other is not None:
            yield ctx.finding(post, field="text", key=other.id, other=other.id, other_channel=other_channel,
                              other_at=ctx.local(other.at))


class _CopyWatch(PostStream):
    """Each post against the latest post of the same words on every other channel.

    Only copies of the last ``CROSSPOST_WINDOW`` can make a cross-post, so a
    post is forgotten once that much older than the newest one fed.
    ``found`` lists, for the linted posts, (post, its channels when more than
    one, latest copy on another channel or None, that copy's channel).
    """

    def __init__(self, ctx):
        super().__init__(ctx)
        self.latest: dict[str, dict[str, object]] = {}  # words → channel → its latest post
        self.timeline: deque = deque()  # (post, words, channel) in time order, for expiry
        self.found: list[tuple] = []

    def feed(self, ctx, post) -> None:
        key = content_key(ctx.facts(post))
        if key is None:
            return
        oldest = post.at - CROSSPOST_WINDOW
        self._expire(oldest)
        seen = self.latest.setdefault(key, {})
        channels = list(dict.fromkeys(post.channels))
        if ctx.in_range(post.at):
            earlier = [(other, ch) for ch, other in seen.items() if ch not in channels and other.at > oldest]
            other, other_channel = max(earlier, key=lambda e: (e[0].at, e[1])) if earlier else (None, None)
            if len(channels) > 1 or other is not None:
                self.found.append((post, channels if len(channels) > 1 else None, other, other_channel))
        for channel in channels:
            seen[channel] = post
            self.timeline.append((post, key, channel))

    def _expire(self, oldest) -> None:
        """Forget the posts published at ``oldest`` or before (none can be an
        earlier copy of this post or of any later one)."""
        timeline, latest = self.timeline, self.latest
        while timeline and timeline[0][0].at <= oldest:
            post, key, channel = timeline.popleft()
            seen = latest[key]
            if seen.get(channel) is post:
                del seen[channel]
                if not seen:
                    del latest[key]
