package org.trialstat.model;

import java.util.List;

/**
 * A per-study effect file of {@code trialstat meta}: one row per study with {@code yi} and {@code vi},
 * or {@code estimate} with {@code se}, or {@code estimate} with {@code ci_low} and {@code ci_high}.
 * Numbers not given are NaN.
 *
 * @param source the file name as the user gave it
 * @param rows   the rows in file order
 */
public record EffectInput(String source, List<Row> rows) {

  public EffectInput {
    rows = List.copyOf(rows);
  }

  /**
   * One study.
   *
   * @param line     1-based line (for messages)
   * @param study    the study's name
   * @param yi       effect on the analysis scale, or NaN
   * @param vi       its sampling variance, or NaN
   * @param estimate effect as published (ratios as ratios), or NaN
   * @param se       standard error of the estimate (analysis scale), or NaN
   * @param ciLow    lower limit of the published CI, or NaN
   * @param ciHigh   upper limit of the published CI, or NaN
   * @param subgroup the value of the {@code --subgroup} column, or null
   * @param year     the {@code year} cell, or null
   */
  public record Row(long line, String study, double yi, double vi, double estimate, double se, double ciLow,
      double ciHigh, String subgroup, String year) {
  }
}
