package org.trialstat.io;

/**
 * A condition on the rows of a table, applied while reading, before any cell is validated and before the
 * one-row-per-visit check: a row that fails it is removed and counted (by the first filter it fails, in
 * the order given). {@link WhereFilter} is the filter of {@code --where}, {@code --param} and
 * {@code --population}.
 */
public interface RowFilter {

  /** The filter as the user wrote it, for the row accounting ({@code PARAMCD=CAPS5TOT}). */
  String expression();

  /**
   * Resolves the filter against a table's columns.
   *
   * @throws org.trialstat.model.InvalidOptionException when it names a column the table lacks (listing
   *         the columns) or compares a numeric column with text
   */
  Test bind(TableSource source);

  /** A filter bound to one table. */
  @FunctionalInterface
  interface Test {
    /** Whether the current row of {@code source} is kept. */
    boolean keeps(TableSource source);
  }
}
