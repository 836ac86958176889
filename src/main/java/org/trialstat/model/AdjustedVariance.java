package org.trialstat.model;

/**
 * The variance of the covariate-adjusted (standardized) marginal effects of a binary endpoint,
 * {@code analyze --adjusted-variance} (formulas in docs/methods.md and
 * {@code stats.binary.MarginalStandardization}).
 */
public enum AdjustedVariance implements Keyed {
  /** Delta method with the model-based covariance of the logistic coefficients (Ge et al. 2011); the default. */
  GE,
  /** The same delta method with the sandwich (HC0) covariance of the coefficients. */
  SANDWICH,
  /** The variance of Ye, Shao, Yi and Zhao (2023), valid when the logistic model is wrong. */
  YE
}
