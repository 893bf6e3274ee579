"""CC205 tone, repetition: a post that nearly repeats a recent one on its channel.

Comparing every post with every other is quadratic; texts are sketched
instead with MinHash and bucketed by locality-sensitive hashing, so that only
posts likely to be similar are compared, and buckets only remember the most
recent posts: cost grows linearly with the number of posts.
"""
from __future__ import annotations

import zlib
from array import array
from collections import defaultdict, deque
from itertools import pairwise
from operator import itemgetter

from ..model import Severity
from .registry import Scope, rule
from .streaming import PostStream, finished, stream
from .tone import DUPLICATE_MIN_WORDS, percent

#: MinHash signature = BANDS × ROWS values; LSH buckets are bands. With 10
#: bands of 3 rows, a pair at similarity 0.8 becomes a candidate with
#: probability 1 − (1 − 0.8³)¹⁰ ≈ 0.999, at 0.6 about 0.91, at 0.3 about 0.24
#: (fewer needless comparisons between posts written from one template).
BANDS, ROWS = 10, 3
#: Most recent posts remembered per bucket; bounds the work per post even
#: when a channel repeats itself hundreds of times.
BUCKET_DEPTH = 16
#: Words whose pair-hash shares (:func:`_word_code`) are kept at most: the table is
#: emptied when full. Every text brings its own numbers and names, so a year of
#: posts would keep each of them (about 240 bytes a word, some 25 MB at 100,000
#: posts) until the rule reports; the common words are back after a few texts.
WORD_CODES_MAX = 16_384
_FIBONACCI = 0x9E3779B97F4A7C15  # 2^64 / golden ratio: spreads bits across the word
_MASK64 = (1 << 64) - 1


def watch_post(ctx, post):
    """Feed the run's duplicate watch every post up to ``post`` (engine warm-up
    hook: called for each linted post, in time order, while its facts are cached)."""
    stream(ctx, "CC205", _DuplicateWatch).feed_until(ctx, post)


@rule("CC205", "near-duplicate", Severity.WARNING, Scope.CALENDAR, warm=watch_post)
def near_duplicate(ctx):
    """A post nearly repeats another post of the same channel from the last 14 days.

    Why: followers notice a re-run; "constancy" means a regular appointment,
    not the same words again, and platforms show repeated content less.
    Similarity is the Jaccard index of the two texts' word pairs (folded for
    case and accents, without links, mentions, hashtags and emoji); the message
    names the most recent post similar enough. To stay linear in posts, texts
    are sketched with MinHash and only posts sharing a locality-sensitive
    bucket are compared (under a similarity of 0.6 some pairs may be missed);
    texts under 5 words are not compared, nor occurrences of one recurring
    iCalendar event (the same text on purpose). Fix: rewrite the post with a new
    angle, or drop it. Reads ``tone.duplicates.window`` (14d) and
    ``tone.duplicates.similarity`` (0.8).

    Fires::

        charter: {}
        posts:
          - {id: a, channel: instagram, at: "2026-11-16 12:00",
             text: "Pense à vérifier ton éclairage avant de partir : un phare bien réglé, c'est plus de sécurité."}
          - {id: b, channel: instagram, at: "2026-11-24 12:00",
             text: "Pense à bien vérifier ton éclairage avant de partir : un phare bien réglé, c'est plus de sécurité !"}

    Passes::

        charter: {}
        posts:
          - {id: a, channel: instagram, at: "2026-11-16 12:00",
             text: "Pense à vérifier ton éclairage avant de partir : un phare bien réglé, c'est plus de sécurité."}
          - {id: b, channel: facebook, at: "2026-11-24 12:00",
             text: "Pense à vérifier ton éclairage avant de partir : un phare bien réglé, c'est plus de sécurité."}
    """
    watch = finished(ctx, "CC205", _DuplicateWatch)
    threshold = ctx.charter.get("tone.duplicates.similarity", 0.8)
    window = ctx.charter.get("tone.duplicates.window")
    reported = set()
    # One finding per post id (ICS recurrences share theirs), channel by channel
    # in name order, then in time order.
    for channel in sorted(watch.matches):
        for post, other, similarity in watch.matches[channel]:
            if post.id not in reported and ctx.in_range(post.at):
                reported.add(post.id)
                yield ctx.finding(post, channel=channel, field="text", key=other.id, other=other.id,
                                  other_at=ctx.local(other.at), similarity=percent(similarity),
                                  min=percent(threshold), window=window)


