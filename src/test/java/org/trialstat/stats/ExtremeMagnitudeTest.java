package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstat.stats.SampleStatisticsTest.assertRel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.model.Difference;
import org.trialstat.model.Estimate;
import org.trialstat.model.MeanSummary;

/**
 * Spreads and effects of numbers far from 1 (issue 16, items 12, 13 and 15). Reference values: R 4.2.2
 * and effectsize 0.8.3, src/test/resources/stats/make_extreme_magnitudes.R and its .out beside it.
 * Scaling by 2^k multiplies means, SDs, differences, SEs and limits by exactly 2^k and leaves t, df, p
 * and d unchanged, so R's values on the unscaled data times 2^k are the reference where R's own
 * sd gives Inf or 0.
 */
class ExtremeMagnitudeTest {

  private static final double[] SLEEP_2 = MeanDifferenceTestTest.SLEEP_2;
  private static final double[] SLEEP_1 = MeanDifferenceTestTest.SLEEP_1;

  private static double[] scaled(double[] x, int k) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = Math.scalb(x[i], k);
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {700, 1020, -1000, -1030})
  void meanAndSdOfScaledValues(int k) {
    // R: mean(t2) 2.3300000000000001, sd(t2) 2.002248735796829 (sd(t2 * 2^700) gives Inf in R, 2^-1000 gives 0)
    double[] x = scaled(SLEEP_2, k);
    assertRel(Math.scalb(SampleStatistics.mean(x), -k), 2.3300000000000001, k < -1022 ? 1e-13 : 1e-15);
    assertRel(Math.scalb(SampleStatistics.sd(x), -k), 2.002248735796829, k < -1022 ? 1e-13 : 1e-14);
    MeanSummary s = SampleStatistics.summarize(x, 0.95);
    assertThat(s.reason()).isNull();
    assertThat(s.sd()).isPositive().isFinite();
  }

  @Test
  void ordinaryDataAreNotRescaled() {
    // bit-identical to the unscaled algorithm: the factor is 1 inside 2^-400..2^400
    assertThat(Scaling.factor(1e-120, 1e120, 0, Double.NaN)).isEqualTo(1);
    assertThat(Scaling.factor(1e200)).isEqualTo(Math.scalb(1.0, -Math.getExponent(1e200)));
  }

  @Test
  void valuesNearTheLargestDoubleHaveAnSdOrAReason() {
    // mean of {MAX, -MAX} is 0; the SD, MAX sqrt(2), exceeds the largest double: NaN with its reason
    MeanSummary s = SampleStatistics.summarize(new double[] {Double.MAX_VALUE, -Double.MAX_VALUE}, 0.95);
    assertThat(s.mean()).isZero();
    assertThat(s.sd()).isNaN();
    assertThat(s.reason()).isEqualTo("SD beyond the range of double-precision numbers (|x| > 1.8e308)");
    // 1e308 +/- a t-based half-width overflows: the limits are NaN with a reason, mean and SD are kept
    MeanSummary c = SampleStatistics.summarize(new double[] {1e308, 1.7e308, 1.5e308}, 0.95);
    assertThat(c.sd()).isFinite();
    assertThat(c.ciHigh()).isNaN();
    assertThat(c.reason()).isEqualTo("confidence limit beyond the range of double-precision numbers (|x| > 1.8e308)");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 660, 540, -997, -1020})
  void tTestsFromScaledSummaries(int k) {
    // item 12 (SD 1e200, SE 1e160 -> exit 4 SolverException) and 15 (SD 1e-300 -> "zero variance"):
    // R t.test(t2, t1): est 1.58, se 0.849091017238762, ci -0.205483230711710 3.36548323071171,
    // t 1.86081346748685, df 17.7764735161785, p 0.0793941401873582 (Student: se 0.849091017238762,
    // ci -0.203874032287599 3.36387403228760, df 18, p 0.0791867142159382); tol 1e-13 (1e-11 subnormal)
    double tol = k < -1000 ? 1e-11 : 1e-13;
    double mT = Math.scalb(SampleStatistics.mean(SLEEP_2), k);
    double mC = Math.scalb(SampleStatistics.mean(SLEEP_1), k);
    double sT = Math.scalb(SampleStatistics.sd(SLEEP_2), k);
    double sC = Math.scalb(SampleStatistics.sd(SLEEP_1), k);
    Difference w = MeanDifferenceTest.WELCH.fromSummary(10, mT, sT, 10, mC, sC, 0.95);
    assertThat(w.reason()).isNull();
    assertRel(Math.scalb(w.estimate(), -k), 1.5800000000000001, tol);
    assertRel(Math.scalb(w.se(), -k), 0.84909101723876201, tol);
    assertRel(Math.scalb(w.ciLow(), -k), -0.20548323071171018, tol * 10);
    assertRel(Math.scalb(w.ciHigh(), -k), 3.3654832307117104, tol);
    assertRel(w.t(), 1.8608134674868531, tol);
    assertRel(w.df(), 17.776473516178498, tol);
    assertRel(w.p(), 0.079394140187358173, tol * 100);
    Difference s = MeanDifferenceTest.STUDENT.fromSummary(10, mT, sT, 10, mC, sC, 0.95);
    assertRel(Math.scalb(s.ciLow(), -k), -0.20387403228759859, tol * 10);
    assertRel(Math.scalb(s.ciHigh(), -k), 3.3638740322875984, tol);
    assertRel(s.p(), 0.079186714215938175, tol * 100);
    // d is scale-free: effectsize cohens_d(t2, t1) 0.83218108134953961 [-0.0954503815312309, 1.73881703058424]
    // (effectsize's optim stops near 1e-7 relative in the limits)
    Estimate d = StandardizedMeanDifference.COHENS_D.compute(10, mT, sT, 10, mC, sC, 0.95);
    assertThat(d.reason()).isNull();
    assertRel(d.estimate(), 0.83218108134953961, tol);
    assertRel(d.ciLow(), -0.095450381531230893, 1e-6);
    assertRel(d.ciHigh(), 1.738817030584243, 1e-6);
  }

  @Test
  void meansNearTheLargestDouble() {
    // a difference of means beyond 1.8e308 is not estimable with a reason; d stays finite (halves)
    Difference w = MeanDifferenceTest.WELCH.fromSummary(50, 1e308, 1e307, 50, -1e308, 1e307, 0.95);
    assertThat(w.estimate()).isNaN();
    assertThat(w.reason()).isEqualTo("difference of means beyond the range of double-precision numbers (|x| > 1.8e308)");
    Estimate d = StandardizedMeanDifference.COHENS_D.compute(50, 1e308, 1e307, 50, -1e308, 1e307, 0.95);
    assertThat(d.reason()).isNull();
    assertRel(d.estimate(), 20, 1e-15); // (1e308 - -1e308) / 1e307
    Estimate huge = StandardizedMeanDifference.COHENS_D.compute(50, 1e300, 1e-300, 50, -1e300, 1e-300, 0.95);
    assertThat(huge.estimate()).isNaN();
    assertThat(huge.reason()).isEqualTo("standardized difference beyond the range of double-precision numbers (|x| > 1.8e308)");
  }

  /** n, mean, sd of both arms as R's exact() data; effectsize's limits; tolerance beside each case. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      // effectsize 0.8.3 (optim to about 1e-9 relative here): n 500, sd 0.001, difference -10
      "500, 1.7217638718838164e-20, 0.001, 500, 10, 0.0010000000000000015, -9999.9999999999909, -10436.195151846623, -9558.7948006861061, -9992.4827729560129, -10428.350027003455, -9551.6092376077522, 1e-8",
      // n 300000 per arm (df 6e5 > 4e5, where R's pt is the approximation)
      "300000, 0.10000000000000013, 0.99999999999999989, 300000, 1.6598111051100798e-17, 0.99999999999999989, 0.10000000000000013, 0.094936191334437758, 0.10506372582991376, 0.099999875016588718, 0.094936072679947164, 0.10506359451768506, 1e-8",
      // n 1,000,000 per arm
      "1000000, -10.000000000000002, 10, 1000000, -9.0000000000000018, 10, -0.10000000000000001, -0.10277352649598272, -0.097226447788246462, -0.099999962374575077, -0.10277348782700665, -0.09722641120638234, 1e-8"})
  void pastTheExactRangeAsEffectsize(int nT, double mT, double sT, int nC, double mC, double sC, double d,
      double dLow, double dHigh, double g, double gLow, double gHigh, double tol) {
    // item 13: these took 10-26 s (n 500) and 9.7 s (n 10^7); now the normal approximation, the method says so
    Estimate cd = StandardizedMeanDifference.COHENS_D.compute(nT, mT, sT, nC, mC, sC, 0.95);
    Estimate hg = StandardizedMeanDifference.HEDGES_G.compute(nT, mT, sT, nC, mC, sC, 0.95);
    assertThat(cd.reason()).isNull();
    assertRel(cd.estimate(), d, 1e-12);
    assertRel(cd.ciLow(), dLow, tol);
    assertRel(cd.ciHigh(), dHigh, tol);
    // effectsize's J, exp(lgamma(df/2) - log(sqrt(df/2)) - lgamma((df-1)/2)), cancels to about 1e-9 at
    // df 1e6 (ours uses log-beta, see hedgesJ), hence the case's tolerance for g too
    assertRel(hg.estimate(), g, tol);
    assertRel(hg.ciLow(), gLow, tol);
    assertRel(hg.ciHigh(), gHigh, tol);
    assertThat(cd.method()).isEqualTo("Cohen's d, pooled SD, normal-approximation CI (noncentral t beyond its exact range)");
    assertThat(hg.method()).isEqualTo("Hedges' g, exact J, normal-approximation CI (noncentral t beyond its exact range)");
  }

  @Test
  void tenMillionPerArmIsBounded() {
    Estimate d = StandardizedMeanDifference.HEDGES_G.compute(10_000_000, -10, 10, 10_000_000, -9, 10, 0.95);
    // Hedges and Olkin (1985, eq. 5.14) large-sample interval d +/- 1.959964 sqrt(h^2 + d^2 / (2 N)),
    // h^2 = 2e-7, d = -0.1: half-width 1.959964 * 4.472136e-4 (computed by hand); tol 1e-6 (O(1/df))
    double half = 1.959963984540054 * Math.sqrt(2e-7 + 0.01 / 4e7);
    assertRel(d.ciLow(), -0.1 - half, 1e-6);
    assertRel(d.ciHigh(), -0.1 + half, 1e-6);
  }
}
