package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.trialstat.model.FTest;

/**
 * The nested-model F test. The estimable case is tested against R's anova on the samples in
 * {@code SubgroupCliTest}; here the hand-checkable case and the edge cases that give a value with a reason.
 */
class NestedModelsTest {

  private static final double[][] X1 = {{1, 0}, {1, 0}, {1, 1}, {1, 1}, {1, 1}};
  private static final double[] Y = {1, 2, 4, 5, 7};

  @Test
  void oneWayAnovaAgainstTheInterceptOnly() {
    double[][] x0 = {{1}, {1}, {1}, {1}, {1}};
    FTest t = NestedModels.fTest(LinearModel.fit(x0, Y), LinearModel.fit(X1, Y), "m");
    // By hand: RSS0 = sum (y - 3.8)^2 = 22.8; groups {1,2} mean 1.5, {4,5,7} mean 16/3:
    // RSS1 = 0.5 + (4-16/3)^2 + (5-16/3)^2 + (7-16/3)^2 = 0.5 + 14/3; F = (22.8 - RSS1) / (RSS1 / 3).
    // R 4.2.2: anova(lm(y ~ 1), lm(y ~ g)), y = c(1,2,4,5,7), g = factor(c(0,0,1,1,1)): F = 10.2387096774194
    // (printed to 15 digits); tolerance 1e-9.
    double rss1 = 0.5 + 14.0 / 3;
    assertThat(t.statistic()).isCloseTo((22.8 - rss1) / (rss1 / 3), offset(1e-12));
    assertThat(t.statistic()).isCloseTo(10.2387096774194, offset(1e-9));
    assertThat(t.df()).isEqualTo(1);
    assertThat(t.dfResidual()).isEqualTo(3);
    assertThat(t.reason()).isNull();
  }

  @Test
  void noAddedRankIsNotEstimable() {
    double[][] aliased = {{1, 0, 0}, {1, 0, 0}, {1, 1, 1}, {1, 1, 1}, {1, 1, 1}}; // third column = second
    FTest t = NestedModels.fTest(LinearModel.fit(X1, Y), LinearModel.fit(aliased, Y), "m");
    assertThat(t.statistic()).isNaN();
    assertThat(t.reason()).contains("no estimable term");
  }

  @Test
  void differentObservationsAreRejected() {
    double[][] x0 = {{1}, {1}, {1}, {1}};
    assertThatThrownBy(() -> NestedModels.fTest(LinearModel.fit(x0, new double[] {1, 2, 3, 4}),
        LinearModel.fit(X1, Y), "m")).isInstanceOf(IllegalArgumentException.class);
  }
}
