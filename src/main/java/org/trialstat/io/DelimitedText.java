package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstat.model.DataException;

/**
 * A small delimited text file (summary and claims files) read in the dialect of the trial reader:
 * UTF-8 with or without a byte-order mark, LF or CRLF, RFC 4180 quoting, the delimiter (comma,
 * semicolon or tab) detected from the header line, cells trimmed, blank lines skipped, header names
 * matched ignoring case. Every problem is a {@link DataException} naming file, line and column.
 */
final class DelimitedText {
  /** Larger files are refused: summary and claims files are a few kilobytes. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("\\+?\\d{1,9}");

  final String file;
  final char delimiter;
  /** Header names, lower case, in column order. */
  final List<String> header;
  /** Data records with their 1-based line numbers. */
  final List<Record> records;
  /** 1-based line of the header. */
  final long headerLine;

  /** One data record. */
  record Record(long line, List<String> cells) {
    /** The trimmed cell at a 0-based column, "" when the record is short or the column is absent. */
    String cell(int column) {
      return column < 0 || column >= cells.size() ? "" : cells.get(column);
    }
  }

  private DelimitedText(String file, char delimiter, List<String> header, List<Record> records, long headerLine) {
    this.file = file;
    this.headerLine = headerLine;
    this.delimiter = delimiter;
    this.header = header;
    this.records = records;
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
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new DataException(file, 0, 0, "not UTF-8 text (save it as UTF-8 CSV)");
    }
    return parse(text, file);
  }

  static DelimitedText parse(String text, String file) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    long[] lineStarts = lineStarts(text);
    String headerLine = firstNonBlankLine(text);
    if (headerLine == null) {
      throw new DataException(file, 0, 0, "the file is empty; expected a header line");
    }
    char delimiter = TrialCsvReader.detectDelimiter(headerLine); // one dialect for every input file
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
    List<String> header = null;
    long headerAt = 1;
    List<Record> records = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      for (CSVRecord r : parser) {
        long line = lineOf(lineStarts, firstContent(text, r.getCharacterPosition()));
        List<String> cells = new ArrayList<>(r.size());
        boolean blank = true;
        for (String c : r) {
          String t = c.strip();
          cells.add(t);
          blank &= t.isEmpty();
        }
        if (blank) {
          continue;
        }
        if (header == null) {
          header = new ArrayList<>();
          headerAt = line;
          for (String c : cells) {
            header.add(c.toLowerCase(Locale.ROOT));
          }
          continue;
        }
        if (cells.size() > header.size()) {
          for (int i = header.size(); i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
              throw new DataException(file, line, i + 1, "this row has " + cells.size() + " cells but the header has "
                  + header.size() + " columns" + hint(delimiter));
            }
          }
        }
        records.add(new Record(line, cells));
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new DataException(file, 0, 0, "malformed CSV: " + oneLine(e.getMessage()));
    }
    if (header == null) {
      throw new DataException(file, 0, 0, "the file is empty; expected a header line");
    }
    return new DelimitedText(file, delimiter, header, records, headerAt);
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

  /** A finite number, or NaN when not reported; a decimal comma is accepted in semicolon files. */
  double number(Record r, int column, String name) {
    String cell = r.cell(column);
    if (column < 0 || notReported(cell)) {
      return Double.NaN;
    }
    String s = cell.replace('\u2212', '-');
    if (delimiter == ';' && s.indexOf(',') >= 0 && s.indexOf('.') < 0) {
      s = s.replace(',', '.');
    }
    if (!NUMBER.matcher(s).matches()) {
      throw new DataException(file, r.line(), column + 1, "column " + name + ": expected a number, got "
          + quote(cell));
    }
    double v = Double.parseDouble(s);
    if (!Double.isFinite(v)) {
      throw new DataException(file, r.line(), column + 1, "column " + name + ": number out of range: " + quote(cell));
    }
    return v;
  }

  /** A finite number &gt;= 0, or NaN when not reported; a negative number is an error. */
  double nonNegative(Record r, int column, String name) {
    double v = number(r, column, name);
    if (v < 0) {
      throw new DataException(file, r.line(), column + 1, "column " + name + ": expected a number >= 0, got "
          + quote(r.cell(column)));
    }
    return v;
  }

  /** A non-negative integer, or -1 when not reported. */
  int count(Record r, int column, String name) {
    String cell = r.cell(column);
    if (column < 0 || notReported(cell)) {
      return -1;
    }
    if (!INTEGER.matcher(cell).matches()) {
      throw new DataException(file, r.line(), column + 1, "column " + name
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

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ");
  }

  private static String hint(char delimiter) {
    return " (delimiter detected from the header: " + TrialCsvReader.delimiterName(delimiter) + ")";
  }

  private static String firstNonBlankLine(String text) {
    for (String l : text.split("\r?\n", -1)) {
      if (!l.isBlank()) {
        return l;
      }
    }
    return null;
  }

  /** The record's position can be that of blank lines before it: skip them. */
  private static long firstContent(String text, long position) {
    int p = (int) position;
    while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
      p++;
    }
    return p;
  }

  private static long[] lineStarts(String text) {
    List<Long> starts = new ArrayList<>();
    starts.add(0L);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1L);
      }
    }
    long[] a = new long[starts.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = starts.get(i);
    }
    return a;
  }

  private static long lineOf(long[] starts, long position) {
    int i = Arrays.binarySearch(starts, position);
    return i >= 0 ? i + 1 : -i - 1;
  }
}
