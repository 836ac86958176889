package org.trialstat.model;

/**
 * Treatment-versus-control comparison of one binary endpoint: risk difference (treatment - control),
 * risk ratio and odds ratio (treatment / control), number needed to treat and Fisher's exact p.
 *
 * @param endpoint       which endpoint
 * @param treatment      the treatment arm's rate
 * @param control        the control arm's rate
 * @param riskDifference p_t - p_c with its interval
 * @param riskRatio      p_t / p_c with its interval
 * @param oddsRatio      odds_t / odds_c with its interval
 * @param nnt            1 / RD with its interval (or a reason saying why the interval is not finite)
 * @param fisherP        two-sided p of Fisher's exact test, or NaN
 */
public record BinaryComparison(BinaryEndpoint endpoint, Proportion treatment, Proportion control,
    Estimate riskDifference, Estimate riskRatio, Estimate oddsRatio, Estimate nnt, double fisherP) {
}
