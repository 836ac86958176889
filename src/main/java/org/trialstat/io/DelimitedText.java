package org.trialstat.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.trialstat.model.DataException;
import org.trialstat.model.Printable;

/**
 * A small delimited text file (summary and claims files) read by the lexer of the trial files
 * ({@link CsvTableSource}): UTF-8 with or without a byte-order mark or UTF-16 with one, LF, CRLF or CR,
 * RFC 4180 quoting, the delimiter (comma, semicolon or tab) detected from the header line, cells trimmed,
 * blank lines skipped; header names are matched ignoring case. Rows may be shorter than the header (the
 * missing cells are empty) and longer when the extra cells are empty. What a cell means (the
 * "not reported" tokens, the minus sign U+2212) is this file kind's own. Every problem is a
 * {@link DataException} naming file, line and column.
 *
 * @param file       the file's name in messages
 * @param delimiter  the delimiter detected from the header line
 * @param header     header names, lower case, in column order
 * @param records    data records with their 1-based line numbers
 * @param headerLine 1-based line of the header
 */
record DelimitedText(String file, char delimiter, List<String> header, List<Record> records, long headerLine) {
  /** Larger files are refused: summary and claims files are a few kilobytes. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("\\+?\\d{1,9}");

  /**
   * One data record.
   *
   * @param line      the physical line where the record starts
   * @param cells     the trimmed cells
   * @param cellLines the physical line of each cell (later than {@code line} after a quoted line break)
   */
  record Record(long line, List<String> cells, long[] cellLines) {

    /** A problem in a cell, at the cell's own line and 1-based column. */
    DataException error(String file, int column, String message) {
      long l = column >= 0 && column < cellLines.length ? cellLines[column] : line;
      return new DataException(file, l, column + 1, message);
    }

    /** The trimmed cell at a 0-based column, "" when the record is short or the column is absent. */
    String cell(int column) {
      return column < 0 || column >= cells.size() ? "" : cells.get(column);
    }
  }

  static DelimitedText read(Path path, String file) {
    byte[] bytes;
    try (InputStream in = InputFiles.open(path, file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new DataException(file, 0, 0, "cannot read the file ("
          + GuardedReader.oneLine(String.valueOf(e.getMessage())) + "); expected a readable CSV file");
    }
    if (bytes.length > MAX_BYTES) {
      throw new DataException(file, 0, 0, "larger than " + (MAX_BYTES >> 20) + " MB; is this the right file?");
    }
    return of(CsvTableSource.ofBytes(new ByteArrayInputStream(bytes), file, false));
  }

  static DelimitedText parse(String text, String file) {
    return of(CsvTableSource.ofChars(new StringReader(text), file, false));
  }

  /** Reads every row of the one lexer of trialstat's text files ({@link CsvTableSource}). */
  private static DelimitedText of(CsvTableSource src) {
    String file = src.file();
    if (src.isEmpty()) {
      throw new DataException(file, 0, 0, "the file is empty; expected a header line");
    }
    List<String> header = new ArrayList<>();
    for (Column c : src.columns()) {
      header.add(c.name().toLowerCase(Locale.ROOT));
    }
    List<Record> records = new ArrayList<>();
    while (src.next()) {
      int n = src.width();
      List<String> cells = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        cells.add(src.text(i));
      }
      for (int i = header.size(); i < n; i++) {
        if (!cells.get(i).isEmpty()) {
          throw new DataException(file, src.row(), i + 1, "this row has " + n + " cells but the header has "
              + header.size() + " columns" + hint(src.delimiter()));
        }
      }
      long[] lines = new long[n];
      for (int i = 0; i < n; i++) {
        lines[i] = src.cellLine(i);
      }
      records.add(new Record(src.row(), cells, lines));
    }
    return new DelimitedText(file, src.delimiter(), header, records, src.headerLine());
  }

