package org.trialstat.model;

import java.util.List;

/**
 * One arm-level summary file ({@code trialstat summary}): one row per study arm, as published.
 *
 * <p>Every number that the file leaves empty ("not reported") is NaN (counts: -1); nothing is
 * imputed here.
 *
 * @param source the file name as the user gave it
 * @param rows   the data rows in file order
 */
public record SummaryInput(String source, List<Row> rows) {

  public SummaryInput {
    rows = List.copyOf(rows);
  }

  /** Marker of a count that is not reported. */
  public static final int NOT_REPORTED = -1;

  /**
   * One study arm.
   *
   * @param line            1-based line of the row (for messages)
   * @param study           study name
   * @param arm             arm name
   * @param n               participants behind the change summary (and the default denominator of
   *                        the binary endpoints), at least 1
   * @param randomized      participants randomized to the arm, or {@link #NOT_REPORTED}
   * @param changeMean      mean change from baseline, or NaN
   * @param changeSd        SD of the change, or NaN
   * @param changeSe        standard error of the mean change, or NaN
   * @param changeCiLow     lower limit of the published CI of the mean change, or NaN
   * @param changeCiHigh    upper limit of the published CI of the mean change, or NaN
   * @param changeFromModel whether the published mean and CI come from a model (for example LS means)
   * @param baselineMean    mean baseline score, or NaN
   * @param baselineSd      SD of the baseline score, or NaN
   * @param control         the {@code control} cell (true on the control row), or null when the file
   *                        has no {@code control} column
   * @param events          the reported binary endpoints of this arm, in {@link BinaryEndpoint} order
   * @param authors         study-level label, for example "Mitchell et al.", or null
   * @param year            publication year as written, or null
   * @param design          study type as written, for example "Phase 3 clinical trial", or null
   * @param note            a free-text study note (for example the responder definition), or null
   */
  public record Row(long line, String study, String arm, int n, int randomized, double changeMean,
      double changeSd, double changeSe, double changeCiLow, double changeCiHigh, boolean changeFromModel,
      double baselineMean, double baselineSd, Boolean control, List<Events> events, String authors, String year,
      String design, String note) {

    public Row {
      events = List.copyOf(events);
    }
  }

  /**
   * A reported binary endpoint of one arm.
   *
   * @param endpoint which endpoint
   * @param events   participants with the event
   * @param n        its denominator (the {@code E_n} column, else the arm's n)
   */
  public record Events(BinaryEndpoint endpoint, int events, int n) {
  }
}
