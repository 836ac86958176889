package org.trialstat.io;

/**
 * {@link CsvRecords} whose fields lie, trimmed, in a character array, for reading them without a
 * {@code String} each ({@link CharRowCells}): field i of the current record is
 * {@code chars()[from(i), to(i))}, valid until the next {@link #next()}.
 */
interface CharRecords extends CsvRecords {

  /** The characters of the text up to the end of the current record (its line break included). */
  long consumed();

  /** The characters of the current record's fields. */
  char[] chars();

  /** Where field i of the current record starts in {@link #chars()}. */
  int from(int i);

  /** Where field i of the current record ends in {@link #chars()}. */
  int to(int i);

  @Override
  default String get(int i) {
    int from = from(i);
    int to = to(i);
    return from == to ? "" : new String(chars(), from, to - from);
  }

  @Override
  default boolean isBlank() {
    for (int i = 0, n = size(); i < n; i++) {
      if (from(i) != to(i)) {
        return false;
      }
    }
    return true;
  }
}
