package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.report.JsonPath;

/**
 * Per-arm LS means ({@code arms[].ancova_lsmean}, {@code arms[].mmrm_lsmean}, {@code --lsmeans-weights}),
 * quantiles ({@code --quantile-type}) and {@code --covariate-by-visit} on samples/three_arm_sites.csv,
 * against R 4.2.2: {@code lm} + emmeans 1.8.4.1 ({@code weights = "equal"} / {@code "proportional"}),
 * {@code nlme::gls} (unstructured: corSymm + varIdent, REML) + emmeans (Satterthwaite) and
 * {@code quantile(type = 2 / 7)}. Script and printed output: src/test/resources/sap/lsmeans.R, .out.
 *
 * <p>Tolerances: OLS and quantiles are exact up to rounding (1e-9 relative). gls stops at its own
 * tolerance, which moves estimates and SEs by about 1e-7: 1e-5 absolute. emmeans' Satterthwaite df for
 * gls differentiates gls's approximate covariance numerically (apVar): df within 0.2.
 */
class LsMeansQuantilesTest {
  private static final String SAMPLE = "samples/three_arm_sites.csv";

  static Object run(String... args) throws IOException {
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--format";
    all[args.length + 1] = "json";
    all[args.length + 2] = SAMPLE;
    if (!args[0].equals("mmrm")) {
      String[] a = new String[all.length + 1];
      a[0] = "analyze";
      System.arraycopy(all, 0, a, 1, all.length);
      all = a;
    }
    CliRun r = CliRun.of(all);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readValue(r.out(), Object.class);
  }

