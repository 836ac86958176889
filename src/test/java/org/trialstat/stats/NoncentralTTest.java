package org.trialstat.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.trialstat.stats.SampleStatisticsTest.assertRel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.apache.commons.statistics.distribution.TDistribution;

class NoncentralTTest {

  // R 4.2.2: sprintf("%.17g", pt(q, df, ncp)). R's pnt (AS 243) converges to an absolute error of
  // about 1e-12, so the tolerance is absolute 1e-11 (our values agree with mpmath to ~1e-16, below).
  @ParameterizedTest(name = "pt({0}, {1}, {2})")
  @CsvSource({
      "1,    10,   0.5,  0.67863063869104934",
      "2.5,  5,    1,    0.86344365559694136",
      "-1.5, 20,   -2,   0.69323591649623539",
      "0.3,  3,    2,    0.043470957013725102",
      "-2,   8,    1.5,  0.00090619662505730947",
      "4,    2,    3,    0.57185502396142318",
      "10,   30,   8,    0.88121349237748581",
      "-3,   100,  -3.5, 0.6902467345790877",
      "1.7,  1000, 1,    0.75774591305042138",
      "0,    10,   1.2,  0.11506967022170828",
      "5,    15,   7,    0.062866330277431381",
      "-8,   12,   -5,   0.064046652438313312",
      "-0.5, 4,    -0.2, 0.39517762313754057",
      "3,    50,   -1,   0.99993413158669697",
      "12,   7,    9,    0.77614722703267136",
      "-20,  25,   -15,  0.050252967310840391",
      "30,   10,   25,   0.7285612393368297",
      "2,    2,    0.1,  0.89426299550108934"})
  void matchesR(double t, double df, double ncp, double expected) {
    assertThat(new NoncentralT(df, ncp).cdf(t)).isCloseTo(expected, within(1e-11));
  }

  // Regenerate: /usr/bin/python3 src/test/resources/stats/noncentral_t_mpmath.py (quadrature of the defining
  // integral, independent of our series; output committed beside it as noncentral_t_mpmath.out).
  // mpmath 1.2.1, mp.dps = 50: the series of Poisson-weighted regularized incomplete betas
  //   F = ncdf(-d) + 1/2 sum_j [p_j betainc(j+1/2, df/2, 0, x) + q_j betainc(j+1, df/2, 0, x)]
  // summed over all j up to lambda + 60 sqrt(lambda) + 200 (F(t) = 1 - F(-t; -d) for t < 0), confirmed to
  // all 20 printed digits by mp.quad of ncdf(t sqrt(v/df) - d) times the chi-square(df) density.
  // Large ncp (up to 40, where R's pt is off by up to 1e-1 or returns 0-ish values), small and large
  // df, both tails; relative tolerance 1e-12.
  @ParameterizedTest(name = "F({0}; {1}, {2})")
  @CsvSource({
      // the same moderate cases as R, to full precision
      "1,     10,   0.5,  0.67863063869112939497",
      "-2,    8,    1.5,  0.00090619662484400554642",
      "5,     15,   7,    0.062866330277719985787",
      "-20,   25,   -15,  0.050252967310340198041",
      // large noncentrality
      "18.97, 38,   14.6, 0.96498125559819791866",
      "18.97, 38,   23,   0.043474926546063829413",
      "40,    38,   40,   0.47051825335370834158",
      "45,    1000, 40,   0.99979395728212645905",
      "35,    2,    38,   0.30799560161064041672",
      "5,     10,   20,   1.8053390712539529434e-20",
      "-40,   20,   -20,  0.00035891345813949382245",
      "-30,   20,   -35,  0.86599685718919524365",
      "10,    3,    39.5, 7.2326765114810480628e-10",
      "60,    5,    39,   0.832998169305472086",
      "25,    1000, 30,   6.4391463264104755809e-6",
      "41.5,  500,  40,   0.81491565938623075638",
      "-41,   2,    -40,  0.61375285176800555972",
      "30,    20,   40,   0.019075453843711087627",
      "100,   4,    40,   0.95840709947859142002"})
  void matchesMpmath(double t, double df, double ncp, double expected) {
    assertRel(new NoncentralT(df, ncp).cdf(t), expected, 1e-12);
  }

  @Test
  void oppositeSignTailIsAbsolutelyAccurate() {
    // mpmath as above: F(-1; 10, 8) = 7.2353599407120328307e-19, F(-3; 20, 2) = 2.9445535328006230401e-6.
    // Documented limit: t and ncp of opposite sign -> absolute accuracy ~1e-16 only.
    assertThat(new NoncentralT(10, 8).cdf(-1)).isCloseTo(7.2353599407120328307e-19, within(1e-15));
    assertThat(new NoncentralT(20, 2).cdf(-3)).isCloseTo(2.9445535328006230401e-6, within(1e-15));
  }

