package org.trialstat.io;

import java.util.List;
import org.trialstat.model.DataException;

/**
 * A table read row by row, whatever its file format: named columns (typed where the format declares
 * types), then rows of cells, with the place of each cell for messages (file, line or record, column or
 * variable). Implementations: {@link CsvTableSource} (CSV/TSV), {@link XptTableSource} (SAS transport),
 * {@link DatasetJsonTableSource} (CDISC Dataset-JSON) and {@link Sas7bdatTableSource}.
 *
 * <p>A source is used by one thread; {@link #next()} moves to the next row and invalidates the cells of
 * the previous one. Every problem with the input is a {@link DataException}.
 */
public interface TableSource extends AutoCloseable {

  /** The file name as the user gave it, for messages. */
  String file();

  /** The columns, in file order. */
  List<Column> columns();

  /**
   * Moves to the next data row (blank CSV rows are skipped).
   *
   * @return false at the end of the table
   */
  boolean next();

  /** Cells of the current row; CSV rows of another width than the header are reported by the source. */
  int width();

  /**
   * The text of a cell of the current row: CSV cells trimmed, character values right-trimmed, numbers of
   * a numeric column in shortest form ({@code 12}, {@code 12.5}), "" for a missing value.
   */
  String text(int column);

  /**
   * The number in a cell of a {@link ColumnType#NUMERIC} column, NaN when missing (SAS {@code .},
   * {@code .A}-{@code .Z}, {@code ._}; Dataset-JSON null).
   *
   * @throws IllegalStateException for a column of another type
   */
  double number(int column);

  /** The current row's number: its physical line (CSV) or its 1-based record number. */
  long row();

  /** "line" or "record": what {@link #row()} counts, for messages. */
  String rowUnit();

  /** A problem with a cell of the current row, located as the format locates cells. */
  DataException error(int column, String message);

  /** A problem with the header (the column names); {@code column} -1 when it concerns no one column. */
  DataException headerError(int column, String message);

  /** The line of the header row (CSV), 0 for formats that have none. */
  long headerLine();

  /** Whether a decimal comma is accepted in number cells (CSV with a semicolon delimiter). */
  default boolean decimalComma() {
    return false;
  }

  /** The delimiter of a delimited text file, for messages; ',' for other formats. */
  default char delimiter() {
    return ',';
  }

  /** Releases the file. */
  @Override
  void close();
}
