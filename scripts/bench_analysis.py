"""The same analysis as `trialstat analyze` in Python, without the MMRM (neither pandas, SciPy nor
statsmodels fits an MMRM with unstructured covariance), for the benchmark in docs/benchmarks.md:
    /usr/bin/python3 scripts/bench_analysis.py FILE
Packages: pandas, SciPy (Debian: python3-pandas python3-scipy). Per-arm change from baseline to the
last visit, Welch and Student t, the ANCOVA change ~ arm + baseline (least squares), Cohen's d and
Hedges' g with noncentral-t CIs, three binary endpoints with Wilson CIs and Fisher's exact test.
"""
import sys
import warnings

import numpy as np
import pandas as pd
from scipy import optimize, stats


def nct_ci(t, df, level=0.95):
    """CI of the noncentrality parameter by inverting the noncentral t distribution (as effectsize)."""
    a = (1 - level) / 2
    lo = optimize.brentq(lambda nc: stats.nct.sf(t, df, nc) - a, t - 40, t + 40)
    hi = optimize.brentq(lambda nc: stats.nct.cdf(t, df, nc) - a, t - 40, t + 40)
    return lo, hi


def wilson(x, n, z=stats.norm.ppf(0.975)):
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def main(path):
    warnings.filterwarnings("ignore", category=RuntimeWarning)  # SciPy nct far in the tails while bracketing
    d = pd.read_csv(path)
    visits = d.sort_values("week")["visit"].unique()
    b = d[d.visit == visits[0]][["participant_id", "arm", "caps_total", "ptsd_dx"]]
    e = d[d.visit == visits[-1]][["participant_id", "caps_total", "ptsd_dx"]]
    m = b.merge(e, on="participant_id", suffixes=(".b", ".e")).dropna()
    m["change"] = m["caps_total.e"] - m["caps_total.b"]
    t = m.change[m.arm == "MDMA"].to_numpy()
    c = m.change[m.arm == "Placebo"].to_numpy()
    print(m.groupby("arm").change.describe())
    print(stats.ttest_ind(t, c, equal_var=False), stats.ttest_ind(t, c, equal_var=True))
    x = np.column_stack([np.ones(len(m)), (m.arm == "MDMA").astype(float), m["caps_total.b"]])
    beta, rss, _, _ = np.linalg.lstsq(x, m.change.to_numpy(), rcond=None)
    dfr = len(m) - 3
    se = np.sqrt(rss[0] / dfr * np.linalg.inv(x.T @ x)[1, 1])
    print("ancova", beta[1], se, 2 * stats.t.sf(abs(beta[1] / se), dfr))
    n1, n2 = len(t), len(c)
    sp = np.sqrt(((n1 - 1) * t.var(ddof=1) + (n2 - 1) * c.var(ddof=1)) / (n1 + n2 - 2))
    dval = (t.mean() - c.mean()) / sp
    tstat = dval / np.sqrt(1 / n1 + 1 / n2)
    lo, hi = nct_ci(tstat, n1 + n2 - 2)
    j = 1 - 3 / (4 * (n1 + n2) - 9)
    k = np.sqrt(1 / n1 + 1 / n2)
    print("d", dval, lo * k, hi * k, "g", dval * j, lo * k * j, hi * k * j)
    for name, ev in {"resp": m["caps_total.b"] - m["caps_total.e"] >= 10,
                     "lod": (m["ptsd_dx.b"] == 1) & (m["ptsd_dx.e"] == 0),
                     "rem": (m["caps_total.e"] <= 11) & (m["ptsd_dx.e"] == 0)}.items():
        xs = [int(ev[m.arm == a].sum()) for a in ("MDMA", "Placebo")]
        ns = [int((m.arm == a).sum()) for a in ("MDMA", "Placebo")]
        print(name, xs, ns, wilson(xs[0], ns[0]), wilson(xs[1], ns[1]),
              stats.fisher_exact([[xs[0], ns[0] - xs[0]], [xs[1], ns[1] - xs[1]]]))


if __name__ == "__main__":
    main(sys.argv[1])