  private static void exact(Object json, String path, double expected) {
    assertThat(JsonPath.number(json, path)).as(path).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  /** lsmeans.out, "ANCOVA lm(change ~ arm + baseline + site)" and "... + age + sex + site"; df exact. */
  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @CsvSource({
      "'--factor,site', equal, Placebo, -9.06659469193381, 0.951655439859413, 153, -10.9466759621421",
      "'--factor,site', equal, High, -17.8529186867127, 0.927022303633471, 153, -19.6843349715648",
      "'--factor,site', proportional, Placebo, -8.98623568697846, 0.949634833134518, 153, -10.8623250661106",
      "'--factor,site', proportional, Low, -13.1644856690615, 0.907308000470223, 153, -14.9569545675173",
      "'--covariate,age,--covariate,sex,--factor,site', equal, Low, -13.2140499730118, 0.902131367674475, 151, "
          + "-14.9964801584054",
      "'--covariate,age,--covariate,sex,--factor,site', proportional, High, -17.6272314432867, 0.916268322314927, "
          + "151, -19.437593408445"})
  void ancovaLsMeansMatchEmmeans(String terms, String weights, String arm, double est, double se, double df,
      double lo) throws IOException {
    String[] extra = terms.split(",");
    String[] args = new String[extra.length + 4];
    args[0] = "--control";
    args[1] = "Placebo";
    System.arraycopy(extra, 0, args, 2, extra.length);
    args[extra.length + 2] = "--lsmeans-weights";
    args[extra.length + 3] = weights;
    Object json = run(args);
    String p = "arms[arm=" + arm + "].ancova_lsmean.";
    exact(json, p + "estimate", est);
    exact(json, p + "se", se);
    exact(json, p + "ci_low", lo);
    assertThat(JsonPath.number(json, p + "df")).isEqualTo(df);
    assertThat(JsonPath.resolve(json, p + "weights")).isEqualTo(weights);
    // lsmeans.out "ANCOVA differences": the same under both weights
    if (terms.equals("--factor,site")) {
      exact(json, "comparisons[treatment=Low].ancova.estimate", -4.17824998208306);
    }
  }

  /**
   * lsmeans.out, "MMRM gls(change ~ arm * visit + baseline * visit + site)" at week18: equal weights; and
   * proportional as SAS OM, the observation counts of the sites (86 69 110 79 76 88) passed to emmeans
   * (emmeans' own "proportional" on gls counts observations with their varIdent weights; printed "for the
   * record", about 8e-4 away).
   */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
      "equal, Placebo, -8.95339344550262, 0.943576892455493, 161.66412738074",
      "equal, High, -17.716012986965, 0.916420762187457, 160.604989960479",
      "proportional, Placebo, -8.93136468831005, 0.942826909950298, 161.404421538946",
      "proportional, Low, -13.0434916573995, 0.910700430427034, 157.234330336466"})
  void mmrmLsMeansMatchGlsEmmeans(String weights, String arm, double est, double se, double df) throws IOException {
    Object json = run("--control", "Placebo", "--factor", "site", "--lsmeans-weights", weights);
    String p = "arms[arm=" + arm + "].mmrm_lsmean.";
    assertThat(JsonPath.number(json, p + "estimate")).isCloseTo(est, within(1e-5));
    assertThat(JsonPath.number(json, p + "se")).isCloseTo(se, within(1e-5));
    assertThat(JsonPath.number(json, p + "df")).isCloseTo(df, within(0.2));
    // the endpoint's LS mean is the visits[] one (one code path)
    assertThat(JsonPath.number(json, p + "estimate")).isEqualTo(
        JsonPath.number(json, "visits[visit=week18].arms[arm=" + arm + "].mmrm_lsmean.estimate"));
  }

  /** The same via {@code trialstat mmrm}: lsmeans[] at week18, proportional (lsmeans.out, site counts). */
  @Test
  void mmrmCommandTakesTheWeights() throws IOException {
    Object json = run("mmrm", "--control", "Placebo", "--baseline", "baseline", "--factor", "site",
        "--lsmeans-weights", "proportional");
    assertThat(JsonPath.resolve(json, "settings.lsmeans_weights")).isEqualTo("proportional");
    assertThat(JsonPath.number(json, "lsmeans[arm=High,visit=week18].estimate"))
        .isCloseTo(-17.6939842297724, within(1e-5));
  }

  /** lsmeans.out "quantile(type = 2 and 7)": min, q1, median, q3, max; exact. */
  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      "sas, Placebo, baseline, 29, 41, 44, 48.5, 56",
      "r7,  Placebo, baseline, 29, 41, 44, 48.25, 56",
      "sas, Placebo, change, -23, -15, -8.5, -3.5, 4",
      "r7,  Placebo, change, -23, -15, -8.5, -3.75, 4",
      "sas, High, baseline, 31, 40.5, 44.5, 49.5, 58",
      "r7,  High, baseline, 31, 40.75, 44.5, 49.25, 58",
      "sas, Low, endpoint, 13, 27, 33, 38.5, 50",
      "r7,  Low, endpoint, 13, 27, 33, 38.25, 50",
      "r7,  High, change, -34, -22.5, -18, -14, 1"})
  void quantilesMatchR(String type, String arm, String block, double min, double q1, double median, double q3,
      double max) throws IOException {
    Object json = run("--control", "Placebo", "--quantile-type", type);
    String p = "arms[arm=" + arm + "]." + block + ".";
    exact(json, p + "min", min);
    exact(json, p + "q1", q1);
    exact(json, p + "median", median);
    exact(json, p + "q3", q3);
    exact(json, p + "max", max);
    assertThat(JsonPath.resolve(json, "settings.quantile_type")).isEqualTo(type);
  }

  /**
   * lsmeans.out "MMRM gls(change ~ arm * visit + baseline * visit + age * visit)": -2 REML log-likelihood
   * 3103.73237598185 (gls at its tolerance: 1e-5), week18 contrasts and LS means (tolerances as above).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "Low, -4.0403611919325, 1.33706687220888, 163.383366273423",
      "High, -8.91042444713856, 1.3430440905573, 164.984941694525"})
  void covariateByVisitMatchesGls(String arm, double est, double se, double df) throws IOException {
    Object json = run("--control", "Placebo", "--covariate-by-visit", "age");
    assertThat(JsonPath.number(json, "mmrm_fit.minus2_reml_loglik")).isCloseTo(3103.73237598185, within(1e-5));
    assertThat(JsonPath.resolve(json, "mmrm_fit.model.formula"))
        .isEqualTo("change ~ arm * visit + baseline * visit + age * visit");
    String c = "comparisons[treatment=" + arm + "].mmrm.";
    assertThat(JsonPath.number(json, c + "estimate")).isCloseTo(est, within(1e-5));
    assertThat(JsonPath.number(json, c + "se")).isCloseTo(se, within(1e-5));
    assertThat(JsonPath.number(json, c + "df")).isCloseTo(df, within(0.2));
    assertThat(JsonPath.number(json, "arms[arm=Placebo].mmrm_lsmean.estimate"))
        .isCloseTo(-8.90644794688469, within(1e-5));
  }

  /** The same model through {@code trialstat mmrm --covariate-by-visit age} (lsmeans.out, as above). */
  @Test
  void mmrmCommandCovariateByVisit() throws IOException {
    Object json = run("mmrm", "--control", "Placebo", "--baseline", "baseline", "--covariate-by-visit", "age");
    assertThat(JsonPath.number(json, "fit.minus2_reml_loglik")).isCloseTo(3103.73237598185, within(1e-5));
    assertThat(JsonPath.number(json, "lsmeans[arm=Low,visit=week18].estimate"))
        .isCloseTo(-12.9468091388172, within(1e-5));
  }
}
