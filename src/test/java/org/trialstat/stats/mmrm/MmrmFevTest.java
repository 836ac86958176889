package org.trialstat.stats.mmrm;

import org.trialstat.model.DdfMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Difference;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;

/**
 * fev_data (R package mmrm's example data, 200 subjects x 4 visits, FEV1 missing in 263 rows):
 * FEV1 ~ ARMCD * AVISIT + RACE + SEX, unstructured covariance, REML, Satterthwaite df.
 *
 * <p>Two references. (1) SAS PROC MIXED output kept by the mmrm package (design/SAS/sas_log_reml.txt;
 * src/test/resources/mmrm/fev_data.README.md), printed to 4 decimals. SAS stopped at its default
 * convergence criterion: its -2 Res Log Like 3386.44987722 is 6.1e-6 above the optimum found here and by
 * the independent fit (2), so its estimates differ from the optimum by up to 1.2e-4 (estimates, SEs)
 * and 2.5e-4 (CI limits); tolerances below are set accordingly. (2) A direct REML fit in R 4.2.2
 * with dense per-subject algebra, nlminb + Newton polish and numDeriv 2016.8-1.1 derivatives
 * (src/test/resources/mmrm/r/direct_reml.R and .out), giving the optimum to ~1e-10 and Satterthwaite
 * df as SAS defines them (A = 2 * inverse observed Hessian), printed to 6 decimals.
 */
class MmrmFevTest {

  private static MmrmResult fit;

  @BeforeAll
  static void fitOnce() {
    fit = Mmrm.fit(MmrmData.fev(), DdfMethod.SATTERTHWAITE, 0.95);
  }

  @Test
  void convergesAndCounts() {
    assertThat(fit.reason()).isNull();
    assertThat(fit.converged()).isTrue();
    assertThat(fit.convergenceCriterion()).isLessThan(1e-8);
    assertThat(fit.iterations()).isBetween(1, 20);
    // R 4.2.2: f <- fev[!is.na(fev$FEV1), ]; nrow(f) = 537 (800 rows - 263 missing);
    // length(unique(f$USUBJID)) = 197 (3 subjects have no FEV1 at all); exact
    assertThat(fit.observations()).isEqualTo(537);
    assertThat(fit.subjects()).isEqualTo(197);
    assertThat(fit.lsmeans()).hasSize(8);
    assertThat(fit.comparisons()).hasSize(4);
  }

  @Test
  void minus2RemlLogLik() {
    // SAS PROC MIXED -2 Res Log Like 3386.44987722; tol 1e-8 relative (SAS stopped 6.1e-6 above optimum)
    assertThat(fit.minus2RemlLogLik()).isCloseTo(3386.44987722, within(3386.44987722 * 1e-8));
    // R 4.2.2 direct REML (direct_reml.out): 3386.44987116235, tol 1e-11 relative;
    // nlme 3.1-162 gls(corSymm, varIdent, REML): -2 logLik = 3386.44987138406 (gls_emmeans.out), 1e-9
    assertThat(fit.minus2RemlLogLik()).isCloseTo(3386.44987116235, within(3386.44987116235 * 1e-11));
    assertThat(fit.minus2RemlLogLik()).isCloseTo(3386.44987138406, within(3386.44987138406 * 1e-9));
  }

  @ParameterizedTest(name = "TRT - PBO at {0}")
  @CsvSource({
      // SAS PROC MIXED diffs of LS means TRT - PBO: visit, estimate, SE, df, t, p, lower, upper
      "VIS1, 3.7745, 1.0741, 146, 3.51, 0.0006, 1.6517, 5.8974",
      "VIS2, 3.7322, 0.8588, 145, 4.35, 0.0000, 2.0348, 5.4296",
      "VIS3, 3.0806, 0.6896, 131, 4.47, 0.0000, 1.7164, 4.4448",
      "VIS4, 4.3985, 1.6805, 133, 2.62, 0.0099, 1.0746, 7.7225"})
  void contrastsMatchSas(String visit, double est, double se, double df, double t, double p, double lo,
      double hi) {
    Difference d = contrast(visit);
    // tol: 1.5e-4 (estimate, SE), 3e-4 (CI), 0.6 (df printed as integer), 0.006 (t to 2 decimals)
    assertThat(d.estimate()).isCloseTo(est, within(1.5e-4));
    assertThat(d.se()).isCloseTo(se, within(1.5e-4));
    assertThat(d.df()).isCloseTo(df, within(0.6));
    assertThat(d.t()).isCloseTo(t, within(0.006));
    if (p == 0) {
      assertThat(d.p()).isLessThan(1e-4); // SAS prints <.0001
    } else {
      assertThat(d.p()).isCloseTo(p, within(6e-5));
    }
    assertThat(d.ciLow()).isCloseTo(lo, within(3e-4));
    assertThat(d.ciHigh()).isCloseTo(hi, within(3e-4));
    assertThat(d.confLevel()).isEqualTo(0.95);
    assertThat(d.reason()).isNull();
  }