class _DuplicateWatch(PostStream):
    """Each post against the recent posts of its channels.

    Only the posts of the last ``tone.duplicates.window`` stay in the buckets
    (those older are dropped as time moves on), so memory follows the window,
    not the calendar: a year of posts holds two weeks of sketches at a time.
    Matches (post, most recent similar post, similarity) are kept per channel
    for :func:`near_duplicate` to report.
    """

    def __init__(self, ctx):
        super().__init__(ctx)
        self.window = ctx.charter.get("tone.duplicates.window")
        self.threshold = ctx.charter.get("tone.duplicates.similarity", 0.8)
        self.channels: dict[str, _ChannelBuckets] = {}
        self.matches: dict[str, list] = defaultdict(list)
        self.word_codes: dict[str, tuple[int, int]] = {}  # see _sketch; WORD_CODES_MAX at most

    def feed(self, ctx, post) -> None:
        facts = ctx.facts(post)
        if len(self.word_codes) >= WORD_CODES_MAX:
            self.word_codes = {}
        sketch = _sketch(facts.tokens, self.word_codes)
        if sketch is None:
            return
        shingles, pairs, keys = sketch
        # Time first: sorting and expiry read it without a lambda. The window keeps the
        # word pairs as a list (a set of 27 costs 2.2 KB, the list 0.27 KB): comparisons
        # look them up in the set of the post being matched.
        entry = (post.at, post, pairs)
        for channel in dict.fromkeys(post.channels):
            buckets = self.channels.get(channel)
            if buckets is None:
                buckets = self.channels[channel] = _ChannelBuckets()
            buckets.expire(post.at - self.window)
            best = buckets.match_and_add(entry, shingles, keys, self.threshold)
            if best is not None:
                self.matches[channel].append((post, best[1], best[0]))


class _ChannelBuckets:
    """One channel's LSH buckets, each holding its ``BUCKET_DEPTH`` most recent posts.

    A bucket is a plain list, oldest first: most hold one or two posts, and
    a busy channel keeps tens of thousands of buckets in its window (a deque
    costs ten times the memory of a short list).
    """

    __slots__ = ("buckets", "timeline")

    def __init__(self):
        self.buckets: dict[int, list] = {}
        self.timeline: deque = deque()  # (entry, keys) in time order, for expiry

    def expire(self, oldest) -> None:
        """Drop the posts published at ``oldest`` or before from every bucket.

        Posts come in time order, so an entry out of the window now is out for
        every later post too. It is at the head of each bucket still holding it
        (a full bucket may have pushed it out already)."""
        timeline, buckets = self.timeline, self.buckets
        while timeline and timeline[0][0][0] <= oldest:
            entry, keys = timeline.popleft()
            for key in keys:
                bucket = buckets.get(key)
                if bucket and bucket[0] is entry:
                    del bucket[0]
                    if not bucket:
                        del buckets[key]

    def match_and_add(self, entry, shingles, keys, threshold):
        """(similarity, post) of the most recent post sharing a bucket with
        ``entry`` (whose word pairs are the set ``shingles``) and at least
        ``threshold`` similar, or None; then ``entry`` joins its buckets.
        Occurrences of the post's own recurring series are the same text on
        purpose and never count."""
        buckets = self.buckets
        post = entry[1]
        mine = []  # the entry's buckets, looked up once for matching and for adding
        candidates = {}  # similar posts share most buckets: gather them once
        for key in keys:
            bucket = buckets.get(key)
            if bucket is None:
                bucket = buckets[key] = []
            else:
                for earlier in bucket:
                    candidates[id(earlier[1])] = earlier
            mine.append(bucket)
        best = None
        for _, other, other_shingles in sorted(candidates.values(), key=itemgetter(0), reverse=True):
            if _same_series(post, other):
                continue
            common = len(shingles.intersection(other_shingles))  # a list of distinct pairs
            # |A ∪ B| = |A| + |B| − |A ∩ B|: the same integer, without building the union
            similarity = common / (len(shingles) + len(other_shingles) - common)
            if similarity >= threshold:
                best = similarity, other
                break
        for bucket in mine:
            bucket.append(entry)
            if len(bucket) > BUCKET_DEPTH:
                del bucket[0]  # the oldest goes, as the window would have it later
        self.timeline.append((entry, keys))
        return best