  @Test
  void zeroNcpIsCentralT() {
    // Commons Statistics TDistribution as the reference for ncp = 0; tol 1e-15 absolute
    for (double df : new double[] {1, 2, 5.5, 30, 1000}) {
      TDistribution central = TDistribution.of(df);
      NoncentralT nct = new NoncentralT(df, 0);
      for (double t : new double[] {-30, -3, -1, -0.1, 0, 0.2, 1, 2.5, 40}) {
        assertThat(nct.cdf(t)).as("df %s t %s", df, t)
            .isCloseTo(central.cumulativeProbability(t), within(1e-15));
      }
    }
  }

  @Test
  void limitsAndSpecialValues() {
    NoncentralT d = new NoncentralT(7, 2);
    assertThat(d.cdf(Double.POSITIVE_INFINITY)).isEqualTo(1);
    assertThat(d.cdf(Double.NEGATIVE_INFINITY)).isZero();
    assertThat(d.cdf(Double.NaN)).isNaN();
    // F(0; df, ncp) = Phi(-ncp); R 4.2.2: pnorm(-2) = 0.022750131948179209
    assertThat(d.cdf(0)).isCloseTo(0.022750131948179209, within(1e-17));
    // infinite df: normal with mean ncp; R 4.2.2: pnorm(1.5 - 2) = 0.30853753872598688
    assertThat(new NoncentralT(Double.POSITIVE_INFINITY, 2).cdf(1.5)).isCloseTo(0.30853753872598688, within(1e-16));
    assertThatThrownBy(() -> new NoncentralT(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoncentralT(5, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoncentralT.ncpForCdf(1, 5, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void monotoneInNcpAndT() {
    double previous = 1;
    for (double ncp = -45; ncp <= 45; ncp += 0.5) {
      double p = new NoncentralT(12, ncp).cdf(3);
      assertThat(p).as("ncp %s", ncp).isLessThanOrEqualTo(previous);
      previous = p;
    }
    // t >= 0 with ncp > 0: all series terms positive, so F is monotone to the last bit
    previous = 0;
    for (double t = 0; t <= 60; t += 0.25) {
      double p = new NoncentralT(4, 30).cdf(t);
      assertThat(p).as("t %s", t).isGreaterThanOrEqualTo(previous);
      previous = p;
    }
    // t < 0 with ncp > 0 (opposite signs): only absolute accuracy, documented, but never above
    // F(0) = Phi(-30) = 4.906713927148187e-198 (R 4.2.2: sprintf("%.16g", pnorm(-30)); tol 1e-12 relative)
    for (double t = -60; t < 0; t += 0.25) {
      assertThat(new NoncentralT(4, 30).cdf(t)).as("t %s", t).isBetween(0.0, 4.906713927148187e-198 * (1 + 1e-12));
    }
  }

  // mpmath 1.2.1 (mp.dps = 30, series as above, findroot secant to 1e-26): the ncp with F(t; df, ncp) = p.
  // Also reproduced by stats/noncentral_t_mpmath.py (quadrature, 50 digits) to 1e-16 relative.
  // Relative tolerance 1e-12.
  @ParameterizedTest(name = "ncp for F({0}; {1}, ncp) = {2}")
  @CsvSource({
      "5.2576030443942384, 30, 0.975, 2.8616740082947605",
      "5.2576030443942384, 30, 0.025, 7.5927779400488824",
      "18.024236362373317, 38, 0.975, 13.511605657094419",
      "18.024236362373317, 38, 0.025, 22.485192853040869",
      "-24.753688574416858, 25, 0.975, -31.822589591165337",
      "-24.753688574416858, 25, 0.025, -17.636107312323396"})
  void ncpForCdfMatchesMpmath(double t, double df, double p, double expected) {
    double ncp = NoncentralT.ncpForCdf(t, df, p);
    assertRel(ncp, expected, 1e-12);
  }

  @Test
  void ncpForCdfRoundTrips() {
    for (double df : new double[] {2, 5, 38, 1000}) {
      for (double t : new double[] {-30, -4, -0.5, 0, 1, 6, 25}) {
        for (double p : new double[] {0.0005, 0.025, 0.5, 0.975, 0.9995}) {
          double ncp = NoncentralT.ncpForCdf(t, df, p);
          assertThat(new NoncentralT(df, ncp).cdf(t)).as("df %s t %s p %s", df, t, p)
              .isCloseTo(p, within(1e-13));
        }
      }
    }
  }
}
