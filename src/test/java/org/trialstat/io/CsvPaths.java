package org.trialstat.io;

import java.io.ByteArrayInputStream;
import java.util.function.IntPredicate;
import org.trialstat.model.DataException;

/**
 * Reads the same bytes through both lexers of {@link CsvTableSource}, Apache Commons CSV and
 * {@link SimpleCsvRecords} (or the one {@link SimpleQuoting} chooses), and writes down everything a reader sees: the header, every row with its
 * line, width, cells and the line of its last cell, a second call at the end, or the problem (file,
 * line, column, message) and the rows before it.
 */
final class CsvPaths {

  static final String FILE = "t.csv";

  private CsvPaths() {
  }

  /** What the Commons CSV path reads. */
  static String commons(byte[] bytes, boolean sameWidth, int maxField) {
    return reading(bytes, sameWidth, d -> false, maxField);
  }

  /** What {@link SimpleCsvRecords} reads (the bytes must be simply quoted for their delimiter). */
  static String quoteFree(byte[] bytes, boolean sameWidth, int maxField) {
    return reading(bytes, sameWidth, d -> true, maxField);
  }

  /**
   * What a file of these bytes reads: by {@link SimpleCsvRecords} when {@link SimpleQuoting} finds them
   * simple for the delimiter, by Commons CSV otherwise.
   */
  static String chosen(byte[] bytes, boolean sameWidth, int maxField) {
    return reading(bytes, sameWidth, d -> SimpleQuoting.isSimple(bytes, (char) d), maxField);
  }

  private static String reading(byte[] bytes, boolean sameWidth, IntPredicate simple, int maxField) {
    StringBuilder sb = new StringBuilder();
    try (CsvTableSource src = CsvTableSource.ofBytes(new ByteArrayInputStream(bytes), FILE, sameWidth, simple,
        maxField)) {
      sb.append("header line ").append(src.headerLine()).append(": ");
      src.columns().forEach(c -> sb.append('[').append(c.name()).append(']'));
      sb.append(" delimiter ").append((int) src.delimiter()).append('\n');
      while (src.next()) {
        int n = src.width();
        sb.append("line ").append(src.row()).append(", ").append(n).append(" cells: ");
        for (int i = 0; i < n; i++) {
          sb.append('[').append(src.text(i)).append(']');
        }
        sb.append(", last cell on line ").append(src.error(n - 1, "x").line()).append('\n');
      }
      sb.append("end, then ").append(src.next());
    } catch (DataException e) {
      sb.append("problem ").append(e.file()).append(':').append(e.line()).append(':').append(e.column())
          .append(": ").append(e.getMessage());
    }
    return sb.toString();
  }
}
