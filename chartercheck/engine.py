"""The lint pipeline: read → normalise → select rules → run → suppress → rank → Report."""
from __future__ import annotations

import gc
import os
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Iterable, Iterator, Optional, Sequence, Union

from . import cpu_load, i18n
from .charter import Charter, load_charter
from .gate_checks import check_options, no_posts, unknown_ignores
from .model import Finding, Location, Post, Report, Severity
from .parallel import PARALLEL_BYTES_MIN, PARALLEL_POSTS_MIN, facts_ahead, in_order
from .progress import no_progress
from .ranking import collect, day_of, rank, settle
from .readers import CalendarSource, InputProblem, ReadOptions, ReadResult, load_source, read_calendar
from .rules.context import RuleContext
from .rules.registry import RuleSpec, Scope, all_rules, find_rule, matches
from .rules.triage import missing_channel_problems, unknown_channel_problems

CalendarInput = Union[str, CalendarSource]


@dataclass
class LintOptions:
    """Everything a run can be told besides the calendars and the charter."""

    lang: Optional[str] = None
    now: Optional[datetime] = None
    start: Optional[datetime] = None
    end: Optional[datetime] = None
    select: Sequence[str] = ()
    ignore: Sequence[str] = ()
    baseline: frozenset = frozenset()
    input_format: Optional[str] = None
    date_format: Optional[str] = None
    max_posts: Optional[int] = None
    max_bytes: Optional[int] = None
    max_text_chars: Optional[int] = None
    jobs: int = 1
    #: with ``--jobs auto``, the CPU counters when the command started: ``jobs`` is then a ceiling, and
    #: workers start only on CPUs the other processes leave idle (:mod:`.cpu_load`); None obeys ``jobs``
    cpu_since: Optional["cpu_load.Sample"] = None
    #: keep each text's commercial score in the report (the HTML charts read them;
    #: without, they are computed again): False saves memory on big calendars
    keep_commercial_scores: bool = True
    extra: dict = field(default_factory=dict)


def read_all(calendars: Iterable[CalendarInput], charter: Charter, options: LintOptions) -> ReadResult:
    """Read and merge every calendar; then flag duplicate ids and unknown channels."""
    read_options = _read_options(charter, options)
    items = list(calendars)
    merged = ReadResult()
    # Files are independent until merged: big ones are read on several cores.
    # Results come in the input order, so the output does not depend on scheduling.
    workers = _workers_to_start(options) if options.jobs > 1 and _worth_reading_in_parallel(items) else 0
    calls = [(item, read_options, options.input_format) for item in items]
    for result in in_order(_read_one, calls, workers if workers > 1 else 0, ahead=len(calls)):
        merged.extend(result)
    merged.problems.extend(_check_posts(merged.posts, charter))
    merged.problems = missing_channel_problems(merged.problems)
    return merged


def _worth_reading_in_parallel(items: list[CalendarInput]) -> bool:
    """Whether reading ``items`` on worker processes can save time.

    Only files on disk qualify: a worker process has no standard input, and
    a source already in memory would be copied to it. And besides the biggest
    file, the others must weigh :data:`.parallel.PARALLEL_BYTES_MIN` together.
    """
    sizes = []
    for item in items:
        if not isinstance(item, str) or item == "-":
            return False
        try:
            sizes.append(os.path.getsize(item))
        except OSError:  # reported by the read itself, with its usual message
            return False
    return len(sizes) > 1 and sum(sizes) - max(sizes) >= PARALLEL_BYTES_MIN


def _read_one(item: CalendarInput, read_options: ReadOptions, input_format: Optional[str]) -> ReadResult:
    source = item if isinstance(item, CalendarSource) else load_source(item, input_format, read_options.max_bytes)
    result = read_calendar(source, read_options)
    empty = no_posts(source, result)  # a truncated export must not pass as "no findings"
    if empty is not None:
        result.problems.append(empty)
    return result


def _read_options(charter: Charter, options: LintOptions) -> ReadOptions:
    channel_map = {str(k).lower(): v for k, v in charter.get("input.channel_map", {}).items()}
    kwargs = dict(tz=charter.tz, channel_map=channel_map, known_channels=tuple(charter.channels),
                  date_format=options.date_format or charter.get("input.date_format", "auto"),
                  expand_start=options.start, expand_end=options.end, now=options.now)
    if options.max_posts:
        kwargs["max_posts"] = options.max_posts
    if options.max_bytes:
        kwargs["max_bytes"] = options.max_bytes
    if options.max_text_chars:
        kwargs["max_text_chars"] = options.max_text_chars
    return ReadOptions(**kwargs)


