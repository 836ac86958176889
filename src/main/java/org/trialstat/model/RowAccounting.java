package org.trialstat.model;

import java.util.List;

/**
 * What happened to every input row: {@code read == used + filtered + sum of excluded counts}.
 *
 * @param read     data rows read (long format: lines; wide format: participant-by-visit cells)
 * @param used     rows that entered at least one statistic
 * @param excluded rows left out, grouped by reason code (fixed codes such as {@code missing_score})
 * @param filters  the row filters ({@code --where}, {@code --param}, {@code --population}) in the order
 *                 applied, each with the rows it removed; empty when no filter was given
 */
public record RowAccounting(int read, int used, List<Exclusion> excluded, List<Filter> filters) {

  public RowAccounting {
    excluded = List.copyOf(excluded);
    filters = List.copyOf(filters);
  }

  /** Without row filters. */
  public RowAccounting(int read, int used, List<Exclusion> excluded) {
    this(read, used, excluded, List.of());
  }

  /** Rows removed by the filters, in total. */
  public int filtered() {
    int n = 0;
    for (Filter f : filters) {
      n += f.removed();
    }
    return n;
  }

  /**
   * A group of excluded rows.
   *
   * @param reason fixed reason code, for example {@code visit_not_analysed}
   * @param count  how many rows
   */
  public record Exclusion(String reason, int count) {
  }

  /**
   * A row filter and the rows it removed (a row is counted by the first filter it fails).
   *
   * @param expression the filter as given, for example {@code PARAMCD=CAPS5TOT}
   * @param removed    rows it removed
   */
  public record Filter(String expression, int removed) {
  }
}
