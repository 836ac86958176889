package org.trialstat.io;

/**
 * {@link Cells}' checks of a score, a diagnosis flag and a week for a cell given as a range of
 * characters ({@code b[from, to)}, trimmed), such as {@link SimpleCsvRecords} hands them on: the
 * common cases (missing, a number within range, a one-letter flag) are decided from the characters,
 * every other cell is made a {@code String} and passed to {@code Cells}, so the values and the messages
 * are exactly those of {@code Cells}.
 */
final class CharCells {

  private CharCells() {
  }

  /** {@link Cells#score(String, double, double, boolean, String, String, long, int)} of the cell. */
  static double score(char[] b, int from, int to, double min, double max, boolean decimalComma,
      String columnName, String file, long line, int column) {
    if (PlainDecimal.isMissing(b, from, to)) {
      return Double.NaN;
    }
    double v = PlainDecimal.parse(b, from, to, decimalComma);
    if (v >= min && v <= max && !Double.isInfinite(v)) { // false for NaN
      return v;
    }
    return Cells.score(new String(b, from, to - from), min, max, decimalComma, columnName, file, line, column);
  }

  /**
   * {@link Cells#diagnosis} of the cell, as a byte: 1 yes, 0 no, -1 missing.
   */
  static byte diagnosis(char[] b, int from, int to, String columnName, String file, long line, int column) {
    if (PlainDecimal.isMissing(b, from, to)) {
      return -1;
    }
    if (to - from == 1) {
      switch (b[from]) {
        case '1': case 'Y': case 'y':
          return 1;
        case '0': case 'N': case 'n':
          return 0;
        default:
          break;
      }
    }
    return Cells.toByte(Cells.diagnosis(new String(b, from, to - from), columnName, file, line, column));
  }

  /** {@link Cells#week} of the cell. */
  static double week(char[] b, int from, int to, boolean decimalComma, String columnName, String file,
      long line, int column) {
    if (PlainDecimal.isMissing(b, from, to)) {
      return Double.NaN;
    }
    double v = PlainDecimal.parse(b, from, to, decimalComma);
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      return v;
    }
    return Cells.week(new String(b, from, to - from), decimalComma, columnName, file, line, column);
  }
}
