package org.trialstat.analysis;

import java.util.List;
import org.trialstat.model.CovarianceSettings;

/**
 * The repeated-measures model a user chose for {@code analyze} and {@code mmrm}: the visits it models and
 * its covariance.
 *
 * @param visits     --visits: the post-baseline visits to model, in the file's visit order; null for the
 *                   command's default ({@code analyze}: up to and including the endpoint; {@code mmrm}:
 *                   every visit after the baseline)
 * @param covariance --covariance (fallback order) and --covariance-by-arm
 */
public record MmrmChoice(List<String> visits, CovarianceSettings covariance) {

  /** The defaults: the command's visits, the unstructured REML matrix shared by all arms. */
  public static final MmrmChoice DEFAULT = new MmrmChoice(null, CovarianceSettings.DEFAULT);

  public MmrmChoice {
    visits = visits == null ? null : List.copyOf(visits);
    if (covariance == null) {
      covariance = CovarianceSettings.DEFAULT;
    }
  }
}
