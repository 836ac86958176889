package org.trialstat.model;

/**
 * How a conditional-mean bootstrap turns its B estimates into an interval and p (rbmi's {@code pool(...,
 * type =)}; stats.impute.BootstrapPool has the formulas).
 */
public enum BootstrapInterval {
  /** Sample quantiles of the bootstrap estimates (R {@code quantile} type 6); p by inverting the interval. */
  PERCENTILE,
  /** Estimate +/- z times the bootstrap standard deviation; normal p. */
  NORMAL
}
