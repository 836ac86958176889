package org.trialstat.stats.mmrm;

import org.trialstat.model.Convergence;
import org.trialstat.model.DdfMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Difference;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;

/**
 * {@link Convergence#SAS} on fev_data (R package mmrm's example data): FEV1 ~ ARMCD * AVISIT + RACE +
 * SEX, unstructured covariance, REML, Satterthwaite df, stopped where SAS PROC MIXED stops.
 *
 * <p>Reference: SAS PROC MIXED output kept by the mmrm package (openpharma/mmrm,
 * design/SAS/sas_log_reml.txt; src/test/resources/mmrm/fev_data.README.md). Its iteration history:
 * iteration 1, -2 Res Log Like 3386.46126144, criterion 0.00000927; iteration 2, 3386.44987722,
 * criterion 0.00000001; "Convergence criteria met". Every tolerance is half a unit in the last digit
 * SAS prints: 5e-9 for -2 l_R (8 decimals), 5e-5 for estimates, SEs and CI limits (4 decimals),
 * 0.5 for df (integers), 0.005 for t (2 decimals), 5e-5 for p (4 decimals).
 *
 * <p>Cross-check of the path (not used as expected values): an R 4.2.2 prototype with dense
 * 537 x 537 algebra (MIVQUE0 from the OLS residuals, Newton-Raphson on the ten UN elements with the
 * observed Hessian) gives -2 l_R 3387.16123798 at the start, 3386.46126144 and 3386.44987722 after
 * iterations 1 and 2, criteria 9.272993e-6 and 5.002239e-9, PBO VIS2 LS mean 38.1714501625.
 */
class MmrmSasCompatibleTest {

  private static MmrmResult fit;

  @BeforeAll
  static void fitOnce() {
    fit = Mmrm.fit(MmrmData.fev(), DdfMethod.SATTERTHWAITE, 0.95, Convergence.SAS);
  }

  @Test
  void stopsWhereSasStops() {
    assertThat(fit.reason()).isNull();
    assertThat(fit.converged()).isTrue();
    // SAS iteration history: 2 iterations; exact
    assertThat(fit.iterations()).isEqualTo(2);
    // SAS -2 Res Log Like 3386.44987722: tol 1e-8 relative and half a unit of the 8th decimal (5e-9)
    assertThat(fit.minus2RemlLogLik()).isCloseTo(3386.44987722, within(3386.44987722 * 1e-8));
    assertThat(fit.minus2RemlLogLik()).isCloseTo(3386.44987722, within(5e-9));
    // SAS criterion printed 0.00000001 at iteration 2 (below CONVH = 1e-8): in [5e-9, 1e-8)
    assertThat(fit.convergenceCriterion()).isGreaterThanOrEqualTo(5e-9).isLessThan(1e-8);
    assertThat(fit.method()).contains("SAS PROC MIXED stopping rule").doesNotContain("fell back");
    // R 4.2.2: 537 observations, 197 subjects with FEV1 (see MmrmFevTest); exact
    assertThat(fit.observations()).isEqualTo(537);
    assertThat(fit.subjects()).isEqualTo(197);
  }

  @ParameterizedTest(name = "TRT - PBO at {0}")
  @CsvSource({
      // SAS PROC MIXED diffs of LS means TRT - PBO: visit, estimate, SE, df, t, p, lower, upper
      "VIS1, 3.7745, 1.0741, 146, 3.51, 0.0006, 1.6517, 5.8974",
      "VIS2, 3.7322, 0.8588, 145, 4.35, 0.0000, 2.0348, 5.4296",
      "VIS3, 3.0806, 0.6896, 131, 4.47, 0.0000, 1.7164, 4.4448",
      "VIS4, 4.3985, 1.6805, 133, 2.62, 0.0099, 1.0746, 7.7225"})
  void contrastsToSasPrintedDigits(String visit, double est, double se, double df, double t, double p,
      double lo, double hi) {
    Difference d = fit.comparisons().stream().filter(c -> c.visit().equals(visit)).findFirst().orElseThrow()
        .difference();
    // tol: half a unit in the last printed digit
    assertThat(d.estimate()).isCloseTo(est, within(5e-5));
    assertThat(d.se()).isCloseTo(se, within(5e-5));
    assertThat(d.df()).isCloseTo(df, within(0.5));
    assertThat(d.t()).isCloseTo(t, within(0.005));
    if (p == 0) {
      assertThat(d.p()).isLessThan(5e-5); // SAS prints <.0001
    } else {
      assertThat(d.p()).isCloseTo(p, within(5e-5));
    }
    assertThat(d.ciLow()).isCloseTo(lo, within(5e-5));
    assertThat(d.ciHigh()).isCloseTo(hi, within(5e-5));
    assertThat(d.reason()).isNull();
  }

