package org.trialstat.io;

import org.trialstat.model.StringDictionary;

/**
 * The cells of a {@link TableSource}'s current row as {@link TrialTableReader} checks them: coded into a
 * dictionary, parsed as a score, a diagnosis flag or a week, compared, and as text only where a string
 * is kept (a message, a filter, a derived baseline). {@link TextRowCells} reads any source through
 * {@link TableSource#text} and {@link TableSource#number}; {@link CharRowCells} reads the
 * characters of a simply quoted CSV file where they lie, without a {@code String} per cell. Both give the
 * same values and the same problems. The place in messages: the source's file, the given row, column
 * {@code col + 1}; the caller relocates them ({@link TableSource#error}).
 */
interface RowCells {

  /** The trimmed text of a cell ({@link TableSource#text}). */
  String text(int col);

  /** Whether the cell is empty. */
  boolean isEmpty(int col);

  /** Whether the cell's text is {@code value}. */
  boolean is(int col, String value);

  /** The cell's code in {@code dictionary} (added when new). */
  int code(int col, StringDictionary dictionary);

  /** The score in the cell ({@link Cells#score}): NaN when missing. */
  double score(int col, double min, double max, String name, long row);

  /** The diagnosis flag in the cell ({@link Cells#diagnosis}): 1 yes, 0 no, -1 missing. */
  byte diagnosis(int col, String name, long row);

  /** The week in the cell ({@link Cells#week}): NaN when missing. */
  double week(int col, String name, long row);
}
