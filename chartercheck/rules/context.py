"""What a rule sees: the charter, the posts grouped once, shared text facts.

Rules never decide their final severity nor read ``rules:`` overrides: they
call :meth:`RuleContext.finding` and the context stamps the code, name and
effective severity of the rule being run.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from functools import cached_property
from itertools import islice
from typing import Iterable, Optional

from ..charter.model import Charter
from ..model import Finding, Post, Severity
from ..timeutil import needs_year
from .findings import FindingMaker
from .registry import RuleSpec, Scope
from .triage import judged_posts


_MISSING = object()
#: Distinct texts whose facts stay in memory (3-4 KB each). Post rules run
#: over blocks of 1,000 posts (engine.POST_BLOCK); dropping the oldest quarter
#: when full never drops the running block's facts while the cache holds more
#: than 4/3 of a block, so no text is analysed twice.
FACTS_CACHE_SIZE = 1_350
#: Posts whose fires() answers are kept: a few blocks of engine.POST_BLOCK.
FIRES_CACHE_SIZE = 3_000


def text_options(charter) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """What text analysis takes from the charter: ``(extra commercial cues, extra
    claims, the brand's own names)`` — its name, aliases and products never shout."""
    names = [charter.get("brand.name")] + list(charter.get("brand.aliases", []) or [])
    names += list(charter.get("brand.products", []) or [])
    return (tuple(charter.get("tone.extra_commercial_cues", [])), tuple(charter.get("tone.extra_claims", [])),
            tuple(str(n) for n in names if n))


class RuleContext:
    """Shared, read-only view of one lint run; computed groupings are cached.

    ``posts`` holds every post read (sorted by time), including those outside
    ``--from/--until`` that still count for cadence; ``linted`` only those that
    get findings. Events that are not posts of the brand (no channel, or only
    channels the charter does not declare) are left out: see :mod:`.triage`.
    """

    def __init__(self, charter: Charter, posts: list[Post], *, lang: str = "en",
                 now: Optional[datetime] = None, start: Optional[datetime] = None,
                 end: Optional[datetime] = None, keep_derived: Iterable[str] = ("commercial_score",)):
        self.charter = charter
        #: :meth:`derived` values kept for the run, by name (the others are computed when asked)
        self.keep_derived = frozenset(keep_derived)
        self.tz = charter.tz
        self.posts = sorted(judged_posts(posts, charter.channels), key=lambda p: (p.at, p.channels, p.id))
        self.lang = lang
        self.now = now
        self.start = start
        self.end = end
        self.linted = [p for p in self.posts if self.in_range(p.at)]
        self._spec: Optional[RuleSpec] = None
        self._severity = Severity.WARNING
        self._facts: dict[str, object] = {}
        self._memos: dict[str, dict] = {}
        self._block_memos: dict[str, dict] = {}
        # fires() answers, packed per post id: (at, codes asked, codes that fire) as
        # bit masks. A tuple key per (code, post) cost ~100 bytes each, over
        # 600,000 of them on a 100,000-post calendar.
        self._fired: dict[str, tuple] = {}
        self._fired_elsewhere: dict[tuple, bool] = {}  # same id at another time (ICS recurrences)
        self._fire_bits: dict[str, int] = {}
        self._findings = FindingMaker(self)

    # -- range ------------------------------------------------------------
    def in_range(self, moment: Optional[datetime]) -> bool:
        """Whether findings about ``moment`` are reported (``--from/--until``)."""
        if moment is None:
            return True
        return (self.start is None or moment >= self.start) and (self.end is None or moment <= self.end)

    @cached_property
    def span(self) -> Optional[tuple[date, date]]:
        """First and last local day of the linted range (explicit bounds win)."""
        first = self.start or (self.linted[0].at if self.linted else None)
        last = self.end or (self.linted[-1].at if self.linted else None)
        if first is None or last is None:
            return None
        return self.local(first).date(), self.local(last).date()

    @cached_property
    def today(self) -> Optional[date]:
        """The brand's local date of ``now``."""
        return self.local(self.now).date() if self.now else None

    @cached_property
    def with_year(self) -> bool:
        """Whether dates in messages show their year: the posts read span more
        than one year, or lie outside the year of ``now``
        (:func:`..timeutil.needs_year`)."""
        if not self.posts:
            return False
        return needs_year(self.local(self.posts[0].at).date(), self.local(self.posts[-1].at).date(), self.today)

    # -- grouping ---------------------------------------------------------
    def local(self, moment: datetime) -> datetime:
        """``moment`` on the brand's wall clock."""
        return moment.astimezone(self.tz)

    @cached_property
    def by_channel(self) -> dict[str, list[Post]]:
        """Posts per channel, each list sorted by time (a multi-channel post is in each)."""
        groups: dict[str, list[Post]] = defaultdict(list)
        for post in self.posts:
            for channel in dict.fromkeys(post.channels):
                groups[channel].append(post)
        return dict(sorted(groups.items()))

    @cached_property
    def by_day(self) -> dict[date, list[Post]]:
        """Posts per local day, sorted by time."""
        groups: dict[date, list[Post]] = defaultdict(list)
        for post in self.posts:
            groups[self.local(post.at).date()].append(post)
        return dict(sorted(groups.items()))

    @cached_property
    def analysis_options(self) -> tuple:
        """:func:`text_options` of the charter, the arguments of every text analysis of the run."""
        return text_options(self.charter)

    def facts(self, post: Post):
        """Text facts of the post (language, cues, register...), computed once per text."""
        text = post.text
        found = self._facts.get(text)
        if found is None:
            from ..text.facts import analyze  # heavy: imported only when a rule needs it
            found = analyze(text, *self.analysis_options)
            self._remember(text, found)
        return found

    def _remember(self, text: str, facts) -> None:
        if len(self._facts) >= FACTS_CACHE_SIZE:
            # Bounded memory on huge calendars: drop the oldest texts (dicts keep
            # insertion order). Post rules run block by block, so only calendar
            # rules may have to recompute an evicted text.
            for stale in list(islice(self._facts, FACTS_CACHE_SIZE // 4)):
                del self._facts[stale]
        self._facts[text] = facts

    def derived(self, name: str, post: Post, compute):
        """A small value computed from the post's text facts; kept for the whole run,
        by text, when ``name`` is in :attr:`keep_derived` (the report wants them all
        afterwards, e.g. the commercial scores of the HTML charts), else computed
        when asked (the facts of the posts being checked are cached anyway)."""
        if name not in self.keep_derived:
            return compute(self.facts(post))
        memo = self._memos.setdefault("derived:" + name, {})
        value = memo.get(post.text, _MISSING)
        if value is _MISSING:
            value = memo[post.text] = compute(self.facts(post))
        return value

    def derived_values(self, name: str) -> dict:
        """Every value :meth:`derived` computed under ``name`` this run, by text."""
        return self._memos.get("derived:" + name, {})

    def memo(self, name: str) -> dict:
        """A dict private to this run for a rule family's own caches (per text, per post...)."""
        return _named(self._memos, name)

    def block_memo(self, name: str) -> dict:
        """Like :meth:`memo`, for per-post values only post rules ask for: emptied
        at each :meth:`start_block`, so a year of posts never holds them all."""
        return _named(self._block_memos, name)

    def start_block(self) -> None:
        """Called by the engine before the post rules of each block of posts run."""
        self._block_memos = {}

    def prefill_facts(self, pairs) -> None:
        """Store facts computed elsewhere (``--jobs``): (text, TextFacts) pairs, one block's worth."""
        for text, facts in pairs:
            self._remember(text, facts)

    # -- findings ---------------------------------------------------------
    def bind(self, spec: RuleSpec, severity: Severity) -> None:
        """Called by the engine before running ``spec``."""
        self._spec, self._severity = spec, severity

    @cached_property
    def default_path(self) -> Optional[str]:
        """File that calendar-wide findings point at: the one holding the linted posts."""
        posts = self.linted or self.posts
        return posts[-1].source.path if posts else None

    def fires(self, code: str, post: Post) -> bool:
        """Whether post-scope rule ``code`` reports ``post`` (cached per post id
        and time), whatever the user's overrides: conditional approval steps
        (``commercial``, ``compliance``...) depend on what a post *is*, not on
        what is shown."""
        bit = self._fire_bits.get(code)
        if bit is None:
            bit = self._fire_bits[code] = 1 << len(self._fire_bits)
        packed = self._fired.get(post.id)
        if packed is None or packed[0] == post.at:
            if packed is not None and packed[1] & bit:
                return bool(packed[2] & bit)
            result = self._evaluate(code, post)
            at, asked, fired = self._fired.get(post.id) or (post.at, 0, 0)  # re-read: evaluating may ask too
            if len(self._fired) >= FIRES_CACHE_SIZE:
                # Post rules ask about the post they check, block by block: older
                # answers are not asked again (and would only be recomputed).
                self._fired = {}
            if at == post.at:
                self._fired[post.id] = (at, asked | bit, fired | bit if result else fired)
            else:
                self._fired_elsewhere[(code, post.id, post.at)] = result
            return result
        key = (code, post.id, post.at)
        if key not in self._fired_elsewhere:
            self._fired_elsewhere[key] = self._evaluate(code, post)
        return self._fired_elsewhere[key]

    def _evaluate(self, code: str, post: Post) -> bool:
        from .registry import find_rule
        spec = find_rule(code)
        if spec is None or spec.scope is not Scope.POST:
            return False
        if spec.reports is not None:
            return bool(spec.reports(self, post))
        saved = (self._spec, self._severity)
        self.bind(spec, spec.severity)
        try:
            return any(True for _ in (spec.func(self, post) or ()))
        finally:
            self._spec, self._severity = saved

    def finding(self, post: Optional[Post] = None, message: str = "message", *,
                hint: Optional[str] = "hint", channel: Optional[str] = None,
                at: Optional[datetime] = None, field: Optional[str] = None, key: str = "",
                path: Optional[str] = None, line: Optional[int] = None, **params) -> Finding:
        """A finding of the running rule.

        ``message``/``hint`` name catalogue entries relative to the rule code
        (``"message"`` → ``CC101.message``); ``params`` fill them in. With a
        post, the location is the post's (file, line of ``field``, id);
        without, it is a calendar-wide finding dated ``at``.
        """
        assert self._spec is not None, "finding() called outside a rule"
        return self._findings.make(self._spec, self._severity, post, message, hint, channel, at, field, key,
                                   path, line, params)

    def release(self, keep: Iterable[str] = ()) -> None:
        """Drop what only the rules needed (facts, memos, fires answers) once they
        have all run, except the :meth:`derived` values named in ``keep``."""
        kept = {"derived:" + name: self._memos["derived:" + name] for name in keep
                if "derived:" + name in self._memos}
        self._memos = kept
        self._block_memos = {}
        self._facts, self._fired, self._fired_elsewhere = {}, {}, {}
        self._findings.release()


def _named(table: dict, name: str) -> dict:
    """``table[name]``, a new dict the first time (why not setdefault: rules ask
    many times per post, and a new {} each time adds up)."""
    memo = table.get(name)
    if memo is None:
        memo = table[name] = {}
    return memo


def first_line(posts: Iterable[Post]) -> Optional[int]:
    """Smallest known line among ``posts`` (for calendar findings that point somewhere)."""
    lines = [p.source.line for p in posts if p.source.line]
    return min(lines) if lines else None
