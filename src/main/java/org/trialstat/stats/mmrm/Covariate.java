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
 */
public record Covariate(String name, List<String> values, boolean categorical) {

  /** Checks for nulls. */
  public Covariate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(values, "values");
  }
}
