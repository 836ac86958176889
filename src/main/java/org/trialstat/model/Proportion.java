package org.trialstat.model;

/**
 * An event rate with its confidence interval.
 *
 * @param events    number of participants with the event
 * @param n         denominator
 * @param rate      events / n, or NaN when n is 0
 * @param ciLow     lower confidence limit, or NaN
 * @param ciHigh    upper confidence limit, or NaN
 * @param confLevel confidence level
 * @param method    interval method, for example "Wilson score"
 * @param reason    why numbers are missing; null when estimable
 */
public record Proportion(int events, int n, double rate, double ciLow, double ciHigh, double confLevel,
    String method, String reason) {
}
