package org.trialstat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.trialstat.TestFiles;
import org.trialstat.report.JsonPath;

/**
 * The visits, covariance and row accounting of the MMRM inside {@code analyze} (issue 17; issue 16 item 17).
 *
 * <p>References: src/test/resources/visits/followup.R (R 4.2.2, nlme::gls corSymm + varIdent, REML,
 * emmeans Satterthwaite; output followup.out), which also writes mapp1_followup.csv (samples/mapp1_like.csv
 * plus a week24 follow-up after the week18 endpoint); src/test/resources/mmrm/r/direct_reml.out (the MMRM of
 * mapp1_like by a direct REML fit) and gls_structures.out ("mapp1_like ar1"). five_small.csv is a hand-made
 * file of 5 participants x 5 visits.
 */
class AnalyzeMmrmVisitsTest {

  private static final String FOLLOWUP = TestFiles.resource("visits/mapp1_followup.csv").toString();
  private static final String FIVE = TestFiles.resource("visits/five_small.csv").toString();

  private static Object json(String... args) throws IOException {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--format";
    all[args.length + 1] = "json";
    CliRun r = CliRun.of(all);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readValue(r.out(), Object.class);
  }

  private static int excluded(Object j, String reason) {
    List<?> list = (List<?>) JsonPath.resolve(j, "rows.excluded");
    return list.stream().map(e -> (Map<?, ?>) e).filter(e -> reason.equals(e.get("reason")))
        .mapToInt(e -> ((Number) e.get("count")).intValue()).sum();
  }

  /** Observations, -2 l_R (1e-9 relative), and the MDMA - Placebo endpoint contrast (relative tolerances). */
  private static void checkFit(Object j, int observations, double m2ll, double est, double estTol, double se,
      double seTol) {
    assertThat(JsonPath.number(j, "mmrm_fit.observations")).isEqualTo(observations);
    assertThat(JsonPath.number(j, "mmrm_fit.minus2_reml_loglik")).isCloseTo(m2ll, within(m2ll * 1e-9));
    String c = "comparisons[treatment=MDMA].mmrm.";
    assertThat(JsonPath.number(j, c + "estimate")).isCloseTo(est, within(Math.abs(est) * estTol));
    assertThat(JsonPath.number(j, c + "se")).isCloseTo(se, within(se * seTol));
  }

  @Test
  void followUpAfterTheEndpointIsNotModelledByDefault() throws IOException {
    Object j = json("analyze", "--endpoint", "week18", FOLLOWUP);
    // followup.out "default": 85 subjects, 249 observations (before this change: 330, the count)
    assertThat(JsonPath.number(j, "mmrm_fit.subjects")).isEqualTo(85);
    // direct_reml.out mapp1_like: -2 REML log-lik 1770.30424479565 (tol 1e-9 relative);
    // MDMA - Placebo week18 est -9.4604211184 se 2.3668994494 df 79.968974 (tol 1e-8 rel, df 2e-6 abs)
    checkFit(j, 249, 1770.30424479565, -9.4604211184, 1e-8, 2.3668994494, 1e-8);
    assertThat(JsonPath.number(j, "comparisons[treatment=MDMA].mmrm.df")).isCloseTo(79.968974, within(2e-6));
    // the 81 week24 rows (followup.R writes one per week18 completer) are counted, not used
    assertThat(excluded(j, "visit_not_modelled")).isEqualTo(81);
    assertThat((int) JsonPath.number(j, "rows.used") + 81 + excluded(j, "missing_score")
        + excluded(j, "visit_not_analysed")).isEqualTo((int) JsonPath.number(j, "rows.read"));
    assertThat((List<?>) JsonPath.resolve(j, "notes")).anySatisfy(n -> assertThat((String) n)
        .contains("over visits week6, week12, week18; estimate at week18"));
  }

  @Test
  void visitsOptionIncludesTheFollowUp() throws IOException {
    Object j = json("analyze", "--endpoint", "week18", "--visits", "week6,week12,week18,week24", FOLLOWUP);
    // followup.out "--visits week6,week12,week18,week24": 330 observations, -2 l_R 2186.93274315305,
    // MDMA - Placebo week18 -9.46042099646 SE 2.36689182378 df 81.3044509512. gls stops at its own tolerance,
    // on a flat likelihood (-2 l_R agrees to 1e-9): 1e-6 relative on the estimate, 1e-5 on the SE (as
    // AnalyzeCovariatesTest). emmeans' df is its numerical "appx-satterthwaite", not a reference: on the 3-visit
    // model it printed 79.61 and 79.86 in two runs, where the direct REML script gives 79.968974.
    checkFit(j, 330, 2186.93274315305, -9.46042099646, 1e-6, 2.36689182378, 1e-5);
    assertThat(excluded(j, "visit_not_modelled")).isZero();
  }

