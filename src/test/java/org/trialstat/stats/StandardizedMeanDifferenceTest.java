package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.trialstat.stats.SampleStatisticsTest.assertRel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.trialstat.model.Estimate;

class StandardizedMeanDifferenceTest {

  // R 4.2.2 datasets::mtcars$wt; first group of effectsize::cohens_d(wt ~ am) is am = 0 (automatic, n 19)
  static final double[] WT_AUTO = {3.215, 3.44, 3.46, 3.57, 3.19, 3.15, 3.44, 3.44, 4.07, 3.73, 3.78, 5.25,
      5.424, 5.345, 2.465, 3.52, 3.435, 3.84, 3.845};
  static final double[] WT_MANUAL = {2.62, 2.875, 2.32, 2.2, 1.615, 1.835, 1.935, 2.14, 1.513, 3.17, 2.77,
      3.57, 2.78};

  static void assertEstimate(Estimate e, double est, double low, double high, double relTol) {
    assertThat(e.reason()).isNull();
    assertRel(e.estimate(), est, relTol);
    assertRel(e.ciLow(), low, relTol);
    assertRel(e.ciHigh(), high, relTol);
  }

  @Test
  void mtcarsAgainstEffectsize() {
    // R 4.2.2, effectsize 0.8.3: cohens_d(wt ~ am, data = mtcars) -> 1.89240595391238
    // [1.03002235064513, 2.73292175157653]; hedges_g -> 1.84463098893509 [1.00401879595003, 2.66392744266658].
    // effectsize's root finder stops at about 1e-7 relative, hence tol 1e-12 for the estimate, 1e-7 for CIs.
    Estimate d = StandardizedMeanDifference.COHENS_D.compute(WT_AUTO, WT_MANUAL, 0.95);
    assertRel(d.estimate(), 1.89240595391238, 1e-12);
    assertRel(d.ciLow(), 1.03002235064513, 1e-7);
    assertRel(d.ciHigh(), 2.73292175157653, 1e-7);
    assertThat(d.method()).isEqualTo("Cohen's d, pooled SD, noncentral-t CI");
    assertThat(d.confLevel()).isEqualTo(0.95);
    Estimate g = StandardizedMeanDifference.HEDGES_G.compute(WT_AUTO, WT_MANUAL, 0.95);
    assertRel(g.estimate(), 1.84463098893509, 1e-12);
    assertRel(g.ciLow(), 1.00401879595003, 1e-7);
    assertRel(g.ciHigh(), 2.66392744266658, 1e-7);
    assertThat(g.method()).isEqualTo("Hedges' g, exact J, noncentral-t CI");

    // R 4.2.2, effectsize 0.8.3: cohens_d(wt ~ am, data = mtcars, ci = 0.9) and hedges_g(..., ci = 0.9); tol 1e-7
    assertEstimate(StandardizedMeanDifference.COHENS_D.compute(WT_AUTO, WT_MANUAL, 0.9),
        1.89240595391238, 1.16498893467444, 2.59414986800863, 1e-7);
    assertEstimate(StandardizedMeanDifference.HEDGES_G.compute(WT_AUTO, WT_MANUAL, 0.9),
        1.84463098893509, 1.13557806464524, 2.52865894158572, 1e-7);
  }

  @Test
  void mtcarsAgainstMpmath() {
    // mpmath 1.2.1 (mp.dps = 30): the same definition with the noncentral t cdf as an exact series and
    // findroot to 1e-26, from n/mean/sd 19, 3.76889473684211, 0.777400146838225 vs 13, 2.411,
    // 0.616981631277085 (R's values to 15 digits); relative tol 1e-12
    Estimate d = StandardizedMeanDifference.COHENS_D.compute(WT_AUTO, WT_MANUAL, 0.95);
    assertEstimate(d, 1.8924059539123874, 1.0300224048347263, 2.7329218389363277, 1e-12);
    Estimate g = StandardizedMeanDifference.HEDGES_G.compute(WT_AUTO, WT_MANUAL, 0.95);
    assertEstimate(g, 1.8446309889351014, 1.0040188487715767, 2.6639275278209402, 1e-12);
  }

  @Test
  void mapp1LikeOracle() {
    // R 4.2.2, effectsize 0.8.3 via classpath oracles/mapp1_like.expected.json (MDMA vs Placebo change
    // scores); oracle tolerance: estimate 1e-6, CI 1e-5 relative; we hold 1e-12 and 1e-6
    double[] mdma = Mapp1Like.change("MDMA");
    double[] pbo = Mapp1Like.change("Placebo");
    Estimate d = StandardizedMeanDifference.COHENS_D.compute(mdma, pbo, 0.95);
    assertRel(d.estimate(), -0.881709250476945, 1e-12);
    assertRel(d.ciLow(), -1.33611335570545, 1e-6);
    assertRel(d.ciHigh(), -0.422213690458718, 1e-6);
    Estimate g = StandardizedMeanDifference.HEDGES_G.compute(mdma, pbo, 0.95);
    assertRel(g.estimate(), -0.873307563637685, 1e-12);
    assertRel(g.ciLow(), -1.32338171430516, 1e-6);
    assertRel(g.ciHigh(), -0.418190473956721, 1e-6);
  }

