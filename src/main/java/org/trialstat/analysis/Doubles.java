package org.trialstat.analysis;

import java.util.Arrays;

/** A growing array of doubles, without a boxed {@code Double} per value. One thread. */
final class Doubles {

  private double[] values = new double[16];
  private int size;

  void add(double v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  /** A sorted copy of the values (a statistic that sees them sorted does not depend on the row order). */
  double[] sorted() {
    double[] d = Arrays.copyOf(values, size);
    Arrays.sort(d);
    return d;
  }
}
