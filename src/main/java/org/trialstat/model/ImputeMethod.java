package org.trialstat.model;

import java.util.Locale;

/** The option value of {@code impute --method}: rbmi's imputation methods (docs/methods.md). */
public enum ImputeMethod {
  /** Conditional mean imputation, jackknife inference (rbmi {@code method_condmean(type = "jackknife")}). */
  CONDMEAN_JACKKNIFE,
  /** Conditional mean imputation, bootstrap inference (rbmi {@code method_condmean(type = "bootstrap")}). */
  CONDMEAN_BOOTSTRAP,
  /** Approximate Bayesian multiple imputation, Rubin's rules (rbmi {@code method_approxbayes}). */
  APPROX_BAYES,
  /** Bayesian multiple imputation by MCMC (rbmi {@code method_bayes}): not implemented, refused. */
  BAYES;

  /** The name on the command line, for example {@code condmean-jackknife}. */
  public String optionName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** True for the methods whose output depends on {@code --seed}. */
  public boolean random() {
    return this != CONDMEAN_JACKKNIFE;
  }
}
