package org.trialstat.stats;

import org.apache.commons.statistics.descriptive.Quantile;
import org.trialstat.model.QuantileSummary;
import org.trialstat.model.QuantileType;

/**
 * Median, quartiles and range of one sample, by Commons Statistics' {@link Quantile} with the
 * Hyndman and Fan (1996, "Sample quantiles in statistical packages", The American Statistician
 * 50:361-365) definitions: {@link QuantileType#SAS} = HF2 (SAS PCTLDEF=5, the SAS default; R
 * {@code quantile(type = 2)}), {@link QuantileType#R7} = HF7 (R's default). The median is the usual
 * one (middle value, or the mean of the two middle values) under both; min and max are the extremes.
 *
 * <p>Edge cases: an empty sample gives NaN for every number; a single value is every quantile. A value
 * that is not finite (a change from baseline beyond the range of doubles, whose summary carries the
 * reason) also gives NaN for every number; missing values are removed by the caller. Immutable (static methods only).
 */
public final class SampleQuantiles {

  private static final double[] PROBABILITIES = {0.25, 0.5, 0.75};

  private SampleQuantiles() {
  }

  /**
   * The summary of {@code x} (not changed).
   *
   * @param x    the values
   * @param type the quartile definition
   * @return median, q1, q3, min, max
   */
  public static QuantileSummary summarize(double[] x, QuantileType type) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : x) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (x.length == 0 || !Double.isFinite(min) || !Double.isFinite(max)) { // max/min carry any NaN or infinity
      return new QuantileSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, type);
    }
    Quantile.EstimationMethod m = type == QuantileType.SAS ? Quantile.EstimationMethod.HF2
        : Quantile.EstimationMethod.HF7;
    double[] q = Quantile.withDefaults().withCopy(true).with(m).evaluate(x, PROBABILITIES);
    return new QuantileSummary(q[1], q[0], q[2], min, max, type);
  }
}
