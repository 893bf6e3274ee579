"""Measuring a text the way each network does.

Networks do not count "characters" the same way, and a post that looks short
in a spreadsheet may still be refused:

* **X** (``weighted``) normalises the text to NFC, counts every URL as 23
  whatever its real length (links are wrapped in t.co), and weighs each
  character: 1 for the Latin script, general punctuation and a few symbol
  ranges, 2 for everything else (CJK, most symbols) and for every emoji,
  however many code points the emoji is made of.
* **Bluesky** and most others (``graphemes``) count user-perceived characters:
  "é" written as e + combining accent, a flag or a family emoji each count 1.
* **Mastodon** (``graphemes_short_urls``) counts graphemes but every URL as 23.
* **TikTok**'s API counts UTF-16 code units (``utf16``: an emoji outside the
  Basic Multilingual Plane counts 2); **YouTube** limits descriptions in UTF-8
  bytes (``utf8_bytes``: "é" counts 2).

:func:`measure` returns not only the length but what made it (how many URLs,
how many double-weight characters) and where the text stops fitting, so a
message can say what to cut.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional, Sequence

import regex

from ..text.normalize import EMAIL_RE, URL_RE, is_emoji

COUNTINGS = ("weighted", "graphemes", "graphemes_short_urls", "utf16", "utf8_bytes")
#: Countings where a URL counts :data:`URL_WEIGHT` whatever its length.
SHORT_URL_COUNTINGS = ("weighted", "graphemes_short_urls")

#: What a URL counts on networks that shorten links (X's t.co, Mastodon).
URL_WEIGHT = 23
#: Code point ranges weighing 1 on X (twitter-text configuration v3); the rest weigh 2.
_X_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))
_X_HEAVY_RE = regex.compile("[^" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _X_LIGHT_RANGES) + "]")
_GRAPHEME_RE = regex.compile(r"\X")
# Runs of non-ASCII characters: the only places where graphemes and code points
# differ (with the ASCII character before a run, which a combining mark may
# belong to), apart from CR LF. The standard ``re`` scans these plain classes
# several times faster than ``regex``.
_NON_ASCII_RUN_RE = re.compile(r"[^\x00-\x7f]+")
# Every URL the shared pattern finds has a scheme, "www." or a dot before letters:
# texts without any skip the (costly) full scan.
_URL_HINT_RE = re.compile(r"https?://|www\.|\.[a-z]{2,5}\b", re.IGNORECASE)
try:  # the shared URL pattern, compiled by ``re`` for speed when it allows
    _URL_SCAN_RE = re.compile(URL_RE.pattern, re.IGNORECASE)
except re.error:  # pragma: no cover - only if the shared pattern grows regex-only syntax
    _URL_SCAN_RE = URL_RE
_URL_TRAILING = ".,;:!?)»\"'"


@dataclass(frozen=True)
class TextLength:
    """How long a text is for one network, and why.

    ``urls`` is the number of URLs counted at their fixed weight, ``heavy`` the
    number of characters (or emoji) that counted 2. ``overflow_at`` is the index
    in the measured (NFC) text of the first character past ``limit``, when a
    limit was given and exceeded.
    """

    length: int
    counting: str
    urls: int = 0
    heavy: int = 0
    overflow_at: Optional[int] = None
    text: str = ""

    def overflow(self, width: int = 40) -> str:
        """The words that no longer fit, shortened to about ``width`` characters."""
        if self.overflow_at is None:
            return ""
        start = self.overflow_at
        while start > 0 and not self.text[start - 1].isspace():  # quote whole words
            start -= 1
        tail = " ".join(self.text[start:].split())
        return tail if len(tail) <= width else tail[:width].rstrip() + "…"


def grapheme_count(text: str) -> int:
    """User-perceived characters of ``text`` (Unicode extended grapheme clusters).

    Only non-ASCII runs are segmented (why: splitting a whole caption into
    clusters costs ~5x more, and ASCII is one character per cluster but CR LF).
    """
    count = len(text) - text.count("\r\n")
    if text.isascii():
        return count
    for segment in _non_ascii_runs(text):
        count -= len(segment) - len(_GRAPHEME_RE.findall(segment))
    return count


def _non_ascii_runs(text: str):
    """Non-ASCII runs of ``text``, each with the ASCII character before it."""
    for run in _NON_ASCII_RUN_RE.finditer(text):
        yield text[max(run.start() - 1, 0):run.end()]


def _x_char_weight(code_point: int) -> int:
    return 1 if any(lo <= code_point <= hi for lo, hi in _X_LIGHT_RANGES) else 2


def _x_cluster_weight(cluster: str) -> int:
    """2 for an emoji, however many code points it has; else each code point by range."""
    return 2 if is_emoji(cluster) else sum(_x_char_weight(ord(c)) for c in cluster)


def _x_weight(segment: str) -> tuple[int, int]:
    """X weight of a URL-free ``segment`` and how many of its characters weigh 2.

    Every code point weighs 1 unless it lies outside X's light ranges, and no
    emoji is made only of light code points; so only non-ASCII runs holding a
    heavy code point need walking cluster by cluster (why: this runs on every
    post of every X channel, and a Python loop over all characters is slow).
    """
    if segment.isascii():
        return len(segment), 0
    weight, heavy = len(segment), 0
    for run in _non_ascii_runs(segment):
        if _X_HEAVY_RE.search(run):
            for cluster in _GRAPHEME_RE.findall(run):
                emoji = is_emoji(cluster)
                cluster_weight = 2 if emoji else sum(_x_char_weight(ord(c)) for c in cluster)
                weight += cluster_weight - len(cluster)
                heavy += emoji or cluster_weight > len(cluster)
    return weight, heavy


def _url_spans(text: str, urls: Optional[Sequence[str]] = None) -> list[tuple[int, int]]:
    """Spans of URLs in ``text``, e-mail addresses excluded, trailing punctuation left out.

    ``urls``, when the caller already extracted them (text facts do), are
    located in order instead of scanning the text again.
    """
    if urls is not None:
        spans, position = [], 0
        for url in urls:
            start = text.find(url, position)
            if start >= 0:
                position = start + len(url)
                spans.append((start, position))
        return spans
    if not _URL_HINT_RE.search(text):
        return []
    emails = [m.span() for m in EMAIL_RE.finditer(text)]
    spans = []
    for match in _URL_SCAN_RE.finditer(text):
        start, end = match.span()
        if any(s <= start < e for s, e in emails):
            continue
        while end > start and text[end - 1] in _URL_TRAILING:
            end -= 1
        spans.append((start, end))
    return spans


def _segment_size(segment: str, counting: str) -> tuple[int, int]:
    """Size of a URL-free ``segment`` and how many of its units weigh 2 (X only)."""
    if counting == "weighted":
        return _x_weight(segment)
    if counting == "utf16":
        return len(segment.encode("utf-16-le")) // 2, 0
    if counting == "utf8_bytes":
        return len(segment.encode("utf-8")), 0
    return grapheme_count(segment), 0


def _cluster_size(cluster: str, counting: str) -> int:
    if counting == "weighted":
        return _x_cluster_weight(cluster)
    if counting in ("utf16", "utf8_bytes"):
        return _segment_size(cluster, counting)[0]
    return 1


def _overflow_index(text: str, counting: str, limit: int, urls: list[tuple[int, int]]) -> int:
    """Index of the first unit (grapheme or URL) that takes the text past ``limit``."""
    total = 0
    position = 0
    for start, end in urls + [(len(text), len(text))]:
        for grapheme in _GRAPHEME_RE.findall(text[position:start]):
            total += _cluster_size(grapheme, counting)
            if total > limit:
                return position
            position += len(grapheme)
        if start < end:
            total += URL_WEIGHT
            if total > limit:
                return start
        position = end
    return max(len(text) - 1, 0)


def measure(text: str, counting: str = "graphemes", limit: Optional[int] = None,
            urls: Optional[Sequence[str]] = None) -> TextLength:
    """Length of ``text`` under ``counting`` (one of :data:`COUNTINGS`).

    With ``limit``, also find where the text stops fitting (only computed for
    texts over the limit). ``urls`` may give the URLs already extracted from
    the text, in order. Linear in the length of the text.
    """
    if counting not in COUNTINGS:
        raise ValueError(f"unknown counting {counting!r} (expected one of {', '.join(COUNTINGS)})")
    text = text or ""
    if counting == "weighted" and not text.isascii():
        text = unicodedata.normalize("NFC", text)
    spans = _url_spans(text, urls) if counting in SHORT_URL_COUNTINGS else []
    length = heavy = 0
    position = 0
    for start, end in spans + [(len(text), len(text))]:
        size, heavy_units = _segment_size(text[position:start], counting)
        length += size
        heavy += heavy_units
        if start < end:
            length += URL_WEIGHT
        position = end
    overflow_at = None
    if limit is not None and length > limit:
        overflow_at = _overflow_index(text, counting, limit, spans)
    return TextLength(length, counting, len(spans), heavy, overflow_at, text)


def x_weighted_length(text: str) -> int:
    """X's weighted length of ``text`` (the figure compared with 280)."""
    return measure(text, "weighted").length
