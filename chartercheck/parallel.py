"""Text analysis running ahead of the rules on worker processes (``--jobs N``).

Analysing a text (language, cues, register, stems, readability...) costs
more than every rule that reads the result, and it is a pure function of the
text and two charter lists. So on a big calendar the engine hands each block of
posts to a process pool *before* the rules reach it: while the main process
runs the rules of block k, the workers analyse blocks k+1, k+2... The facts
come back in block order and land in the rule context's cache, so the output
is byte for byte the one of a single-process run; only the wall-clock time
changes.

At most ``jobs + 1`` blocks are in flight at a time (why: workers analyse
faster than the rules consume, and results queued without limit would hold
every text's facts of a 100,000-post calendar in memory at once).
"""
from __future__ import annotations

from collections import deque
from typing import Iterator, Sequence

from .model import Post

#: Below this many posts, starting worker processes costs more than it saves.
PARALLEL_POSTS_MIN = 2_000


def analyze_texts(texts: Sequence[str], cues: tuple, claims: tuple) -> list:
    """Complete text facts of ``texts`` (runs in a worker process)."""
    from .text.facts import analyze

    return [analyze(text, cues, claims).complete() for text in texts]


def facts_ahead(blocks: Sequence[Sequence[Post]], jobs: int, cues: tuple,
                claims: tuple) -> Iterator[list[tuple[str, object]]]:
    """For each block in order, its ``(text, facts)`` pairs, analysed on ``jobs`` processes.

    A generator: the pool starts on the first ``next()`` and stops when the
    generator is exhausted or closed. Each block's distinct texts are analysed
    once, in first-seen order.
    """
    from concurrent.futures import ProcessPoolExecutor

    texts = [list(dict.fromkeys(post.text for post in block)) for block in blocks]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque = deque()
        submitted = 0
        for index in range(len(blocks)):
            while submitted < len(blocks) and submitted <= index + jobs:
                pending.append(pool.submit(analyze_texts, texts[submitted], cues, claims))
                submitted += 1
            yield list(zip(texts[index], pending.popleft().result()))
