"""The labelled posts the commercial score is fitted and judged on.

Two sets:

* the **real corpus**: posts written by real brands and hand-labelled, kept
  outside the project (``shared/corpus/tone/posts.csv`` beside the checkout, or
  ``--corpus PATH``, or ``$CHARTERCHECK_TONE_CORPUS``); it is read where it
  lies and never copied here;
* the **in-house set** (``posts.yaml`` here): posts written for this project,
  in the style its lexicons were first written for.

Each post carries the *features* the score is made of: one 0/1 column per cue
family of :mod:`chartercheck.text.commercial` (and shouting next to a cue), read
from :func:`chartercheck.text.analyze` — the fitting sees exactly what the linter sees.

**Groups** for cross-validation: posts of one source never sit on both sides,
and neither do near-identical posts of one campaign (the same template with
another link or date), even across sources: groups are the connected
components of "same source" and "same template" (:func:`template_key`).
"""
from __future__ import annotations

import csv
import os
import pathlib
import re
import sys
from dataclasses import dataclass

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from chartercheck.text import analyze  # noqa: E402
from chartercheck.text import lexicons  # noqa: E402
from chartercheck.text.normalize import fold  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "tone" / "posts.csv"
_NOISE_RE = re.compile(r"https?://\S+|www\.\S+|[@#]\w+|\d+")
_WORD_RE = re.compile(r"\w+")
#: The shouting feature's name (as in chartercheck.text.commercial; spelt here so that
#: ``evaluate.py --shipped-only`` also runs against versions of the linter before it).
SHOUTING = "shouting"


def families() -> tuple[str, ...]:
    """The feature columns: every cue family of the lexicons, then shouting."""
    return tuple(c.name for c in lexicons.commercial_categories()) + (SHOUTING,)


@dataclass
class LabelledPost:
    """One post, its labels and its features."""

    id: str
    lang: str
    source: str
    text: str
    commercial: int
    register: str
    ambiguous: bool
    features: tuple[int, ...] = ()
    shipped_score: float = 0.0  # the score the installed package gives
    language: str | None = None
    register_found: str | None = None
    group: int = 0
    selection: str = ""  # "random" or "keyword_topup" where the corpus's raw files say


def template_key(text: str) -> str | None:
    """The first eight words of a text without links, handles, tags and numbers,
    or None for a text too short to have a template."""
    words = _WORD_RE.findall(_NOISE_RE.sub(" ", fold(text)))
    return " ".join(words[:8]) if len(words) >= 5 else None


def _features(post: LabelledPost) -> None:
    facts = analyze(post.text)
    names = families()
    fired = set(facts.commercial_categories)
    if fired and (facts.caps_runs or facts.exclamation_runs):
        fired.add(SHOUTING)
    post.features = tuple(int(n in fired) for n in names)
    post.shipped_score = facts.commercial_score
    post.language = facts.language
    post.register_found = facts.register


def corpus_path(explicit: str | None = None) -> pathlib.Path:
    """Where the real corpus is: ``explicit``, ``$CHARTERCHECK_TONE_CORPUS``, or beside the checkout."""
    return pathlib.Path(explicit or os.environ.get("CHARTERCHECK_TONE_CORPUS") or DEFAULT_CORPUS)


def load_real(path: pathlib.Path) -> list[LabelledPost]:
    """The real corpus's posts with their features and CV groups."""
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    posts = [LabelledPost(r["id"], r["lang"], r["source"], r["text"], int(r["commercial"]),
                          r.get("register") or "", "ambiguous" in (r.get("notes") or "").lower())
             for r in rows]
    selections = _selections(path.parent / "raw")
    for post in posts:
        _features(post)
        post.selection = selections.get(post.text, "")
    _assign_groups(posts)
    return posts


def _selections(raw: pathlib.Path) -> dict[str, str]:
    """Text → how the row was chosen ("random" or "keyword_topup"), from the raw files that
    record it (the corpus topped some sources up by keyword: a cue-based score looks better
    on those rows than on random traffic)."""
    found: dict[str, str] = {}
    for name in sorted(raw.glob("*.csv")) if raw.is_dir() else ():
        with open(name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("selection") and row.get("text"):
                    found[row["text"]] = row["selection"]
    return found


def load_both(explicit: str | None = None) -> tuple[list[LabelledPost], list[LabelledPost]]:
    """``(real corpus, in-house set)``; exits with a message when the real corpus is missing."""
    path = corpus_path(explicit)
    if not path.exists():
        raise SystemExit(f"real corpus not found at {path}: give --corpus PATH")
    return load_real(path), load_in_house()


def load_in_house() -> list[LabelledPost]:
    """The in-house set (``posts.yaml``) with its features; one group per post."""
    data = yaml.safe_load((HERE / "posts.yaml").read_text("utf-8"))["posts"]
    posts = [LabelledPost(f"in-house-{i:03d}", p["lang"], "in_house", p["text"], int(bool(p["commercial"])),
                          p.get("register") or "", False, group=i) for i, p in enumerate(data)]
    for post in posts:
        _features(post)
    return posts


def _assign_groups(posts: list[LabelledPost]) -> None:
    parent = list(range(len(posts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    for i, post in enumerate(posts):
        keys = [("source", post.source)]
        template = template_key(post.text)
        if template:
            keys.append(("template", template))
        for key in keys:
            if key in first:
                parent[root(i)] = root(first[key])
            else:
                first[key] = i
    roots = {root(i) for i in range(len(posts))}
    number = {r: n for n, r in enumerate(sorted(roots))}
    for i, post in enumerate(posts):
        post.group = number[root(i)]
