package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.report.JsonPath;

/**
 * {@code analyze} and {@code mmrm} with {@code --covariate age --covariate sex --factor site} on
 * samples/three_arm_sites.csv (made by scripts/make_three_arm.R), against R 4.2.2: {@code lm} for the
 * ANCOVA and {@code nlme::gls} (unstructured: corSymm + varIdent, REML) with emmeans 1.8.4.1
 * (Satterthwaite) for the MMRM. Script and printed output: src/test/resources/sap/covariates.R, .out.
 */
class AnalyzeCovariatesTest {
  private static final String SAMPLE = "samples/three_arm_sites.csv";
  private static Object json;

  @BeforeAll
  static void run() throws IOException {
    json = run("analyze", "--control", "Placebo", "--covariate", "age", "--covariate", "sex", "--factor", "site");
  }

  private static Object run(String... args) throws IOException {
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--format";
    all[args.length + 1] = "json";
    all[args.length + 2] = SAMPLE;
    CliRun r = CliRun.of(all);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readValue(r.out(), Object.class);
  }

  /** R lm, summary(fit)$coefficients (covariates.out, "ANCOVA lm"); OLS is exact: tolerance 1e-9 relative. */
  @ParameterizedTest(name = "{0}: {1} (SE {2})")
  @CsvSource({
      "Low,  -4.18847021983015, 1.28997803146322, 1.43729892110266e-03",
      "High, -8.57164323479371, 1.32410972399342, 1.26666960124038e-09"})
  void ancovaMatchesLm(String arm, double est, double se, double p) {
    String c = "comparisons[treatment=" + arm + "].ancova.";
    assertThat(JsonPath.number(json, c + "estimate")).isCloseTo(est, within(1e-9 * Math.abs(est)));
    assertThat(JsonPath.number(json, c + "se")).isCloseTo(se, within(1e-9 * se));
    assertThat(JsonPath.number(json, c + "p")).isCloseTo(p, within(1e-8 * p));
    assertThat(JsonPath.number(json, c + "df")).isEqualTo(151); // R df.residual: 162 - 11
    assertThat(JsonPath.resolve(json, c + "method"))
        .isEqualTo("ANCOVA: change ~ arm + baseline + age + sex + site (all arms, OLS)");
  }

  @Test
  void participantWithoutSiteIsLeftOutOfTheAncova() {
    // R: lm's n = 162 of the 163 week18 completers (S007 has no site); S007 is left out of the
    // covariate-adjusted binary models too (outcome "adjusted", docs/output.md)
    assertThat(JsonPath.resolve(json, "participants_excluded")).isEqualTo(List.of(
        Map.of("arm", "Placebo", "outcome", "adjusted", "reason", "missing_covariate", "count", 1),
        Map.of("arm", "Placebo", "outcome", "ancova", "reason", "missing_covariate", "count", 1)));
  }

  /**
   * R gls + emmeans trt.vs.ctrl at week18 (covariates.out, "MMRM gls"). gls stops at its own tolerance
   * (its -2 REML log-likelihood 3046.3642530652 is 5e-9 above ours), which moves the estimates by about
   * 2e-6: tolerance 1e-5 on estimate and SE; df within 0.1, emmeans' Satterthwaite df for gls using a
   * numerical derivative of gls's approximate covariance (apVar).
   */
  @ParameterizedTest(name = "{0}: {1} (SE {2}, df {3})")
  @CsvSource({
      "Low,  -4.16365902209, 1.28813307273, 157.868576547",
      "High, -8.57685444001, 1.29537953903, 161.782193689"})
  void mmrmMatchesGls(String arm, double est, double se, double df) {
    String c = "comparisons[treatment=" + arm + "].mmrm.";
    assertThat(JsonPath.number(json, c + "estimate")).isCloseTo(est, within(1e-5));
    assertThat(JsonPath.number(json, c + "se")).isCloseTo(se, within(1e-5));
    assertThat(JsonPath.number(json, c + "df")).isCloseTo(df, within(0.1));
  }

