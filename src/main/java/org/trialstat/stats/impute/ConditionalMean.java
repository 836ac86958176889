package org.trialstat.stats.impute;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.stats.linalg.Dense;
import org.trialstat.stats.mmrm.MeanModel;
import org.trialstat.stats.mmrm.MmrmInput;

/**
 * Conditional mean imputation (Wolbers et al. 2022, "Standard and reference-based conditional mean
 * imputation", Pharmaceutical Statistics 21:1246-1257; rbmi vignette {@code stat_specs}, section 3.6):
 * each missing value is replaced by its expectation given the participant's observed values under the
 * fitted imputation model and the strategy's mean (see {@link Strategy}):
 * y_m = mu_m + Sigma_mo Sigma_oo^-1 (y_o - mu_o), with mu the strategy's mean vector for the
 * participant's baseline and Sigma the REML estimate of the unstructured covariance. A participant
 * without observed values gets mu_m. Observed values after an ICE with a non-MAR strategy are left out
 * of the model and imputed, as rbmi does.
 */
final class ConditionalMean {

  private ConditionalMean() {
  }

  /** The imputation model's input: every observed value that the strategies keep. */
  static MmrmInput modelInput(List<Subject> subjects, List<String> visits, List<String> arms, String control) {
    List<String> id = new ArrayList<>();
    List<String> visit = new ArrayList<>();
    List<String> arm = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> base = new ArrayList<>();
    for (Subject s : subjects) {
      for (int v = 0; v < visits.size(); v++) {
        double value = s.modelValue(v);
        if (!Double.isNaN(value)) {
          id.add(s.id());
          visit.add(visits.get(v));
          arm.add(s.arm());
          y.add(value);
          base.add(s.baseline());
        }
      }
    }
    return new MmrmInput(id, visit, arm, y.stream().mapToDouble(Double::doubleValue).toArray(),
        base.stream().mapToDouble(Double::doubleValue).toArray(), List.of(), visits, arms, control);
  }

  /**
   * The participant's outcomes with every missing value (and every value the strategy drops) imputed.
   *
   * @param fit      the imputation model
   * @param s        the participant
   * @param strategy the strategy to use from the ICE on (the participant's own, or MAR)
   */
  static double[] impute(MeanModel fit, Subject s, Strategy strategy) {
    Subject as = strategy == s.strategy() ? s
        : new Subject(s.id(), s.arm(), s.reference(), s.baseline(), s.y(), s.ice(), strategy);
    int t = s.y().length;
    double[] mu = strategy.mean(fit.mean(s.arm(), s.baseline()), fit.mean(s.reference(), s.baseline()), s.ice());
    double[] sigma = fit.sigma();
    int[] obs = new int[t];
    int no = 0;
    for (int v = 0; v < t; v++) {
      if (!Double.isNaN(as.modelValue(v))) {
        obs[no++] = v;
      }
    }
    double[] out = new double[t];
    if (no == t) {
      for (int v = 0; v < t; v++) {
        out[v] = as.modelValue(v);
      }
      return out;
    }
    double[] soo = new double[no * no];
    double[] r = new double[no];
    for (int i = 0; i < no; i++) {
      r[i] = as.modelValue(obs[i]) - mu[obs[i]];
      for (int j = 0; j < no; j++) {
        soo[i * no + j] = sigma[obs[i] * t + obs[j]];
      }
    }
    if (no > 0) {
      Dense.cholesky(soo, no);
      Dense.solve(soo, no, r);
    }
    for (int v = 0; v < t; v++) {
      double value = as.modelValue(v);
      if (Double.isNaN(value)) {
        value = mu[v];
        for (int i = 0; i < no; i++) {
          value += sigma[v * t + obs[i]] * r[i];
        }
      }
      out[v] = value;
    }
    return out;
  }
}
