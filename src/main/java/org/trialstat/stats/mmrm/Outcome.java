package org.trialstat.stats.mmrm;

/** Where an optimisation of the REML criterion stopped. */
final class Outcome {
  /** The parameters (log-Cholesky for the unstructured matrix). */
  double[] theta;
  /** REML evaluation at theta, with derivatives; null when none was positive definite. */
  Reml.Eval eval;
  boolean converged;
  double criterion = Double.NaN;
}
