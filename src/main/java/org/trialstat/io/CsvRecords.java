package org.trialstat.io;

/**
 * The records of a delimited text, one at a time, as {@link CsvTableSource} reads them: Apache Commons
 * CSV's parser ({@link CommonsCsvRecords}) or, for a file whose quoting is simple
 * ({@link SimpleQuoting}), the splitter {@link SimpleCsvRecords}. Both give the same fields (up to surrounding whitespace, which the
 * source strips), the same lines and the same problems for the same text.
 */
interface CsvRecords {

  /**
   * Moves to the next record, blank ones included; the fields of the previous record are then gone.
   *
   * @return false at the end of the text
   * @throws org.trialstat.model.DataException for a problem with the text
   */
  boolean next();

  /** The number of fields of the current record (at least 1). */
  int size();

  /** A field of the current record, surrounding whitespace possibly not yet stripped. */
  String get(int i);

  /** Whether every field of the current record is blank (empty or whitespace only). */
  default boolean isBlank() {
    for (int i = 0, n = size(); i < n; i++) {
      if (!get(i).isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The physical line (1-based) where the current record starts. */
  long line();
}
