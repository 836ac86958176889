package org.trialstat.model;

import java.util.List;

/**
 * What happened to every input row: {@code read == used + sum of excluded counts}.
 *
 * @param read     data rows read (long format: lines; wide format: participant-by-visit cells)
 * @param used     rows that entered at least one statistic
 * @param excluded rows left out, grouped by reason code (fixed codes such as {@code missing_score})
 */
public record RowAccounting(int read, int used, List<Exclusion> excluded) {

  public RowAccounting {
    excluded = List.copyOf(excluded);
  }

  /**
   * A group of excluded rows.
   *
   * @param reason fixed reason code, for example {@code visit_not_analysed}
   * @param count  how many rows
   */
  public record Exclusion(String reason, int count) {
  }
}
