package org.trialstat.stats.impute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.trialstat.model.BootstrapInterval;

/**
 * Rubin's rules with Barnard-Rubin df and the bootstrap intervals against R on fixed numbers:
 * src/test/resources/impute/make_pool.R and its printed make_pool.out (mice::pool.scalar for Rubin's
 * rules; quantile(type = 6) and uniroot for the percentile bootstrap; sd/qnorm for the normal one).
 * Tolerance 1e-9 (R prints 10 decimals) except the percentile p, whose R root is found by uniroot to
 * tol 1e-12.
 */
class PoolTest {

  static final double[] EST = {-2.31, -1.87, -2.52, -2.05, -1.66, -2.74, -2.12, -1.95, -2.40, -2.21};
  static final double[] SE = {0.84, 0.88, 0.81, 0.86, 0.90, 0.83, 0.85, 0.87, 0.82, 0.86};
  static final double[] BOOT = {-1.92, -2.64, -0.31, -2.08, -1.45, -3.10, -2.27, 0.42, -1.76, -2.55, -1.18, -2.96,
      -2.01, -0.87, -1.63, -2.39, -3.41, -1.34, -2.12, 0.15};
  static final double TOL = 1e-9;

  static void check(RubinsRules.Pooled p, double est, double se, double df, double lo, double hi, double pv) {
    assertThat(p.estimate()).as("estimate").isCloseTo(est, within(TOL));
    assertThat(p.se()).as("se").isCloseTo(se, within(TOL));
    assertThat(p.df()).as("df").isCloseTo(df, within(1e-7));
    assertThat(p.lower()).as("lower").isCloseTo(lo, within(TOL));
    assertThat(p.upper()).as("upper").isCloseTo(hi, within(TOL));
    assertThat(p.p()).as("p").isCloseTo(pv, within(TOL));
  }

  @Test
  void rubinWithBarnardRubinDfAsMicePoolScalar() {
    // make_pool.out: rubin dfcom 169: est -2.1830000000 se 0.9170078759 df 111.3394168529
    //   lower -4.0000512836 upper -0.3659487164 p 0.0189846385
    check(RubinsRules.pool(EST, SE, 169, 0.95), -2.183, 0.9170078759, 111.3394168529, -4.0000512836, -0.3659487164,
        0.0189846385);
  }

  @Test
  void rubinWithInfiniteCompleteDataDfIsRubins1987Df() {
    // make_pool.out: rubin dfcom Inf: ... df 487.0977649604 lower -3.9847793656 upper -0.3812206344 p 0.0176695600
    check(RubinsRules.pool(EST, SE, Double.POSITIVE_INFINITY, 0.95), -2.183, 0.9170078759, 487.0977649604,
        -3.9847793656, -0.3812206344, 0.0176695600);
  }

  @Test
  void noBetweenImputationVarianceGivesTheObservedDataDf() {
    // rbmi rubin_df with var_b = 0: lambda = 0, df = nu_obs = (nu + 1) / (nu + 3) nu; hand: 170 / 172 * 169
    RubinsRules.Pooled p = RubinsRules.pool(new double[] {1, 1, 1}, new double[] {0.5, 0.5, 0.5}, 169, 0.95);
    assertThat(p.df()).isCloseTo(170.0 / 172 * 169, within(1e-9));
    assertThat(p.se()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void percentileBootstrapAsRQuantileType6() {
    // make_pool.out: percentile: lower -3.4100000000 upper 0.4200000000 p 0.2215320911
    RubinsRules.Pooled p = BootstrapPool.pool(-2.0, BOOT, BootstrapInterval.PERCENTILE, 0.95);
    assertThat(p.estimate()).isEqualTo(-2.0);
    assertThat(p.lower()).isCloseTo(-3.41, within(TOL));
    assertThat(p.upper()).isCloseTo(0.42, within(TOL));
    assertThat(p.p()).isCloseTo(0.2215320911, within(1e-8));
    assertThat(p.se()).isNaN();
    // percentile 0.90: lower -3.3945000000 upper 0.4065000000
    RubinsRules.Pooled p90 = BootstrapPool.pool(-2.0, BOOT, BootstrapInterval.PERCENTILE, 0.90);
    assertThat(p90.lower()).isCloseTo(-3.3945, within(TOL));
    assertThat(p90.upper()).isCloseTo(0.4065, within(TOL));
  }

  @Test
  void percentilePOfOneSignedEstimatesIsZeroAndOfZerosOne() {
    // rbmi pval_percentile: min(est) > 0 or max(est) < 0 gives p = 0; all zero gives 1
    assertThat(BootstrapPool.percentileP(new double[] {0.1, 0.2, 0.3})).isZero();
    assertThat(BootstrapPool.percentileP(new double[] {-0.3, -0.2, -0.1})).isZero();
    assertThat(BootstrapPool.percentileP(new double[] {0, 0, 0})).isEqualTo(1);
    // zeros among others: ranks (ties first) / (B + 1): sorted -1, 0, 1, 2 -> q0 = 2/5, p = 2 min(0.4, 0.6) = 0.8
    assertThat(BootstrapPool.percentileP(new double[] {-1, 0, 1, 2})).isCloseTo(0.8, within(1e-12));
  }

  @Test
  void normalBootstrapAsRSd() {
    // make_pool.out: normal: se 1.0324263705 lower -4.0235185029 upper 0.0235185029 p 0.0527228372
    check(BootstrapPool.pool(-2.0, BOOT, BootstrapInterval.NORMAL, 0.95), -2.0, 1.0324263705,
        Double.POSITIVE_INFINITY, -4.0235185029, 0.0235185029, 0.0527228372);
  }
}
