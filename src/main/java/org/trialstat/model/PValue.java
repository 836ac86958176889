package org.trialstat.model;

/**
 * A test that gives only a p value, for example Fisher's exact test.
 *
 * @param p      two-sided p value, or NaN when not computed
 * @param method the test, for example "Fisher exact test, two-sided"
 */
public record PValue(double p, String method) implements EffectValue {

  @Override
  public double estimate() {
    return Double.NaN;
  }

  @Override
  public double ciLow() {
    return Double.NaN;
  }

  @Override
  public double ciHigh() {
    return Double.NaN;
  }
}
