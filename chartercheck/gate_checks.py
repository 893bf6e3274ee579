"""What keeps a run from checking less than it was asked to, silently.

A CI gate passes when it finds nothing, so everything that would make it
find nothing by mistake is refused or reported here: a rule selector that
designates no rule (``--select CC1O1`` with the letter O), a range that
ends before it starts, a post's ``ignore:`` naming no rule (CC921), a file
that gave no post at all (CC922).
"""
from __future__ import annotations

from typing import Optional, Sequence

from .errors import Problem, UsageError, unknown_rule_problem
from .model import Post
from .readers import CalendarSource, InputProblem, ReadResult
from .rules.registry import MAX_SUGGESTIONS, closest_selector, designates_a_rule, unknown_selectors

#: Findings meaning an entry of the file was read but did not become a post.
SKIPPING = ("CC901", "CC906", "CC908", "CC918", "CC919", "CC920")


def check_options(select: Sequence[str], ignore: Sequence[str], start, end) -> None:
    """Raise :class:`UsageError` for every selector naming no rule and for ``start`` after ``end``."""
    problems = [unknown_rule_problem(option, None, selector, suggestion)
                for option, selectors in (("--select", select), ("--ignore", ignore))
                for selector, suggestion in unknown_selectors(selectors)]
    if start and end and start > end:
        first, last = f"{start:%Y-%m-%d %H:%M}", f"{end:%Y-%m-%d %H:%M}"
        problems.append(Problem("--from", None, f"{first} is after --until {last}", hint="swap the two dates",
                                msgid="error.from_after_until", params=(("start", first), ("end", last))))
    if problems:
        raise UsageError(problems)


def unknown_ignores(post: Post, seen: dict) -> list[InputProblem]:
    """A CC921 for each entry of the post's ``ignore:`` that designates no rule.

    ``seen`` is the run's memory of selectors already judged (selector → None when it designates a
    rule, else its suggestion): the same ``ignore:`` on many posts is judged once, and only the
    first :data:`~.rules.registry.MAX_SUGGESTIONS` get a "did you mean".
    """
    problems = []
    for selector in sorted(post.ignore):
        if selector in seen:
            suggestion = seen[selector]
        elif designates_a_rule(selector):
            suggestion = seen[selector] = None
        else:
            suggestion = closest_selector(selector) if len(seen) < MAX_SUGGESTIONS else ""
            if len(seen) < MAX_SUGGESTIONS:
                seen[selector] = suggestion
        if suggestion is not None:
            problems.append(InputProblem(
                "CC921", post.source.path, post.line_of("ignore"), post.id,
                post.channels[0] if post.channels else None, post.at, "ignore",
                message="message" if suggestion else "no_match",
                params={"selector": selector, "suggestion": suggestion}, key=selector))
    return problems


def no_posts(source: CalendarSource, result: ReadResult) -> Optional[InputProblem]:
    """CC922 when the file gave no post, saying whether it was empty, held no entry,
    or had every entry skipped; None when it gave posts."""
    if result.posts:
        return None
    skipped = sum(1 for problem in result.problems if problem.code in SKIPPING)
    variant = "empty" if not source.data.strip() else "skipped" if skipped else "message"
    return InputProblem("CC922", source.path, message=variant, params={"path": source.path, "count": skipped})
