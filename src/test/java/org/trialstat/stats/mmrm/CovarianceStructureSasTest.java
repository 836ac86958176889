package org.trialstat.stats.mmrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.trialstat.TestFiles;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.stats.design.DesignMatrix;
import org.trialstat.stats.design.Intercept;

/**
 * Every covariance structure against SAS PROC MIXED on fev_data with the intercept-only mean model of
 * the listings in ../shared/oracles/mmrm_fev/sas/ (their README: {@code MODEL FEV1 = ; REPEATED AVISIT
 * / SUBJECT=USUBJID TYPE=...}, {@code GROUP=ARMCD} for sas_group_*), read at test time.
 *
 * <p>SAS stops at the first iteration whose relative Newton decrement g' H^-1 g / |f| is below 1e-8
 * (CONVH, see Convergence.SAS), so its -2 l lies at most e = 1e-8 |f| / 2 above the optimum and each
 * estimate within sqrt(e) SE of it (f - f* = (theta - theta*)' H (theta - theta*) / 2 for -2 l, and
 * SE^2 = 2 (H^-1)_jj). Tolerances accordingly: our -2 l (the optimum) at most 1e-8 above SAS's
 * iteration-history value (8 decimals printed) and at most e below it; each covariance parameter within
 * half a unit of its last printed digit plus sqrt(e) SE (SE from our Hessian at the optimum); AIC, AICC
 * and BIC within 0.05 (one printed decimal) plus e. SAS counts the subjects of the data set (200, its
 * "Dimensions" table), including the three whose FEV1 is missing at every visit, in BIC.
 */
class CovarianceStructureSasTest {

  private static final List<String> VISITS = List.of("VIS1", "VIS2", "VIS3", "VIS4");

  static List<Pattern> interceptOnly(boolean byArm, int[] counts) {
    List<String[]> rows = MmrmData.fevRows();
    int n = rows.size();
    int[] visit = new int[n];
    int[] group = new int[n];
    double[] y = new double[n];
    List<Integer> used = new ArrayList<>();
    Map<String, List<Integer>> bySubject = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String[] f = rows.get(i);
      if (f[6].isEmpty()) {
        continue;
      }
      visit[i] = VISITS.indexOf(f[1]);
      group[i] = f[2].equals("PBO") ? 0 : 1;
      y[i] = Double.parseDouble(f[6]);
      used.add(i);
      bySubject.computeIfAbsent(f[0], k -> new ArrayList<>()).add(i);
    }
    counts[0] = used.size();
    counts[1] = bySubject.size();
    DesignMatrix x = DesignMatrix.of(List.of(new Intercept()), used.stream().mapToInt(Integer::intValue).toArray());
    return Patterns.of(bySubject, visit, byArm ? group : null, x, y);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "sas_cs_reml.txt, CS, false, false", "sas_cs_ml.txt, CS, true, false",
      "sas_csh_reml.txt, CSH, false, false", "sas_csh_ml.txt, CSH, true, false",
      "sas_ar1_reml.txt, AR1, false, false", "sas_ar1_ml.txt, AR1, true, false",
      "sas_ar1h_reml.txt, AR1H, false, false", "sas_ar1h_ml.txt, AR1H, true, false",
      "sas_toep_reml.txt, TOEP, false, false",
      "sas_toeph_reml.txt, TOEPH, false, false", "sas_toeph_ml.txt, TOEPH, true, false",
      "sas_adh_reml.txt, ADH, false, false", "sas_adh_ml.txt, ADH, true, false",
      "sas_group_cs_reml.txt, CS, false, true", "sas_group_csh_reml.txt, CSH, false, true",
      "sas_group_ar1_reml.txt, AR1, false, true", "sas_group_ar1h_reml.txt, AR1H, false, true",
      "sas_group_toeph_reml.txt, TOEPH, false, true", "sas_group_adh_reml.txt, ADH, false, true"})
  void reproducesTheSasListing(String file, CovarianceStructure structure, boolean ml, boolean byArm) {
    Path path = TestFiles.assumeShared(TestFiles.shared("oracles", "mmrm_fev", "sas", file));
    SasListing sas = SasListing.read(path);
    int[] counts = new int[2];
    List<Pattern> patterns = interceptOnly(byArm, counts);
    StructuredFit fit = new StructuredFit(patterns, 4, byArm ? 2 : 1, 1, counts[0], structure, ml);
    StructuredFit.Result r = fit.run();
    assertThat(fit.reason).isNull();
    List<String> names = structure.parameterNames(4);
    int k = names.size();
    assertThat(sas.parameters).hasSize(k * (byArm ? 2 : 1));
    double e = 1e-8 * Math.abs(sas.m2ll) / 2;
    double[] inv = new double[r.theta.length * r.theta.length];
    org.trialstat.stats.linalg.Dense.inverseFromCholesky(r.hessianCholesky, r.theta.length, inv);
    for (SasListing.Parameter sp : sas.parameters) {
      String name = sp.name().equals("Variance") ? "Residual" : sp.name();
      int g = sp.group() == null || sp.group().equals("PBO") ? 0 : 1;
      int j = g * k + names.indexOf(name);
      double se = Math.sqrt(2 * inv[j * r.theta.length + j]);
      assertThat(r.theta[j]).as("%s %s", sp.name(), sp.group())
          .isCloseTo(sp.value(), within(sp.halfUnit() + Math.sqrt(e) * se));
    }
    assertThat(r.eval.f).isBetween(sas.m2ll - e, sas.m2ll + 1e-8);
    InformationCriteria ic = InformationCriteria.of(r.eval.f, fit.parameters(), 1, counts[0], 200, ml);
    assertThat(ic.aic()).isCloseTo(Double.parseDouble(sas.aic), within(0.05 + e));
    assertThat(ic.aicc()).isCloseTo(Double.parseDouble(sas.aicc), within(0.05 + e));
    assertThat(ic.bic()).isCloseTo(Double.parseDouble(sas.bic), within(0.05 + e));
  }
}
