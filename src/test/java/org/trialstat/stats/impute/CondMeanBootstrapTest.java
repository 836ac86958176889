package org.trialstat.stats.impute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trialstat.Threads.onThreads;
import static org.assertj.core.api.Assertions.within;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.ARMS;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.TOL;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.VISITS;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.antidepressant;
import static org.trialstat.stats.impute.CondMeanJackknifeTest.find;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.trialstat.model.BootstrapInterval;
import org.trialstat.model.ImputedEstimate;

/**
 * Conditional mean imputation with the bootstrap on rbmi's {@code antidepressant_data} (../shared/rbmi,
 * skipped when absent), JR for every participant with monotone dropout, B = 300, seed 2026.
 *
 * <p>References: rbmi vignette {@code CondMean_Inference} section 3.4 (conditional mean imputation under
 * JR; the vignette uses the jackknife and says the bootstrap could have been selected). The point estimate
 * is the original data's conditional mean estimate, the same for both resampling methods: trt_7 2.126,
 * trt_6 1.929 (PLACEBO - DRUG), to rbmi's 3 decimals. The bootstrap and jackknife SEs estimate the same
 * frequentist SE (Wolbers et al. 2022, section 4): the jackknife's 0.858 (trt_7) and 0.862 (trt_6). With
 * B = 300 the Monte Carlo relative SD of a bootstrap SD is 1 / sqrt(2 (B - 1)) = 4.1%; the normal SE is
 * within 3 x 4.1% + 3% (the bootstrap-jackknife difference, 2% at B = 1,000 in a trial run) = 15%. The
 * percentile limits' MC SD is sqrt(0.025 x 0.975 / B) / f(q) = 0.13 at the 2.5% point of N(0, 0.858^2); they
 * are within 3 x 0.13 = 0.4 of the jackknife's normal limits 0.444 and 3.807 (trt_7).
 */
class CondMeanBootstrapTest {

  static List<ImputedEstimate> run(BootstrapInterval type, int b, long seed) throws IOException {
    return CondMeanBootstrap.run(antidepressant(Strategy.JR), VISITS, ARMS, "PLACEBO", 0.95, b, seed, type,
        new double[] {0}, Set.of("DRUG"));
  }

  @Test
  void normalBootstrapAgainstRbmiCondMeanInference() throws IOException {
    List<ImputedEstimate> r = run(BootstrapInterval.NORMAL, 300, 2026);
    ImputedEstimate v7 = find(r, "difference", "DRUG", "7");
    assertThat(v7.estimate()).isCloseTo(-2.126, within(TOL));
    assertThat(v7.se()).isCloseTo(0.858, within(0.15 * 0.858));
    ImputedEstimate v6 = find(r, "difference", "DRUG", "6");
    assertThat(v6.estimate()).isCloseTo(-1.929, within(TOL));
    assertThat(v6.se()).isCloseTo(0.862, within(0.15 * 0.862));
    // lsm_ref_7 (DRUG) -6.965, lsm_alt_7 (PLACEBO) -4.839: the original data's LS means
    assertThat(find(r, "ls_mean", "DRUG", "7").estimate()).isCloseTo(-6.965, within(TOL));
    assertThat(find(r, "ls_mean", "PLACEBO", "7").estimate()).isCloseTo(-4.839, within(TOL));
  }

  @Test
  void percentileBootstrapAgainstRbmiCondMeanInference() throws IOException {
    ImputedEstimate v7 = find(run(BootstrapInterval.PERCENTILE, 300, 2026), "difference", "DRUG", "7");
    assertThat(v7.estimate()).isCloseTo(-2.126, within(TOL));
    assertThat(v7.lower()).isCloseTo(-3.807, within(0.4));
    assertThat(v7.upper()).isCloseTo(-0.444, within(0.4));
    assertThat(v7.se()).isNaN();
  }

  @Test
  void sameSeedSameNumbersOnOneOrFourThreads() throws Exception {
    antidepressant(Strategy.JR); // skips here, on the test's thread, when ../shared/rbmi is absent
    List<ImputedEstimate> one = onThreads(1, () -> run(BootstrapInterval.PERCENTILE, 30, 5));
    List<ImputedEstimate> four = onThreads(4, () -> run(BootstrapInterval.PERCENTILE, 30, 5));
    assertThat(four).isEqualTo(one);
  }
}
