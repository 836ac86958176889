package org.trialstat.stats.mmrm;

import org.trialstat.model.DdfMethod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Difference;
import org.trialstat.model.LsMean;
import org.trialstat.model.MmrmResult;

/**
 * The CAPS oracle trials (src/test/resources/oracles): change from baseline ~ arm * visit + baseline *
 * visit over every post-baseline visit of participants with a baseline score, unstructured covariance,
 * REML, Satterthwaite df.
 *
 * <p>References: (1) {@code NAME.expected.json}, {@code comparisons[...].mmrm.estimate/se} at the
 * endpoint: R 4.2.2, nlme 3.1-162 {@code gls(change ~ arm * visit + baseline * visit, correlation =
 * corSymm, weights = varIdent, method = "REML")}, tol 1e-4 relative as the oracle states. (2) A direct
 * REML fit in R 4.2.2 (src/test/resources/mmrm/r/direct_reml.R and .out: dense algebra, nlminb + Newton
 * polish, numDeriv Satterthwaite df), every visit, LS means and df. (3) dose_response_caps4 has complete
 * data (28 participants at both visits), where the unstructured MMRM equals separate OLS fits per visit
 * (Zellner's seemingly unrelated regressions with identical regressors): R 4.2.2 {@code lm(change ~ arm
 * + baseline)} per visit gives estimate, SE, CI and exactly N - 4 = 24 df (r/complete_data_lm.out).
 */
class MmrmOracleTest {

  private static final Map<String, MmrmResult> FITS = new HashMap<>();

  private static MmrmResult fit(String name) {
    return FITS.computeIfAbsent(name, n -> Mmrm.fit(
        MmrmData.caps("/oracles/" + n + ".csv", n.equals("mapp1_like") ? "Placebo" : "40 mg"),
        DdfMethod.SATTERTHWAITE, 0.95));
  }

  private static Difference contrast(String name, String treatment, String visit) {
    return fit(name).comparisons().stream()
        .filter(c -> c.treatment().equals(treatment) && c.visit().equals(visit)).findFirst().orElseThrow()
        .difference();
  }

  @ParameterizedTest(name = "{0}: {1} - control at {2} (oracle gls)")
  @CsvSource(delimiter = '|', value = {
      // NAME.expected.json: comparisons[treatment=T,control=C].mmrm.estimate and .se (nlme::gls), tol 1e-4
      "mapp1_like          | MDMA   | week18 | -9.46042681429379 | 2.36689842408448",
      "dose_response_caps4 | 125 mg | week8  | -4.28063480023232 | 11.4983063455148",
      "dose_response_caps4 | 100 mg | week8  |  2.48503730614745 | 12.2971406562207"})
  void oracleGls(String name, String treatment, String visit, double est, double se) {
    Difference d = contrast(name, treatment, visit);
    assertThat(fit(name).converged()).isTrue();
    assertThat(d.estimate()).isCloseTo(est, within(Math.abs(est) * 1e-4));
    assertThat(d.se()).isCloseTo(se, within(se * 1e-4));
  }

  @ParameterizedTest(name = "{0}: {1} - control at {2} (direct R)")
  @CsvSource(delimiter = '|', value = {
      // R 4.2.2 direct REML (direct_reml.out): estimate, SE, Satterthwaite df; tol 1e-8 rel, df 2e-6 abs
      "mapp1_like          | MDMA   | week6  | -4.5039385731 | 1.9313108394  | 82.000000",
      "mapp1_like          | MDMA   | week12 | -4.2679232176 | 1.9485035537  | 80.605509",
      "mapp1_like          | MDMA   | week18 | -9.4604211184 | 2.3668994494  | 79.968974",
      "dose_response_caps4 | 125 mg | week4  |  3.6213164559 | 7.1953814841  | 24.000000",
      "dose_response_caps4 | 100 mg | week4  |  2.7243692950 | 7.6952740279  | 24.000000",
      "dose_response_caps4 | 125 mg | week8  | -4.2806348002 | 11.4983151803 | 24.000000",
      "dose_response_caps4 | 100 mg | week8  |  2.4850373061 | 12.2971501048 | 24.000000"})
  void directR(String name, String treatment, String visit, double est, double se, double df) {
    Difference d = contrast(name, treatment, visit);
    assertThat(d.estimate()).isCloseTo(est, within(Math.abs(est) * 1e-8 + 1e-10));
    assertThat(d.se()).isCloseTo(se, within(se * 1e-8));
    assertThat(d.df()).isCloseTo(df, within(2e-6));
  }

