package org.trialstat.analysis;

/**
 * What {@code trialstat summary} was asked for.
 *
 * @param control      {@code --control}: the comparator arm of every study, or null (the {@code control}
 *                     column, else the one arm named like placebo, control, sham or comparator)
 * @param confLevel    level of every interval trialstat computes, in (0, 1)
 * @param inputCiLevel level of the published CIs of the change ({@code --input-ci-level}), in (0, 1)
 */
public record SummaryRequest(String control, double confLevel, double inputCiLevel) {

  public SummaryRequest {
    if (!(confLevel > 0 && confLevel < 1) || !(inputCiLevel > 0 && inputCiLevel < 1)) {
      throw new IllegalArgumentException("levels must be in (0, 1): " + confLevel + ", " + inputCiLevel);
    }
  }
}
