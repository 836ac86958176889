package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis ranges and tick values that read well: Heckbert's "loose labelling" (P. S. Heckbert, "Nice numbers
 * for graph labels", in A. S. Glassner (ed.), Graphics Gems, Academic Press 1990, pp. 61-63). The tick
 * step is a nice number (1, 2 or 5 times a power of ten) close to range / (n - 1); the axis runs from the
 * largest multiple of the step at or below the data minimum to the smallest at or above the maximum.
 *
 * <p>Edge cases: an empty range (min == max) is widened to min - 1 .. min + 1 (or +-|min|/10 when that is
 * larger), so a single value still gets an axis; non-finite bounds are rejected by the caller. Ticks are
 * computed as integer multiples of the step (not by repeated addition), so that 0.1 + 0.2 rounding does
 * not produce 0.30000000000000004 labels.
 *
 * @param min      axis minimum (a multiple of step)
 * @param max      axis maximum (a multiple of step)
 * @param step     tick spacing
 * @param decimals decimals needed to print every tick exactly (Heckbert's nfrac)
 */
record NiceTicks(double min, double max, double step, int decimals) {

  /** Heckbert's loose labelling of [lo, hi] with about {@code target} ticks. */
  static NiceTicks of(double lo, double hi, int target) {
    if (!(lo <= hi)) {
      throw new IllegalArgumentException("expected lo <= hi, got " + lo + ", " + hi);
    }
    if (lo == hi) {
      double pad = Math.max(1, Math.abs(lo) / 10);
      lo -= pad;
      hi += pad;
    }
    double range = nice(hi - lo, false);
    double step = nice(range / Math.max(1, target - 1), true);
    double min = Math.floor(lo / step) * step;
    double max = Math.ceil(hi / step) * step;
    int decimals = (int) Math.max(-Math.floor(Math.log10(step)), 0);
    return new NiceTicks(clean(min, decimals), clean(max, decimals), step, decimals);
  }

  /** The tick values from min to max. */
  List<Double> values() {
    List<Double> out = new ArrayList<>();
    long first = Math.round(min / step);
    long last = Math.round(max / step);
    for (long k = first; k <= last; k++) {
      out.add(clean(k * step, decimals));
    }
    return out;
  }

  /**
   * Heckbert's nicenum: a nice number near x; rounded to the nearest of 1, 2, 5, 10 (times a power of
   * ten) when {@code round}, else the smallest of them at or above x.
   */
  static double nice(double x, boolean round) {
    double exp = Math.floor(Math.log10(x));
    double f = x / Math.pow(10, exp);
    double nf;
    if (round) {
      nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    } else {
      nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    }
    return nf * Math.pow(10, exp);
  }

  /** x rounded to {@code decimals} decimals, so that a tick prints as its nice value. */
  private static double clean(double x, int decimals) {
    double s = Math.pow(10, decimals + 2);
    double r = Math.round(x * s) / s;
    return r == 0 ? 0 : r; // no -0
  }
}
