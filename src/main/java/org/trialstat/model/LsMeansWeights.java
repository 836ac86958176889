package org.trialstat.model;

import java.util.Locale;

/**
 * How an LS mean averages over the levels of a factor covariate that it does not fix (site, sex): the
 * weights of the reference grid. Numeric covariates are at their mean either way. Differences between
 * arms do not depend on the weights (no arm x covariate interaction), LS means do.
 */
public enum LsMeansWeights {
  /**
   * Equal weights 1/k on the k levels: the SAS {@code LSMEANS} default and R emmeans
   * {@code weights = "equal"} (its default).
   */
  EQUAL,
  /**
   * Weights proportional to the levels' frequencies among the observations the model used: SAS
   * {@code LSMEANS / OM} and R emmeans {@code weights = "proportional"} (for models whose factor
   * covariates do not interact with each other, as here, the same L as emmeans' "outer" weights).
   */
  PROPORTIONAL;

  /** The option value and JSON value: {@code equal}, {@code proportional}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The method string of an LS mean from the model described as {@code model}: "LS mean, MODEL, equal weights". */
  public String lsMeanMethod(String model) {
    return "LS mean, " + model + ", " + key() + " weights";
  }

  /** How the weights treat a factor covariate, in words for footnotes. */
  public String description() {
    return this == EQUAL ? "weight categorical covariate levels equally"
        : "weight categorical covariate levels by their share of the observations used";
  }
}
