package org.trialstat.stats.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The term layer against R's {@code model.matrix}: src/test/resources/design/make_model_matrix.R and its
 * printed output make_model_matrix.out (R 4.2.2), on a small synthetic data set of ours. Exact
 * comparison (the coding is 0/1 indicators and copies of the baseline values).
 */
class DesignMatrixTest {

  private static final List<String> ARMS = List.of("Placebo", "MDMA", "Low");
  private static final List<String> VISITS = List.of("week2", "week8", "week12");
  private static final int[] ARM = {0, 1, 2, 1, 0, 2};
  private static final int[] VISIT = {0, 0, 1, 2, 2, 1};
  private static final double[] BASELINE = {40.5, 38, 44.25, 39, 41, 37.5};
  private static final List<String> SITE = List.of("B", "A", "C", "A", "B", "C");
  private static final int[] ROWS = {0, 1, 2, 3, 4, 5};

  /** make_model_matrix.out: the column names of model.matrix(~ visit * arm + visit * baseline + site). */
  private static final List<String> R_NAMES = List.of("(Intercept)", "visitweek8", "visitweek12", "armMDMA",
      "armLow", "baseline", "siteB", "siteC", "visitweek8:armMDMA", "visitweek12:armMDMA", "visitweek8:armLow",
      "visitweek12:armLow", "visitweek8:baseline", "visitweek12:baseline");
  /** make_model_matrix.out: the rows. */
  private static final double[][] R_ROWS = {
      {1, 0, 0, 0, 0, 40.5, 1, 0, 0, 0, 0, 0, 0, 0},
      {1, 0, 0, 1, 0, 38, 0, 0, 0, 0, 0, 0, 0, 0},
      {1, 1, 0, 0, 1, 44.25, 0, 1, 0, 0, 1, 0, 44.25, 0},
      {1, 0, 1, 1, 0, 39, 0, 0, 0, 1, 0, 0, 0, 39},
      {1, 0, 1, 0, 0, 41, 1, 0, 0, 0, 0, 0, 0, 41},
      {1, 1, 0, 0, 1, 37.5, 0, 1, 0, 0, 1, 0, 37.5, 0}};

  private final Factor arm = Factor.of("arm", ARMS, 0, ARM);
  private final Factor visit = Factor.of("visit", VISITS, 0, VISIT);
  private final Numeric baseline = new Numeric("baseline", BASELINE);
  private final Factor site = Factor.sorted("site", SITE, ROWS);

  @Test
  void namesAndCodingMatchModelMatrixInRTermOrder() {
    DesignMatrix x = DesignMatrix.of(List.of(new Intercept(), visit, arm, baseline, site,
        new Interaction(visit, arm), new Interaction(visit, baseline)), ROWS);
    assertThat(x.names()).isEqualTo(R_NAMES);
    assertThat(x.matrix()).isDeepEqualTo(R_ROWS);
  }

  @Test
  void theMmrmOrderHasTheSameColumnsUnderTheSameNames() {
    DesignMatrix x = DesignMatrix.of(List.of(new Intercept(), arm, visit, new Interaction(visit, arm), baseline,
        new Interaction(visit, baseline), site), ROWS);
    assertThat(x.names()).containsExactlyInAnyOrderElementsOf(R_NAMES);
    double[][] m = x.matrix();
    for (int j = 0; j < R_NAMES.size(); j++) {
      int col = x.column(R_NAMES.get(j));
      for (int r = 0; r < ROWS.length; r++) {
        assertThat(m[r][col]).as("%s row %d", R_NAMES.get(j), r + 1).isEqualTo(R_ROWS[r][j]);
      }
    }
    assertThat(x.labels()).contains("arm MDMA x visit week8", "baseline x visit week12", "site C");
  }

  @Test
  void referencePointWeighsUnnamedFactorsEquallyAndNumericsAtTheirMean() {
    DesignMatrix x = DesignMatrix.of(List.of(new Intercept(), arm, visit, new Interaction(visit, arm), baseline,
        site), ROWS);
    double[] l = x.at(Map.of(arm, 1, visit, 2));
    // mean(baseline) = 240.25 / 6; site levels A, B, C at 1/3 each (emmeans' default weights)
    double mean = (40.5 + 38 + 44.25 + 39 + 41 + 37.5) / 6;
    assertThat(l[x.column("(Intercept)")]).isEqualTo(1);
    assertThat(l[x.column("armMDMA")]).isEqualTo(1);
    assertThat(l[x.column("armLow")]).isEqualTo(0);
    assertThat(l[x.column("visitweek12")]).isEqualTo(1);
    assertThat(l[x.column("visitweek12:armMDMA")]).isEqualTo(1);
    assertThat(l[x.column("visitweek8:armMDMA")]).isEqualTo(0);
    assertThat(l[x.column("baseline")]).isEqualTo(mean);
    assertThat(l[x.column("siteB")]).isEqualTo(1.0 / 3);
  }

  @Test
  void firstAliasedColumnIsNamedInWords() {
    double[] twice = {81, 76, 88.5, 78, 82, 75};
    Numeric b2 = new Numeric("baseline2", twice);
    DesignMatrix x = DesignMatrix.of(List.of(new Intercept(), baseline, b2), ROWS);
    double[][] m = x.matrix();
    double[] xtx = new double[9];
    for (double[] row : m) {
      for (int i = 0; i < 3; i++) {
        for (int j = 0; j < 3; j++) {
          xtx[i * 3 + j] += row[i] * row[j];
        }
      }
    }
    assertThat(x.firstAliased(xtx)).isEqualTo("baseline2");
    assertThat(DesignMatrix.of(List.of(new Intercept(), baseline), ROWS).firstAliased(new double[] {6, 240.25,
        240.25, 9643.8125})).isNull();
  }
}
