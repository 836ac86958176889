#!/usr/bin/env python3
"""Writes a synthetic CAPS-5 trial in trialstat's long format to stdout (for benchmarks).

usage: scripts/make_trial.py PARTICIPANTS POST_BASELINE_VISITS [SEED]

Two arms (MDMA, Placebo) alternating, a baseline visit and POST_BASELINE_VISITS later visits every
6 weeks, about 8% of participants dropping out at a random later visit, scores clipped to 0..80.
Deterministic for a given seed.
"""
import random
import sys


def main():
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20261122
    write_trial(sys.stdout, int(sys.argv[1]), int(sys.argv[2]), seed)


def write_trial(out, n, visits, seed):
    """Writes one trial of n participants with the given number of post-baseline visits to out."""
    rng = random.Random(seed)
    out.write("participant_id,arm,visit,week,caps_total,ptsd_dx\n")
    for i in range(n):
        arm = "MDMA" if i % 2 == 0 else "Placebo"
        base = min(80, max(35, round(rng.gauss(43, 7))))
        slope = (-24 if arm == "MDMA" else -14) / visits
        subject = rng.gauss(0, 6)
        last = visits if rng.random() > 0.08 else rng.randint(1, visits)
        out.write(f"P{i + 1:05d},{arm},baseline,0,{base},1\n")
        for v in range(1, last + 1):
            score = min(80, max(0, round(base + slope * v + subject * v / visits + rng.gauss(0, 6))))
            dx = 1 if score > 22 or rng.random() < 0.2 else 0
            out.write(f"P{i + 1:05d},{arm},week{6 * v},{6 * v},{score},{dx}\n")


if __name__ == "__main__":
    main()
