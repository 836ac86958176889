package org.trialstat.stats.impute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.ARMS;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.VISITS;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.antidepressant;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.find;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialstat.model.ImputedEstimate;
import org.trialstat.model.ResponseRule;

/**
 * Binary endpoints from imputed scores against R: src/test/resources/impute/make_pool.R and its printed
 * make_pool.out (the Wald risk difference and Woolf log odds ratio of fixed 2 x 2 tables; the
 * complete-data analysis of rbmi's antidepressant_data at visit 4, where nothing is missing so every
 * imputation is the observed data: B = 0 and Rubin's rules return it with normal intervals). Tolerance
 * 1e-9 (R prints 10 decimals).
 */
class ImputedBinaryTest {

  static final double TOL = 1e-9;

  @Test
  void waldRiskDifferenceAndWoolfLogOddsRatioAsR() {
    // make_pool.out: table 27/44 vs 12/46: rd 0.3527667984 se 0.0978774837 logor 1.5040773968 se 0.4567336910
    double[][] change = new double[90][1];
    double[] base = new double[90];
    int[] arm = new int[90];
    for (int i = 0; i < 90; i++) {
      arm[i] = i < 44 ? 1 : 0;
      base[i] = 40;
      boolean event = i < 44 ? i < 27 : i - 44 < 12;
      change[i][0] = event ? -10 : -9.5;
    }
    double[][] r = ImputedBinary.estimate(change, base, arm, 2, 0, List.of(ImputedBinary.RESPONSE),
        new ResponseRule(ResponseRule.Kind.DROP, 10), Double.NaN);
    assertThat(r[0][0]).isCloseTo(0.3527667984, within(TOL));
    assertThat(r[1][0]).isCloseTo(0.0978774837, within(TOL));
    assertThat(r[0][1]).isCloseTo(1.5040773968, within(TOL));
    assertThat(r[1][1]).isCloseTo(0.4567336910, within(TOL));
    // rates: 27/44 (arm order: PLACEBO = arm 0 first, then arm 1) -- hand-counted
    assertThat(r[0][2]).isCloseTo(12.0 / 46, within(1e-15));
    assertThat(r[0][3]).isCloseTo(27.0 / 44, within(1e-15));
  }

  @Test
  void zeroCellGetsHalfAdded() {
    // make_pool.out: table 5/30 vs 0/31: logor 2.6092043665 se 1.5009263472
    double[] lor = ImputedBinary.logOddsRatio(5, 25, 0, 31);
    assertThat(lor[0]).isCloseTo(2.6092043665, within(TOL));
    assertThat(lor[1]).isCloseTo(1.5009263472, within(TOL));
  }

  @Test
  void antidepressantVisit4IsTheCompleteDataAnalysis() throws IOException {
    List<ImputedEstimate> r = ApproxBayes.run(antidepressant(Strategy.JR), VISITS, ARMS, "PLACEBO", 0.95, 5, 1,
        new double[] {0}, Set.of("DRUG"), new ResponseRule(ResponseRule.Kind.PERCENT, 50), 7);
    // response visit 4: table 7/84 vs 5/88: rd 0.0265151515 se 0.0389662341 logor 0.4115074226 se 0.6065413000
    ImputedEstimate rd = find(r, "response_risk_difference", "DRUG", "4");
    assertThat(rd.estimate()).isCloseTo(0.0265151515, within(TOL));
    assertThat(rd.se()).isCloseTo(0.0389662341, within(TOL));
    assertThat(rd.df()).isInfinite();
    assertThat(rd.lower()).isCloseTo(0.0265151515 - 1.959963985 * 0.0389662341, within(1e-8));
    ImputedEstimate or = find(r, "response_odds_ratio", "DRUG", "4");
    assertThat(or.estimate()).isCloseTo(Math.exp(0.4115074226), within(TOL));
    assertThat(or.se()).isCloseTo(0.6065413000, within(TOL));
    // remission visit 4: table 6/84 vs 7/88: rd -0.0081168831 se 0.0402693928 logor -0.1164103518 se 0.5785239851
    ImputedEstimate rem = find(r, "remission_risk_difference", "DRUG", "4");
    assertThat(rem.estimate()).isCloseTo(-0.0081168831, within(TOL));
    assertThat(rem.se()).isCloseTo(0.0402693928, within(TOL));
    assertThat(find(r, "remission_odds_ratio", "DRUG", "4").estimate()).isCloseTo(Math.exp(-0.1164103518),
        within(TOL));
    assertThat(find(r, "remission_rate", "DRUG", "4").estimate()).isCloseTo(6.0 / 84, within(1e-12));
  }
}
