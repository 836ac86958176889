package org.trialstat.model;

import java.util.Locale;

/**
 * The definition of the sample quartiles of the per-arm descriptives (the median and the extremes are
 * the same under both).
 */
public enum QuantileType {
  /**
   * SAS's default {@code PCTLDEF=5}, the empirical distribution function with averaging: Hyndman and
   * Fan (1996) definition 2, R {@code quantile(type = 2)}.
   */
  SAS,
  /**
   * R's default, linear interpolation of the order statistics at (n - 1) p + 1: Hyndman and Fan (1996)
   * definition 7, R {@code quantile(type = 7)}; no SAS PCTLDEF equals it.
   */
  R7;

  /** The option value and JSON value: {@code sas}, {@code r7}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The definition in words, for method strings. */
  public String label() {
    return this == SAS ? "SAS PCTLDEF=5 (R quantile type 2)" : "R quantile type 7";
  }
}