  @ParameterizedTest(name = "LS mean {0} at {1}")
  @CsvSource({
      // SAS PROC MIXED LSMEANS AVISIT*ARMCD: arm, visit, estimate, SE
      "TRT, VIS1, 37.1063, 0.7626",
      "PBO, VIS1, 33.3318, 0.7554",
      "TRT, VIS2, 41.9037, 0.6023",
      "PBO, VIS2, 38.1715, 0.6117",
      "TRT, VIS3, 46.7546, 0.5086",
      "PBO, VIS3, 43.6740, 0.4617",
      "TRT, VIS4, 52.7841, 1.1877",
      "PBO, VIS4, 48.3855, 1.1886"})
  void lsMeansToSasPrintedDigits(String arm, String visit, double est, double se) {
    LsMean m = fit.lsmeans().stream().filter(l -> l.arm().equals(arm) && l.visit().equals(visit)).findFirst()
        .orElseThrow();
    // tol: half a unit in the 4th decimal. (PBO VIS2 is 38.17145016 on SAS's path, 38.17141170 at the
    // optimum, which would print 38.1714: this row separates the two stopping rules.)
    assertThat(m.estimate()).isCloseTo(est, within(5e-5));
    assertThat(m.se()).isCloseTo(se, within(5e-5));
  }

  @Test
  void defaultIsTheOptimum() {
    // R 4.2.2 direct REML (src/test/resources/mmrm/r/direct_reml.out): 3386.44987116235, tol 1e-11 relative
    MmrmResult optimum = Mmrm.fit(MmrmData.fev(), DdfMethod.SATTERTHWAITE, 0.95);
    assertThat(optimum.minus2RemlLogLik()).isCloseTo(3386.44987116235, within(3386.44987116235 * 1e-11));
    assertThat(Mmrm.fit(MmrmData.fev(), DdfMethod.SATTERTHWAITE, 0.95, Convergence.OPTIMUM).minus2RemlLogLik())
        .isEqualTo(optimum.minus2RemlLogLik());
    assertThat(optimum.method()).doesNotContain("SAS");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // R 4.2.2 direct REML optimum (src/test/resources/mmrm/r/direct_reml.out): oracle, control, -2 l_R
      "mapp1_like, Placebo, 1770.30424479565",
      "dose_response_caps4, 40 mg, 442.019899689906"})
  void otherDataStopWithinTheCriterionOfTheOptimum(String oracle, String control, double optimum) {
    // No SAS output exists for these files; SAS's rule stops once g' H^-1 g < 1e-8 |f|, i.e. about
    // 0.5e-8 |f| above the optimum: tol 1e-8 relative, and never below the optimum (beyond 1e-9)
    MmrmResult r = Mmrm.fit(MmrmData.caps("/oracles/" + oracle + ".csv", control), DdfMethod.SATTERTHWAITE, 0.95,
        Convergence.SAS);
    assertThat(r.converged()).isTrue();
    assertThat(r.method()).doesNotContain("fell back");
    assertThat(r.iterations()).isBetween(1, 50);
    assertThat(r.convergenceCriterion()).isLessThan(1e-8);
    assertThat(r.minus2RemlLogLik()).isCloseTo(optimum, within(optimum * 1e-8))
        .isGreaterThan(optimum - 1e-9 * optimum);
  }

  @Test
  void unsupportedDataFallBackAndStayNotEstimable() {
    // 5 subjects, 4 visits (MmrmDataConditionsTest): the REML UN matrix is singular on any path
    MmrmResult r = Mmrm.fit(MmrmDataConditionsTest.synthetic(5, 4, 2, 3), DdfMethod.SATTERTHWAITE, 0.95,
        Convergence.SAS);
    assertThat(r.converged()).isFalse();
    assertThat(r.reason()).isNotNull();
    assertThat(r.lsmeans()).allSatisfy(l -> assertThat(l.estimate()).isNaN());
  }

  @Test
  void nullConvergenceIsAProgrammingError() {
    assertThatThrownBy(() -> Mmrm.fit(MmrmData.fev(), DdfMethod.SATTERTHWAITE, 0.95, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
