"""Work spread over worker processes (``--jobs N``), with the output of a single process.

Two things run on worker processes: reading several big calendar files, and
analysing texts ahead of the rules.

Analysing a text (language, cues, register, stems, readability...) costs
more than every rule that reads the result, and it is a pure function of the
text and two charter lists. So on a big calendar the engine hands each block of
posts to a process pool *before* the rules reach it: while the main process
runs the rules of block k, the workers analyse blocks k+1, k+2... The facts
come back in block order and land in the rule context's cache, so the output
is byte for byte the one of a single-process run; only the wall-clock time
changes.

At most ``workers + 1`` blocks are in flight at a time, with at most
:data:`TEXT_WORKERS_MAX` workers (why: workers analyse faster than the rules
consume, and results queued without limit would hold every text's facts of a
100,000-post calendar in memory at once).

Process pools do not work everywhere: a sandbox may forbid new processes, a
system without ``/dev/shm`` has no semaphores, a worker may be killed (out of
memory) midway. :func:`in_order` then computes whatever it has not delivered
yet in this process, so every result still arrives exactly once and in order.
Nothing here imports :mod:`multiprocessing` until a pool is really wanted: a
small calendar does not pay for it at start-up.
"""
from __future__ import annotations

import os
from collections import deque
from contextlib import closing
from typing import Callable, Iterator, Sequence

from .model import Post

#: Below this many posts, starting worker processes costs more than it saves.
PARALLEL_POSTS_MIN = 2_000
#: Most worker processes analysing texts, whatever ``--jobs`` says. The rules
#: run in the main process, and analysing a block costs about as much as its
#: rules (55% and 45% of a run), so two workers already keep ahead of them;
#: more would only hold more blocks' facts in memory, unused yet.
TEXT_WORKERS_MAX = 4
#: Files are read on worker processes only when those besides the biggest
#: weigh this much together: the biggest sets the time anyway, and sending
#: the posts read back from a worker costs more than reading a small file.
PARALLEL_BYTES_MIN = 1024 * 1024


def usable_cpus() -> int:
    """How many CPUs this process may run on, at least 1.

    The affinity mask where the system has one (a container or ``taskset``
    may allow fewer CPUs than the machine has), else the machine's count.
    """
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def in_order(func: Callable, calls: Sequence[tuple], workers: int, ahead: int) -> Iterator:
    """``func(*arguments)`` for each ``arguments`` of ``calls``, in order.

    With ``workers`` of 1 or more and several calls, they run on up to ``workers``
    worker processes, at most ``ahead`` of them submitted and not yet
    delivered. A generator: the pool starts on the first ``next()`` and stops
    when the generator is exhausted or closed.

    If the pool cannot start, or breaks midway, the calls not delivered yet run
    in this process, without a word: the results are the same, only slower.
    (An error of ``func`` itself that looks like a pool failure, an ``OSError``
    say, is raised again by that in-process call, as a single-process run
    would raise it.)
    """
    delivered = 0
    if workers >= 1 and len(calls) > 1:
        try:
            with closing(_pooled(func, calls, workers, ahead)) as results:
                for result in results:
                    yield result
                    delivered += 1
        except Exception as exc:
            if not isinstance(exc, _pool_failures()):
                raise
    for arguments in calls[delivered:]:
        yield func(*arguments)


def _pool_failures() -> tuple:
    """The exceptions that mean "no usable process pool" rather than an error of the work.

    Imported when needed only, like the pool itself. ``PermissionError`` is
    an ``OSError``; ``ImportError`` is what a system without working
    semaphores raises; ``BrokenExecutor`` covers a worker that died.
    """
    from concurrent.futures import BrokenExecutor
    return (OSError, NotImplementedError, ImportError, BrokenExecutor)


def _pooled(func: Callable, calls: Sequence[tuple], workers: int, ahead: int) -> Iterator:
    """The results of :func:`in_order`, all computed on worker processes."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=min(workers, len(calls)))
    pending: deque = deque()  # futures of calls[index], calls[index + 1]...
    try:
        for index in range(len(calls)):
            try:
                while len(pending) < max(1, ahead) and index + len(pending) < len(calls):
                    pending.append(pool.submit(func, *calls[index + len(pending)]))
            except BaseException:
                _end_workers(pool)
                raise
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _end_workers(pool) -> None:
    """End the workers of a pool that failed to start them all.

    Those already started would otherwise wait for work forever, and the
    interpreter waits for them at exit. The executor has no public way to do
    this before Python 3.14, hence the private attribute (read defensively).
    """
    workers = list((getattr(pool, "_processes", None) or {}).values())
    for worker in workers:
        worker.terminate()
    for worker in workers:
        worker.join(timeout=5)


def analyze_texts(texts: Sequence[str], options: tuple) -> list:
    """Complete text facts of ``texts`` (runs in a worker process); ``options`` are
    :func:`~.text.facts.analyze`'s arguments after the text."""
    from .text.facts import analyze

    return [analyze(text, *options).complete() for text in texts]


def facts_ahead(blocks: Sequence[Sequence[Post]], workers: int,
                options: tuple) -> Iterator[list[tuple[str, object]]]:
    """For each block in order, its ``(text, facts)`` pairs, analysed on ``workers`` worker
    processes (:data:`TEXT_WORKERS_MAX` at most; 0: in this process).

    A generator: the pool starts on the first ``next()`` and stops when the
    generator is exhausted or closed. Each block's distinct texts are analysed
    once, in first-seen order. See :func:`in_order` for what happens when
    worker processes cannot be used.
    """
    texts = [list(dict.fromkeys(post.text for post in block)) for block in blocks]
    calls = [(block_texts, options) for block_texts in texts]
    workers = min(workers, TEXT_WORKERS_MAX)
    # strict: exactly one list of facts per block, or an error rather than a shifted pairing.
    for block_texts, facts in zip(texts, in_order(analyze_texts, calls, workers, ahead=workers + 1), strict=True):
        yield list(zip(block_texts, facts))
