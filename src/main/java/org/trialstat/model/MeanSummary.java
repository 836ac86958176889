package org.trialstat.model;

/**
 * Descriptive statistics of one sample, with the standard error and t-based confidence interval of its
 * mean. SD, SE and the interval are NaN (with a reason) when n &lt; 2.
 *
 * @param n         number of values
 * @param mean      arithmetic mean, or NaN when n is 0
 * @param sd        sample standard deviation (denominator n - 1), or NaN
 * @param se        sd / sqrt(n), or NaN
 * @param ciLow     mean - t(1 - (1 - level) / 2, n - 1) * se, or NaN
 * @param ciHigh    mean + t(1 - (1 - level) / 2, n - 1) * se, or NaN
 * @param confLevel confidence level of the interval
 * @param method    what was computed, for example "mean, t-based CI (n - 1 df)"
 * @param reason    why numbers are missing; null when estimable
 */
public record MeanSummary(int n, double mean, double sd, double se, double ciLow, double ciHigh,
    double confLevel, String method, String reason) {
}
