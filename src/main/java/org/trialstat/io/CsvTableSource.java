package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntPredicate;
import org.trialstat.model.DataException;

/**
 * A delimited text file (CSV, semicolon or tab separated) as a {@link TableSource}: the one lexer of
 * trial, summary and claims files. The text is decoded and watched by {@link GuardedReader} (strict
 * UTF-8 or UTF-16 with a byte-order mark, physical line numbers, the field-length limit, where a quoted
 * field opened) and split into fields by Apache Commons CSV (RFC 4180; {@code ""} inside quotes;
 * surrounding whitespace ignored; {@link CommonsCsvRecords}), or, for a file whose quoting is simple
 * (no quote character, or quotes only around whole fields without quotes and line breaks:
 * {@link SimpleQuoting}, decided once the delimiter is known), by {@link SimpleCsvRecords}, which gives
 * the same records, lines and messages about three times faster (docs/benchmarks.md). The delimiter is detected from the first non-blank
 * line (see {@link TrialCsvReader#detectDelimiter}); that line is the header. An Excel {@code sep=;} first line
 * names the delimiter instead (comma, semicolon or tab) and the header is the line after it. Cells are trimmed; rows whose cells
 * are all blank are skipped. Columns are {@link ColumnType#UNTYPED}: the reader interprets the text.
 *
 * <p>With {@code sameWidth} every data row must have as many fields as the header (trial files);
 * without it rows may be shorter or longer (summary and claims files check their own cells).
 */
final class CsvTableSource implements TableSource {

  /** How much of the first line is inspected to choose the delimiter. */
  private static final int PEEK_LIMIT = 64 * 1024;

  private final String file;
  private final char delimiter;
  /** The delimiter that an Excel {@code sep=} first line declares, or null. */
  private final String declared;
  private final boolean sameWidth;
  private final CsvRecords records;
  private final List<Column> columns;
  private final long headerLine;
  private long line;
  private InputStream owned;
  /** The size of the file in bytes, or 0 when unknown (a stream). */
  private long bytes;

  /** {@code simple}: given the delimiter, whether {@link SimpleCsvRecords} may split the text. */
  private CsvTableSource(String file, GuardedReader text, boolean sameWidth, IntPredicate simple) {
    this.file = file;
    this.sameWidth = sameWidth;
    try {
      String firstLine = text.peekFirstNonBlankLine(PEEK_LIMIT);
      declared = declaredSeparator(firstLine);
      delimiter = declared == null ? TrialCsvReader.detectDelimiter(firstLine)
          : declared.length() == 1 ? declared.charAt(0) : ',';
    } catch (GuardedReader.DataIOException e) {
      throw e.data();
    }
    text.setDelimiter(delimiter);
    records = simple.test(delimiter) ? new SimpleCsvRecords(text, file, delimiter)
        : new CommonsCsvRecords(text, file, delimiter);
    if (!headerFound()) {
      columns = List.of();
      headerLine = 0;
    } else {
      List<Column> cols = new ArrayList<>(records.size());
      for (int i = 0, n = records.size(); i < n; i++) {
        cols.add(Column.untyped(records.get(i).strip()));
      }
      columns = Collections.unmodifiableList(cols);
      headerLine = records.line();
    }
  }

  /** Moves to the header record (after an Excel {@code sep=} line); false when there is none. */
  private boolean headerFound() {
    boolean found = nextNonBlank();
    if (declared != null && found) {
      if (declared.length() != 1 || ",;\t".indexOf(declared.charAt(0)) < 0) {
        throw new DataException(file, records.line(), 1, "the first line " + Cells.quote("sep=" + declared)
            + " declares a delimiter trialstat does not read; expected sep=, sep=; or sep= and a tab (or no"
            + " sep= line: the delimiter is then detected from the header)");
      }
      found = nextNonBlank(); // Excel's "sep=;" line is not the header
    }
    return found;
  }

  /**
   * Opens CSV bytes (UTF-8, or UTF-16 with a byte-order mark). Closing the source does not close
   * {@code in}'s owner's resources beyond {@code in} itself.
   */
  static CsvTableSource ofBytes(InputStream in, String file, boolean sameWidth) {
    return ofBytes(in, file, sameWidth, d -> false, GuardedReader.MAX_FIELD_CHARS);
  }

  /**
   * As {@link #ofBytes(InputStream, String, boolean)}; {@code simple}: given the delimiter, whether the
   * text's quoting is simple ({@link SimpleQuoting}), to split it without Commons CSV. With a
   * field-length limit (for tests).
   */
  static CsvTableSource ofBytes(InputStream in, String file, boolean sameWidth, IntPredicate simple, int maxField) {
    try {
      return new CsvTableSource(file, GuardedReader.ofBytes(in, file, maxField), sameWidth, simple);
    } catch (GuardedReader.DataIOException e) {
      throw e.data();
    }
  }

