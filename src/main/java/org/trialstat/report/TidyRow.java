package org.trialstat.report;

/**
 * One row of the tidy CSV/TSV output: one estimate. The column names, in order, are
 * {@link #COLUMNS}; they are public API. {@code visit} and {@code week} were appended after
 * {@code method} (figures issue), then {@code se, t, df, conf_level, reason} (hardening round 2).
 * Numbers are NaN when the column does not apply or the value is not estimable (printed as an empty
 * cell).
 *
 * @param visit     the visit the row belongs to, or null
 * @param week      that visit's numeric week, or NaN
 * @param se        standard error of the estimate (of its logarithm for a ratio), or NaN
 * @param t         the test statistic: t, or z for a large-sample (Wald) test, whose df is then NaN
 * @param df        degrees of freedom of the t (or chi-squared) statistic, or NaN
 * @param confLevel the level of {@code ciLow}/{@code ciHigh}, or NaN when the row has no interval
 * @param reason    why a number is missing, or a note on how it was obtained; null when none
 */
public record TidyRow(String file, String study, String arm, String treatment, String control, String outcome,
    String statistic, double estimate, double ciLow, double ciHigh, double p, int n, String method, String visit,
    double week, double se, double t, double df, double confLevel, String reason) {

  /** The tidy columns, in order. */
  public static final String[] COLUMNS = {"file", "study", "arm", "treatment", "control", "outcome",
      "statistic", "estimate", "ci_low", "ci_high", "p", "n", "method", "visit", "week", "se", "t", "df",
      "conf_level", "reason"};

  /** Marker for "no n". */
  public static final int NO_N = -1;

  /** A row at no visit with its appended details. */
  public TidyRow(String file, String study, String arm, String treatment, String control, String outcome,
      String statistic, double estimate, double ciLow, double ciHigh, double p, int n, String method, double se,
      double t, double df, double confLevel, String reason) {
    this(file, study, arm, treatment, control, outcome, statistic, estimate, ciLow, ciHigh, p, n, method, null,
        Double.NaN, se, t, df, confLevel, reason);
  }

  /** A row at no visit without details. */
  public TidyRow(String file, String study, String arm, String treatment, String control, String outcome,
      String statistic, double estimate, double ciLow, double ciHigh, double p, int n, String method) {
    this(file, study, arm, treatment, control, outcome, statistic, estimate, ciLow, ciHigh, p, n, method,
        Detail.NONE.se(), Detail.NONE.t(), Detail.NONE.df(), Detail.NONE.confLevel(), Detail.NONE.reason());
  }

  /** The same row at a visit. */
  public TidyRow at(String atVisit, double atWeek) {
    return new TidyRow(file, study, arm, treatment, control, outcome, statistic, estimate, ciLow, ciHigh, p, n,
        method, atVisit, atWeek, se, t, df, confLevel, reason);
  }

  /** The appended columns of one row: standard error, test statistic, df, interval level and reason. */
  public record Detail(double se, double t, double df, double confLevel, String reason) {
    /** None of them. */
    public static final Detail NONE = new Detail(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null);

    /** Only the interval's level (NaN when there is no interval) and a reason. */
    public static Detail level(double lo, double hi, double confLevel, String reason) {
      return new Detail(Double.NaN, Double.NaN, Double.NaN, Double.isNaN(lo) && Double.isNaN(hi) ? Double.NaN
          : confLevel, reason);
    }

    /** The columns of a difference in means (t test, ANCOVA, MMRM contrast). */
    public static Detail of(org.trialstat.model.Difference d) {
      return new Detail(d.se(), d.t(), d.df(), level(d.ciLow(), d.ciHigh(), d.confLevel(), null).confLevel(),
          d.reason());
    }
  }
}
