package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * {@code trialstat mmrm --ddf kenward-roger} on fev_data: FEV1 ~ ARMCD * AVISIT + RACE + SEX, UN, REML.
 * Reference: src/test/resources/mmrm/r/kr_direct.R (R 4.2.2, numDeriv 2016.8-1.1; kr_direct.out), a
 * dense Kenward-Roger computation with numerical derivatives (see MmrmKenwardRogerTest).
 */
class MmrmCommandKenwardRogerTest {
  private static final String FEV = TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv").toString();

  @BeforeAll
  static void needsFevData() {
    TestFiles.assumeShared(Path.of(FEV));
  }

  private static CliRun fev(String ddf) {
    return CliRun.of("mmrm", "--scale", "none", "--id-col", "USUBJID", "--arm-col", "ARMCD", "--visit-col", "AVISIT",
        "--score-col", "FEV1", "--control", "PBO", "--covariate", "RACE", "--covariate", "SEX", "--format", "json",
        "--ddf", ddf, FEV);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kenward-roger", "KENWARD_ROGER", "Kenward-Roger", "kenward_roger"})
  void kenwardRogerSpellings(String spelling) throws IOException {
    CliRun r = fev(spelling);
    assertThat(r.code()).as(r.err()).isZero();
    Object json = new ObjectMapper().readValue(r.out(), Object.class);
    assertThat((String) JsonPath.resolve(json, "settings.ddf")).contains("Kenward-Roger");
    String p = "comparisons[treatment=TRT,control=PBO,visit=VIS4].";
    // R 4.2.2 kr_direct.out "fev TRT-PBO VIS4": est 4.3985367764, se_KR 1.6934134792, df 133.389063;
    // tol 1e-7 relative (est, se), 2e-6 relative (df)
    assertThat(JsonPath.number(json, p + "estimate")).isCloseTo(4.3985367764, within(1e-7 * 4.4));
    assertThat(JsonPath.number(json, p + "se")).isCloseTo(1.6934134792, within(1e-7 * 1.69));
    assertThat(JsonPath.number(json, p + "df")).isCloseTo(133.389063, within(2e-6 * 133.4));
  }

  @ParameterizedTest
  @CsvSource({
      // R 4.2.2 direct_reml.out "fev TRT-PBO VIS4" (Satterthwaite): se 1.6805501938, df 133.389062; tol 1e-7 rel
      "satterthwaite, 1.6805501938, 133.389062",
      "SATTERTHWAITE, 1.6805501938, 133.389062",
      // residual df = 537 observations - 11 columns (R: nrow(X) - ncol(X) for the same model matrix); exact
      "residual, 1.6805501938, 526"})
  void otherMethodsStillParse(String ddf, double se, double df) throws IOException {
    CliRun r = fev(ddf);
    assertThat(r.code()).as(r.err()).isZero();
    Object json = new ObjectMapper().readValue(r.out(), Object.class);
    String p = "comparisons[treatment=TRT,control=PBO,visit=VIS4].";
    assertThat(JsonPath.number(json, p + "se")).isCloseTo(se, within(1e-7 * se));
    assertThat(JsonPath.number(json, p + "df")).isCloseTo(df, within(2e-6 * df));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kr2", "between-within", ""})
  void unknownMethodIsUsageError(String ddf) {
    CliRun r = fev(ddf);
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--ddf");
  }
}
