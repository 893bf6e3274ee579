"""Weekdays, moments and holidays named in a text (facts for CC311).

Three kinds of :class:`DateWord`:

* ``weekday`` — "bon lundi", "happy Monday", "TGIF", "aujourd'hui lundi",
  "demain samedi" are **strict**: the post must go out on that weekday
  (``weekday`` already accounts for "demain"/"hier": "demain samedi" → Friday).
  A bare or forward reference ("ce lundi", "this Friday", "lundi prochain") is
  reported with ``strict=False`` and never contradicts on its own.
* ``moment`` — "ce soir", "tonight", "bonne nuit": ``hours`` is the range of
  local publication hours ``[start, end)`` where the phrase is plausible (may
  wrap midnight).  "ce soir" announced at 09:00 is fine; at 01:00 it is not.
* ``holiday`` — "Joyeux Noël", "bonne année", "Black Friday": a greeting
  (``strict=True``) must fall inside the holiday's window; a mere mention
  ("pour la fête des mères, …") is allowed from ``MENTION_LEAD_DAYS`` before.

The rule decides what to do; :meth:`DateWord.contradicts` implements this policy
for a publication time already converted to the brand's local time.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
import re
from functools import lru_cache

import regex

from .lexicons import LANGS, load
from .normalize import Folded, fold

MENTION_LEAD_DAYS = 30
_GREETING_STARTS = ("joyeux", "joyeuse", "joyeuses", "bon", "bonne", "bonnes", "happy", "merry",
                    "meilleurs", "season's")


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """n-th (1-based; -1 = last) ``weekday`` of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _mothers_fr(year: int) -> dt.date:
    """Last Sunday of May, or first Sunday of June when it is Pentecost."""
    day = _nth_weekday(year, 5, 6, -1)
    return _nth_weekday(year, 6, 6, 1) if day == easter(year) + dt.timedelta(days=49) else day


def _days(center: dt.date, before: int, after: int) -> tuple[dt.date, dt.date]:
    return center - dt.timedelta(days=before), center + dt.timedelta(days=after)


def _fixed(m1: int, d1: int, m2: int, d2: int):
    return lambda y: (dt.date(y, m1, d1), dt.date(y, m2, d2))


#: Holiday key → function(year) → inclusive (first, last) day of its greeting window.
HOLIDAYS = {
    "christmas": _fixed(12, 24, 12, 26),
    "yearend": _fixed(12, 15, 12, 31),
    # From Christmas Eve ("Joyeux Noël et bonne année" is one greeting) to the end
    # of January (French custom: wishes are exchanged all month).
    "newyear": lambda y: (dt.date(y - 1, 12, 24), dt.date(y, 1, 31)),
    "halloween": _fixed(10, 25, 11, 1),
    "valentine": _fixed(2, 7, 2, 14),
    "bastille": _fixed(7, 13, 7, 14),
    "fete_musique": _fixed(6, 14, 6, 21),
    "chandeleur": _fixed(1, 26, 2, 2),
    "labour_day": _fixed(4, 30, 5, 1),
    "july4": _fixed(7, 1, 7, 5),
    "st_patrick": _fixed(3, 14, 3, 17),
    "back_to_school": _fixed(8, 20, 9, 15),
    "pride": _fixed(6, 1, 6, 30),
    "easter": lambda y: _days(easter(y), 7, 1),
    "mothers_fr": lambda y: _days(_mothers_fr(y), 7, 0),
    "mothers_us": lambda y: _days(_nth_weekday(y, 5, 6, 2), 7, 0),
    "fathers": lambda y: _days(_nth_weekday(y, 6, 6, 3), 7, 0),
    "black_friday": lambda y: _days(_nth_weekday(y, 11, 3, 4) + dt.timedelta(days=1), 7, 3),
    "cyber_monday": lambda y: _days(_nth_weekday(y, 11, 3, 4) + dt.timedelta(days=4), 3, 1),
    "thanksgiving": lambda y: _days(_nth_weekday(y, 11, 3, 4), 3, 0),
}


@dataclass(frozen=True)
class DateWord:
    """A weekday, moment or holiday named in a text, with its surface as written."""

    kind: str  # "weekday" | "moment" | "holiday"
    surface: str
    strict: bool = False
    weekday: int | None = None  # 0 = Monday; the day the post must be published on
    hours: tuple[int, int] | None = None  # plausible local publication hours [start, end)
    holiday: str | None = None  # key of HOLIDAYS

    def window(self, year: int) -> tuple[dt.date, dt.date] | None:
        """Inclusive greeting window of a holiday for ``year`` (the year it ends in)."""
        return HOLIDAYS[self.holiday](year) if self.holiday in HOLIDAYS else None

    def contradicts(self, when: dt.datetime | dt.date) -> bool:
        """True when publishing at local time ``when`` makes these words wrong."""
        day = when.date() if isinstance(when, dt.datetime) else when
        if self.kind == "weekday":
            return self.strict and self.weekday is not None and day.weekday() != self.weekday
        if self.kind == "moment":
            if self.hours is None or not isinstance(when, dt.datetime):
                return False
            start, end = self.hours
            h = when.hour
            inside = start <= h < end if start < end else (h >= start or h < end)
            return not inside
        if self.holiday not in HOLIDAYS:
            return False
        lead = dt.timedelta(days=0 if self.strict else MENTION_LEAD_DAYS)
        for year in (day.year, day.year + 1):
            first, last = HOLIDAYS[self.holiday](year)
            if first - lead <= day <= last + dt.timedelta(days=0 if self.strict else 1):
                return False
        return True


