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
    DesignMatrix x = DesignMatrix.of(List.of(new Intercept(), Factor.of("ARMCD", List.of("PBO", "TRT"), 0, arm),
        Factor.of("SEX", List.of("Male", "Female"), 0, sex)), used.stream().mapToInt(Integer::intValue).toArray());
    List<Pattern> patterns = Design.patterns(bySubject, visit, null, x, y);
    StructuredFit fit = new StructuredFit(patterns, 4, 1, 3, used.size(), CovarianceStructure.AR1, false);
    StructuredFit.Result r = fit.run();
    assertThat(fit.reason).isNull();
    // SAS: AR(1) 0.3931, Residual 84.6947
    double e = 1e-8 * 3853.30169736 / 2;
    double[] inv = new double[4];
    Dense.inverseFromCholesky(r.hessianCholesky, 2, inv);
    assertThat(r.theta[0]).isCloseTo(0.3931, within(5e-5 + Math.sqrt(e * 2 * inv[0])));
    assertThat(r.theta[1]).isCloseTo(84.6947, within(5e-5 + Math.sqrt(e * 2 * inv[3])));
    int j = x.column(column);
    double[] l = new double[3];
    l[j] = 1;
    double var = Dense.quadratic(l, r.eval.m, l, 3);
    double[] ml = Dense.times(r.eval.m, l, 3);
    double[] g = new double[2];
    for (int k = 0; k < 2; k++) {
      g[k] = Dense.quadratic(ml, r.qk[k], ml, 3);
    }
    double[] hg = g.clone();
    Dense.solve(r.hessianCholesky, 2, hg);
    double satterthwaite = var * var / Dense.dot(g, hg);
    assertThat(r.eval.beta[j]).isCloseTo(estimate, within(5e-5));
    assertThat(Math.sqrt(var)).isCloseTo(se, within(5e-5));
    assertThat(satterthwaite).isCloseTo(df, within(0.5));
  }
}
