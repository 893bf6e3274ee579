"""``fix`` end to end: read, plan, write in the input's format, lint again.

Several calendars can be given, like for ``lint``: every one counts for
cadence (last week's published posts limit this week's), but only the
**last** one is rewritten; the others are context and never change. The
rewritten bytes are read back before anything is returned: the same posts,
the same texts, each at its planned time, or a :class:`CalendarError` says
what went wrong, so a broken file is never written.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Optional, Sequence, Union

from ..charter.model import Charter
from ..engine import LintOptions, read_all, run
from ..errors import CalendarError, Problem
from ..model import Finding, Post
from ..readers import CalendarSource, guess_format, load_source
from .planner import DEFAULT_MAX_SHIFT, FIXED_CODES, Plan, Rescheduler

Writer = Callable[..., bytes]


@dataclass
class FixResult:
    """What ``fix`` did to the last calendar."""

    path: str
    format: str
    plan: Plan
    data: bytes                                   # the rewritten calendar (unchanged bytes if nothing moved)
    before: list[Finding] = field(default_factory=list)
    after: list[Finding] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.plan.moved())


def _writer(fmt: str) -> Writer:
    if fmt == "yaml":
        from .write_yaml import write_yaml
        return write_yaml
    if fmt == "csv":
        from .write_csv import write_csv
        return write_csv
    if fmt == "ics":
        from .write_ics import write_ics
        return write_ics
    raise CalendarError(Problem("fix", None, f"cannot write {fmt} calendars"))


def _text_guard(charter: Charter, posts: list[Post], now: Optional[datetime]):
    """A check that a post's words still fit a new time (CC311), when that rule exists."""
    from dataclasses import replace

    from ..rules.context import RuleContext
    from ..rules.registry import Scope, find_rule
    spec = find_rule("CC311")
    if spec is None or spec.scope is not Scope.POST:
        return None
    ctx = RuleContext(charter, posts, now=now)

    def words_fit(post: Post, at: datetime) -> bool:
        return not ctx.fires("CC311", replace(post, at=at))
    return words_fit


def fix_calendars(calendars: Sequence[Union[str, CalendarSource]], charter: Charter, *,
                  now: Optional[datetime] = None, max_shift: timedelta = DEFAULT_MAX_SHIFT,
                  input_format: Optional[str] = None, date_format: Optional[str] = None,
                  lang: Optional[str] = None) -> FixResult:
    """Reschedule the last of ``calendars`` so the cadence rules pass; nothing is written."""
    if not calendars:
        raise CalendarError(Problem("fix", None, "no calendar given"))
    sources = [c if isinstance(c, CalendarSource) else load_source(c, input_format) for c in calendars]
    target = sources[-1]
    fmt = guess_format(target)
    options = LintOptions(now=now, lang=lang, input_format=input_format, date_format=date_format)
    context_posts: list[Post] = []
    for source in sources[:-1]:
        context_posts += read_all([source], charter, options).posts
    target_posts = read_all([target], charter, options).posts
    editable = {id(p) for p in target_posts}
    everything = context_posts + target_posts
    planner = Rescheduler(charter, now=now, max_shift=max_shift,
                          text_guard=_text_guard(charter, everything, now))
    plan = planner.plan(everything, lambda p: id(p) in editable)
    data = target.data
    moved = [(p, at) for p, at in plan.moved() if id(p) in editable]
    if moved:
        data = _writer(fmt)(target, moved, charter.tz, **_writer_options(fmt, date_format, charter))
        new_source = CalendarSource(target.path, data, fmt)
        _check_round_trip(target_posts, moved, read_all([new_source], charter, options).posts, target.path)
    else:
        new_source = target
    lint = LintOptions(now=now, lang=lang, select=list(FIXED_CODES), input_format=input_format,
                       date_format=date_format)
    before = _own(run(sources, charter, lint).findings, target.path)
    after = _own(run(sources[:-1] + [new_source], charter, lint).findings, target.path)
    return FixResult(target.path, fmt, plan, data, before, after)


def _writer_options(fmt: str, date_format: Optional[str], charter: Charter) -> dict:
    if fmt == "csv":
        return {"date_format": date_format or charter.get("input.date_format", "auto")}
    return {}


def _own(findings, path: str) -> list[Finding]:
    return [f for f in findings if f.location.path == path]


def _check_round_trip(old: list[Post], moved: list[tuple[Post, datetime]], new: list[Post], path: str) -> None:
    """The rewritten file must hold the same posts and texts, at the planned times."""
    planned = {id(p): at for p, at in moved}
    expected = Counter((p.id, p.text, planned.get(id(p), p.at)) for p in old)
    found = Counter((p.id, p.text, p.at) for p in new)
    if expected != found:
        missing = sorted((expected - found).elements(), key=lambda k: (k[2], k[0]))
        extra = sorted((found - expected).elements(), key=lambda k: (k[2], k[0]))
        detail = "; ".join([f"expected {k[0]} at {k[2].isoformat()}" for k in missing[:3]]
                           + [f"found {k[0]} at {k[2].isoformat()}" for k in extra[:3]])
        raise CalendarError(Problem(path, None, f"the rewritten calendar does not read back as planned ({detail})",
                                    hint="nothing was written; please report this calendar"))
