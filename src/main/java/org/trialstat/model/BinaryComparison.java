package org.trialstat.model;

import java.util.List;

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

  /** The method of {@link #fisherP()}. */
  public static final String FISHER_METHOD = "Fisher exact test, two-sided";

  /** The effects of this endpoint in output order: RD, RR, OR, NNT, Fisher's p; n is both denominators. */
  public List<Effect> effects() {
    String o = endpoint.key();
    int n = treatment.n() + control.n();
    return List.of(new Effect(Statistic.RISK_DIFFERENCE, o, riskDifference, n),
        new Effect(Statistic.RISK_RATIO, o, riskRatio, n), new Effect(Statistic.ODDS_RATIO, o, oddsRatio, n),
        new Effect(Statistic.NNT, o, nnt, n), new Effect(Statistic.FISHER_P, o, new PValue(fisherP, FISHER_METHOD), n));
  }
}
