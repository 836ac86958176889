package org.trialstat.analysis;

import java.util.List;
import org.trialstat.model.CovarianceSettings;

/**
 * The MMRM of one {@code analyze} run, resolved against the data.
 *
 * @param visits     the post-baseline visits it models, in visit order
 * @param covariance its covariance structures (fallback order)
 * @param onlyRows   the rows counted used that only the MMRM uses (its visits other than baseline and
 *                   endpoint): {@code model_not_estimable} when the fit fails
 */
record MmrmPlan(List<String> visits, CovarianceSettings covariance, int onlyRows) {

  MmrmPlan {
    visits = List.copyOf(visits);
  }
}
