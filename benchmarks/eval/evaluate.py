"""Evaluate chartercheck.text on the hand-labelled posts in posts.yaml.

Prints precision / recall / F1 of ``commercial_score > THRESHOLD`` against the
``commercial`` labels, language and register accuracy, and the mean time of
``analyze`` per post, cold (all caches emptied, lexicons already compiled:
the one-off start-up cost is printed separately) and warm.

Usage: python benchmarks/eval/evaluate.py [--threshold 0.6] [--errors]
"""
from __future__ import annotations

import argparse
import pathlib
import sys
import time

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))

from chartercheck.text import analyze, clear_caches  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threshold", type=float, default=0.6)
    parser.add_argument("--errors", action="store_true", help="list misclassified posts")
    args = parser.parse_args()
    posts = yaml.safe_load((HERE / "posts.yaml").read_text("utf-8"))["posts"]

    t0 = time.perf_counter()
    analyze("Premier appel : chargement des lexiques et des profils de langue.")
    startup = time.perf_counter() - t0
    clear_caches()
    t0 = time.perf_counter()
    facts = [analyze(p["text"]) for p in posts]
    cold = (time.perf_counter() - t0) / len(posts)
    t0 = time.perf_counter()
    for p in posts:
        analyze(p["text"])
    warm = (time.perf_counter() - t0) / len(posts)

    tp = fp = fn = 0
    lang_ok = reg_ok = 0
    errors = []
    for p, f in zip(posts, facts):
        predicted = f.commercial_score > args.threshold
        tp += predicted and p["commercial"]
        fp += predicted and not p["commercial"]
        fn += (not predicted) and p["commercial"]
        if predicted != p["commercial"]:
            errors.append(("commercial", p["commercial"], f.commercial_score, f.commercial_cues, p["text"]))
        # A post too short to judge counts as correct: "not judged" is the contract.
        if f.language == p["lang"] or f.language is None:
            lang_ok += 1
        else:
            errors.append(("language", p["lang"], f.language, f.language_confidence, p["text"]))
        if (f.register or "none") == p["register"]:
            reg_ok += 1
        else:
            errors.append(("register", p["register"], f.register, f.register_markers, p["text"]))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    n = len(posts)
    judged = sum(f.language is not None for f in facts)
    out = sys.stdout
    out.write(f"posts: {n} (fr {sum(p['lang'] == 'fr' for p in posts)}, en {sum(p['lang'] == 'en' for p in posts)}; "
              f"commercial {sum(p['commercial'] for p in posts)})\n")
    out.write(f"commercial_score > {args.threshold}: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}"
              f"  (tp {tp}, fp {fp}, fn {fn})\n")
    out.write(f"language accuracy: {lang_ok / n:.3f}  ({judged} judged, {n - judged} too short)\n")
    out.write(f"register accuracy: {reg_ok / n:.3f}\n")
    out.write(f"analyze: start-up {startup * 1000:.1f} ms; cold {cold * 1000:.3f} ms/post; warm {warm * 1000:.4f} ms/post\n")
    if args.errors:
        for e in errors:
            out.write(repr(e) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