  @Test
  void visitsOptionLeavesAVisitOut() throws IOException {
    Object j = json("analyze", "--endpoint", "week18", "--visits", "week18,week6", FOLLOWUP);
    // followup.out "--visits week6,week18": 166 observations, -2 l_R 1206.66481391805,
    // week18 contrast -9.37493192501 SE 2.3780880912 (tol 1e-6 relative, gls tolerance)
    checkFit(j, 166, 1206.66481391805, -9.37493192501, 1e-6, 2.3780880912, 1e-6);
    // week12 (83 rows, 83 with a score) and week24 (81) are left out: hand count of the file
    assertThat(excluded(j, "visit_not_modelled")).isEqualTo(83 + 81);
  }

  @Test
  void covarianceOptionInAnalyze() throws IOException {
    Object j = json("analyze", "--covariance", "ar1", TestFiles.resource("oracles/mapp1_like.csv").toString());
    // gls_structures.out "mapp1_like ar1": m2ll 1777.9301463557, AR(1) 0.4379805387, Residual 91.3419313539,
    // MDMA week18 est -9.4599983498 se 2.1195990752 (gls tolerance: 1e-6 relative, parameters 1e-5)
    assertThat(JsonPath.resolve(j, "mmrm_fit.covariance")).isEqualTo("ar1");
    assertThat(JsonPath.resolve(j, "mmrm_fit.method")).isEqualTo(
        "MMRM (first-order autoregressive covariance, REML), Satterthwaite df");
    checkFit(j, 249, 1777.9301463557, -9.4599983498, 1e-6, 2.1195990752, 1e-6);
    assertThat(JsonPath.number(j, "mmrm_fit.covariance_parameters[name=AR(1)].estimate"))
        .isCloseTo(0.4379805387, within(0.438 * 1e-5));
  }

  @Test
  void rowsOfAFailedMmrmAreNotUsed() throws IOException {
    // 5 participants x 5 visits: un over 4 post-baseline visits (10 parameters) is not estimable
    Object j = json("analyze", FIVE);
    assertThat(JsonPath.resolve(j, "mmrm_fit.converged")).isEqualTo(false);
    // hand count: baseline and endpoint rows (10) are used by Welch, ANCOVA, ...; the 15 rows at week6,
    // week12, week18 only by the MMRM
    assertThat(JsonPath.number(j, "rows.used")).isEqualTo(10);
    assertThat(excluded(j, "model_not_estimable")).isEqualTo(15);
    assertThat(JsonPath.number(j, "rows.read")).isEqualTo(25);
  }

  @Test
  void fallbackListInAnalyze() throws IOException {
    Object j = json("analyze", "--endpoint", "week18", "--covariance", "un,cs", FIVE);
    assertThat(JsonPath.resolve(j, "mmrm_fit.covariance")).isEqualTo("cs");
    assertThat(JsonPath.resolve(j, "mmrm_fit.tried[structure=un].status")).isEqualTo("not_estimable");
    assertThat(JsonPath.resolve(j, "mmrm_fit.method")).asString().contains("un not estimable");
    // hand count: 10 baseline/endpoint rows, 10 at week6 and week12, 5 week24 rows after the endpoint
    assertThat(JsonPath.number(j, "rows.used")).isEqualTo(20);
    assertThat(excluded(j, "visit_not_modelled")).isEqualTo(5);
    assertThat(excluded(j, "model_not_estimable")).isZero();
  }

  @Test
  void visitsMustIncludeTheEndpoint() {
    CliRun r = CliRun.of("analyze", "--endpoint", "week18", "--visits", "week6,week12", FOLLOWUP);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--visits").contains("week18");
    CliRun unknown = CliRun.of("analyze", "--visits", "week6,week99", FOLLOWUP);
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no visit 'week99'").contains("visits present");
    CliRun baseline = CliRun.of("mmrm", "--baseline", "baseline", "--visits", "baseline,week6", FOLLOWUP);
    assertThat(baseline.code()).isEqualTo(2);
    assertThat(baseline.err()).contains("not after the baseline");
  }

  @Test
  @SuppressWarnings("unchecked")
  void mmrmCommandVisits() throws IOException {
    Object all = json("mmrm", "--baseline", "baseline", FOLLOWUP);
    // followup.out: every post-baseline visit, 330 observations, -2 l_R 2186.93274315305 (1e-9 relative)
    assertThat(JsonPath.number(all, "fit.observations")).isEqualTo(330);
    assertThat(JsonPath.number(all, "fit.minus2_reml_loglik")).isCloseTo(2186.93274315305, within(2186.9 * 1e-9));
    Object some = json("mmrm", "--baseline", "baseline", "--visits", "week6,week12,week18", FOLLOWUP);
    // followup.out "default": 249 observations, 1770.30424488817 (gls; tol 1e-9 relative)
    assertThat(JsonPath.number(some, "fit.observations")).isEqualTo(249);
    assertThat(JsonPath.number(some, "fit.minus2_reml_loglik")).isCloseTo(1770.30424488817, within(1770.3 * 1e-9));
    assertThat(excluded(some, "visit_not_modelled")).isEqualTo(81);
    assertThat((List<Object>) JsonPath.resolve(some, "settings.visits")).containsExactly("week6", "week12", "week18");
  }
}
