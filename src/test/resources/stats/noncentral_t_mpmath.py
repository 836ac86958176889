#!/usr/bin/python3
# Reference values of NoncentralTTest (matchesMpmath, oppositeSignTailIsAbsolutelyAccurate,
# ncpForCdfMatchesMpmath), computed with mpmath (1.2.1) independently of trialstat's algorithm:
#   F(t; df, ncp) = P(T <= t) = integral_0^inf Phi(t sqrt(x/df) - ncp) chi2_df(x) dx,  T = (Z + ncp) / sqrt(V/df)
# by adaptive quadrature at 50 significant digits, and the ncp with F(t; df, ncp) = p by findroot.
# Run: /usr/bin/python3 src/test/resources/stats/noncentral_t_mpmath.py   (prints t, df, ncp, F or ncp)
from mpmath import mp, mpf, sqrt, quad, ncdf, exp, log, loggamma, inf, findroot

mp.dps = 50


def chi2pdf(x, k):
    return exp((k / 2 - 1) * log(x) - x / 2 - (k / 2) * log(2) - loggamma(k / 2))


def cdf(t, k, ncp):
    t, k, ncp = mpf(t), mpf(k), mpf(ncp)
    f = lambda x: ncdf(t * sqrt(x / k) - ncp) * chi2pdf(x, k)
    return quad(f, [0, k / 8, k / 4, k / 2, k, 2 * k, 4 * k, 8 * k, 16 * k, 64 * k, inf])


CDF_CASES = [(1, 10, 0.5), (-2, 8, 1.5), (5, 15, 7), (-20, 25, -15), ('18.97', 38, '14.6'), ('18.97', 38, 23),
             (40, 38, 40), (45, 1000, 40), (35, 2, 38), (5, 10, 20), (-40, 20, -20), (-30, 20, -35),
             (10, 3, '39.5'), (60, 5, 39), (25, 1000, 30), ('41.5', 500, 40), (-41, 2, -40), (30, 20, 40),
             (100, 4, 40), (-1, 10, 8), (-3, 20, 2)]
NCP_CASES = [('5.2576030443942384', 30, '0.975'), ('5.2576030443942384', 30, '0.025'),
             ('18.024236362373317', 38, '0.975'), ('18.024236362373317', 38, '0.025'),
             ('-24.753688574416858', 25, '0.975'), ('-24.753688574416858', 25, '0.025')]

for t, k, ncp in CDF_CASES:
    print('F', t, k, ncp, mp.nstr(cdf(t, k, ncp), 20))
for t, k, p in NCP_CASES:
    root = findroot(lambda q: cdf(t, k, q) - mpf(p), mpf(t))
    print('ncp', t, k, p, mp.nstr(root, 20))
