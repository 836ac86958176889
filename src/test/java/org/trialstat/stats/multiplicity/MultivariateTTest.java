package org.trialstat.stats.multiplicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link MultivariateT} against R mvtnorm 1.1.3 {@code pmvt} / {@code pmvnorm} with GenzBretz(maxpts = 5e6,
 * abseps = 1e-7) (src/test/resources/sap/multiarm.R, multiarm.out, "pmvt 3d"): both are quasi-Monte Carlo
 * estimates with errors of about 1e-7 to 1e-6, so tolerance 1e-5.
 */
class MultivariateTTest {
  private static final double[][] R3 = {{1, 0.5, 0.3}, {0.5, 1, 0.4}, {0.3, 0.4, 1}};

  @Test
  void threeDimensionalTMatchesPmvt() {
    assertThat(MultivariateT.of(R3, 12).probability(2.2)).isCloseTo(0.879480759536494, within(1e-5));
  }

  @Test
  void infiniteDfIsTheNormalOfPmvnorm() {
    assertThat(MultivariateT.of(R3, Double.POSITIVE_INFINITY).probability(2.2))
        .isCloseTo(0.924784366363725, within(1e-5));
  }

  /** One dimension is the univariate t: P(|T| < 2.178813) = 0.95 on 12 df (R qt(0.975, 12) = 2.17881282966723). */
  @Test
  void oneDimensionIsTheT() {
    MultivariateT t = MultivariateT.of(new double[][] {{1}}, 12);
    assertThat(t.probability(2.17881282966723)).isCloseTo(0.95, within(1e-5));
    assertThat(t.quantile(0.95)).isCloseTo(2.17881282966723, within(1e-4));
  }

  @Test
  void quantileInvertsTheProbabilityAndIsReproducible() {
    MultivariateT t = MultivariateT.of(R3, 12);
    double c = t.quantile(0.95);
    assertThat(t.probability(c)).isCloseTo(0.95, within(1e-9));
    assertThat(MultivariateT.of(R3, 12).quantile(0.95)).isEqualTo(c);
  }
}
