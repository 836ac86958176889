package org.trialstat.model;

/**
 * The median, quartiles and range of one sample, all NaN when it is empty.
 *
 * @param median the median (the same under every {@link QuantileType})
 * @param q1     the first quartile, by {@code type}
 * @param q3     the third quartile, by {@code type}
 * @param min    the smallest value
 * @param max    the largest value
 * @param type   the quartile definition
 */
public record QuantileSummary(double median, double q1, double q3, double min, double max, QuantileType type) {
}