  /**
   * Opens a CSV file (trial data: every row as wide as the header); {@link #close()} closes it. A regular
   * file whose quoting is simple for its delimiter ({@link SimpleQuoting#isSimple(Path, char)}, a pass
   * over the bytes) is split by {@link SimpleCsvRecords}.
   */
  static CsvTableSource open(Path path, String file) {
    InputStream in = InputFiles.open(path, file);
    try {
      CsvTableSource src = ofBytes(in, file, true, d -> SimpleQuoting.isSimple(path, (char) d),
          GuardedReader.MAX_FIELD_CHARS);
      src.owned = in;
      src.bytes = size(path);
      return src;
    } catch (RuntimeException e) {
      InputFiles.closeQuietly(in);
      throw e;
    }
  }

  /** Opens decoded CSV text. */
  static CsvTableSource ofChars(Reader in, String file, boolean sameWidth) {
    try {
      return new CsvTableSource(file, GuardedReader.ofChars(in, file), sameWidth, d -> false);
    } catch (GuardedReader.DataIOException e) {
      throw e.data();
    }
  }

  @Override
  public String file() {
    return file;
  }

  @Override
  public List<Column> columns() {
    return columns;
  }

  /** Whether the file has no header (no non-blank row at all). */
  boolean isEmpty() {
    return columns.isEmpty() && headerLine == 0;
  }

  @Override
  public boolean next() {
    if (!nextNonBlank()) {
      return false;
    }
    line = records.line();
    int n = records.size();
    int width = columns.size();
    if (sameWidth && n != width) {
      throw new DataException(file, line, Math.min(n, width) + 1, "row has " + n + (n == 1 ? " field" : " fields")
          + " but the header (line " + headerLine + ") has " + width + "; expected " + width
          + " fields separated by " + TrialCsvReader.delimiterName(delimiter)
          + (n > width ? " (quote a cell that contains the delimiter)" : ""));
    }
    return true;
  }

  @Override
  public int width() {
    return records.size();
  }

  @Override
  public String text(int column) {
    return records.get(column).strip();
  }

  /** The cells of the current row for the trial reader: where they lie for a simply quoted file. */
  RowCells cells() {
    return records instanceof CharRecords q ? new CharRowCells(q, this)
        : new TextRowCells(this);
  }

  @Override
  public double number(int column) {
    throw new IllegalStateException("CSV columns are untyped: read the text");
  }

  @Override
  public long row() {
    return line;
  }

  @Override
  public String rowUnit() {
    return "line";
  }

  @Override
  public DataException error(int column, String message) {
    return new DataException(file, cellLine(column), column + 1, message);
  }

  /** The same problem, moved to the physical line of its cell (which may follow embedded line breaks). */
  DataException relocate(DataException e) {
    long l = cellLine(e.column() - 1);
    return l == e.line() ? e : new DataException(e.file(), l, e.column(), e.getMessage());
  }

  @Override
  public DataException headerError(int column, String message) {
    return new DataException(file, headerLine, column + 1, message);
  }

  @Override
  public long headerLine() {
    return headerLine;
  }

  @Override
  public boolean decimalComma() {
    return delimiter == ';';
  }

  @Override
  public char delimiter() {
    return delimiter;
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException | SecurityException e) {
      return 0; // the reading reports what is wrong
    }
  }

  /**
   * The number of records the whole file holds, estimated from the records read so far
   * ({@code records} of them) and the share of the file they took (characters counted as bytes, so
   * more records than there are in a file with many multi-byte characters), or -1 when the size of
   * the file or the characters read are not known. For sizing the reader's arrays once.
   */
  long estimatedRecords(long records) {
    if (bytes == 0 || !(this.records instanceof CharRecords r) || r.consumed() <= 0) {
      return -1;
    }
    return (long) (bytes / (double) r.consumed() * records * 1.02) + 1024;
  }

  @Override
  public void close() {
    if (owned != null) { // else the caller owns the underlying stream or reader
      try {
        owned.close();
      } catch (IOException e) {
        throw GuardedReader.cannotRead(file, e);
      }
    }
  }

  /** The line of a cell: the record's line plus the line breaks inside the fields before it. */
  long cellLine(int col) {
    long l = line;
    for (int i = 0; i < col && i < records.size(); i++) {
      String v = records.get(i);
      for (int k = 0; k < v.length(); k++) {
        char c = v.charAt(k);
        if (c == '\n' || (c == '\r' && (k + 1 == v.length() || v.charAt(k + 1) != '\n'))) {
          l++;
        }
      }
    }
    return l;
  }

  /**
   * The text after {@code sep=} when the first non-blank line is Excel's delimiter declaration
   * ({@code sep=;}, case-insensitive, optionally in quotes, nothing else on the line), or null. Excel
   * writes and reads this line in CSV files for locales whose list separator is not the comma; it is
   * not part of RFC 4180.
   */
  static String declaredSeparator(String firstLine) {
    if (firstLine == null) {
      return null;
    }
    String t = firstLine.stripLeading();
    String trimmed = t.stripTrailing();
    if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
      t = trimmed.substring(1, trimmed.length() - 1);
    }
    if (!t.regionMatches(true, 0, "sep=", 0, 4)) {
      return null;
    }
    String sep = t.substring(4);
    return sep.equals("\t") || sep.isBlank() ? sep : sep.strip();
  }

  /** Moves to the next record that is not blank; false at the end. */
  private boolean nextNonBlank() {
    while (records.next()) {
      if (!records.isBlank()) {
        return true;
      }
    }
    return false;
  }
}
