package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * {@code trialstat mmrm --convergence sas} on the mmrm package's fev_data against SAS PROC MIXED
 * (src/test/resources/mmrm/fev_data.README.md; design/SAS/sas_log_reml.txt of openpharma/mmrm):
 * FEV1 = ARMCD AVISIT ARMCD*AVISIT RACE SEX, REPEATED / type=un, REML, DDFM=SATTERTHWAITE, default
 * convergence (2 iterations). Tolerances: half a unit in the last digit SAS prints (5e-9 for -2 Res Log
 * Like, 5e-5 for 4-decimal values, 0.5 for integer df).
 */
class MmrmCommandSasConvergenceTest {
  private static final String FEV = TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv").toString();

  private static Object json;

  private static CliRun fev(String... extra) {
    String[] base = {"mmrm", "--scale", "none", "--id-col", "USUBJID", "--arm-col", "ARMCD", "--visit-col", "AVISIT",
        "--score-col", "FEV1", "--control", "PBO", "--covariate", "RACE", "--covariate", "SEX"};
    String[] args = new String[base.length + extra.length + 1];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    args[args.length - 1] = FEV;
    return CliRun.of(args);
  }

  @BeforeAll
  static void run() throws IOException {
    TestFiles.assumeShared(Path.of(FEV)); // skips with a message when ../shared is absent
    CliRun r = fev("--convergence", "sas", "--format", "json");
    assertThat(r.code()).as(r.err()).isZero();
    json = new ObjectMapper().readValue(r.out(), Object.class);
  }

  @Test
  void fitStopsWhereSasStops() {
    // SAS PROC MIXED iteration history: 2 iterations, -2 Res Log Like 3386.44987722; tol 5e-9
    assertThat(JsonPath.number(json, "fit.minus2_reml_loglik")).isCloseTo(3386.44987722, within(5e-9));
    assertThat(JsonPath.number(json, "fit.iterations")).isEqualTo(2);
    assertThat(JsonPath.resolve(json, "fit.converged")).isEqualTo(true);
    assertThat((String) JsonPath.resolve(json, "fit.method")).contains("SAS PROC MIXED stopping rule");
  }

  @ParameterizedTest(name = "{0}: {1} (SE {2}, df {3})")
  @CsvSource({
      // SAS "Differences of Least Squares Means" TRT - PBO: visit, estimate, SE, df, lower, upper
      "VIS1, 3.7745, 1.0741, 146, 1.6517, 5.8974",
      "VIS2, 3.7322, 0.8588, 145, 2.0348, 5.4296",
      "VIS3, 3.0806, 0.6896, 131, 1.7164, 4.4448",
      "VIS4, 4.3985, 1.6805, 133, 1.0746, 7.7225"})
  void contrastsToSasPrintedDigits(String visit, double est, double se, double df, double lo, double hi) {
    String p = "comparisons[treatment=TRT,control=PBO,visit=" + visit + "].";
    assertThat(JsonPath.number(json, p + "estimate")).isCloseTo(est, within(5e-5));
    assertThat(JsonPath.number(json, p + "se")).isCloseTo(se, within(5e-5));
    assertThat(JsonPath.number(json, p + "df")).isCloseTo(df, within(0.5));
    assertThat(JsonPath.number(json, p + "ci_low")).isCloseTo(lo, within(5e-5));
    assertThat(JsonPath.number(json, p + "ci_high")).isCloseTo(hi, within(5e-5));
  }

  @ParameterizedTest(name = "{0} {1}: {2} (SE {3})")
  @CsvSource({
      // SAS "Least Squares Means" (RACE and SEX levels weighted equally): visit, arm, estimate, SE
      "VIS1, TRT, 37.1063, 0.7626", "VIS1, PBO, 33.3318, 0.7554",
      "VIS2, TRT, 41.9037, 0.6023", "VIS2, PBO, 38.1715, 0.6117",
      "VIS3, TRT, 46.7546, 0.5086", "VIS3, PBO, 43.6740, 0.4617",
      "VIS4, TRT, 52.7841, 1.1877", "VIS4, PBO, 48.3855, 1.1886"})
  void lsMeansToSasPrintedDigits(String visit, String arm, double est, double se) {
    String p = "lsmeans[arm=" + arm + ",visit=" + visit + "].";
    assertThat(JsonPath.number(json, p + "estimate")).isCloseTo(est, within(5e-5));
    assertThat(JsonPath.number(json, p + "se")).isCloseTo(se, within(5e-5));
  }

  @Test
  void defaultAndExplicitOptimumAgree() throws IOException {
    // the default is the REML optimum: R 4.2.2 direct REML -2 l_R 3386.44987116235
    // (src/test/resources/mmrm/r/direct_reml.out), tol 1e-11 relative
    CliRun def = fev("--format", "json");
    CliRun opt = fev("--convergence", "OPTIMUM", "--format", "json");
    assertThat(def.code()).as(def.err()).isZero();
    assertThat(opt.results()).isEqualTo(def.results()); // the provenance's command lines differ
    assertThat(def.out()).doesNotContain("SAS PROC MIXED stopping rule");
    Object d = new ObjectMapper().readValue(def.out(), Object.class);
    assertThat(JsonPath.number(d, "fit.minus2_reml_loglik")).isCloseTo(3386.44987116235,
        within(3386.44987116235 * 1e-11));
  }

  @Test
  void unknownRuleIsAUsageError() {
    CliRun r = fev("--convergence", "fast");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--convergence");
  }
}