def _check_posts(posts: list[Post], charter: Charter) -> list[InputProblem]:
    """Problems only visible once every file is read: duplicate ids, unknown channels."""
    problems = []
    first_seen: dict[tuple, Post] = {}
    judged: dict = {}
    for post in posts:
        if post.ignore:
            problems.extend(unknown_ignores(post, judged))
        # A recurring ICS event repeats its UID with a different time; only an
        # id at the same time (or a non-ICS duplicate) is a real duplicate.
        ident = (post.id, post.at if post.source.uid else None)
        earlier = first_seen.get(ident)
        if earlier is not None:
            problems.append(InputProblem("CC907", post.source.path, post.source.line, post.id,
                                         post.channels[0] if post.channels else None, post.at, "id",
                                         params={"id": post.id, "other": f"{earlier.source.path}:{earlier.source.line}"}))
        else:
            first_seen[ident] = post
    return problems + unknown_channel_problems(posts, charter.channels)


#: Posts checked together by every post rule before moving on (see run()).
POST_BLOCK = 1_000
#: Families whose rules read text facts: worth analysing texts ahead on worker processes.
_TEXT_FAMILIES = ("CC2", "CC3", "CC4", "CC5", "CC6")


def _block_facts(ctx: RuleContext, blocks: list, options: LintOptions, rules) -> Iterator:
    """Per block, the ``(text, facts)`` pairs analysed ahead on ``options.jobs`` processes
    (see :mod:`.parallel`), or nothing to store when the run is not worth it.

    With ``--jobs auto``, workers only take the CPUs the other processes leave
    idle (none when they leave less than one).
    """
    worth_it = (options.jobs > 1 and len(ctx.linted) >= PARALLEL_POSTS_MIN
                and any(spec.code[:3] in _TEXT_FAMILIES for spec, _ in rules))
    workers = _workers_to_start(options) if worth_it else 0
    if not workers:
        return iter([()] * len(blocks))
    return facts_ahead(blocks, workers, ctx.analysis_options)


def _workers_to_start(options: LintOptions) -> int:
    """Worker processes for work worth spreading: ``options.jobs``, or with ``--jobs auto``
    (``cpu_since`` set) no more than the CPUs the other processes leave idle."""
    if options.cpu_since is None:
        return options.jobs
    return min(options.jobs, cpu_load.spare_cpus(options.cpu_since, options.jobs))


def _effective_rules(charter: Charter, options: LintOptions) -> list[tuple[RuleSpec, Severity]]:
    packs = set(charter.get("compliance", []))
    chosen = []
    for spec in all_rules():
        if spec.pack and spec.pack not in packs:
            continue
        if options.select and not any(matches(s, spec) for s in options.select):
            continue
        if any(matches(s, spec) for s in options.ignore):
            continue
        severity = charter.rule_severity(spec.code, spec.name, spec.severity)
        if severity is not None:
            chosen.append((spec, severity))
    return chosen


def _render_input(problem: InputProblem, spec: RuleSpec, severity: Severity, ctx: RuleContext,
                  post: Optional[Post]) -> Finding:
    if post is not None:  # a problem about a post that was read: place it at the post
        problem = replace(problem, at=problem.at or post.at,
                          channel=problem.channel or (post.channels[0] if post.channels else None))
    text = i18n.render(f"{problem.code}.{problem.message}", ctx.lang, with_year=ctx.with_year, **problem.params)
    hint_id = f"{problem.code}.{problem.message}_hint" if problem.message != "message" else f"{problem.code}.hint"
    hint = (i18n.render(hint_id, ctx.lang, with_year=ctx.with_year, **problem.params)
            if i18n.has_message(hint_id) else None)
    at = ctx.local(problem.at) if problem.at else None
    location = Location(problem.path, problem.line, problem.post_id, problem.channel, at, problem.field)
    return Finding(problem.code, spec.name, severity, text, location, hint, problem.key or problem.message)


def _suppressed(finding: Finding, ignoring: dict, baseline: frozenset) -> bool:
    """Whether the finding's post ignores its rule (``ignoring``: id → post, for
    posts with an ``ignore:`` list), or the baseline holds it."""
    post = ignoring.get(finding.location.post_id)
    if post is not None and post.ignore:
        spec = find_rule(finding.code)
        if spec and any(matches(sel, spec) for sel in post.ignore):
            return True
    return bool(baseline) and finding.fingerprint() in baseline


def _calendar_order(rule: tuple[RuleSpec, Severity]) -> bool:
    """Sort key of the calendar rules: those fed while the posts stream past
    (``warm``) report first, so what they hold (a window of recent texts'
    sketches) is gone before the others add their findings. The order findings
    are made in does not change the report: they are ranked, and no two rules
    share a code."""
    return rule[0].warm is None


