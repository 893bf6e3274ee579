"""How well the commercial score (CC201) and the French register (CC302) hold on labelled posts.

The headline is **grouped cross-validation** on the real corpus: the posts of
one group (a source, with every near-identical post of its templates, see
:mod:`corpus`) are scored by weights fitted without them — the honest estimate
for posts of brands the data has never seen.  Each fold fits with
:func:`fit.fit`, exactly as the shipped weights are fitted.

Printed, per language, with and without the rows whose notes say "ambiguous":
precision, recall and F1 at the default threshold (0.6) with a bootstrap 95 %
interval (1,000 resamples of the rows, fixed seed), and PR-AUC (average
precision); then the same per source; then the in-house set (held out from the
fit, then with the shipped weights); then the shipped weights on the real corpus
(in-sample, so optimistic); the French register agreement and the language
detector's disagreements with the labels (CC301's possible false alarms).

Usage: python benchmarks/eval/evaluate.py [--corpus PATH] [--errors] [--shipped-only]

``--shipped-only`` scores with the installed package alone (no fitting, no
scikit-learn): it is how a version of the linter is compared with another.
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict

from corpus import families, load_both

THRESHOLD = 0.6
BOOTSTRAP = 1000


def confusion(scores, labels) -> tuple[int, int, int]:
    tp = sum(s > THRESHOLD and y for s, y in zip(scores, labels))
    fp = sum(s > THRESHOLD and not y for s, y in zip(scores, labels))
    fn = sum(s <= THRESHOLD and y for s, y in zip(scores, labels))
    return tp, fp, fn


def prf(scores, labels) -> tuple[float, float, float]:
    tp, fp, fn = confusion(scores, labels)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def average_precision(scores, labels) -> float:
    """Area under the precision-recall curve as average precision (ties scored together)."""
    positives = sum(labels)
    if not positives:
        return float("nan")
    order = sorted(zip(scores, labels), key=lambda sy: -sy[0])
    ap = tp = seen = 0
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and order[j][0] == order[i][0]:
            j += 1
        block = order[i:j]
        hits = sum(y for _, y in block)
        tp += hits
        seen += len(block)
        ap += (hits / positives) * (tp / seen)
        i = j
    return ap


def interval(values) -> str:
    values = sorted(v for v in values if v == v)
    if not values:
        return "  n/a    "
    lo, hi = values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]
    return f"[{lo:.2f}-{hi:.2f}]"


def metrics_line(label: str, scores, labels) -> str:
    n, pos = len(labels), sum(labels)
    p, r, f1 = prf(scores, labels)
    ap = average_precision(scores, labels)
    rng = random.Random(0)
    f1s, aps = [], []
    pairs = list(zip(scores, labels))
    for _ in range(BOOTSTRAP):
        sample = [pairs[rng.randrange(n)] for _ in range(n)]
        s, y = [a for a, _ in sample], [b for _, b in sample]
        f1s.append(prf(s, y)[2])
        aps.append(average_precision(s, y))
    tp, fp, fn = confusion(scores, labels)
    return (f"{label:<40}{n:>5}{pos:>5}   P {p:.2f}  R {r:.2f}  F1 {f1:.2f} {interval(f1s)}"
            f"  PR-AUC {ap:.2f} {interval(aps)}  (tp {tp}, fp {fp}, fn {fn})")


def header(title: str) -> str:
    return f"\n{title}\n{'':<40}{'n':>5}{'pos':>5}\n"


def table(title: str, posts, scores: dict) -> str:
    out = header(title)
    for lang in ("en", "fr"):
        for without_ambiguous in (False, True):
            rows = [p for p in posts if p.lang == lang and not (without_ambiguous and p.ambiguous)]
            if rows:
                label = f"{lang} {'without ambiguous' if without_ambiguous else 'all rows'}"
                out += metrics_line(label, [scores[p.id] for p in rows], [p.commercial for p in rows]) + "\n"
    return out


def per_source(title: str, posts, scores: dict) -> str:
    out = f"\n{title}\n{'source':<24}{'n':>5}{'pos':>5}{'tp':>5}{'fp':>5}{'fn':>5}   P     R     F1   FP rate\n"
    by_source = defaultdict(list)
    for p in posts:
        if not p.ambiguous:
            by_source[(p.lang, p.source)].append(p)
    for (lang, source), rows in sorted(by_source.items()):
        s, y = [scores[p.id] for p in rows], [p.commercial for p in rows]
        tp, fp, fn = confusion(s, y)
        p_, r_, f1 = prf(s, y)
        negatives = len(y) - sum(y)
        fp_rate = f"{fp / negatives:.1%}" if negatives else "-"
        out += (f"{lang + ' ' + source:<24}{len(rows):>5}{sum(y):>5}{tp:>5}{fp:>5}{fn:>5}"
                f"  {p_:.2f}  {r_:.2f}  {f1:.2f}   {fp_rate}\n")
    return out


def by_selection(posts, scores: dict) -> str:
    """Rows chosen at random against rows topped up by keyword (where the corpus says)."""
    out = ""
    for selection in ("random", "keyword_topup"):
        rows = [p for p in posts if p.selection == selection and not p.ambiguous]
        if rows:
            label = f"{selection} rows, without ambiguous"
            out += metrics_line(label, [scores[p.id] for p in rows], [p.commercial for p in rows]) + "\n"
    return header("grouped CV by how rows were selected (sources that record it)") + out if out else ""


def cross_validated(real, in_house) -> tuple[dict, dict]:
    """Out-of-fold scores of the real corpus (one fold per group) and of the in-house set
    (held out as one group)."""
    from chartercheck.text.commercial import SHOUTING, score
    from fit import fit, matrix, training_rows

    names = families()
    everything = training_rows(real, in_house)
    scores = {}
    folds = defaultdict(list)
    for p in real:
        folds[p.group].append(p)
    folds["in_house"] = list(in_house)
    for key, held_out in folds.items():
        held_ids = {p.id for p in held_out}
        X, y = matrix([p for p in everything if p.id not in held_ids])
        fitted = fit(X, y, names)
        for p in held_out:
            fired = {n for n, x in zip(names, p.features) if x}
            # The linter's own score, with this fold's weights.
            scores[p.id] = score(fired - {SHOUTING}, SHOUTING in fired, fitted)
    return ({p.id: scores[p.id] for p in real}, {p.id: scores[p.id] for p in in_house})


def register_agreement(posts) -> str:
    rows = [p for p in posts if p.lang == "fr" and p.register]
    agree = [p for p in rows if (p.register_found or "none") == p.register]
    return f"French register agreement: {len(agree) / len(rows):.3f} ({len(agree)}/{len(rows)})\n"


def language_alarms(posts) -> str:
    wrong = [p for p in posts if p.language not in (None, p.lang)]
    judged = sum(p.language is not None for p in posts)
    return (f"language detected other than labelled: {len(wrong)} of {judged} judged "
            f"({len(posts) - judged} too short to judge)\n")


def errors(posts, scores) -> str:
    names = families()
    out = "\nmisclassified (label, score, families, text):\n"
    for p in posts:
        if (scores[p.id] > THRESHOLD) != bool(p.commercial):
            fired = [n for n, x in zip(names, p.features) if x]
            amb = " ambiguous" if p.ambiguous else ""
            out += f"{p.id}{amb} y={p.commercial} {scores[p.id]:.2f} {fired} {p.text[:160]!r}\n"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="posts.csv of the real corpus")
    parser.add_argument("--errors", action="store_true", help="list misclassified posts")
    parser.add_argument("--shipped-only", action="store_true", help="only the installed package's scores")
    parser.add_argument("--register-errors", action="store_true", help="list French register disagreements")
    args = parser.parse_args()
    real, in_house = load_both(args.corpus)
    out = sys.stdout
    n_groups = len({p.group for p in real})
    out.write(f"real corpus: {len(real)} posts ({sum(p.commercial for p in real)} commercial, "
              f"{sum(p.ambiguous for p in real)} ambiguous), {n_groups} CV groups; "
              f"in-house: {len(in_house)} posts\n")
    shipped = {p.id: p.shipped_score for p in real + in_house}
    if not args.shipped_only:
        cv_real, cv_in_house = cross_validated(real, in_house)
        out.write(table("GROUPED CROSS-VALIDATION, real corpus (headline)", real, cv_real))
        out.write(per_source("grouped CV per source (rows without ambiguous)", real, cv_real))
        out.write(by_selection(real, cv_real))
        out.write(table("in-house set, held out from the fit", in_house, cv_in_house))
    out.write(table("shipped weights, real corpus (in-sample: optimistic)", real, shipped))
    out.write(per_source("shipped weights per source (rows without ambiguous)", real, shipped))
    out.write(table("shipped weights, in-house set", in_house, shipped))
    out.write("\n" + register_agreement(real) + "in-house " + register_agreement(in_house)
              + language_alarms(real))
    if args.errors:
        out.write(errors(real + in_house, cv_real | cv_in_house if not args.shipped_only else shipped))
    if args.register_errors:
        for p in real:
            if p.lang == "fr" and p.register and (p.register_found or "none") != p.register:
                out.write(f"{p.id} label={p.register} found={p.register_found} {p.text[:200]!r}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
