package org.trialstat.report;

/**
 * One row of the tidy CSV/TSV output: one estimate. The column names, in order, are
 * {@link #COLUMNS}; they are public API. Numbers are NaN when the column does not apply or the value
 * is not estimable (printed as an empty cell).
 */
public record TidyRow(String file, String study, String arm, String treatment, String control, String outcome,
    String statistic, double estimate, double ciLow, double ciHigh, double p, int n, String method, String visit,
    double week) {

  /**
   * The tidy columns, in order. {@code visit} and {@code week} (the visit the estimate belongs to, and its
   * numeric week when the file has a week column) were appended after {@code method} by the figures
   * issue; a reader that takes columns by name is unaffected.
   */
  public static final String[] COLUMNS = {"file", "study", "arm", "treatment", "control", "outcome",
      "statistic", "estimate", "ci_low", "ci_high", "p", "n", "method", "visit", "week"};

  /** A row that belongs to no visit. */
  public TidyRow(String file, String study, String arm, String treatment, String control, String outcome,
      String statistic, double estimate, double ciLow, double ciHigh, double p, int n, String method) {
    this(file, study, arm, treatment, control, outcome, statistic, estimate, ciLow, ciHigh, p, n, method, null,
        Double.NaN);
  }

  /** The same row at a visit. */
  public TidyRow at(String atVisit, double atWeek) {
    return new TidyRow(file, study, arm, treatment, control, outcome, statistic, estimate, ciLow, ciHigh, p, n,
        method, atVisit, atWeek);
  }

  /** Marker for "no n". */
  public static final int NO_N = -1;
}
