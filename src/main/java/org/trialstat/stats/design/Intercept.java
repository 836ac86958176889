package org.trialstat.stats.design;

/** The intercept: one column of ones, named {@code (Intercept)} as in R. */
public record Intercept() implements Term {

  private static final String NAME = "(Intercept)";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void code(int obs, double[] row, int offset) {
    row[offset] = 1;
  }

  @Override
  public void codeAt(Point at, double[] row, int offset) {
    row[offset] = 1;
  }
}
