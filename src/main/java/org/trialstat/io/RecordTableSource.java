package org.trialstat.io;

import java.util.Collections;
import java.util.List;
import org.trialstat.model.DataException;

/**
 * What the sources of record formats (SAS transport, Dataset-JSON, sas7bdat) share: typed columns, rows
 * counted as 1-based records, and messages that name the record and the variable
 * ({@link DataException#atRecord}).
 */
abstract class RecordTableSource implements TableSource {

  private final String file;
  private List<Column> columns = List.of();
  /** The current record (1-based), 0 before the first. */
  long record;

  RecordTableSource(String file) {
    this.file = file;
  }

  /** Sets the columns once the header is read. */
  final void columns(List<Column> cols) {
    this.columns = Collections.unmodifiableList(cols);
  }

  @Override
  public final String file() {
    return file;
  }

  @Override
  public final List<Column> columns() {
    return columns;
  }

  @Override
  public final int width() {
    return columns.size();
  }

  @Override
  public final long row() {
    return record;
  }

  @Override
  public final String rowUnit() {
    return "record";
  }

  @Override
  public final DataException error(int column, String message) {
    return DataException.atRecord(file, record, column < 0 ? null : columns.get(column).name(), message);
  }

  @Override
  public final DataException headerError(int column, String message) {
    return DataException.atRecord(file, 0, column < 0 ? null : columns.get(column).name(), message);
  }

  @Override
  public final long headerLine() {
    return 0;
  }

  /** The column, checked to be numeric (for {@link #number}). */
  final void requireNumeric(int column) {
    if (columns.get(column).type() != ColumnType.NUMERIC) {
      throw new IllegalStateException("column " + columns.get(column).name() + " is character");
    }
  }
}
