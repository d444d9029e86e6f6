#!/usr/bin/env python3
"""Writes a reference and a current CSV for benchmarks: ROWS rows x 25 columns each.

20 numeric columns (n00..n19: normal, log-normal, uniform, integer counts) and 5 categorical
columns (c0..c4, 8 to 12 levels). The current file has a mild shift in n00..n03 and c0, and
none elsewhere, so a check has real work on both drifted and stable columns.

Usage: /usr/bin/python3 build/bench/make_data.py --rows 1000000 --out build/bench/out
Needs numpy (Debian: apt-get install python3-numpy). Seeded: the same arguments give the same files.
"""
import argparse
import os

import numpy as np


def columns(rng, rows, shifted):
    data = {}
    for i in range(20):
        kind = i % 4
        shift = 0.1 if (shifted and i < 4) else 0.0
        if kind == 0:
            data[f"n{i:02d}"] = np.round(rng.normal(50 + shift * 10, 10, rows), 4)
        elif kind == 1:
            data[f"n{i:02d}"] = np.round(rng.lognormal(1 + shift, 0.5, rows), 4)
        elif kind == 2:
            data[f"n{i:02d}"] = np.round(rng.uniform(0 + shift, 1 + shift, rows), 5)
        else:
            data[f"n{i:02d}"] = rng.poisson(4 + shift * 10, rows)
    for j in range(5):
        levels = 8 + j % 5
        p = np.linspace(1, 2, levels)
        if shifted and j == 0:
            p = p[::-1]
        p = p / p.sum()
        names = np.array([f"level_{j}_{k}" for k in range(levels)])
        data[f"c{j}"] = names[rng.choice(levels, rows, p=p)]
    return data


def write(path, data, rows, chunk=200_000):
    names = list(data)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(",".join(names) + "\n")
        for start in range(0, rows, chunk):
            end = min(rows, start + chunk)
            cols = [data[n][start:end].astype(str) for n in names]
            f.write("\n".join(",".join(row) for row in zip(*cols)) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "out"))
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for name, shifted, seed in (("reference.csv", False, args.seed), ("current.csv", True, args.seed + 1)):
        rng = np.random.default_rng(seed)
        path = os.path.join(args.out, name)
        write(path, columns(rng, args.rows, shifted), args.rows)
        print(f"wrote {path} ({os.path.getsize(path) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
