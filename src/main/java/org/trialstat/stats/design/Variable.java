package org.trialstat.stats.design;

import java.util.Objects;

/**
 * A term that is one variable of the data, {@link Numeric} or {@link Factor}: its name is the term's
 * name (R: the variable as written in the formula).
 */
public abstract sealed class Variable implements Term permits Numeric, Factor {

  private final String name;

  /** @param name the variable name */
  Variable(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public final String name() {
    return name;
  }
}
