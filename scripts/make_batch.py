#!/usr/bin/env python3
"""Writes FILES synthetic trials of PARTICIPANTS each into DIR (for the batch benchmark).

usage: scripts/make_batch.py DIR FILES PARTICIPANTS [POST_BASELINE_VISITS]

Each file is what scripts/make_trial.py writes, with seed 1000 + its number; files are named
trial00001.csv, trial00002.csv, ... Deterministic.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_trial import write_trial  # noqa: E402


def main():
    folder, files, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    visits = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    os.makedirs(folder, exist_ok=True)
    for i in range(1, files + 1):
        with open(os.path.join(folder, f"trial{i:05d}.csv"), "w", newline="\n") as out:
            write_trial(out, n, visits, 1000 + i)


if __name__ == "__main__":
    main()
