package org.trialstat.report;

/**
 * One row of the tidy CSV/TSV output: one estimate. The column names, in order, are
 * {@link #COLUMNS}; they are public API. Numbers are NaN when the column does not apply or the value
 * is not estimable (printed as an empty cell).
 */
public record TidyRow(String file, String study, String arm, String treatment, String control, String outcome,
    String statistic, double estimate, double ciLow, double ciHigh, double p, int n, String method) {

  /** The tidy columns, in order. */
  public static final String[] COLUMNS = {"file", "study", "arm", "treatment", "control", "outcome",
      "statistic", "estimate", "ci_low", "ci_high", "p", "n", "method"};

  /** Marker for "no n". */
  public static final int NO_N = -1;
}
