package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.TestFiles;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Factor;
import org.trialstat.stats.design.Intercept;
import org.trialstat.stats.linalg.Dense;

/**
 * Fixed effects, model-based SEs and Satterthwaite df of a structured covariance against SAS PROC MIXED:
 * ../shared/oracles/mmrm_fev/sas/sas_coef_ci_reml_ar1.txt ({@code MODEL FEV1 = ARMCD SEX /
 * ddfm=satterthwaite solution; REPEATED AVISIT / SUBJECT=USUBJID TYPE=AR(1)}, REML; ARMCD reference PBO,
 * SEX reference Male), "Solution for Fixed Effects" and "Covariance Parameter Estimates". Tolerances:
 * half a unit of the last printed digit (estimate, SE: 5e-5) and of the printed integer df (0.5); for
 * the covariance parameters also SAS's stopping distance sqrt(e) SE, e = 1e-8 |-2 l| / 2 (see
 * CovarianceStructureSasTest; SAS -2 Res Log Like 3853.30169736). The df is 2 (l' C l)^2 / (g' A g)
 * with A = 2 H^-1 in SAS's parameters (rho, sigma^2).
 */
class StructuredFixedEffectsSasTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"(Intercept), 40.1643, 0.8377, 190", "ARMCDTRT, 4.2211, 0.9629, 187", "SEXFemale, 0.2364, 0.9646, 188"})
  void ar1FixedEffectsMatchSas(String column, double estimate, double se, double df) {
    TestFiles.assumeShared(TestFiles.shared("oracles", "mmrm_fev", "sas", "sas_coef_ci_reml_ar1.txt"));
    check(fit(CovarianceStructure.AR1), new double[] {0.3931, 84.6947}, 3853.30169736, 0, column, estimate, se, df);
  }

  /**
   * UN: sas_coef_ci_reml_un.txt (SAS stopped at criterion 0.00000001 printed, so e is up to 1.5e-8 |f| / 2
   * and the fixed effects move with the covariance parameters: tolerance for them also sqrt(e) times
   * their SE, the same first-order bound).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"(Intercept), 41.0762, 0.5504, 156", "ARMCDTRT, 3.8265, 0.6421, 161", "SEXFemale, -0.1404, 0.6434, 161"})
  void unFixedEffectsMatchSas(String column, double estimate, double se, double df) {
    TestFiles.assumeShared(TestFiles.shared("oracles", "mmrm_fev", "sas", "sas_coef_ci_reml_un.txt"));
    check(fit(CovarianceStructure.UN), new double[] {108.64, 45.5282, 40.1475, -2.4314, 0.8698, 24.7713, -46.7566,
        -13.0626, 18.9219, 152.49}, 3666.96698281, 1.5e-8, column, estimate, se, df);
  }

  private static DesignMatrix design;

  static StructuredFit.Result fit(CovarianceStructure structure) {
    return fit(structure, true);
  }

  /** The subjects by missingness pattern of the last {@link #fit(CovarianceStructure, boolean)}. */
  static List<Pattern> patterns;

  /** FEV1 = ARMCD [SEX], REPEATED AVISIT / TYPE=structure, REML. */
  static StructuredFit.Result fit(CovarianceStructure structure, boolean withSex) {
    return fit(structure, withSex, false);
  }

  /** FEV1 = ARMCD [SEX], REPEATED AVISIT / TYPE=structure [GROUP=ARMCD, PBO first], REML. */
  static StructuredFit.Result fit(CovarianceStructure structure, boolean withSex, boolean byArm) {
    List<String[]> rows = MmrmData.fevRows();
    List<String> visits = List.of("VIS1", "VIS2", "VIS3", "VIS4");
    int n = rows.size();
    int[] visit = new int[n];
    int[] arm = new int[n];
    int[] sex = new int[n];
    double[] y = new double[n];
    List<Integer> used = new ArrayList<>();
    Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String[] f = rows.get(i);
      if (f[6].isEmpty()) {
        continue;
      }
      visit[i] = visits.indexOf(f[1]);
      arm[i] = f[2].equals("PBO") ? 0 : 1;
      sex[i] = f[4].equals("Male") ? 0 : 1;
      y[i] = Double.parseDouble(f[6]);
      used.add(i);
      bySubject.computeIfAbsent(f[0], k -> new ArrayList<>()).add(i);
    }
    var terms = new ArrayList<>(List.of(new Intercept(), Factor.of("ARMCD", List.of("PBO", "TRT"), 0, arm)));
    if (withSex) {
      terms.add(Factor.of("SEX", List.of("Male", "Female"), 0, sex));
    }
    DesignMatrix x = design = DesignMatrix.of(List.copyOf(terms), used.stream().mapToInt(Integer::intValue).toArray());
    patterns = Patterns.of(bySubject, visit, byArm ? arm : null, x, y);
    StructuredFit fit = new StructuredFit(patterns, 4, byArm ? 2 : 1, terms.size(), used.size(), structure, false);
    StructuredFit.Result r = fit.run();
    assertThat(fit.reason).isNull();
    return r;
  }

  /** fixedSlack: the relative stopping criterion whose sqrt(e) SE is allowed on the fixed effects (0: none). */
  private static void check(StructuredFit.Result r, double[] sasTheta, double sasM2ll, double fixedSlack,
      String column, double estimate, double se, double df) {
    int q = sasTheta.length;
    double e = 1e-8 * sasM2ll / 2;
    double[] inv = new double[q * q];
    Dense.inverseFromCholesky(r.hessianCholesky, q, inv);
    for (int k = 0; k < q; k++) {
      String printed = Double.toString(sasTheta[k]);
      double half = 0.5 * Math.pow(10, -(printed.length() - printed.indexOf('.') - 1));
      assertThat(r.theta[k]).as("parameter %d", k + 1)
          .isCloseTo(sasTheta[k], within(half + Math.sqrt(e * 2 * inv[k * q + k])));
    }
    assertThat(r.eval.f).isBetween(sasM2ll - e * 1.5, sasM2ll + 1e-8);
    int j = design.column(column);
    double[] l = new double[3];
    l[j] = 1;
    double var = Dense.quadratic(l, r.eval.m, l, 3);
    double[] ml = Dense.times(r.eval.m, l, 3);
    double[] g = new double[q];
    for (int k = 0; k < q; k++) {
      g[k] = Dense.quadratic(ml, r.qk[k], ml, 3);
    }
    double[] hg = g.clone();
    Dense.solve(r.hessianCholesky, q, hg);
    double satterthwaite = var * var / Dense.dot(g, hg);
    double slack = Math.sqrt(fixedSlack * sasM2ll / 2) * se;
    assertThat(r.eval.beta[j]).isCloseTo(estimate, within(5e-5 + slack));
    assertThat(Math.sqrt(var)).isCloseTo(se, within(5e-5 + slack));
    assertThat(satterthwaite).isCloseTo(df, within(0.5));
  }
}
