package org.trialstat.analysis;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.IntFunction;
import org.trialstat.model.ObservationTable;

/**
 * The rows of an {@link ObservationTable} in the models' canonical order, by participant identifier
 * ({@link String#compareTo}) then by visit in analysis order, ties in row order (a stable sort): the
 * order {@code Comparator.comparing(participant).thenComparing(visit index)} gives, computed with one
 * sort of the distinct identifiers and a counting sort of the rows instead of a comparison sort of
 * row objects.
 */
final class CanonicalOrder {

  private CanonicalOrder() {
  }

  /**
   * The row indices in canonical order.
   *
   * @param visitOf the analysis index of each visit code of the table, -1 for a visit not analysed
   */
  static int[] of(ObservationTable t, int[] visitOf) {
    int np = t.participantCount();
    int[] rank = t.participantRanks();
    int[] start = new int[np + 1];
    for (int i = 0; i < t.size(); i++) {
      start[rank[t.participantCode(i)] + 1]++;
    }
    for (int r = 0; r < np; r++) {
      start[r + 1] += start[r];
    }
    int[] fill = Arrays.copyOf(start, np);
    int[] order = new int[t.size()];
    for (int i = 0; i < t.size(); i++) {
      order[fill[rank[t.participantCode(i)]]++] = i;
    }
    for (int r = 0; r < np; r++) {
      sortByVisit(order, start[r], start[r + 1], t, visitOf);
    }
    return order;
  }

  /** Stable sort of {@code order[from, to)} by visit index. */
  private static void sortByVisit(int[] order, int from, int to, ObservationTable t, int[] visitOf) {
    if (to - from > 32) {
      Integer[] part = new Integer[to - from];
      for (int k = 0; k < part.length; k++) {
        part[k] = order[from + k];
      }
      Arrays.sort(part, Comparator.comparingInt(i -> visitOf[t.visitCode(i)]));
      for (int k = 0; k < part.length; k++) {
        order[from + k] = part[k];
      }
      return;
    }
    for (int k = from + 1; k < to; k++) { // insertion sort: stable
      int row = order[k];
      int key = visitOf[t.visitCode(row)];
      int j = k - 1;
      while (j >= from && visitOf[t.visitCode(order[j])] > key) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = row;
    }
  }

  /** A read-only list of {@code value(rows[k])}, computed on access. */
  static List<String> column(int[] rows, IntFunction<String> value) {
    return new Column(rows, value);
  }

  private static final class Column extends AbstractList<String> implements RandomAccess {
    private final int[] rows;
    private final IntFunction<String> value;

    Column(int[] rows, IntFunction<String> value) {
      this.rows = rows;
      this.value = value;
    }

    @Override
    public String get(int k) {
      return value.apply(rows[k]);
    }

    @Override
    public int size() {
      return rows.length;
    }
  }
}
