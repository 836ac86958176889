package org.trialstat.io;

import org.trialstat.model.DataException;
import org.trialstat.model.StringDictionary;

/**
 * {@link RowCells} of any {@link TableSource}: the text of a cell from {@link TableSource#text}, the
 * number of a declared numeric column from {@link TableSource#number}.
 */
final class TextRowCells implements RowCells {

  private final TableSource src;
  private final String file;
  private final boolean decimalComma;

  TextRowCells(TableSource src) {
    this.src = src;
    this.file = src.file();
    this.decimalComma = src.decimalComma();
  }

  @Override
  public String text(int col) {
    return src.text(col);
  }

  @Override
  public boolean isEmpty(int col) {
    return src.text(col).isEmpty();
  }

  @Override
  public boolean is(int col, String value) {
    return src.text(col).equals(value);
  }

  @Override
  public int code(int col, StringDictionary dictionary) {
    return dictionary.code(src.text(col));
  }

  @Override
  public double score(int col, double min, double max, String name, long row) {
    if (numeric(col)) {
      return Cells.score(src.number(col), min, max, name, file, row, col + 1);
    }
    return Cells.score(src.text(col), min, max, decimalComma, name, file, row, col + 1);
  }

  @Override
  public byte diagnosis(int col, String name, long row) {
    return Cells.toByte(Cells.diagnosis(src.text(col), name, file, row, col + 1));
  }

  @Override
  public double week(int col, String name, long row) {
    if (!numeric(col)) {
      return Cells.week(src.text(col), decimalComma, name, file, row, col + 1);
    }
    double v = src.number(col);
    if (Double.isInfinite(v)) {
      throw new DataException(file, row, col + 1, "week " + Cells.format(v) + " in column " + name
          + " is too large; expected a week number such as 0, 6 or 12.5, or missing if unknown");
    }
    return v;
  }

  private boolean numeric(int col) {
    return src.columns().get(col).type() == ColumnType.NUMERIC;
  }
}
