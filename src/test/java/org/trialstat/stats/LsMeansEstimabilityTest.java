package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.trialstat.model.Difference;
import org.trialstat.model.QuantileSummary;
import org.trialstat.model.QuantileType;

/**
 * {@link LinearModel#linearCombination} on a rank-deficient design and {@link SampleQuantiles} edge
 * cases, against R 4.2.2 (src/test/resources/stats/lsmeans_estimability.R and its .out).
 */
class LsMeansEstimabilityTest {

  private static final double[] Y = {1, 3, 2, 5, 4, 6};

  private static LinearModel aliasedFit() {
    double[][] x = new double[6][];
    for (int i = 0; i < 6; i++) {
      x[i] = new double[] {1, i + 1, 2 * (i + 1)};
    }
    return LinearModel.fit(x, Y);
  }

  /** R predict(lm(y ~ x1 + x2), x1 = 3, x2 = 6, se.fit = TRUE): 3.05714285714286, se 0.413052351280028, df 4; 1e-12. */
  @Test
  void estimableCombinationOfAnAliasedDesignMatchesPredict() {
    LinearModel fit = aliasedFit();
    assertThat(fit.aliased(2)).isTrue();
    Difference d = fit.linearCombination(new double[] {1, 3, 6}, 0.95, "L");
    assertThat(d.estimate()).isCloseTo(3.05714285714286, within(1e-12));
    assertThat(d.se()).isCloseTo(0.413052351280028, within(1e-12));
    assertThat(d.df()).isEqualTo(4);
  }

  /** L = (1, 3, 0) is not in the row space of X (x2 = 2 x1): not estimable, as emmeans' "nonEst". */
  @Test
  void combinationOutsideTheRowSpaceIsNotEstimable() {
    Difference d = aliasedFit().linearCombination(new double[] {1, 3, 0}, 0.95, "L");
    assertThat(d.estimate()).isNaN();
    assertThat(d.reason()).startsWith("not estimable");
  }

  /** R quantile(1:4, c(.25, .5, .75), type = 2): 1.5 2.5 3.5; type = 7: 1.75 2.5 3.25 (exact). */
  @Test
  void quartilesOfOneToFour() {
    double[] x = {4, 2, 1, 3};
    QuantileSummary sas = SampleQuantiles.summarize(x, QuantileType.SAS);
    QuantileSummary r7 = SampleQuantiles.summarize(x, QuantileType.R7);
    assertThat(new double[] {sas.q1(), sas.median(), sas.q3(), sas.min(), sas.max()})
        .containsExactly(1.5, 2.5, 3.5, 1, 4);
    assertThat(new double[] {r7.q1(), r7.median(), r7.q3()}).containsExactly(1.75, 2.5, 3.25);
    assertThat(x).containsExactly(4, 2, 1, 3); // not reordered
  }

  @Test
  void emptySampleIsNaNAndOneValueIsEveryQuantile() {
    assertThat(SampleQuantiles.summarize(new double[0], QuantileType.SAS).median()).isNaN();
    QuantileSummary one = SampleQuantiles.summarize(new double[] {7}, QuantileType.R7);
    assertThat(new double[] {one.q1(), one.median(), one.q3(), one.min(), one.max()})
        .containsExactly(7, 7, 7, 7, 7);
  }
}
