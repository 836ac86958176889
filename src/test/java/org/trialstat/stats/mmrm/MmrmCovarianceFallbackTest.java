package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceFit;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.Estimation;
import org.trialstat.model.MmrmResult;

/**
 * The fallback order of covariance structures and the estimability pre-check (issue 17; issue 16 item 8:
 * 16 visits x 20 participants took 23 s, 20 x 10 95 s, 50 to 3,000 visits ran out of memory, 10,000
 * visits threw NegativeArraySizeException, 1,000 arms x 3 participants ran out of memory). The
 * expected outcomes follow from the documented rules (Estimability), not from a reference program.
 */
class MmrmCovarianceFallbackTest {

  private static MmrmResult fit(MmrmInput in, CovarianceStructure... order) {
    return Mmrm.fit(in, DdfMethod.SATTERTHWAITE, 0.95, Convergence.OPTIMUM,
        new CovarianceSettings(List.of(order), false, Estimation.REML));
  }

  @Test
  void unstructuredNotEstimableFallsBackToTheNextStructure() {
    // 8 subjects, 4 visits: an unstructured matrix has 10 parameters, more than the subjects
    MmrmInput in = MmrmDataConditionsTest.synthetic(8, 4, 2, 3);
    MmrmResult r = fit(in, CovarianceStructure.UN, CovarianceStructure.TOEPH, CovarianceStructure.CS);
    assertThat(r.converged()).isTrue();
    CovarianceFit cov = r.covariance();
    // toeph has 2T - 1 = 7 parameters: estimable from 8 subjects, so it is used and cs is not tried
    assertThat(cov.structure()).isEqualTo("toeph");
    assertThat(cov.tried()).extracting(CovarianceFit.Attempt::structure).containsExactly("un", "toeph");
    assertThat(cov.tried()).extracting(CovarianceFit.Attempt::status).containsExactly("not_estimable", "fitted");
    assertThat(cov.tried().get(0).reason()).contains("10 parameters, more than the 8 subjects");
    assertThat(cov.names()).hasSize(7);
    assertThat(r.method()).startsWith("MMRM (heterogeneous Toeplitz covariance, REML; un not estimable: ");
    assertThat(r.comparisons()).allSatisfy(c -> assertThat(c.difference().reason()).isNull());
    assertThat(r.comparisons().get(0).difference().method()).isEqualTo("LS-mean difference, " + r.method());
  }

  @Test
  void visitsNeverObservedTogetherRuleOutOnlyTheUnstructuredMatrix() {
    MmrmInput in = MmrmDataConditionsTest.synthetic(40, 2, 2, 2);
    double[] y = in.y().clone();
    for (int i = 0; i < y.length; i++) {
      int s = Integer.parseInt(in.subject().get(i).substring(1));
      if (s % 3 == 0 && !in.visit().get(i).equals("v0") || s % 3 == 1 && !in.visit().get(i).equals("v1")) {
        y[i] = Double.NaN;
      }
    }
    // every subject S3k has v0 only, S3k+1 v1 only, S3k+2 both: observed together, so un is fitted
    MmrmResult both = fit(MmrmDataConditionsTest.withY(in, y), CovarianceStructure.UN, CovarianceStructure.AR1);
    assertThat(both.covariance().structure()).isEqualTo("un");
    for (int i = 0; i < y.length; i++) {
      int s = Integer.parseInt(in.subject().get(i).substring(1));
      if (s % 3 == 2 && !in.visit().get(i).equals("v0")) {
        y[i] = Double.NaN;
      }
    }
    MmrmResult r = fit(MmrmDataConditionsTest.withY(in, y), CovarianceStructure.UN, CovarianceStructure.AR1);
    assertThat(r.covariance().tried().get(0).reason()).contains("never observed in the same subject");
    // with no subject observed at both visits the correlation is not estimable either: AR1 fails to converge
    // or converges; either way the result says which
    assertThat(r.covariance().tried()).hasSizeBetween(2, 2);
  }

  @Test
  void allStructuresFailingGiveOneReasonNamingEach() {
    MmrmInput in = MmrmDataConditionsTest.synthetic(5, 6, 2, 3);
    MmrmResult r = fit(in, CovarianceStructure.UN, CovarianceStructure.ADH);
    assertThat(r.converged()).isFalse();
    assertThat(r.reason()).startsWith("no covariance structure could be fitted (un not estimable: ")
        .contains("; adh not estimable: ");
    assertThat(r.covariance().structure()).isNull();
    assertThat(r.lsmeans()).allSatisfy(l -> assertThat(l.estimate()).isNaN());
  }

  /**
   * Many visits or arms: answered at once with a reason, never an exception or minutes of work: refused
   * before the optimiser starts (no iteration; how long it takes is for the benchmarks, not a test).
   */
  @ParameterizedTest(name = "{0} visits x {1} subjects, {2} arms")
  @CsvSource({"16, 20, 2, more than the 20 subjects", "20, 10, 2, more than the 10 subjects",
      "50, 40, 2, more than the 40 subjects", "3000, 4, 2, too large to fit",
      "10000, 2, 2, too few observations", "4, 3000, 1000, too large to fit"})
  void limitsAreAnsweredAtOnce(int visits, int subjects, int arms, String reason) {
    MmrmResult r = Mmrm.fit(MmrmDataConditionsTest.synthetic(subjects, visits, arms, 11), DdfMethod.SATTERTHWAITE,
        0.95);
    assertThat(r.converged()).isFalse();
    assertThat(r.reason()).contains(reason);
    assertThat(r.iterations()).as("optimiser iterations").isZero();
  }

  @Test
  void aStructuredMatrixFitsWhereTheUnstructuredOneIsRefused() {
    MmrmInput in = MmrmDataConditionsTest.synthetic(20, 16, 2, 11);
    MmrmResult r = fit(in, CovarianceStructure.UN, CovarianceStructure.AR1);
    assertThat(r.covariance().structure()).isEqualTo("ar1");
    assertThat(r.covariance().tried().get(0).status()).as("un refused before fitting").isEqualTo("not_estimable");
    assertThat(r.converged()).isTrue();
    List<String> names = new ArrayList<>(r.covariance().names());
    assertThat(names).containsExactly("AR(1)", "Residual");
  }
}