  /** The 0-based index of a column, or -1; duplicate names are an error. */
  int column(String name) {
    int found = -1;
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals(name)) {
        if (found >= 0) {
          throw new DataException(file, headerLine, i + 1, "column '" + name + "' appears twice in the header");
        }
        found = i;
      }
    }
    return found;
  }

  /** The 0-based index of a required column; its absence is an error listing the header. */
  int requireColumn(String name, String meaning) {
    int c = column(name);
    if (c < 0) {
      throw new DataException(file, headerLine, 0, "no '" + name + "' column (" + meaning + "); the header has: "
          + headerText() + hint(delimiter));
    }
    return c;
  }

  /** Text cell; null when empty. */
  static String text(String cell) {
    return cell.isEmpty() ? null : cell;
  }

  /** Whether a cell means "not reported": empty, NA, N/A, NR, "not reported" (any case). */
  static boolean notReported(String cell) {
    if (cell.isEmpty()) {
      return true;
    }
    String c = cell.toLowerCase(Locale.ROOT);
    return c.equals("na") || c.equals("n/a") || c.equals("nr") || c.equals("not reported");
  }

  /** Whether the header has a column of this name; a duplicate name is an error ({@link #column}). */
  boolean has(String name) {
    return column(name) >= 0;
  }

  /**
   * Checks, in the order given, that none of these columns appears twice in the header: the error that
   * reading it would give, raised before any record is read.
   */
  void checkOnce(String... names) {
    for (String name : names) {
      column(name);
    }
  }

  /** The trimmed cell of a named column, "" when the column is absent or the record short. */
  String cell(Record r, String name) {
    return r.cell(column(name));
  }

  /** The text cell of a named column; null when it is empty or the column absent. */
  String text(Record r, String name) {
    return text(cell(r, name));
  }

  /** A problem in the cell of a named column, at its line and column (the record's line when absent). */
  DataException error(Record r, String name, String message) {
    return r.error(file, column(name), message);
  }

  /** A finite number, or NaN when not reported; a decimal comma is accepted in semicolon files. */
  double number(Record r, String name) {
    int column = column(name);
    String cell = r.cell(column);
    if (column < 0 || notReported(cell)) {
      return Double.NaN;
    }
    String s = cell.replace('\u2212', '-');
    if (delimiter == ';' && s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
      s = s.replace(',', '.');
    }
    if (!NUMBER.matcher(s).matches()) {
      throw r.error(file, column, "column " + name + ": expected a number, got "
          + quote(cell));
    }
    double v = Double.parseDouble(s);
    if (!Double.isFinite(v)) {
      throw r.error(file, column, "column " + name + ": number out of range: " + quote(cell));
    }
    return v;
  }

  /** A finite number &gt;= 0, or NaN when not reported; a negative number is an error. */
  double nonNegative(Record r, String name) {
    double v = number(r, name);
    if (v < 0) {
      throw error(r, name, "column " + name + ": expected a number >= 0, got " + quote(cell(r, name)));
    }
    return v;
  }

  /** A non-negative integer, or -1 when not reported. */
  int count(Record r, String name) {
    int column = column(name);
    String cell = r.cell(column);
    if (column < 0 || notReported(cell)) {
      return -1;
    }
    if (!INTEGER.matcher(cell).matches()) {
      throw r.error(file, column, "column " + name
          + ": expected a whole number of participants (0 or more), got " + quote(cell));
    }
    return Integer.parseInt(cell.startsWith("+") ? cell.substring(1) : cell);
  }

  /** The header's names joined by ", " on one line, for messages. */
  String headerText() {
    return oneLine(String.join(", ", header));
  }

  /** Every column name of the header, for messages. */
  Map<String, Integer> columns() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      m.putIfAbsent(header.get(i), i);
    }
    return m;
  }

  static String quote(String s) {
    String t = oneLine(s);
    return "'" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "'";
  }

  /** The text on one line, every line break, control and invisible character escaped ({@link Printable}). */
  static String oneLine(String s) {
    return s == null ? "" : Printable.escape(s);
  }

  private static String hint(char delimiter) {
    return " (delimiter detected from the header: " + TrialCsvReader.delimiterName(delimiter) + ")";
  }
}
