package org.trialstat.stats.impute;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
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
    return complete(fit, s, strategy, null);
  }

  /**
   * As {@link #impute}, but each participant's missing values are a random draw from their conditional
   * normal distribution given the observed values (rbmi's random imputation, {@code stat_specs} section
   * 3.4): y_m = mu_m|o + L z, with mu_m|o the conditional mean of {@link #impute}, L the Cholesky factor
   * of Sigma_mm - Sigma_mo Sigma_oo^-1 Sigma_om and z standard normal, drawn in visit order.
   *
   * @param normal the standard normal variates (the draw's stream)
   */
  static double[] draw(MeanModel fit, Subject s, Strategy strategy, NormalizedGaussianSampler normal) {
    return complete(fit, s, strategy, normal);
  }

  private static double[] complete(MeanModel fit, Subject s, Strategy strategy, NormalizedGaussianSampler normal) {
    Subject as = strategy == s.strategy() ? s
        : new Subject(s.id(), s.arm(), s.reference(), s.baseline(), s.y(), s.ice(), strategy);
    int t = s.y().length;
    double[] mu = strategy.mean(fit.mean(s.arm(), s.baseline()), fit.mean(s.reference(), s.baseline()), s.ice());
    double[] sigma = fit.sigma();
    int[] obs = new int[t];
    int[] mis = new int[t];
    int no = 0;
    int nm = 0;
    for (int v = 0; v < t; v++) {
      if (!Double.isNaN(as.modelValue(v))) {
        obs[no++] = v;
      } else {
        mis[nm++] = v;
      }
    }
    double[] out = new double[t];
    for (int v = 0; v < t; v++) {
      out[v] = as.modelValue(v);
    }
    if (nm == 0) {
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
    for (int a = 0; a < nm; a++) {
      int v = mis[a];
      double value = mu[v];
      for (int i = 0; i < no; i++) {
        value += sigma[v * t + obs[i]] * r[i];
      }
      out[v] = value;
    }
    if (normal != null) {
      addNoise(out, sigma, t, obs, no, mis, nm, soo, normal);
    }
    return out;
  }

  /** Adds L z to the missing values, L L' the conditional covariance given the observed ones. */
  private static void addNoise(double[] out, double[] sigma, int t, int[] obs, int no, int[] mis, int nm,
      double[] looChol, NormalizedGaussianSampler normal) {
    double[] c = new double[nm * nm];
    double[] col = new double[no];
    for (int a = 0; a < nm; a++) {
      for (int i = 0; i < no; i++) {
        col[i] = sigma[obs[i] * t + mis[a]];
      }
      if (no > 0) {
        Dense.solve(looChol, no, col);
      }
      for (int b = 0; b < nm; b++) {
        double v = sigma[mis[b] * t + mis[a]];
        for (int i = 0; i < no; i++) {
          v -= sigma[mis[b] * t + obs[i]] * col[i];
        }
        c[b * nm + a] = v;
      }
    }
    Dense.cholesky(c, nm);
    double[] z = new double[nm];
    for (int a = 0; a < nm; a++) {
      z[a] = normal.sample();
    }
    for (int a = 0; a < nm; a++) {
      double e = 0;
      for (int b = 0; b <= a; b++) {
        e += c[a * nm + b] * z[b];
      }
      out[mis[a]] += e;
    }
  }
}
