#!/usr/bin/env python3
"""The pandas + SciPy script a user would write instead of `adaptgate check`: the peer of run.sh.

Same tests, same defaults as AdaptGate (see README, "Drift methods"), per shared column, missing
values left out:
  auto: numeric -> ks_2samp when min(n, m) <= 1000, else wasserstein_distance / std(ref, ddof=0)
        (0.001 when the reference is constant); categorical -> chi2_contingency(correction=False)
        when min(n, m) <= 1000, else jensenshannon over one bin per category of either file.
  ks:   numeric -> ks_2samp(method="auto"); categorical as in auto (ks applies to numbers only).
A column drifts when p < 0.05 (ks, chisquare) or score >= 0.1 (distances); the share of drifted
columns is printed with each column's result as JSON, so its figures can be checked against
adaptgate's report.

Usage: /usr/bin/python3 build/bench/peer_check.py REFERENCE.csv CURRENT.csv [--method auto|ks] [--output FILE]
"""
import argparse
import json

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance

SMALL_SAMPLE = 1000
P_THRESHOLD = 0.05
DISTANCE_THRESHOLD = 0.1
CONSTANT_REFERENCE_SCALE = 0.001


def numeric(ref, cur, method):
    if method == "ks" or min(len(ref), len(cur)) <= SMALL_SAMPLE:
        result = stats.ks_2samp(ref, cur)
        return "ks", float(result.statistic), float(result.pvalue)
    std = np.std(ref)
    scale = std if std > 0 else CONSTANT_REFERENCE_SCALE
    return "wasserstein", float(stats.wasserstein_distance(ref, cur) / scale), None


def categorical(ref, cur):
    ref_counts = ref.value_counts()
    cur_counts = cur.value_counts()
    categories = ref_counts.index.union(cur_counts.index)
    r = ref_counts.reindex(categories, fill_value=0).to_numpy()
    c = cur_counts.reindex(categories, fill_value=0).to_numpy()
    if min(r.sum(), c.sum()) <= SMALL_SAMPLE:
        chi2, p, _, _ = stats.chi2_contingency(np.vstack([r, c]), correction=False)
        return "chisquare", float(chi2), float(p)
    return "jensenshannon", float(distance.jensenshannon(r / r.sum(), c / c.sum())), None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference")
    parser.add_argument("current")
    parser.add_argument("--method", choices=["auto", "ks"], default="auto")
    parser.add_argument("--output")
    args = parser.parse_args()

    reference = pd.read_csv(args.reference)
    current = pd.read_csv(args.current)
    columns = []
    for name in reference.columns.intersection(current.columns, sort=False):
        ref = reference[name].dropna()
        cur = current[name].dropna()
        if pd.api.types.is_numeric_dtype(ref) and pd.api.types.is_numeric_dtype(cur):
            method, score, p = numeric(ref.to_numpy(dtype=float), cur.to_numpy(dtype=float), args.method)
        else:
            method, score, p = categorical(ref.astype(str), cur.astype(str))
        drifted = p < P_THRESHOLD if p is not None else score >= DISTANCE_THRESHOLD
        columns.append({"name": name, "method": method, "score": score, "pValue": p, "drifted": bool(drifted)})

    share = sum(c["drifted"] for c in columns) / len(columns)
    report = json.dumps({"share": share, "columns": columns}, indent=2)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(report + "\n")
    else:
        print(report)


if __name__ == "__main__":
    main()