  @Test
  void sleepNegativeEffect() {
    // R 4.2.2, effectsize 0.8.3: cohens_d(x1, x2) with x1 = sleep group 1 (treatment), x2 = group 2:
    // -0.83218108134954 [-1.73881676925442, 0.0954504356575097]; hedges_g: -0.796935239191122
    // [-1.66517166632542, 0.0914077686652717]; tol 1e-12 estimate, 1e-7 CI (effectsize root finder)
    Estimate d = StandardizedMeanDifference.COHENS_D.compute(MeanDifferenceTestTest.SLEEP_1,
        MeanDifferenceTestTest.SLEEP_2, 0.95);
    assertRel(d.estimate(), -0.83218108134954, 1e-12);
    assertRel(d.ciLow(), -1.73881676925442, 1e-7);
    assertRel(d.ciHigh(), 0.0954504356575097, 1e-6);
    Estimate g = StandardizedMeanDifference.HEDGES_G.compute(MeanDifferenceTestTest.SLEEP_1,
        MeanDifferenceTestTest.SLEEP_2, 0.95);
    assertRel(g.estimate(), -0.796935239191122, 1e-12);
    assertRel(g.ciLow(), -1.66517166632542, 1e-7);
    assertRel(g.ciHigh(), 0.0914077686652717, 1e-6);
  }

  @Test
  void hugeEffects() {
    // mpmath 1.2.1 (mp.dps = 30, exact series + findroot to 1e-26), from summaries; relative tol 1e-12.
    // n 20/20, means 10 / 2, SDs 1.5 / 1.3: d = 5.70, t = 18.0, ncp limits 13.5 and 22.5
    assertEstimate(StandardizedMeanDifference.COHENS_D.compute(20, 10.0, 1.5, 20, 2.0, 1.3, 0.95),
        5.6997639990327713, 4.2727448722434377, 7.1104423043748845, 1e-12);
    assertEstimate(StandardizedMeanDifference.HEDGES_G.compute(20, 10.0, 1.5, 20, 2.0, 1.3, 0.95),
        5.5863979851435, 4.1877616949374543, 6.9690184662697603, 1e-12);
    // n 12/15, means -4 / 3.5, SDs 0.6 / 0.9: d = -9.59, t = -24.8, ncp limits -31.8 and -17.6
    assertEstimate(StandardizedMeanDifference.COHENS_D.compute(12, -4.0, 0.6, 15, 3.5, 0.9, 0.95),
        -9.5870623605921304, -12.324835951977684, -6.830434991255536, 1e-12);
    assertEstimate(StandardizedMeanDifference.HEDGES_G.compute(12, -4.0, 0.6, 15, 3.5, 0.9, 0.95),
        -9.2960526394559699, -11.950722700333786, -6.6231010961288564, 1e-12);
  }

  // R 4.2.2: J <- function(df) exp(lgamma(df/2) - log(sqrt(df/2)) - lgamma((df-1)/2));
  // sprintf("%.15g", J(df)); tol 1e-13 relative. df 5, 10, 17 -> 0.8407487, 0.9227456, 0.9551115 as in the brief.
  @ParameterizedTest(name = "J({0})")
  @CsvSource({
      "2,   0.564189583547756",
      "5,   0.840748682459689",
      "10,  0.922745608053087",
      "17,  0.955111505613535",
      "30,  0.974754378214399",
      "200, 0.996244522479178"})
  void hedgesJ(double df, double expected) {
    assertRel(StandardizedMeanDifference.hedgesJ(df), expected, 1e-13);
  }

  @Test
  void hedgesJForLargeDf() {
    // mpmath 1.2.1, mp.dps = 50: gamma(df/2) / (sqrt(df/2) gamma((df-1)/2)); tol 1e-14 relative
    assertRel(StandardizedMeanDifference.hedgesJ(1e6), 0.99999924999978124993, 1e-14);
    assertRel(StandardizedMeanDifference.hedgesJ(3.5), 0.76648727781820848585, 1e-14);
    assertThat(StandardizedMeanDifference.hedgesJ(Double.POSITIVE_INFINITY)).isEqualTo(1);
    assertThatThrownBy(() -> StandardizedMeanDifference.hedgesJ(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @EnumSource(StandardizedMeanDifference.class)
  void notEstimable(StandardizedMeanDifference smd) {
    Estimate one = smd.compute(new double[] {1, 2, 3}, new double[] {4}, 0.95);
    assertThat(one.estimable()).isFalse();
    assertThat(one.ciLow()).isNaN();
    assertThat(one.reason()).isEqualTo("control arm has n = 1 (at least 2 needed)");
    assertThat(one.method()).isEqualTo(smd.methodName());
    assertThat(smd.compute(0, Double.NaN, Double.NaN, 5, 1, 1, 0.95).reason())
        .isEqualTo("treatment arm has n = 0 (at least 2 needed)");
    Estimate flat = smd.compute(new double[] {2, 2}, new double[] {1, 1, 1}, 0.95);
    assertThat(flat.estimable()).isFalse();
    assertThat(flat.reason()).isEqualTo("pooled SD is 0 (zero variance in both arms)");
    // one arm constant: pooled SD positive, estimable
    assertThat(smd.compute(new double[] {2, 2}, new double[] {1, 2, 3}, 0.95).estimable()).isTrue();
    assertThatThrownBy(() -> smd.compute(3, 0, -1, 3, 0, 1, 0.95)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> smd.compute(3, 0, 1, 3, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zeroDifferenceIsSymmetric() {
    Estimate d = StandardizedMeanDifference.COHENS_D.compute(10, 5, 2, 10, 5, 2, 0.95);
    assertThat(d.estimate()).isZero();
    assertRel(d.ciLow(), -d.ciHigh(), 1e-13);
  }
}