def _alt(words) -> str:
    """Regex alternation of folded phrases, longest first, spaces/hyphens flexible."""
    folded = sorted({" ".join(fold(str(w)).split()) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace("\\ ", "[ -]+").replace("\\-", "[ -]?") for w in folded)


def _trie(words) -> str:
    """A regex matching where :func:`_alt` of ``words`` matches, alternatives merged on
    their common prefixes (spaces and hyphens as flexible as in ``_alt``)."""
    root: dict = {}
    for word in {" ".join(fold(str(w)).split()) for w in words}:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        branches = [_TRIE_ATOMS.get(ch) or re.escape(ch) for ch in sorted(k for k in node if k)]
        branches = [atom + emit(node[ch]) for atom, ch in zip(branches, sorted(k for k in node if k))]
        if "" in node:  # a word ends here: anything longer is optional
            return "(?:" + "|".join(branches) + ")?" if branches else ""
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)


_TRIE_ATOMS = {" ": "[ -]+", "-": "[ -]?"}


@lru_cache(maxsize=None)
def _compiled():
    """(weekday regex, day map, phrase regex, phrase table, their two gates), built once."""
    days: dict[str, int] = {}
    groups: dict[str, list] = {k: [] for k in ("greet", "today", "tomorrow", "yesterday", "ref")}
    phrases: dict[str, tuple] = {}
    for lang in LANGS:
        d = load(lang)["dates"]
        days.update({fold(k): v for k, v in d["weekdays"].items()})
        groups["greet"] += d.get("greeting_words", [])
        groups["today"] += d.get("today_words", [])
        groups["tomorrow"] += d.get("tomorrow_words", [])
        groups["yesterday"] += d.get("yesterday_words", [])
        groups["ref"] += d.get("reference_words", [])
        for k, v in (d.get("fixed_greetings") or {}).items():
            phrases[" ".join(fold(str(k)).split())] = ("weekday", int(v))
        for k, v in (d.get("moments") or {}).items():
            phrases[" ".join(fold(k).split())] = ("moment", (int(v[0]), int(v[1])))
        for k, v in (d.get("holidays") or {}).items():
            phrases[" ".join(fold(k).split())] = ("holiday", str(v))
    # Gates: every weekday match holds a day name, every phrase match its phrase
    # (why: both regexes start with a lookbehind, tried at every position).
    # Alternations of literals as tries (a gate only answers "somewhere or not",
    # which the order of alternatives does not change): ``re`` scans those
    # several times faster than the lookbehind, and a trie than a flat list.
    day_gate = re.compile(_trie(days))
    phrase_gate = re.compile(_trie(phrases))
    prefix = "|".join(f"(?P<{g}>{_alt(w)})" for g, w in groups.items() if w)
    # Compiled by ``re``: these use nothing ``regex`` adds, and ``re`` compiles them
    # about four times faster (a one-week lint pays that at start-up).
    weekday_re = re.compile(
        rf"(?<![\w#])(?:(?:{prefix})[ ,]+)?(?P<day>{_alt(days)})s?(?!\w)"
    )
    phrase_re = re.compile(rf"(?<![\w])(?:{_alt(phrases)})(?!\w)")
    return weekday_re, days, phrase_re, phrases, day_gate, phrase_gate


def find_date_words(text: Folded) -> tuple[DateWord, ...]:
    """All date words of a folded text, in text order."""
    weekday_re, days, phrase_re, phrases, day_gate, phrase_gate = _compiled()
    has_day = day_gate.search(text.text) is not None
    has_phrase = phrase_gate.search(text.text) is not None
    if not (has_day or has_phrase):
        return ()
    found: list[tuple[int, DateWord]] = []
    taken: list[tuple[int, int]] = []
    for m in phrase_re.finditer(text.text) if has_phrase else ():
        key = regex.sub(r"[ -]+", " ", m.group())
        entry = phrases.get(key) or phrases.get(key.replace(" ", "-")) or phrases.get(key.replace(" ", ""))
        if entry is None:
            continue
        kind, value = entry
        surface = text.surface(m.start(), m.end())
        if kind == "weekday":
            word = DateWord("weekday", surface, True, weekday=value)
        elif kind == "moment":
            word = DateWord("moment", surface, hours=value)
        else:
            word = DateWord("holiday", surface, key.startswith(_GREETING_STARTS), holiday=value)
        found.append((m.start(), word))
        taken.append((m.start(), m.end()))
    for m in weekday_re.finditer(text.text) if has_day else ():
        if any(s <= m.start("day") < e for s, e in taken):
            continue  # "black friday", "cyber monday" are holidays, not weekdays
        day = days[m.group("day")]
        strict = bool(m.group("greet") or m.group("today") or m.group("tomorrow") or m.group("yesterday"))
        if m.group("tomorrow"):
            day = (day - 1) % 7
        elif m.group("yesterday"):
            day = (day + 1) % 7
        found.append((m.start(), DateWord("weekday", text.surface(m.start(), m.end()), strict, weekday=day)))
    found.sort(key=lambda p: p[0])
    return tuple(w for _, w in found)
