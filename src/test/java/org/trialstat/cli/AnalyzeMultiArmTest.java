package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.report.JsonPath;

/**
 * {@code analyze --factor site --dose-col dose --compare all --adjust ...} on samples/three_arm_sites.csv
 * against R 4.2.2: {@code lm} + {@code multcomp::glht} 1.4.22 (contrasts, Dunnett), {@code p.adjust},
 * {@code t.test}, {@code fisher.test}, {@code nlme::gls} + emmeans 1.8.4.1 (MMRM contrasts). Script and
 * printed output: src/test/resources/sap/multiarm.R, multiarm.out.
 */
class AnalyzeMultiArmTest {
  private static final String SAMPLE = "samples/three_arm_sites.csv";
  private static Object holm;
  private static Object bonferroni;
  private static Object dunnett;

  @BeforeAll
  static void run() throws IOException {
    holm = analyze("--compare", "all", "--adjust", "holm", "--dose-col", "dose");
    bonferroni = analyze("--compare", "all", "--adjust", "bonferroni");
    dunnett = analyze("--adjust", "dunnett");
  }

  private static Object analyze(String... options) throws IOException {
    List<String> all = new ArrayList<>(List.of("analyze", "--control", "Placebo", "--factor", "site"));
    all.addAll(List.of(options));
    all.addAll(List.of("--format", "json", SAMPLE));
    CliRun r = CliRun.of(all.toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readValue(r.out(), Object.class);
  }

  private static String at(String treatment, String control) {
    return "comparisons[treatment=" + treatment + ",control=" + control + "].";
  }

  /**
   * multiarm.out "ANCOVA lm": glht contrasts of the model of all arms (High - Low from the same fit);
   * OLS is exact: 1e-9 relative on estimate and SE; p 1e-6 relative (glht's t agrees to 2e-9, and p near
   * 1e-9 moves 7 times faster than t). p.adjust "holm" and "bonferroni" of those p values, and the Bonferroni
   * simultaneous interval estimate +/- qt(1 - 0.05 / 6, 153) se: 1e-9 relative.
   */
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
      "Low,  Placebo, -4.17824998208306, 1.30961649727685, 1.72378046620469e-03, 1.72378046620469e-03, 5.17134139861408e-03, -7.34829231197737, -1.00820765218874",
      "High, Placebo, -8.78632399477886, 1.33403027861148, 6.83083811736651e-10, 2.04925143520995e-09, 2.04925143520995e-09, -12.01546203736806, -5.55718595218966",
      "High, Low,     -4.60807401269581, 1.30539120985923, 5.49171448056329e-04, 1.09834289611266e-03, 1.64751434416899e-03, -7.76788866143486, -1.44825936395676"})
  void ancovaContrastsAndAdjustmentMatchR(String t, String c, double est, double se, double p, double pHolm,
      double pBonferroni, double lo, double hi) {
    String a = at(t, c) + "ancova.";
    assertThat(JsonPath.number(holm, a + "estimate")).isCloseTo(est, within(1e-9 * Math.abs(est)));
    assertThat(JsonPath.number(holm, a + "se")).isCloseTo(se, within(1e-9 * se));
    assertThat(JsonPath.number(holm, a + "p")).isCloseTo(p, within(1e-6 * p));
    assertThat(JsonPath.number(holm, a + "p_adjusted")).isCloseTo(pHolm, within(1e-6 * pHolm));
    assertThat(JsonPath.resolve(holm, a + "adjustment")).isEqualTo("holm");
    assertThat(JsonPath.number(bonferroni, a + "p_adjusted")).isCloseTo(pBonferroni, within(1e-6 * pBonferroni));
    assertThat(JsonPath.number(bonferroni, a + "simultaneous_ci_low")).isCloseTo(lo, within(1e-9 * Math.abs(lo)));
    assertThat(JsonPath.number(bonferroni, a + "simultaneous_ci_high")).isCloseTo(hi, within(1e-9 * Math.abs(hi)));
  }

  /** multiarm.out "Welch p" / "Fisher response p" and their p.adjust "holm": 1e-8 relative. */
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
      "Low,  Placebo, 2.69391361874883e-03, 2.69391361874883e-03, 1.81556896294706e-02, 3.63113792589411e-02",
      "High, Placebo, 9.29515818545316e-10, 2.78854745563595e-09, 2.13690738621041e-05, 6.41072215863122e-05",
      "High, Low,     9.45050646063707e-05, 1.89010129212741e-04, 5.97918872561691e-02, 5.97918872561691e-02"})
  void twoArmTestsAreAdjustedOverTheFamily(String t, String c, double welch, double welchHolm, double fisher,
      double fisherHolm) {
    assertThat(JsonPath.number(holm, at(t, c) + "welch.p")).isCloseTo(welch, within(1e-8 * welch));
    assertThat(JsonPath.number(holm, at(t, c) + "welch.p_adjusted")).isCloseTo(welchHolm, within(1e-8 * welchHolm));
    assertThat(JsonPath.number(holm, at(t, c) + "response.fisher_p")).isCloseTo(fisher, within(1e-8 * fisher));
    assertThat(JsonPath.number(holm, at(t, c) + "response.fisher_p_adjusted"))
        .isCloseTo(fisherHolm, within(1e-8 * fisherHolm));
    assertThat(JsonPath.resolve(holm, at(t, c) + "response.fisher_p_adjustment")).isEqualTo("holm");
  }

  /**
   * multiarm.out "MMRM contrasts at week18": gls + emmeans, High - Low from the model of all arms. gls
   * stops at its own tolerance: 1e-5 on estimate and SE; df within 0.2, emmeans' Satterthwaite df for gls
   * using a numerical derivative of gls's approximate covariance (apVar; see AnalyzeCovariatesTest).
   */
  @ParameterizedTest(name = "{0} vs {1}")
  @CsvSource({
      "Low,  Placebo, -4.11212696909, 1.31036978871, 158.873708736",
      "High, Placebo, -8.76261954146, 1.31605118622, 161.799856609",
      "High, Low,     -4.65049257237, 1.29453698672, 159.610763356"})
  void mmrmContrastsMatchGls(String t, String c, double est, double se, double df) {
    String m = at(t, c) + "mmrm.";
    assertThat(JsonPath.number(holm, m + "estimate")).isCloseTo(est, within(1e-5));
    assertThat(JsonPath.number(holm, m + "se")).isCloseTo(se, within(1e-5));
    assertThat(JsonPath.number(holm, m + "df")).isCloseTo(df, within(0.2));
  }

  /** multiarm.out "dose response lm(change ~ dose + baseline + site)": exact OLS, 1e-9 relative. */
  @Test
  void doseResponseMatchesLm() {
    assertThat(JsonPath.number(holm, "dose_response.estimate")).isCloseTo(-0.070828771376018, within(1e-11));
    assertThat(JsonPath.number(holm, "dose_response.se")).isCloseTo(0.0109046985616968, within(1e-11));
    assertThat(JsonPath.number(holm, "dose_response.t")).isCloseTo(-6.49525257165813, within(1e-8));
    assertThat(JsonPath.number(holm, "dose_response.df")).isEqualTo(154);
    assertThat(JsonPath.number(holm, "dose_response.p")).isCloseTo(1.0835451435987e-09, within(1e-17));
    assertThat(JsonPath.number(holm, "dose_response.ci_low")).isCloseTo(-0.0923708731632952, within(1e-11));
    assertThat(JsonPath.number(holm, "dose_response.ci_high")).isCloseTo(-0.0492866695887408, within(1e-11));
  }

  /**
   * multiarm.out "Dunnett": multcomp's single-step p values and simultaneous CIs (mvtnorm Genz-Bretz with
   * abseps 1e-6; multcomp's numbers are Monte Carlo, and its quantile is found to about 1e-4): p within
   * 1e-6, CI limits within 2e-4.
   */
  @Test
  void dunnettMatchesMultcomp() {
    Object d = dunnett;
    assertThat(JsonPath.number(d, at("Low", "Placebo") + "ancova.p_adjusted")).isCloseTo(3.34335831240662e-03,
        within(1e-6));
    assertThat(JsonPath.number(d, at("High", "Placebo") + "ancova.p_adjusted")).isCloseTo(1.36553202079170e-09,
        within(1e-6));
    assertThat(JsonPath.number(d, at("Low", "Placebo") + "ancova.simultaneous_ci_low")).isCloseTo(-7.10037689143427,
        within(2e-4));
    assertThat(JsonPath.number(d, at("Low", "Placebo") + "ancova.simultaneous_ci_high")).isCloseTo(-1.25612307273184,
        within(2e-4));
    assertThat(JsonPath.number(d, at("High", "Placebo") + "ancova.simultaneous_ci_low")).isCloseTo(-11.76292499448041,
        within(2e-4));
    assertThat(JsonPath.number(d, at("High", "Placebo") + "ancova.simultaneous_ci_high")).isCloseTo(-5.80972299507732,
        within(2e-4));
    assertThat(JsonPath.resolve(d, at("Low", "Placebo") + "welch")).asString().doesNotContain("p_adjusted");
  }

  /**
   * The MMRM's contrasts at week18 under {@code --adjust dunnett}: make_mmrm_dunnett.out section 4a, R
   * nlme::gls + emmeans 1.8.4.1 ({@code trt.vs.ctrl ~ arm | visit}, Satterthwaite): the family's
   * correlation from vcov of the contrasts, each contrast's multivariate t on its own df (as emmeans
   * {@code adjust = "mvt"}, there on its df rounded to an integer, 159 and 162: section 1; here, and in
   * 4a by direct integration, on the df as they are). gls stops at its tolerance (estimates and SEs agree
   * to 1e-5) and emmeans' Satterthwaite df for gls is numerical (158.87 and 161.80 against trialstat's
   * 158.74 and 161.67, see mmrmContrastsMatchGls), which moves p by under 1e-6 and the limits by under
   * 3e-5: p within 2e-6, simultaneous CI limits within 1e-4.
   */
  @ParameterizedTest(name = "{0} vs Placebo")
  @CsvSource({
      "Low,  3.92397119857446e-03, -7.03456192818891,  -1.18969200999006",
      "High, 8.20472023654872e-10, -11.69725164103538, -5.82798744188936"})
  void mmrmDunnettMatchesEmmeans(String t, double p, double lo, double hi) {
    String m = at(t, "Placebo") + "mmrm.";
    assertThat(JsonPath.number(dunnett, m + "p_adjusted")).isCloseTo(p, within(2e-6));
    assertThat(JsonPath.number(dunnett, m + "simultaneous_ci_low")).isCloseTo(lo, within(1e-4));
    assertThat(JsonPath.number(dunnett, m + "simultaneous_ci_high")).isCloseTo(hi, within(1e-4));
    assertThat(JsonPath.resolve(dunnett, m + "adjustment")).isEqualTo("dunnett");
    assertThat(JsonPath.resolve(dunnett, m + "adjustment_method")).asString().contains("own df")
        .contains("emmeans");
  }

  /** The note names both families; CSV has an {@code mmrm_p_adjusted} row with the JSON's numbers. */
  @Test
  void mmrmDunnettIsNotedAndInTheCsv() {
    assertThat(JsonPath.resolve(dunnett, "notes")).asString().contains("2 MMRM contrasts at week18")
        .doesNotContain("the MMRM and Fisher");
    CliRun csv = CliRun.of("analyze", "--control", "Placebo", "--factor", "site", "--adjust", "dunnett", "--format",
        "csv", SAMPLE);
    assertThat(csv.code()).as(csv.err()).isZero();
    String row = csv.out().lines().filter(l -> l.contains(",Low,Placebo,change,mmrm_p_adjusted,")).findFirst()
        .orElseThrow();
    String[] f = row.split(",");
    String m = at("Low", "Placebo") + "mmrm.";
    assertThat(Double.parseDouble(f[8])).isEqualTo(JsonPath.number(dunnett, m + "simultaneous_ci_low"));
    assertThat(Double.parseDouble(f[10])).isEqualTo(JsonPath.number(dunnett, m + "p_adjusted"));
  }

  @Test
  void defaultStatesNoAdjustmentAndKeepsTheControlComparisons() throws IOException {
    Object d = analyze();
    assertThat(JsonPath.resolve(d, "settings.adjust")).isEqualTo("none");
    assertThat(JsonPath.resolve(d, "comparisons")).asList().hasSize(2);
    assertThat(JsonPath.resolve(d, at("Low", "Placebo") + "ancova")).asString().doesNotContain("p_adjusted");
  }

  @Test
  void explicitPairsAreTheUnionWithoutDuplicates() throws IOException {
    Object d = analyze("--compare", "High vs Low", "--compare", "Low vs High", "--compare", "control");
    assertThat(JsonPath.resolve(d, "comparisons")).asList().hasSize(3);
    assertThat(JsonPath.resolve(d, "comparisons[0].treatment")).isEqualTo("High");
    assertThat(JsonPath.resolve(d, "comparisons[0].control")).isEqualTo("Low");
  }

  @Test
  void dunnettWithCompareAllIsAUsageError() {
    CliRun r = CliRun.of("analyze", "--control", "Placebo", "--compare", "all", "--adjust", "dunnett", SAMPLE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--adjust dunnett").contains("High vs Low");
  }

  @Test
  void unknownArmIsAUsageError() {
    CliRun r = CliRun.of("analyze", "--control", "Placebo", "--compare", "High vs Nobody", SAMPLE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no arm 'Nobody'").contains("arms present: Placebo, Low, High");
  }

  @Test
  void doseVaryingWithinAnArmIsADataError() {
    CliRun r = CliRun.of("analyze", "--control", "Placebo", "--dose-col", "site", SAMPLE);
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("samples/three_arm_sites.csv:6:").contains("column 'site' (--dose-col)")
        .contains("expected one dose per arm");
  }
}
