package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * {@code trialstat mmrm} end to end against SAS PROC MIXED on the mmrm package's fev_data
 * (src/test/resources/mmrm/fev_data.README.md; design/SAS/sas_log_reml.txt of openpharma/mmrm):
 * FEV1 = ARMCD AVISIT ARMCD*AVISIT RACE SEX, REPEATED / type=un, REML, DDFM=SATTERTHWAITE.
 */
class MmrmCommandTest {
  private static final String FEV = TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv").toString();

  private static Object json;

  @BeforeAll
  static void run() throws IOException {
    TestFiles.assumeShared(Path.of(FEV)); // skips with a message when ../shared is absent
    CliRun r = CliRun.of("mmrm", "--scale", "none", "--id-col", "USUBJID", "--arm-col", "ARMCD", "--visit-col",
        "AVISIT", "--score-col", "FEV1", "--control", "PBO", "--covariate", "RACE", "--covariate", "SEX",
        "--format", "json", FEV);
    assertThat(r.code()).as(r.err()).isZero();
    json = new ObjectMapper().readValue(r.out(), Object.class);
  }

  @Test
  void minus2RemlLogLikelihoodMatchesSas() {
    // SAS PROC MIXED: -2 Res Log Like = 3386.44987722 (SAS stops after 2 iterations; tol 1e-8 relative)
    double got = JsonPath.number(json, "fit.minus2_reml_loglik");
    assertThat(Math.abs(got - 3386.44987722) / 3386.44987722).isLessThan(1e-8);
    assertThat(JsonPath.resolve(json, "fit.converged")).isEqualTo(true);
    assertThat(JsonPath.number(json, "rows.used")).isEqualTo(537); // 800 rows - 263 missing FEV1 (README)
  }

  /**
   * SAS "Differences of Least Squares Means" TRT - PBO, printed to 4 decimals, df within 0.6. Tolerance
   * 1.5e-4 (CI 3e-4) rather than half a printed unit: SAS stopped 6.1e-6 above the REML optimum (its -2 Res
   * Log Like 3386.44987722 vs 3386.44987116 at the optimum, which R's direct REML fit confirms), which moves
   * its printed values by up to 1.2e-4; the engine test pins the optimum itself to R at 1e-8.
   */
  @ParameterizedTest(name = "{0}: {1} (SE {2}, df {3})")
  @CsvSource({
      "VIS1, 3.7745, 1.0741, 146, 1.6517, 5.8974",
      "VIS2, 3.7322, 0.8588, 145, 2.0348, 5.4296",
      "VIS3, 3.0806, 0.6896, 131, 1.7164, 4.4448",
      "VIS4, 4.3985, 1.6805, 133, 1.0746, 7.7225"})
  void contrastsMatchSas(String visit, double est, double se, double df, double lo, double hi) {
    String p = "comparisons[treatment=TRT,control=PBO,visit=" + visit + "].";
    assertThat(JsonPath.number(json, p + "estimate")).isCloseTo(est, org.assertj.core.data.Offset.offset(1.5e-4));
    assertThat(JsonPath.number(json, p + "se")).isCloseTo(se, org.assertj.core.data.Offset.offset(1.5e-4));
    assertThat(JsonPath.number(json, p + "df")).isCloseTo(df, org.assertj.core.data.Offset.offset(0.6));
    assertThat(JsonPath.number(json, p + "ci_low")).isCloseTo(lo, org.assertj.core.data.Offset.offset(3e-4));
    assertThat(JsonPath.number(json, p + "ci_high")).isCloseTo(hi, org.assertj.core.data.Offset.offset(3e-4));
  }

  /** SAS "Least Squares Means" (RACE and SEX levels weighted equally), 4 decimals; tol 1.5e-4 as above. */
  @ParameterizedTest(name = "{0} {1}: {2} (SE {3})")
  @CsvSource({
      "VIS1, TRT, 37.1063, 0.7626", "VIS1, PBO, 33.3318, 0.7554",
      "VIS2, TRT, 41.9037, 0.6023", "VIS2, PBO, 38.1715, 0.6117",
      "VIS3, TRT, 46.7546, 0.5086", "VIS3, PBO, 43.6740, 0.4617",
      "VIS4, TRT, 52.7841, 1.1877", "VIS4, PBO, 48.3855, 1.1886"})
  void lsMeansMatchSas(String visit, String arm, double est, double se) {
    String p = "lsmeans[arm=" + arm + ",visit=" + visit + "].";
    assertThat(JsonPath.number(json, p + "estimate")).isCloseTo(est, org.assertj.core.data.Offset.offset(1.5e-4));
    assertThat(JsonPath.number(json, p + "se")).isCloseTo(se, org.assertj.core.data.Offset.offset(1.5e-4));
  }

