"""One measurement in a fresh process (so peak memory is this run's own).

    python benchmarks/_measure.py parse|lint|cli|cload|stages CALENDAR CHARTER [JOBS]

prints JSON: seconds (work only: imports and the charter excluded; the
file is read from the page cache), posts, findings, peak_mb (the process's peak resident
memory, ``ru_maxrss``, imports included).

* ``parse``: read and normalise the calendar (``engine.read_all``);
* ``lint``: the whole ``engine.run``, every rule of the charter;
* ``cli``: the whole ``chartercheck lint`` command with a JSON report written
  to ``/dev/null`` (``--jobs JOBS``, default 1; ``worker_peak_mb`` is then the
  largest worker process's peak);
* ``cload``: the reference point for YAML, PyYAML's C loader on the same
  file, ``yaml.load(file, Loader=yaml.CSafeLoader)`` (no line numbers, no
  posts: just the parsed values); ``posts`` is then the number of entries;
* ``stages``: where one process's CPU time goes, stage by stage (see
  :func:`stages`), printed as JSON ``{stage: CPU seconds}``.
"""
import functools
import json
import resource
import sys
import time


def main() -> None:
    mode, calendar, charter_path = sys.argv[1:4]
    jobs = sys.argv[4] if len(sys.argv) > 4 else "1"  # a number, or "auto" for the command
    if mode == "cload":
        return c_loader(calendar)
    if mode == "cli":
        return whole_command(calendar, charter_path, jobs)
    if mode == "stages":
        return stages(calendar, charter_path)
    import chartercheck
    from chartercheck.engine import LintOptions, read_all, run
    from chartercheck.readers import load_source
    from chartercheck.timeutil import parse_cli_datetime

    charter = chartercheck.load_charter(charter_path)
    now = parse_cli_datetime("2027-01-01 09:00", charter.tz)
    load_source(calendar)  # the file's bytes in the page cache: time is not spent waiting on the disk
    # The path, not the bytes: as the command line does, the engine reads the file
    # and lets its bytes go once its posts are built (holding them here would add
    # the file's size to the peak of every lint).
    source = calendar
    started = time.perf_counter()
    if mode == "parse":
        result = read_all([source], charter, LintOptions(now=now))
        posts, findings = len(result.posts), 0
    else:
        # keep_commercial_scores=False: as the command line runs for every format but HTML.
        report = run([source], charter, LintOptions(now=now, jobs=int(jobs), keep_commercial_scores=False))
        posts, findings = report.post_count, len(report.findings)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "posts": posts, "findings": findings, "peak_mb": peak_mb}))


def whole_command(calendar: str, charter_path: str, jobs: str) -> None:
    """``chartercheck lint CALENDAR --format json --output /dev/null``, in this process:
    what a user's run takes, the JSON report written included (imports excluded)."""
    import os

    from chartercheck.cli import main as cli

    started = time.perf_counter()
    try:
        cli(["lint", calendar, "--charter", charter_path, "--now", "2027-01-01T09:00", "--format", "json",
             "--output", os.devnull, "--fail-on", "never", "--jobs", str(jobs)], standalone_mode=False)
    except SystemExit as exc:
        if exc.code:
            raise
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest worker
    print(json.dumps({"seconds": seconds, "posts": 0, "findings": 0, "peak_mb": peak_mb,
                      "worker_peak_mb": workers_mb}))


def stages(calendar: str, charter_path: str) -> None:
    """CPU seconds of each stage of a one-process lint with a JSON report, measured apart:

    * ``imports``: importing the command line and the text analysis (as a lint does);
    * ``reading``: reading and normalising the calendar;
    * ``text analysis``: every fact of every text (``analyze`` then ``complete``), as the
      rules ask for them, and within it three parts:
      ``language detection`` and ``readability`` (no lexicon shares their cost) and the
      ``register of address`` (with its own lexicons' scans), each timed again alone on
      the same texts with its own caches emptied;
    * ``rules and ranking``: ``engine.run`` once the analysis is done (its own reading
      taken out);
    * ``JSON report``: the report written as the ``json`` format writes it.

    Their sum is close to a ``--jobs 1`` lint's CPU time; what each stage costs
    says what a speed target leaves for the others.
    """
    cpu = time.process_time
    started = cpu()
    import chartercheck
    from chartercheck.cli import main as _cli  # noqa: F401  (the command line's imports)
    from chartercheck.engine import LintOptions, read_all, run
    from chartercheck.formatters import get_chunks
    from chartercheck.rules.context import text_options
    from chartercheck.text import facts, language, readability, register
    from chartercheck.text.normalize import folded
    from chartercheck.timeutil import parse_cli_datetime
    figures = {"imports": cpu() - started}

    charter = chartercheck.load_charter(charter_path)
    now = parse_cli_datetime("2027-01-01 09:00", charter.tz)
    options = LintOptions(now=now, jobs=1, keep_commercial_scores=False)
    started = cpu()
    read = read_all([calendar], charter, options)
    figures["reading"] = cpu() - started

    texts = [post.text or "" for post in read.posts]
    extras = text_options(charter)
    # Every text's facts kept for the rules' run below (the lint's own cache is bounded).
    facts._analyze = functools.lru_cache(maxsize=None)(facts._analyze.__wrapped__)
    started = cpu()
    analysed = [facts.analyze(text, *extras) for text in texts]
    for found in analysed:
        found.complete()
    figures["text analysis"] = cpu() - started
    started = cpu()
    report = run([calendar], charter, options)
    figures["rules and ranking"] = cpu() - started - figures["reading"]
    started = cpu()
    for _ in get_chunks("json")(report):
        pass
    figures["JSON report"] = cpu() - started
    parts = {}
    # Each part is timed again with its own caches emptied, the texts' folding and word
    # plans kept (why: those serve every lexicon; the first caller would be charged them).
    for name, part, caches in (
            ("language detection", lambda: [language.detect(f.cleaned) for f in analysed], [language.detect]),
            ("readability", lambda: [readability.flesch(f.cleaned, f.language) for f in analysed],
             [readability.flesch, readability.syllables, readability._few_words]),
            ("register of address, its lexicons included", lambda: [register.detect_register(folded(f.text), f.language)
                                             for f in analysed], [register._sentence_markers])):
        for cache in caches:
            cache.cache_clear()
        started = cpu()
        part()
        parts["  of which " + name] = cpu() - started
    order = ["imports", "reading", "text analysis", *parts, "rules and ranking", "JSON report"]
    print(json.dumps({stage: {**figures, **parts}[stage] for stage in order}))


def c_loader(calendar: str) -> None:
    import yaml
    started = time.perf_counter()
    with open(calendar, "rb") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    seconds = time.perf_counter() - started
    entries = data.get("posts") if isinstance(data, dict) else data
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "posts": len(entries or ()), "findings": 0, "peak_mb": peak_mb}))


if __name__ == "__main__":
    main()
