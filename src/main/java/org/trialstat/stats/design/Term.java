package org.trialstat.stats.design;

import java.util.List;

/**
 * One term of a linear model's fixed effects, as in an R formula: the intercept, a numeric variable,
 * a factor in reference (treatment) coding, or an interaction of terms. A term knows the names of the
 * design-matrix columns it contributes and codes one observation into them.
 *
 * <p>Column names follow R's {@code model.matrix}: {@code (Intercept)}; a numeric variable's name
 * ({@code baseline}); a factor's name followed by the level ({@code armMDMA}); the components of an
 * interaction joined by {@code :} ({@code visitweek12:armMDMA}), the first component varying fastest.
 * Labels are the same columns in words for messages ({@code arm MDMA}, {@code baseline x visit
 * week12}).
 *
 * <p>Observations are addressed by their index in the data the terms were built on; a term writes all
 * of its columns (zeros included) into {@code row[offset .. offset + width())}.
 */
public sealed interface Term permits Intercept, Variable, Interaction {

  /** The term as written in a formula: {@code (Intercept)}, {@code baseline}, {@code visit:arm}. */
  String name();

  /**
   * R {@code model.matrix} names of the term's columns; by default one column named as the term (the
   * intercept, a numeric variable).
   */
  default List<String> columnNames() {
    return List.of(name());
  }

  /** The term's columns in words, for messages; by default its column names. */
  default List<String> columnLabels() {
    return columnNames();
  }

  /** Number of design columns. */
  default int width() {
    return columnNames().size();
  }

  /** Writes observation {@code obs}'s coding into {@code row[offset ..]}. */
  void code(int obs, double[] row, int offset);

  /**
   * Writes the coding of a reference point (an LS-mean coefficient vector): each factor at the level
   * weights {@code at} gives it, each numeric variable at the value {@code at} gives it.
   */
  void codeAt(Point at, double[] row, int offset);

  /** A reference point of the covariates, for {@link #codeAt}. */
  interface Point {
    /** Weights of the factor's levels (in {@link Factor#levels()} order), summing to 1. */
    double[] weights(Factor f);

    /** The value of the numeric variable. */
    double value(Numeric n);
  }
}
