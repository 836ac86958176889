#!/usr/bin/python3
# Reference values for the edge-case files (Cohen's d, Hedges' g with exact J, and their noncentral-t
# confidence limits), computed with mpmath 1.2.1 at 50 significant digits. huge_effect.csv has d ~ -23 and
# noncentrality ~ -40, where R's pt() is no longer accurate (R 4.2.2 effectsize 0.8.3 cohens_d gives a
# lower limit of -32.5600 there instead of -32.9671).
#   P(T <= t; df, ncp) = integral_0^inf Phi(t * sqrt(x / df) - ncp) * chi2_df(x) dx   (T = (Z + ncp) / sqrt(V / df))
#   ncp_L: P(T <= t_obs; df, ncp_L) = 0.975,  ncp_U: P(T <= t_obs; df, ncp_U) = 0.025  (Steiger & Fouladi 1997)
#   d limits = ncp * sqrt(1/n_t + 1/n_c); g = d * J(df), J = Gamma(df/2) / (sqrt(df/2) Gamma((df-1)/2)).
# Run: /usr/bin/python3 src/test/resources/edge/noncentral_t_mpmath.py
import csv, os
from mpmath import mp, mpf, sqrt, quad, ncdf, gamma, findroot, inf, exp, log, loggamma

mp.dps = 50
here = os.path.dirname(os.path.abspath(__file__))


def chi2pdf(x, k):
    return exp((k / 2 - 1) * log(x) - x / 2 - (k / 2) * log(2) - loggamma(k / 2))

def cdf(tt, k, ncp):
    f = lambda x: ncdf(tt * sqrt(x / k) - ncp) * chi2pdf(x, k)
    return quad(f, [0, k / 4, k / 2, k, 2 * k, 4 * k, 8 * k, 16 * k, inf])


def run(name):
    rows = list(csv.DictReader(open(os.path.join(here, name))))
    score = {(r['participant_id'], r['visit']): mpf(r['caps_total']) for r in rows}
    arm = {r['participant_id']: r['arm'] for r in rows}
    change = {'Drug': [], 'Placebo': []}
    for pid, a in sorted(arm.items()):
        change[a].append(score[(pid, 'end')] - score[(pid, 'baseline')])
    t, c = change['Drug'], change['Placebo']
    nt, nc = len(t), len(c)
    mt, mc = sum(t) / nt, sum(c) / nc
    ss = sum((x - mt) ** 2 for x in t) + sum((x - mc) ** 2 for x in c)
    df = nt + nc - 2
    sp = sqrt(ss / df)
    d = (mt - mc) / sp
    scale = sqrt(mpf(1) / nt + mpf(1) / nc)
    tobs = d / scale

    lo = findroot(lambda q: cdf(tobs, df, q) - mpf('0.975'), tobs - 2)
    hi = findroot(lambda q: cdf(tobs, df, q) - mpf('0.025'), tobs + 2)
    J = gamma(mpf(df) / 2) / (sqrt(mpf(df) / 2) * gamma(mpf(df - 1) / 2))
    print(name, 'df', df, 't_obs', mp.nstr(tobs, 30))
    print('check cdf at limits', mp.nstr(cdf(tobs, df, lo), 20), mp.nstr(cdf(tobs, df, hi), 20))
    for n2, v in [('cohens_d', d), ('cohens_d.ci_low', lo * scale), ('cohens_d.ci_high', hi * scale),
                    ('hedges_g', d * J), ('hedges_g.ci_low', lo * scale * J), ('hedges_g.ci_high', hi * scale * J)]:
        print(name, n2, mp.nstr(v, 25))

for name in ['huge_effect.csv', 'zero_events_one_arm.csv', 'all_events_both_arms.csv', 'two_per_arm.csv',
             'scale_limits.csv']:
    run(name)
