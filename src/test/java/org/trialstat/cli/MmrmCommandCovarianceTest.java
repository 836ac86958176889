package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * {@code mmrm --covariance} and {@code --covariance-by-arm} end to end. References: nlme::gls on fev_data
 * (src/test/resources/mmrm/r/gls_structures.R / .out, block "fev ar1h": corAR1 + varIdent, REML), tol 1e-6
 * relative for the contrast and its SE, 1e-5 for covariance parameters; the fallback and usage rules of
 * docs/usage.md.
 */
class MmrmCommandCovarianceTest {

  private static final String FEV = TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv").toString();

  private static Object json(String... args) throws IOException {
    CliRun r = CliRun.of(args);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readValue(r.out(), Object.class);
  }

  @Test
  void ar1hMatchesNlmeGls() throws IOException {
    TestFiles.assumeShared(Path.of(FEV));
    Object j = json("mmrm", "--scale", "none", "--id-col", "USUBJID", "--arm-col", "ARMCD", "--visit-col", "AVISIT",
        "--score-col", "FEV1", "--control", "PBO", "--covariate", "RACE", "--covariate", "SEX", "--covariance", "ar1h",
        "--format", "json", FEV);
    assertThat(JsonPath.resolve(j, "fit.covariance")).isEqualTo("ar1h");
    assertThat(JsonPath.resolve(j, "fit.method")).isEqualTo(
        "MMRM (heterogeneous first-order autoregressive covariance, REML), Satterthwaite df");
    // gls_structures.out "fev ar1h": m2ll 3404.2192457298, Var(1) 39.2327693736, ARH(1) 0.2272778940
    assertThat(JsonPath.number(j, "fit.minus2_reml_loglik")).isCloseTo(3404.2192457298, within(3404.22 * 1e-8));
    assertThat(JsonPath.number(j, "fit.covariance_parameters[name=Var(1)].estimate"))
        .isCloseTo(39.2327693736, within(39.23 * 1e-5));
    assertThat(JsonPath.number(j, "fit.covariance_parameters[name=ARH(1)].estimate"))
        .isCloseTo(0.2272778940, within(0.2273 * 1e-5));
    // AIC = -2 l_R + 2 d with d = 5 covariance parameters (SAS's REML convention, docs/methods.md)
    assertThat(JsonPath.number(j, "fit.aic")).isCloseTo(JsonPath.number(j, "fit.minus2_reml_loglik") + 10,
        within(1e-9));
    List<?> tried = (List<?>) JsonPath.resolve(j, "fit.tried");
    assertThat(tried).hasSize(1);
  }

  @Test
  void fallbackIsReportedInJson(@TempDir Path dir) throws IOException {
    // 8 participants x 4 visits: un (10 parameters) is not estimable, ar1 is used
    StringBuilder csv = new StringBuilder("participant_id,arm,visit,week,caps_total\n");
    String[] visits = {"baseline", "week4", "week8", "week12", "week16"};
    for (int s = 0; s < 8; s++) {
      for (int v = 0; v < visits.length; v++) {
        double score = 45 - v * (s % 2 == 0 ? 3 : 1.5) + ((s * 7 + v * 3) % 5) - 2 + (s % 3);
        csv.append(String.format(Locale.ROOT, "P%d,%s,%s,%d,%.1f%n", s, s % 2 == 0 ? "MDMA" : "Placebo",
            visits[v], v * 4, score));
      }
    }
    Path file = dir.resolve("small.csv");
    Files.writeString(file, csv);
    Object j = json("mmrm", "--baseline", "baseline", "--control", "Placebo", "--covariance", "un,ar1",
        "--format", "json", file.toString());
    assertThat(JsonPath.resolve(j, "fit.covariance")).isEqualTo("ar1");
    assertThat(JsonPath.resolve(j, "fit.tried[0].structure")).isEqualTo("un");
    assertThat(JsonPath.resolve(j, "fit.tried[0].status")).isEqualTo("not_estimable");
    assertThat((String) JsonPath.resolve(j, "fit.tried[0].reason")).contains("more than the 8 subjects");
    assertThat(JsonPath.resolve(j, "fit.tried[1].status")).isEqualTo("fitted");
    assertThat((String) JsonPath.resolve(j, "fit.method")).contains("un not estimable");
  }

  @Test
  void unknownOrRepeatedStructureIsAUsageError() {
    CliRun r = CliRun.of("mmrm", "--covariance", "un,xyz", "samples/mapp1_like.csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'xyz' is not a covariance structure");
    r = CliRun.of("mmrm", "--covariance", "ar1,AR1", "samples/mapp1_like.csv");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--covariance names a structure twice: ar1,ar1");
  }
}
