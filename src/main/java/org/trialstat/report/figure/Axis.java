package org.trialstat.report.figure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A mapping from data values to one screen coordinate, linear or logarithmic (base 10), with its ticks.
 *
 * <p>Linear: {@code p = p0 + (v - min) / (max - min) * (p1 - p0)}, ticks by {@link NiceTicks}.
 * Logarithmic: the same in log10(v); ticks at 1, 2 and 5 times the powers of ten when the data span at
 * most two decades, else at the powers of ten only (the usual choice for ratio scales in forest plots,
 * for example the Cochrane Handbook's figures), with the axis widened to the enclosing ticks.
 * Values outside the axis map outside [p0, p1] (callers clip); a log axis maps v &lt;= 0 to NaN.
 */
final class Axis {
  /** The two kinds of scale. */
  enum Kind {
    LINEAR, LOG
  }

  private final Kind kind;
  private final double min;
  private final double max;
  private final double p0;
  private final double p1;
  private final List<Double> ticks;
  private final int decimals;

  private Axis(Kind kind, double min, double max, double p0, double p1, List<Double> ticks, int decimals) {
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.p0 = p0;
    this.p1 = p1;
    this.ticks = List.copyOf(ticks);
    this.decimals = decimals;
  }

  /** A linear axis over the nice range enclosing [lo, hi], drawn from p0 (at the minimum) to p1. */
  static Axis linear(double lo, double hi, double p0, double p1) {
    NiceTicks t = NiceTicks.of(lo, hi, 6);
    return new Axis(Kind.LINEAR, t.min(), t.max(), p0, p1, t.values(), t.decimals());
  }

  /** A log10 axis enclosing [lo, hi] (both &gt; 0), drawn from p0 (at the minimum) to p1. */
  static Axis log(double lo, double hi, double p0, double p1) {
    if (!(lo > 0) || !(hi >= lo)) {
      throw new IllegalArgumentException("a log axis needs 0 < lo <= hi, got " + lo + ", " + hi);
    }
    int eLo = (int) Math.floor(Math.log10(lo) + 1e-12);
    int eHi = (int) Math.ceil(Math.log10(hi) - 1e-12);
    if (eHi == eLo) {
      eHi++;
    }
    double[] mantissas = eHi - eLo <= 2 ? new double[] {1, 2, 5} : new double[] {1};
    List<Double> all = new ArrayList<>();
    for (int e = eLo; e <= eHi; e++) {
      for (double m : mantissas) {
        double v = Double.parseDouble(m + "e" + e); // exact decimal, no pow rounding
        all.add(v);
        if (e == eHi) {
          break;
        }
      }
    }
    // the tightest ticks enclosing [lo, hi]
    int first = 0;
    while (first + 1 < all.size() && all.get(first + 1) <= lo) {
      first++;
    }
    int last = all.size() - 1;
    while (last - 1 >= 0 && all.get(last - 1) >= hi) {
      last--;
    }
    List<Double> ticks = all.subList(first, last + 1);
    int decimals = (int) Math.max(0, -Math.floor(Math.log10(ticks.get(0)) + 1e-12));
    return new Axis(Kind.LOG, ticks.get(0), ticks.get(ticks.size() - 1), p0, p1, ticks, decimals);
  }

  Kind kind() {
    return kind;
  }

  double min() {
    return min;
  }

  double max() {
    return max;
  }

  /** Screen coordinate at the axis minimum. */
  double start() {
    return p0;
  }

  /** Screen coordinate at the axis maximum. */
  double end() {
    return p1;
  }

  List<Double> ticks() {
    return ticks;
  }

  /** The screen coordinate of a data value (NaN for v &lt;= 0 on a log axis). */
  double map(double v) {
    if (kind == Kind.LOG) {
      if (!(v > 0)) {
        return Double.NaN;
      }
      return p0 + (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) * (p1 - p0);
    }
    return p0 + (v - min) / (max - min) * (p1 - p0);
  }

  /** The screen coordinate of v, clamped to the axis. */
  double mapClamped(double v) {
    double p = map(v);
    double lo = Math.min(p0, p1);
    double hi = Math.max(p0, p1);
    return Double.isNaN(p) ? p0 : Math.max(lo, Math.min(hi, p));
  }

  /** True when v lies on the drawn axis. */
  boolean contains(double v) {
    return v >= min && v <= max;
  }

  /** A tick label: as many decimals as the ticks need, in Locale.ROOT. */
  String label(double tick) {
    int d = kind == Kind.LOG ? (int) Math.max(0, -Math.floor(Math.log10(tick) + 1e-12)) : decimals;
    String s = String.format(Locale.ROOT, "%." + d + "f", tick);
    return s.startsWith("-") && Double.parseDouble(s) == 0 ? s.substring(1) : s;
  }
}
