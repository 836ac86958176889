package org.trialstat.report;

import java.util.Arrays;

/**
 * A text forest plot cell: the study's interval as {@code ---o---} (pooled: {@code <==o==>}, prediction
 * interval: {@code [.......]}) on a common axis of {@link #WIDTH} characters that includes the null
 * value, marked {@code |} (also inside an interval that crosses it). Positions are linear on the analysis scale (log for ratios), so that
 * symmetric intervals look symmetric.
 */
final class MetaForest {

  /** Characters of the plot column. */
  static final int WIDTH = 41;

  private final double min;
  private final double max;
  private final double nul;

  /**
   * @param nul    the null value on the analysis scale (0)
   * @param values every limit to be drawn (non-finite values are ignored)
   */
  MetaForest(double nul, double... values) {
    double lo = nul;
    double hi = nul;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    this.min = lo;
    this.max = hi;
    this.nul = nul;
  }

  /** The left end of the axis (analysis scale). */
  double min() {
    return min;
  }

  /** The right end of the axis (analysis scale). */
  double max() {
    return max;
  }

  private int pos(double x) {
    return (int) Math.round((x - min) / (max - min) * (WIDTH - 1));
  }

  private char[] axis() {
    char[] c = new char[WIDTH];
    Arrays.fill(c, ' ');
    c[pos(nul)] = '|';
    return c;
  }

  /** A study: {@code ---o---}. */
  String study(double est, double lo, double hi) {
    return draw(est, lo, hi, '-', '-', '-', 'o');
  }

  /** The pooled effect: {@code <==o==>}. */
  String pooled(double est, double lo, double hi) {
    return draw(est, lo, hi, '<', '=', '>', 'o');
  }

  /** The prediction interval: {@code [.....]}. */
  String prediction(double lo, double hi) {
    return draw(Double.NaN, lo, hi, '[', '.', ']', ' ');
  }

  private String draw(double est, double lo, double hi, char left, char fill, char right, char mark) {
    char[] c = axis();
    if (Double.isFinite(lo) && Double.isFinite(hi)) {
      int a = pos(lo);
      int b = pos(hi);
      for (int i = a; i <= b; i++) {
        c[i] = fill;
      }
      c[a] = left;
      c[b] = right;
    }
    int zero = pos(nul);
    if (c[zero] == fill) {
      c[zero] = '|';
    }
    if (Double.isFinite(est)) {
      c[pos(est)] = mark;
    }
    return new String(c).stripTrailing();
  }
}