  @ParameterizedTest(name = "{0} at {1} (per-visit lm)")
  @CsvSource(delimiter = '|', value = {
      // R 4.2.2 lm(change ~ arm + baseline, data = visit subset), complete_data_lm.out: coefficient,
      // Std. Error, t value, Pr(>|t|), confint 2.5 %, 97.5 %; df.residual 24. tol 1e-10 relative
      "125 mg | week4 |  3.62131645589624 |  7.19538148407762 |  0.503283455353925 | 0.619352974893911 | -11.2292210394565 | 18.4718539512490",
      "100 mg | week4 |  2.72436929499148 |  7.69527402784706 |  0.354031485445839 | 0.726406753627397 | -13.1578957024156 | 18.6066342923985",
      "125 mg | week8 | -4.28063480023232 | 11.4983151802704  | -0.372283654876439 | 0.712948865195719 | -28.0119909619381 | 19.4507213614735",
      "100 mg | week8 |  2.48503730614744 | 12.2971501047630  |  0.202082375589197 | 0.841555517794125 | -22.8950331071968 | 27.8651077194916"})
  void completeDataEqualsPerVisitOls(String treatment, String visit, double est, double se, double t, double p,
      double lo, double hi) {
    Difference d = contrast("dose_response_caps4", treatment, visit);
    double tol = 1e-10;
    assertThat(d.estimate()).isCloseTo(est, within(Math.abs(est) * tol));
    assertThat(d.se()).isCloseTo(se, within(se * tol));
    assertThat(d.t()).isCloseTo(t, within(Math.abs(t) * tol));
    assertThat(d.df()).isCloseTo(24, within(24 * tol));
    assertThat(d.p()).isCloseTo(p, within(p * 1e-9));
    assertThat(d.ciLow()).isCloseTo(lo, within(Math.abs(lo) * tol));
    assertThat(d.ciHigh()).isCloseTo(hi, within(Math.abs(hi) * tol));
  }

  @ParameterizedTest(name = "{0}: LS mean {1} at {2}")
  @CsvSource(delimiter = '|', value = {
      // R 4.2.2 direct REML (direct_reml.out), baseline at its mean over the observations used
      // (mapp1_like 43.2369477911647, dose_response_caps4 89.6071428571429; gls_emmeans.out):
      // estimate, SE, df; tol 1e-8 relative, df 2e-6 absolute
      "mapp1_like          | Placebo | week6  | -4.8803777922  | 1.3573062335 | 82.000000",
      "mapp1_like          | MDMA    | week6  | -9.3843163653  | 1.3733664280 | 82.000000",
      "mapp1_like          | Placebo | week12 | -11.3709844127 | 1.3543977009 | 80.253126",
      "mapp1_like          | MDMA    | week12 | -15.6389076303 | 1.4005246723 | 80.929154",
      "mapp1_like          | Placebo | week18 | -13.3988983331 | 1.6442565875 | 79.653601",
      "mapp1_like          | MDMA    | week18 | -22.8593194515 | 1.7024207853 | 80.268213",
      "dose_response_caps4 | 40 mg   | week4  | -23.1284441993 | 5.9545647323 | 24.000000",
      "dose_response_caps4 | 125 mg  | week4  | -19.5071277434 | 4.0418492718 | 24.000000",
      "dose_response_caps4 | 100 mg  | week4  | -20.4040749044 | 4.8627090874 | 24.000000",
      "dose_response_caps4 | 40 mg   | week8  | -24.6684672626 | 9.5154735305 | 24.000000",
      "dose_response_caps4 | 125 mg  | week8  | -28.9491020628 | 6.4589288199 | 24.000000",
      "dose_response_caps4 | 100 mg  | week8  | -22.1834299564 | 7.7706737080 | 24.000000"})
  void lsMeans(String name, String arm, String visit, double est, double se, double df) {
    LsMean m = fit(name).lsmeans().stream().filter(l -> l.arm().equals(arm) && l.visit().equals(visit))
        .findFirst().orElseThrow();
    assertThat(m.estimate()).isCloseTo(est, within(Math.abs(est) * 1e-8));
    assertThat(m.se()).isCloseTo(se, within(se * 1e-8));
    assertThat(m.df()).isCloseTo(df, within(2e-6));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // R 4.2.2 direct REML -2 log-lik (direct_reml.out), tol 1e-11 relative; nlme 3.1-162 gls
      // -2 * logLik (gls_emmeans.out: 1770.30424488817, 442.019899690109), tol 1e-9 relative
      "mapp1_like          | 1770.30424479565 | 1770.30424488817 | 85 | 249",
      "dose_response_caps4 | 442.019899689906 | 442.019899690109 | 28 | 56"})
  void minus2RemlLogLikAndCounts(String name, double direct, double gls, int subjects, int obs) {
    MmrmResult r = fit(name);
    assertThat(r.minus2RemlLogLik()).isCloseTo(direct, within(direct * 1e-11));
    assertThat(r.minus2RemlLogLik()).isCloseTo(gls, within(gls * 1e-9));
    // R: length(unique(p$participant_id)), nrow(p) in gls_emmeans.R; exact
    assertThat(r.subjects()).isEqualTo(subjects);
    assertThat(r.observations()).isEqualTo(obs);
  }
}
