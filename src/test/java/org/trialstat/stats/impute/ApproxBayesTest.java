package org.trialstat.stats.impute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstat.Threads.onThreads;
import static org.assertj.core.api.Assertions.within;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.ARMS;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.VISITS;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.antidepressant;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.find;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialstat.model.ImputedEstimate;

/**
 * Approximate Bayesian multiple imputation on rbmi's {@code antidepressant_data} (read at ../shared/rbmi,
 * skipped when absent) under JR for every participant with monotone dropout, 500 imputations, seed 2026.
 *
 * <p>References. (a) rbmi vignette {@code quickstart}, section "Pool" (as.data.frame(poolObj)): Bayesian
 * MI ({@code method_bayes}, M = 150, the same imputation model and ANCOVA) under the same JR strategy;
 * approximate Bayesian and Bayesian MI target the same posterior (rbmi {@code stat_specs} section
 * 3.3.3), so they agree up to Monte Carlo error. rbmi's difference is PLACEBO - DRUG: signs flipped.
 * (b) rbmi vignette {@code CondMean_Inference} section 4.4: the information-anchored SE of the
 * conditional mean estimate, which Rubin's variance of reference-based MI approximates (Cro et al.
 * 2019; that vignette says so).
 *
 * <p>Tolerances from the Monte Carlo error. The between-imputation variance of the visit-7 difference is
 * B = 0.16 (lambda = (1 + 1/M) B / T = 0.127 from this run's Barnard-Rubin df 145 with nu_com = 169 and
 * T = 1.124^2); the MC SE of a pooled estimate is sqrt(B / M): 0.018 here (M = 500) and 0.033 for rbmi's
 * M = 150, combined 0.037, so estimates within 3 x 0.037 = 0.11. The MC SD of a Rubin SE is about
 * sqrt(2 / (M - 1)) B / (2 SE): 0.004 here, 0.008 for rbmi, combined 0.009; SEs within 0.035 (3 MC SD
 * plus 1% for the approximate-versus-full Bayesian posterior). At visit 4 no value is missing: every
 * imputation gives the same data, B = 0, and rbmi's numbers (8 significant digits) are matched to 1e-6.
 */
class ApproxBayesTest {

  static final int DRAWS = 500;
  static final long SEED = 2026;
  static final double EST_TOL = 0.11;
  static final double SE_TOL = 0.035;

  static List<ImputedEstimate> run(Strategy s, int draws, long seed) throws IOException {
    return ApproxBayes.run(antidepressant(s), VISITS, ARMS, "PLACEBO", 0.95, draws, seed, new double[] {0},
        Set.of("DRUG"));
  }

  @Test
  void jumpToReferenceAsRbmiQuickstartBayesianMi() throws IOException {
    List<ImputedEstimate> r = run(Strategy.JR, DRAWS, SEED);
    // quickstart: trt_4 -0.09180645 0.6826279 -1.43949684 1.2558839 8.931772e-01 (no missing value at visit 4)
    ImputedEstimate v4 = find(r, "difference", "DRUG", "4");
    assertThat(v4.estimate()).isCloseTo(0.09180645, within(1e-6));
    assertThat(v4.se()).isCloseTo(0.6826279, within(1e-6));
    assertThat(v4.lower()).isCloseTo(-1.2558839, within(1e-6));
    assertThat(v4.upper()).isCloseTo(1.43949684, within(1e-6));
    assertThat(v4.p()).isCloseTo(0.8931772, within(1e-6));
    // B = 0 at visit 4: df = nu_obs = 170 / 172 * 169 (rbmi rubin_df with lambda = 0)
    assertThat(v4.df()).isCloseTo(170.0 / 172 * 169, within(1e-9));
    // lsm_ref_4 (DRUG) -1.61581996 0.4862316; lsm_alt_4 (PLACEBO) -1.70762640 0.4749573
    assertThat(find(r, "ls_mean", "DRUG", "4").estimate()).isCloseTo(-1.61581996, within(1e-6));
    assertThat(find(r, "ls_mean", "PLACEBO", "4").se()).isCloseTo(0.4749573, within(1e-6));
    // trt_7 2.15599480 1.1134511; trt_6 1.94524941 0.9954232; trt_5 1.32918699 0.9210779
    check(find(r, "difference", "DRUG", "7"), -2.15599480, 1.1134511);
    check(find(r, "difference", "DRUG", "6"), -1.94524941, 0.9954232);
    check(find(r, "difference", "DRUG", "5"), -1.32918699, 0.9210779);
    // lsm_ref_7 (DRUG) -6.96537194 0.8241094; lsm_alt_7 (PLACEBO) -4.80937714 0.7835967
    check(find(r, "ls_mean", "DRUG", "7"), -6.96537194, 0.8241094);
    check(find(r, "ls_mean", "PLACEBO", "7"), -4.80937714, 0.7835967);
    // CondMean_Inference 4.4: information-anchored SE of trt_7 1.123, of trt_6 0.993
    assertThat(find(r, "difference", "DRUG", "7").se()).isCloseTo(1.123, within(SE_TOL));
    assertThat(find(r, "difference", "DRUG", "6").se()).isCloseTo(0.993, within(SE_TOL));
  }

  static void check(ImputedEstimate e, double est, double se) {
    assertThat(e.estimate()).as("estimate " + e).isCloseTo(est, within(EST_TOL));
    assertThat(e.se()).as("se " + e).isCloseTo(se, within(SE_TOL));
  }

  @Test
  void missingAtRandomAgreesWithTheConditionalMeanEstimate() throws IOException {
    // Under MAR, the MI estimate's expectation is the conditional mean imputation estimate (Wolbers et al.
    // 2022, section 3): CondMean_Inference does not print MAR, so the deterministic jackknife run (itself
    // pinned to rbmi's printed JR numbers by CondMeanJackknifeTest) is the reference; B is smaller under
    // MAR than under JR, so the JR tolerance of one run's MC error (3 sqrt(0.16 / 500) = 0.054) holds.
    List<ImputedEstimate> mi = run(Strategy.MAR, DRAWS, SEED);
    List<ImputedEstimate> cm = CondMeanJackknife.run(antidepressant(Strategy.MAR), VISITS, ARMS, "PLACEBO", 0.95,
        false, new double[] {0}, Set.of("DRUG"));
    for (String v : VISITS) {
      assertThat(find(mi, "difference", "DRUG", v).estimate()).as("visit " + v)
          .isCloseTo(find(cm, "difference", "DRUG", v).estimate(), within(0.054));
    }
  }

  @Test
  void sameSeedSameNumbersOnOneOrFourThreads() throws Exception {
    antidepressant(Strategy.JR); // skips here, on the test's thread, when ../shared/rbmi is absent
    List<ImputedEstimate> one = onThreads(1, () -> run(Strategy.JR, 40, 7));
    List<ImputedEstimate> four = onThreads(4, () -> run(Strategy.JR, 40, 7));
    assertThat(four).isEqualTo(one);
    List<ImputedEstimate> other = run(Strategy.JR, 40, 8);
    assertThat(find(other, "difference", "DRUG", "7").estimate())
        .isNotEqualTo(find(one, "difference", "DRUG", "7").estimate());
  }
}