  @ParameterizedTest(name = "TRT - PBO at {0} (direct R fit)")
  @CsvSource({
      // R 4.2.2 direct REML (direct_reml.out): visit, estimate, SE, Satterthwaite df
      "VIS1, 3.7744140557, 1.0741607562, 145.547143",
      "VIS2, 3.7323239600, 0.8588556724, 145.277586",
      "VIS3, 3.0806070990, 0.6896261312, 130.927592",
      "VIS4, 4.3985367672, 1.6805501938, 133.389062"})
  void contrastsMatchDirectR(String visit, double est, double se, double df) {
    Difference d = contrast(visit);
    // tol 1e-8 relative (estimate, SE: the R fit's optimum), 2e-6 absolute (df printed to 6 decimals)
    assertThat(d.estimate()).isCloseTo(est, within(Math.abs(est) * 1e-8));
    assertThat(d.se()).isCloseTo(se, within(se * 1e-8));
    assertThat(d.df()).isCloseTo(df, within(2e-6));
  }

  @ParameterizedTest(name = "LS mean {0} at {1}")
  @CsvSource({
      // SAS PROC MIXED LSMEANS AVISIT*ARMCD: arm, visit, estimate, SE; then R 4.2.2 direct REML
      // (direct_reml.out): estimate, SE, Satterthwaite df
      "TRT, VIS1, 37.1063, 0.7626, 37.1062218638, 0.7625973369, 143.171811",
      "PBO, VIS1, 33.3318, 0.7554, 33.3318078080, 0.7554067959, 148.140652",
      "TRT, VIS2, 41.9037, 0.6023, 41.9037356609, 0.6023482064, 143.485150",
      "PBO, VIS2, 38.1715, 0.6117, 38.1714117009, 0.6117314764, 147.033155",
      "TRT, VIS3, 46.7546, 0.5086, 46.7545820137, 0.5086331445, 130.133593",
      "PBO, VIS3, 43.6740, 0.4617, 43.6739749147, 0.4617629844, 129.802656",
      "TRT, VIS4, 52.7841, 1.1877, 52.7841309003, 1.1877623397, 132.625434",
      "PBO, VIS4, 48.3855, 1.1886, 48.3855941332, 1.1886536121, 134.081275"})
  void lsMeans(String arm, String visit, double sasEst, double sasSe, double rEst, double rSe, double rDf) {
    LsMean m = fit.lsmeans().stream().filter(l -> l.arm().equals(arm) && l.visit().equals(visit)).findFirst()
        .orElseThrow();
    // SAS: tol 1.5e-4 (printed 4 decimals plus SAS's stopping point)
    assertThat(m.estimate()).isCloseTo(sasEst, within(1.5e-4));
    assertThat(m.se()).isCloseTo(sasSe, within(1.5e-4));
    // direct R: tol 1e-8 relative, df 2e-6 absolute
    assertThat(m.estimate()).isCloseTo(rEst, within(Math.abs(rEst) * 1e-8));
    assertThat(m.se()).isCloseTo(rSe, within(rSe * 1e-8));
    assertThat(m.df()).isCloseTo(rDf, within(2e-6));
    double tq = org.apache.commons.statistics.distribution.TDistribution.of(m.df())
        .inverseCumulativeProbability(0.975);
    assertThat(m.ciLow()).isCloseTo(m.estimate() - tq * m.se(), within(1e-9));
    assertThat(m.ciHigh()).isCloseTo(m.estimate() + tq * m.se(), within(1e-9));
  }

  @Test
  void orderOfResults() {
    // visit-major LS means in armOrder (TRT appears first in the file), then comparisons per visit
    assertThat(fit.lsmeans()).extracting(LsMean::arm).containsExactly("TRT", "PBO", "TRT", "PBO", "TRT", "PBO",
        "TRT", "PBO");
    assertThat(fit.comparisons()).allSatisfy(c -> {
      assertThat(c.treatment()).isEqualTo("TRT");
      assertThat(c.control()).isEqualTo("PBO");
    });
    // n per cell: R 4.2.2 table(f$ARMCD, f$AVISIT) (PBO 68 69 71 67, TRT 66 71 58 67); exact
    assertThat(fit.lsmeans()).extracting(LsMean::n).containsExactly(66, 68, 71, 69, 58, 71, 67, 67);
  }

  @Test
  void residualDf() {
    // SAS DDFM=RESIDUAL: n - rank(X) = 537 - 11 (intercept, ARMCD 1, AVISIT 3, ARMCD*AVISIT 3, RACE 2,
    // SEX 1); estimates and SEs do not depend on the df method
    MmrmResult r = Mmrm.fit(MmrmData.fev(), DdfMethod.RESIDUAL, 0.95);
    assertThat(r.comparisons()).allSatisfy(c -> assertThat(c.difference().df()).isEqualTo(526));
    assertThat(r.lsmeans()).allSatisfy(c -> assertThat(c.df()).isEqualTo(526));
    assertThat(r.comparisons().get(3).difference().estimate()).isEqualTo(contrast("VIS4").estimate());
    assertThat(r.method()).contains("residual df");
  }

  private static Difference contrast(String visit) {
    return fit.comparisons().stream().filter(c -> c.visit().equals(visit)).findFirst().orElseThrow().difference();
  }
}
