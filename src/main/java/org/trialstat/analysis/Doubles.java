package org.trialstat.analysis;

import java.util.Arrays;

/** A growing array of doubles, without a boxed {@code Double} per value. One thread. */
final class Doubles {

  /** Widest range of integers {@link #sort} counts instead of comparing. */
  private static final int COUNTING_RANGE = 1 << 16;

  private double[] values = new double[16];
  private int size;
  /** The values sorted, once asked for, until the next {@link #add}. */
  private double[] sorted;

  void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
    sorted = null;
  }

  /** A sorted copy of the values (a statistic that sees them sorted does not depend on the row order). */
  double[] sorted() {
    if (sorted == null) {
      sorted = Arrays.copyOf(values, size);
      sort(sorted);
    }
    return sorted.clone();
  }

  /**
   * Sorts in place into the order of {@link Arrays#sort(double[])} (ascending, -0.0 before 0.0, NaN
   * last), with the same result. When every value is an integer (scores, changes of scores) within a
   * range of {@value #COUNTING_RANGE} and none is -0.0, by counting the values instead (Knuth, The Art
   * of Computer Programming vol. 3, section 5.2, distribution counting): linear time, and each value
   * written back is the integer it was, bit for bit.
   */
  static void sort(double[] d) {
    if (d.length < 64) {
      Arrays.sort(d);
      return;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : d) {
      if (v != Math.rint(v) || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) { // NaN, fractions, -0.0
        Arrays.sort(d);
        return;
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (max - min >= COUNTING_RANGE) { // also infinities
      Arrays.sort(d);
      return;
    }
    int[] count = new int[(int) (max - min) + 1];
    for (double v : d) {
      count[(int) (v - min)]++;
    }
    int k = 0;
    for (int c = 0; c < count.length; c++) {
      double v = min + c;
      for (int n = count[c]; n > 0; n--) {
        d[k++] = v;
      }
    }
  }
}
