package org.trialstat.stats.mmrm;

import org.trialstat.model.Convergence;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.MmrmResult;

/**
 * What one call of {@link Mmrm#fit} asks of every stage of the fit ({@link CovarianceSelection},
 * {@link UnstructuredFit}, {@link Inference}): the design, the denominator-df method, the confidence level
 * and the convergence rule.
 *
 * @param d           the design the model is fitted to
 * @param ddf         how LS-mean and contrast df are computed
 * @param confLevel   confidence level of the intervals, in (0, 1)
 * @param convergence when the unstructured fit counts as converged
 */
record FitRequest(Design d, DdfMethod ddf, double confLevel, Convergence convergence) {

  /** The result of a fit that failed after the design was built, with the given method string. */
  MmrmResult failure(String method, double m2ll, int iterations, double criterion, String reason) {
    return Mmrm.failure(d, method, confLevel, m2ll, iterations, criterion, reason);
  }
}