def _same_series(post, other) -> bool:
    """Whether two posts are occurrences of one recurring iCalendar event (same UID and id)."""
    return post.source.uid is not None and post.source.uid == other.source.uid and post.id == other.id


def _sketch(tokens, word_codes: dict) -> tuple[frozenset, list, array] | None:
    """A text's word pairs (as stable integers: the set the Jaccard index
    compares, and the same pairs as a sorted list) and its LSH bucket keys.

    One-permutation MinHash: each word pair gets one 64-bit hash (CRC-32 of
    each word, combined and mixed by a Fibonacci multiplier; never Python's
    salted ``hash`` of strings: output must not depend on ``PYTHONHASHSEED``);
    the hash picks one of BANDS × ROWS bins and the signature keeps each bin's
    minimum. An empty bin borrows the next filled bin's minimum with its
    distance ("rotation" densification), so short texts still get a full
    signature. The signature is cut into BANDS bands of ROWS values, each a
    bucket key. ``word_codes`` keeps each word's share of the pair hash
    (:func:`_word_code`) across texts, since words recur from text to text (the
    caller empties it when it holds :data:`WORD_CODES_MAX` words).
    """
    if len(tokens) < DUPLICATE_MIN_WORDS:
        return None
    size = BANDS * ROWS
    codes = []
    for token in tokens:
        code = word_codes.get(token)
        if code is None:
            code = word_codes[token] = _word_code(token)
        codes.append(code)
    # The pair (first, second) mixes to (first << 32 | second) × FIBONACCI mod 2⁶⁴, that is
    # the first word's high share plus the second's low share (see _word_code); then the
    # high bits are folded down. One comprehension: this runs once per text.
    shingles = frozenset([(mixed := (first[0] + second[1]) & _MASK64) ^ (mixed >> 29)
                          for first, second in pairwise(codes)])
    hashes = sorted(shingles)
    # value = rest × size + slot, so within a slot the smallest value has the smallest
    # rest: going from the largest hash down, the last one written to a slot is its minimum.
    smallest = {value % size: value // size for value in reversed(hashes)}
    # Densify right to left, starting from the first filled bin seen "after the end"
    # (bins are circular); one pass over the bins.
    signature: list = [None] * size
    first = min(smallest)
    nearest, nearest_at = smallest[first], first + size
    for position in range(size - 1, -1, -1):
        value = smallest.get(position)
        if value is None:
            signature[position] = (nearest, nearest_at - position)
        else:
            signature[position] = nearest = value
            nearest_at = position
    # Kept while the post is in the window, so stored compactly: each band as
    # one integer, the hash of the band number and its values. Python hashes
    # integers (and tuples of them) without a salt, so keys are the same on
    # every run; a rare collision only adds a candidate, which the exact
    # Jaccard test then rejects. (A machine array: Python's hash fits a signed
    # 64-bit slot, and a tuple of int objects costs four times as much.)
    # zip() over one iterator ROWS times yields each band as (band, its ROWS values).
    keys = array("q", map(hash, zip(range(BANDS), *[iter(signature)] * ROWS)))
    return shingles, hashes, keys


def _word_code(word: str) -> tuple[int, int]:
    """A word's two shares of a pair hash: with ``c`` its CRC-32 and ``F`` the
    Fibonacci multiplier, ``(c × F) << 32`` as the pair's first word and ``c × F``
    as its second, both mod 2⁶⁴; their sum mod 2⁶⁴ is ``(first << 32 | second) × F``
    mod 2⁶⁴, the pair's hash before folding, with no multiplication per pair."""
    product = zlib.crc32(word.encode()) * _FIBONACCI
    return (product << 32) & _MASK64, product & _MASK64
