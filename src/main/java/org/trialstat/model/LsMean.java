package org.trialstat.model;

/**
 * A least-squares mean (model-based mean) of one arm at one visit from a repeated-measures model.
 *
 * @param arm       the arm
 * @param visit     the visit
 * @param n         number of observations of that arm at that visit used in the fit
 * @param estimate  the LS mean, or NaN
 * @param se        its model-based standard error, or NaN
 * @param df        denominator degrees of freedom (possibly fractional), or NaN
 * @param ciLow     estimate - t(1 - (1 - level) / 2, df) * se, or NaN
 * @param ciHigh    estimate + t(1 - (1 - level) / 2, df) * se, or NaN
 * @param confLevel confidence level of the interval
 */
public record LsMean(String arm, String visit, int n, double estimate, double se, double df, double ciLow,
    double ciHigh, double confLevel) {
}