def run(calendars: Iterable[CalendarInput], charter: Optional[Charter] = None,
        options: Optional[LintOptions] = None) -> Report:
    """Lint ``calendars`` against ``charter`` (the embedded default when None)."""
    options = options or LintOptions()
    check_options(options.select, options.ignore, options.start, options.end)
    charter = charter or load_charter()
    if options.now is None:
        options = replace(options, now=datetime.now(charter.tz))
    lang = options.lang or charter.get("lang") or "en"
    calendars = list(calendars)
    read = read_all(calendars, charter, options)
    # What exists now (the posts read, the charter, the modules) lives through the
    # run: the collector's full passes skip it while the rules add their findings
    # (on 10,000 posts those passes cost ~0.3 s CPU, mostly re-scanning it).
    # Left alone when the caller froze objects already (a run within a run).
    freezing = gc.isenabled() and gc.get_freeze_count() == 0
    if freezing:
        gc.freeze()
    try:
        return _judge(calendars, charter, options, lang, read)
    finally:
        if freezing:
            gc.unfreeze()


def _judge(calendars: list, charter: Charter, options: LintOptions, lang: str, read: ReadResult) -> Report:
    """The rest of :func:`run` once the calendars are read: rules, suppression, ranking."""
    ctx = RuleContext(charter, read.posts, lang=lang, now=options.now, start=options.start, end=options.end,
                      keep_derived=("commercial_score",) if options.keep_commercial_scores else ())
    findings: list[Finding] = []
    rules = _effective_rules(charter, options)
    severities = {spec.code: (spec, sev) for spec, sev in rules}
    posts_by_id = {p.id: p for p in read.posts}  # the last post of an id wins
    for problem in read.problems:
        if problem.code in severities:
            spec, severity = severities[problem.code]
            findings.append(_render_input(problem, spec, severity, ctx, posts_by_id.get(problem.post_id)))
    # Only posts with an ``ignore:`` list can suppress a finding: keep those, not an
    # index of every post for the whole run.
    ignoring = {post_id: post for post_id, post in posts_by_id.items() if post.ignore}
    del posts_by_id
    progress = options.extra.get("progress") or no_progress
    # Post rules run over blocks of posts: within a block rule by rule (each
    # rule's code and data stay hot), and block after block so each text's
    # facts are used by every rule while they are still in the bounded cache.
    post_rules = [(spec, severity) for spec, severity in rules if spec.scope is Scope.POST]
    other_rules = sorted(((spec, severity) for spec, severity in rules if spec.scope is not Scope.POST),
                         key=_calendar_order)
    warmers = [spec.warm for spec, _ in other_rules if spec.warm]
    steps, done = len(ctx.linted) + len(other_rules), 0
    blocks = [ctx.linted[first:first + POST_BLOCK] for first in range(0, len(ctx.linted), POST_BLOCK)]
    for block, analysed in zip(blocks, _block_facts(ctx, blocks, options, rules)):
        ctx.start_block()
        ctx.prefill_facts(analysed)
        before_block = len(findings)
        for spec, severity in post_rules:
            ctx.bind(spec, severity)
            for post in block:
                findings.extend(spec.func(ctx, post) or ())
        settle(findings, before_block)
        for warm in warmers:
            for post in block:
                warm(ctx, post)
        done += len(block)
        progress(done, steps, block[-1].id)
    for spec, severity in other_rules:
        ctx.bind(spec, severity)
        if spec.scope is Scope.CALENDAR or (spec.scope is Scope.CHARTER and not charter.is_embedded):
            collect(findings, spec.func(ctx) or ())
        done += 1
        progress(done, steps, spec.code)
    progress(steps, steps, "")
    # What only the rules needed goes before findings are ranked, so the
    # ranking's temporary keys reuse that memory instead of adding to it.
    scores = ctx.derived_values("commercial_score")
    ctx.release(keep=ctx.keep_derived)
    by_day: dict[float, list[Finding]] = defaultdict(list)
    suppressed = 0
    ranged = ctx.start is not None or ctx.end is not None
    suppressing = bool(ignoring or options.baseline)
    for finding in findings:
        if ranged and not ctx.in_range(finding.location.at):
            continue
        if suppressing and _suppressed(finding, ignoring, options.baseline):
            suppressed += 1
            continue
        by_day[day_of(finding)].append(finding)
    del findings
    kept = rank(by_day)
    span = ctx.span
    channels = sorted({c for p in ctx.linted for c in p.channels})
    return Report(charter.name, tuple(kept), len(ctx.linted), tuple(channels),
                  span[0] if span else None, span[1] if span else None, lang, suppressed,
                  read_posts=tuple(ctx.posts), commercial_scores=scores, dates_with_year=ctx.with_year,
                  calendar_count=len(calendars))
