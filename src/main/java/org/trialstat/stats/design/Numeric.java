package org.trialstat.stats.design;

import java.util.Objects;

/**
 * A numeric variable entering unscaled as one column named after it (R: a numeric variable in a
 * formula).
 */
public final class Numeric extends Variable {

  private final double[] values;

  /**
   * @param name   variable name (the column name)
   * @param values one value per observation (not copied: the caller does not change them afterwards)
   */
  public Numeric(String name, double[] values) {
    super(name);
    this.values = Objects.requireNonNull(values, "values");
  }

  /** The value of observation {@code obs}. */
  public double value(int obs) {
    return values[obs];
  }

  @Override
  public void code(int obs, double[] row, int offset) {
    row[offset] = values[obs];
  }

  @Override
  public void codeAt(Point at, double[] row, int offset) {
    row[offset] = at.value(this);
  }
}