  @Test
  void mmrmFitMatchesGls() {
    // R: -2 REML log-likelihood 3046.3642530652, 508 observations, 177 subjects (rows without a site dropped)
    assertThat(JsonPath.number(json, "mmrm_fit.minus2_reml_loglik")).isCloseTo(3046.3642530652, within(1e-6));
    assertThat(JsonPath.number(json, "mmrm_fit.observations")).isEqualTo(508);
    assertThat(JsonPath.number(json, "mmrm_fit.subjects")).isEqualTo(177);
    assertThat(JsonPath.resolve(json, "mmrm_fit.model.formula"))
        .isEqualTo("change ~ arm * visit + baseline * visit + age + sex + site");
  }

  @Test
  @SuppressWarnings("unchecked")
  void modelBlockNamesEveryTerm() {
    assertThat(JsonPath.resolve(json, "ancova_fit.model.formula")).isEqualTo("change ~ arm + baseline + age + sex + site");
    assertThat(JsonPath.resolve(json, "ancova_fit.model.terms[name=site].kind")).isEqualTo("factor");
    assertThat(JsonPath.resolve(json, "ancova_fit.model.terms[name=site].levels"))
        .isEqualTo(List.of("001", "002", "003", "004", "005", "006"));
    assertThat(JsonPath.resolve(json, "ancova_fit.model.terms[name=age].kind")).isEqualTo("numeric");
    assertThat(JsonPath.resolve(json, "ancova_fit.model.terms[name=sex].levels")).isEqualTo(List.of("F", "M"));
    assertThat(JsonPath.resolve(json, "ancova_fit.model.terms[name=arm].levels"))
        .isEqualTo(List.of("Placebo", "Low", "High"));
    assertThat((List<Object>) JsonPath.resolve(json, "notes")).contains((Object)
        "Covariate sex enters as a factor: it has values that are not numbers (--factor forces a factor).");
  }

  /** R lm with site as a number (covariates.out, last block): --covariate site takes the codes as numbers. */
  @Test
  void numericLookingCovariateEntersAsNumber() throws IOException {
    Object j = run("analyze", "--control", "Placebo", "--covariate", "site");
    assertThat(JsonPath.number(j, "comparisons[treatment=Low].ancova.estimate"))
        .isCloseTo(-4.15574005456034, within(1e-9 * 4.2));
    assertThat(JsonPath.number(j, "comparisons[treatment=High].ancova.se"))
        .isCloseTo(1.32063960088195, within(1e-9 * 1.3));
    assertThat(JsonPath.resolve(j, "ancova_fit.model.terms[name=site].kind")).isEqualTo("numeric");
  }

  /** The mmrm command's --factor gives the same fit as analyze's MMRM (same R reference). */
  @Test
  void mmrmCommandTakesFactor() throws IOException {
    Object j = run("mmrm", "--control", "Placebo", "--baseline", "baseline", "--covariate", "age", "--covariate",
        "sex", "--factor", "site");
    assertThat(JsonPath.number(j, "fit.minus2_reml_loglik")).isCloseTo(3046.3642530652, within(1e-6));
    assertThat(JsonPath.number(j, "comparisons[treatment=High,visit=week18].estimate"))
        .isCloseTo(-8.57685444001, within(1e-5));
    assertThat(JsonPath.resolve(j, "fit.model.terms[name=site].kind")).isEqualTo("factor");
    assertThat(JsonPath.resolve(j, "settings.covariates")).isEqualTo(List.of("age", "sex", "site"));
  }

  @Test
  void unknownColumnIsADataErrorNamingTheFile() {
    // as for --covariate and --strata: the reader names the file and the columns it found (exit 3)
    CliRun r = CliRun.of("analyze", "--control", "Placebo", "--factor", "nosuch", SAMPLE);
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("three_arm_sites.csv").contains("'nosuch'").contains("columns found");
  }
}
