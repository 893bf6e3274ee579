"""Calendar rules that read the posts as they stream past, in time order.

A calendar rule that compares a post with the recent ones (near-duplicates,
cross-posts) needs only the posts of its window at any moment. Fed from the
engine's warm-up hook, while each post's text facts are still cached, it
keeps that window and what it found, instead of a value per text for the
whole run: on a year of posts that is the difference between a few thousand
entries and hundreds of thousands.
"""
from __future__ import annotations


class PostStream:
    """Every post of the run (``ctx.posts``, time order) fed once to :meth:`feed`.

    Posts before ``--from`` are fed too (they are what the first linted posts
    are compared with); posts after ``--until`` are not fed by :meth:`finish`:
    they can be neither reported nor make an earlier post reported.
    Subclasses implement :meth:`feed`; :func:`stream` keeps one per run.
    """

    #: the context's post list fed: ``posts`` (context included) or ``linted``
    source = "posts"

    def __init__(self, ctx):
        self.cursor = 0  # index in the source list of the next post to feed

    def feed_until(self, ctx, last) -> None:
        """Feed the posts not fed yet, up to ``last`` included."""
        posts = getattr(ctx, self.source)
        while self.cursor < len(posts):
            post = posts[self.cursor]
            self.cursor += 1
            self.feed(ctx, post)
            if post is last:
                return

    def finish(self, ctx) -> None:
        """Feed what is left of the linted range (the rule is about to report)."""
        posts, end = getattr(ctx, self.source), ctx.end
        while self.cursor < len(posts) and (end is None or posts[self.cursor].at <= end):
            self.cursor += 1
            self.feed(ctx, posts[self.cursor - 1])

    def feed(self, ctx, post) -> None:  # pragma: no cover - abstract
        raise NotImplementedError


def stream(ctx, code: str, kind: type[PostStream]) -> PostStream:
    """The run's ``kind`` stream for rule ``code`` (created on first use)."""
    state = ctx.memo(code)
    found = state.get("stream")
    if found is None:
        found = state["stream"] = kind(ctx)
    return found


def finished(ctx, code: str, kind: type[PostStream]) -> PostStream:
    """The run's ``kind`` stream for rule ``code``, fed to the end of the linted
    range (:meth:`PostStream.finish`) and let go by the context: the rule reports
    from what it holds, and its window goes with it."""
    found = stream(ctx, code, kind)
    found.finish(ctx)
    del ctx.memo(code)["stream"]
    return found
