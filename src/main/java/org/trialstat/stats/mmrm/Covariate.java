package org.trialstat.stats.mmrm;

import java.util.List;
import java.util.Objects;

/**
 * A per-observation covariate of an MMRM (one value per observation, aligned with
 * {@link MmrmInput#y()}).
 *
 * <p>A categorical covariate enters with reference (treatment) coding, the first level in
 * {@link String#compareTo} order being the reference (as R's default {@code contr.treatment} with
 * sorted factor levels); the choice does not change LS means or contrasts. A numeric covariate is
 * parsed with {@link Double#parseDouble} and enters unscaled. A null or blank value (or "NA") marks the
 * observation as missing: it is dropped from the fit.
 *
 * @param name        covariate name, used in messages
 * @param values      one value per observation
 * @param categorical true for a class (factor) variable, false for a numeric one
 * @param byVisit     true to enter it as the baseline enters: its main effect and its interaction with
 *                    visit ({@code COL * visit}, R column names {@code visitweek12:COL})
 */
public record Covariate(String name, List<String> values, boolean categorical, boolean byVisit) {

  /** Checks for nulls. */
  public Covariate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
  }

  /** A covariate entering as a main effect only. */
  public Covariate(String name, List<String> values, boolean categorical) {
    this(name, values, categorical, false);
  }
}
