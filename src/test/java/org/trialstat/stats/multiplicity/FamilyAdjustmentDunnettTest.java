package org.trialstat.stats.multiplicity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.model.Adjusted;
import org.trialstat.model.Difference;
import org.trialstat.model.Multiplicity;

/**
 * {@link FamilyAdjustment#dunnettOwnDf}: Dunnett's single-step adjustment of contrasts whose df differ,
 * as R emmeans 1.8.4.1 {@code adjust = "mvt"}, on the MMRM family of samples/three_arm_sites.csv (Low -
 * Placebo and High - Placebo at week18). Inputs and references: src/test/resources/sap/make_mmrm_dunnett.R
 * and its output make_mmrm_dunnett.out (R 4.2.2, nlme 3.1.162, emmeans 1.8.4.1, mvtnorm 1.1.3): the
 * estimates, SEs and covariance L V L' of section 2 are the inputs.
 */
class FamilyAdjustmentDunnettTest {
  /** make_mmrm_dunnett.out section 2: estimate, SE; covariance of the contrasts. */
  private static final double[] EST = {-4.11212696908949, -8.76261954146237};
  private static final double[] SE = {1.31036978871365, 1.31605118621600};
  private static final double[][] COV = {{1.717068983173447, 0.886616848966284},
      {0.886616848966284, 1.731990724740529}};

  private static List<Difference> family(double df1, double df2) {
    return List.of(difference(0, df1), difference(1, df2));
  }

  private static Difference difference(int i, double df) {
    double t = EST[i] / SE[i];
    double p = 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    return new Difference("LS-mean difference", EST[i], SE[i], Double.NaN, Double.NaN, 0.95, t, df, p, null);
  }

  /**
   * Each contrast on its own df. Integer df 159 and 162 (emmeans' rounding of the Satterthwaite df
   * 158.87, 161.80) are emmeans' own computation: p from section 2 (mvtnorm pmvt, abseps 1e-7; in two
   * dimensions mvtnorm is exact, and 4b's direct integration agrees to 1e-15), simultaneous CI from
   * section 4b (direct integration, quantile by uniroot at tol 1e-12); mvtnorm's qmvt (section 2) gives
   * 2.230304 and 2.229935, 8e-5 above the exact quantiles 2.230221 and 2.229853, because qmvt stops its
   * uniroot at about 1e-4. The df as they are (158.873708736139, 161.799856608894), which trialstat uses
   * and mvtnorm cannot: section 4a (direct integration of the bivariate t). p within 1e-6 (the lattice
   * rule's error), CI limits within 1e-5.
   */
  @ParameterizedTest(name = "df {0}, {1}")
  @CsvSource({
      "159, 162, 3.92345796539884e-03, 8.18147660730517e-10, -7.03454120944696, -1.18971272873201, "
          + "-11.69721986960431, -5.82801921332043",
      "158.873708736139, 161.799856608894, 3.92397119857446e-03, 8.20472023654872e-10, -7.03456192818891, "
          + "-1.18969200999006, -11.69725164103538, -5.82798744188936"})
  void eachContrastOnItsOwnDfMatchesR(double df1, double df2, double p1, double p2, double lo1, double hi1,
      double lo2, double hi2) {
    List<Adjusted> a = FamilyAdjustment.dunnettOwnDf(family(df1, df2), COV);
    assertThat(a.get(0).p()).isCloseTo(p1, within(1e-6));
    assertThat(a.get(1).p()).isCloseTo(p2, within(1e-6));
    assertThat(a.get(0).ciLow()).isCloseTo(lo1, within(1e-5));
    assertThat(a.get(0).ciHigh()).isCloseTo(hi1, within(1e-5));
    assertThat(a.get(1).ciLow()).isCloseTo(lo2, within(1e-5));
    assertThat(a.get(1).ciHigh()).isCloseTo(hi2, within(1e-5));
    assertThat(a).allSatisfy(x -> {
      assertThat(x.adjustment()).isEqualTo(Multiplicity.DUNNETT);
      assertThat(x.family()).isEqualTo(2);
      assertThat(x.simultaneous()).isTrue();
      assertThat(x.method()).contains("own df").contains("emmeans adjust = \"mvt\"");
    });
  }

  /**
   * One df for the family is the multcomp form ({@link FamilyAdjustment#dunnett}): at df 159 the p of
   * High - Placebo is multcomp's glht(df = 159), section 3: 8.54256221316518e-10 (within 1e-6), not
   * emmeans' 8.18e-10 on its own 162 df; Low - Placebo, on 159 df in both, is the same; one quantile
   * serves both intervals.
   */
  @Test
  void oneDfForTheFamilyIsMultcomp() {
    List<Adjusted> a = FamilyAdjustment.dunnett(family(159, 162), COV, 159);
    assertThat(a.get(0).p()).isCloseTo(3.92345796539884e-03, within(1e-6));
    assertThat(a.get(1).p()).isCloseTo(8.54256221316518e-10, within(1e-6));
    assertThat(a.get(1).ciHigh() - EST[1]).isCloseTo((a.get(0).ciHigh() - EST[0]) * SE[1] / SE[0], within(1e-12));
  }

  @Test
  void aContrastWithoutDfOrCovarianceIsNotComputed() {
    List<Adjusted> noDf = FamilyAdjustment.dunnettOwnDf(family(159, Double.NaN), COV);
    List<Adjusted> noCov = FamilyAdjustment.dunnettOwnDf(family(159, 162), null);
    for (List<Adjusted> a : List.of(noDf, noCov)) {
      assertThat(a).hasSize(2).allSatisfy(x -> {
        assertThat(x.p()).isNaN();
        assertThat(x.simultaneous()).isFalse();
        assertThat(x.method()).contains("not computed");
      });
    }
  }
}