  @Test
  void changeModelOnTheOracleReproducesNlmeGls() throws IOException {
    // R 4.2.2 nlme 3.1-162 gls(change ~ arm * visit + baseline * visit, corSymm, varIdent, REML)
    // (oracles/mapp1_like.expected.json: mmrm estimate -9.46042681429379, se 2.36689842408448, tol 1e-4)
    CliRun r = CliRun.of("mmrm", "--control", "Placebo", "--baseline", "baseline", "--format", "json",
        TestFiles.resource("oracles/mapp1_like.csv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    Object j = new ObjectMapper().readValue(r.out(), Object.class);
    String p = "comparisons[treatment=MDMA,control=Placebo,visit=week18].";
    assertThat(JsonPath.number(j, p + "estimate")).isCloseTo(-9.46042681429379,
        org.assertj.core.data.Percentage.withPercentage(1e-2));
    assertThat(JsonPath.number(j, p + "se")).isCloseTo(2.36689842408448,
        org.assertj.core.data.Percentage.withPercentage(1e-2));
  }

  @Test
  void everyFormatWorksAndCsvCarriesTheVisit() {
    CliRun csv = CliRun.of("mmrm", "--control", "Placebo", "--baseline", "baseline", "--format", "csv",
        TestFiles.resource("oracles/mapp1_like.csv").toString());
    assertThat(csv.code()).isZero();
    assertThat(csv.out()).startsWith("file,study,arm,treatment,control,outcome,statistic,estimate,ci_low,ci_high,p,n,method,visit,week,se,t,df,conf_level,reason\n")
        .contains(",change@week18,mmrm,", ",change@week6,lsmean,");
    CliRun table = CliRun.of("mmrm", "--control", "Placebo", "--baseline", "baseline",
        TestFiles.resource("oracles/mapp1_like.csv").toString());
    assertThat(table.out()).contains("Least-squares means", "Satterthwaite", "-2 REML log-likelihood");
  }

  @Test
  void modelTheDataCannotSupportIsADataError() throws IOException {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("mmrm", ".csv");
    // Placebo has no observation at week2: the arm x visit cell is empty.
    java.nio.file.Files.writeString(f, "participant_id,arm,visit,caps_total\n"
        + "A,MDMA,week1,40\nA,MDMA,week2,30\nB,MDMA,week1,42\nB,MDMA,week2,20\nC,MDMA,week1,38\nC,MDMA,week2,25\n"
        + "D,Placebo,week1,41\nE,Placebo,week1,39\nF,Placebo,week1,44\n");
    CliRun r = CliRun.of("mmrm", "--control", "Placebo", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.DATA);
    assertThat(r.err()).contains("cannot be fitted", "week2");
    assertThat(r.out()).isEmpty();
    java.nio.file.Files.delete(f);
  }

  @Test
  void oneArmIsADataError() throws IOException {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("mmrm-one-arm", ".csv");
    java.nio.file.Files.writeString(f, "participant_id,arm,visit,caps_total\n"
        + "A,MDMA,baseline,40\nA,MDMA,week2,30\nB,MDMA,baseline,42\nB,MDMA,week2,20\n");
    CliRun r = CliRun.of("mmrm", "--baseline", "baseline", f.toString());
    assertThat(r.code()).isEqualTo(ExitCode.DATA);
    assertThat(r.err()).contains("one arm (MDMA)", "expected a control arm");
    assertThat(r.out()).isEmpty();
    java.nio.file.Files.delete(f);
  }

  /**
   * analyze's mmrm_fit block. R 4.2.2, nlme 3.1-162: -2 * logLik(gls(change ~ arm * visit + baseline * visit,
   * corSymm(form = ~ as.integer(visit) | participant_id), varIdent(form = ~ 1 | visit), method = "REML",
   * glsControl(tolerance = 1e-10, msTol = 1e-12))) on mapp1_like = 1770.304244888167, 85 participants, 249
   * observations; tol 1e-9 relative (nlme's own convergence).
   */
  @Test
  void analyzeReportsTheFitBehindItsMmrmBlock() throws IOException {
    CliRun r = CliRun.of("analyze", "--format", "json", TestFiles.resource("oracles/mapp1_like.csv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    Object j = new ObjectMapper().readValue(r.out(), Object.class);
    assertThat(JsonPath.number(j, "mmrm_fit.minus2_reml_loglik")).isCloseTo(1770.304244888167,
        org.assertj.core.data.Offset.offset(1770.304244888167 * 1e-9));
    assertThat(JsonPath.number(j, "mmrm_fit.subjects")).isEqualTo(85);
    assertThat(JsonPath.number(j, "mmrm_fit.observations")).isEqualTo(249);
    assertThat(JsonPath.resolve(j, "mmrm_fit.converged")).isEqualTo(true);
  }
}
