package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * {@code mmrm --estimation ml} end to end on fev_data (FEV1 ~ ARMCD * AVISIT + RACE + SEX). Reference:
 * nlme::gls(..., method = "ML"), src/test/resources/mmrm/r/gls_ml.R and its output gls_ml.out (read
 * here; R is not needed at test time): -2 log-likelihood 1e-8 relative, covariance parameters 1e-5
 * relative, contrasts and their SEs 1e-6 relative. AIC under ML counts the 11 fixed effects with the
 * covariance parameters (SAS METHOD=ML, docs/methods.md): checked as -2 l + 2 (k + 11).
 */
class MmrmCommandEstimationTest {

  private static final String FEV = TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv").toString();
  private static final List<String> OUT = lines();

  private static List<String> lines() {
    try {
      return Files.readAllLines(TestFiles.resource("mmrm/r/gls_ml.out"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Object json(String... args) throws IOException {
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readValue(r.out(), Object.class);
  }

  static String[] fev(String... extra) {
    return fevAs("json", extra);
  }

  static String[] fevAs(String format, String... extra) {
    List<String> a = new java.util.ArrayList<>(List.of("mmrm", "--scale", "none", "--id-col", "USUBJID",
        "--arm-col", "ARMCD", "--visit-col", "AVISIT", "--score-col", "FEV1", "--control", "PBO", "--covariate",
        "RACE", "--covariate", "SEX", "--format", format));
    a.addAll(List.of(extra));
    a.add(FEV);
    return a.toArray(String[]::new);
  }

  /** The lines of one "==== fev NAME" block of gls_ml.out. */
  private static List<String[]> block(String name) {
    int start = OUT.indexOf("==== fev " + name + " ");
    assertThat(start).as(name).isNotNegative();
    List<String[]> b = new java.util.ArrayList<>();
    for (int i = start + 1; i < OUT.size() && !OUT.get(i).startsWith("===="); i++) {
      b.add(OUT.get(i).trim().split("\\s+"));
    }
    return b;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cs, compound symmetry, 2", "ar1h, heterogeneous first-order autoregressive, 5",
      "un, unstructured, 10"})
  void mlMatchesNlmeGls(String structure, String label, int k) throws IOException {
    TestFiles.assumeShared(Path.of(FEV));
    Object j = json(fev("--covariance", structure, "--estimation", "ml"));
    assertThat(JsonPath.resolve(j, "fit.method")).isEqualTo("MMRM (" + label + " covariance, ML), Satterthwaite df");
    assertThat(JsonPath.resolve(j, "fit.estimation")).isEqualTo("ML");
    assertThat(((Map<?, ?>) JsonPath.resolve(j, "fit")).containsKey("minus2_reml_loglik")).isFalse();
    double m2ll = JsonPath.number(j, "fit.minus2_loglik");
    int checked = 0;
    for (String[] f : block(structure)) {
      double v = Double.parseDouble(f[0].equals("contrast") ? f[4] : f[f.length - 1]);
      switch (f[0]) {
        case "m2ll":
          assertThat(m2ll).isCloseTo(v, within(1e-8 * v));
          break;
        case "param":
          assertThat(JsonPath.number(j, "fit.covariance_parameters[name=" + f[1] + "].estimate")).as(f[1])
              .isCloseTo(v, within(1e-5 * Math.abs(v)));
          break;
        default:
          String c = "comparisons[visit=" + f[2] + "].";
          double se = Double.parseDouble(f[6]);
          assertThat(JsonPath.number(j, c + "estimate")).as(f[2]).isCloseTo(v, within(1e-6 * Math.abs(v)));
          assertThat(JsonPath.number(j, c + "se")).as(f[2]).isCloseTo(se, within(1e-6 * se));
          break;
      }
      checked++;
    }
    assertThat(checked).isEqualTo(1 + k + 4);
    assertThat(JsonPath.number(j, "fit.aic")).isCloseTo(m2ll + 2 * (k + 11), within(1e-9));
  }

  @Test
  void textNamesTheMlLikelihood() {
    TestFiles.assumeShared(Path.of(FEV));
    CliRun r = CliRun.of(fevAs("table", "--covariance", "cs", "--estimation", "ML"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("-2 log-likelihood (ML) 3536.73").doesNotContain("REML");
  }

  @Test
  void kenwardRogerUnderMlIsRefusedWithTheReason() {
    TestFiles.assumeShared(Path.of(FEV));
    CliRun r = CliRun.of(fev("--covariance", "cs", "--estimation", "ml", "--ddf", "kenward-roger"));
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("cannot be fitted: Kenward-Roger is only for REML");
  }

  @Test
  void unknownEstimationIsAUsageError() {
    CliRun r = CliRun.of("mmrm", "--estimation", "mle", "samples/mapp1_like.csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--estimation");
  }
}
