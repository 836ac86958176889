package org.trialstat.io;

import org.trialstat.model.StringDictionary;

/**
 * {@link RowCells} of a simply quoted CSV file ({@link SimpleQuoting}): each cell read where {@link CharRecords} hold it,
 * as a range of its character buffer (trimmed, so equal to {@link CsvTableSource#text}): codes by
 * {@link StringDictionary#code(char[], int, int)}, numbers and flags by {@link CharCells}; a
 * {@code String} only for {@link #text} and for a cell that is not a plain value.
 */
final class CharRowCells implements RowCells {

  private final CharRecords records;
  /** The source of the records, for the file name and the decimal comma. */
  private final TableSource src;

  CharRowCells(CharRecords records, TableSource src) {
    this.records = records;
    this.src = src;
  }

  @Override
  public String text(int col) {
    return records.get(col);
  }

  @Override
  public boolean isEmpty(int col) {
    return records.from(col) == records.to(col);
  }

  @Override
  public boolean is(int col, String value) {
    int from = records.from(col);
    if (records.to(col) - from != value.length()) {
      return false;
    }
    char[] b = records.chars();
    for (int i = 0; i < value.length(); i++) {
      if (b[from + i] != value.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int code(int col, StringDictionary dictionary) {
    return dictionary.code(records.chars(), records.from(col), records.to(col));
  }

  @Override
  public double score(int col, double min, double max, String name, long row) {
    return CharCells.score(records.chars(), records.from(col), records.to(col), min, max, src.decimalComma(),
        name, src.file(), row, col + 1);
  }

  @Override
  public byte diagnosis(int col, String name, long row) {
    return CharCells.diagnosis(records.chars(), records.from(col), records.to(col), name, src.file(), row, col + 1);
  }

  @Override
  public double week(int col, String name, long row) {
    return CharCells.week(records.chars(), records.from(col), records.to(col), src.decimalComma(), name,
        src.file(), row, col + 1);
  }
}
