package org.trialstat.io;

import java.io.ByteArrayInputStream;
import org.trialstat.model.DataException;

/**
 * Reads the same bytes through both lexers of {@link CsvTableSource}, Apache Commons CSV and
 * {@link QuoteFreeCsvRecords}, and writes down everything a reader sees: the header, every row with its
 * line, width, cells and the line of its last cell, a second call at the end, or the problem (file,
 * line, column, message) and the rows before it.
 */
final class CsvPaths {

  static final String FILE = "t.csv";

  private CsvPaths() {
  }

  /** What the Commons CSV path reads. */
  static String commons(byte[] bytes, boolean sameWidth, int maxField) {
    return reading(bytes, sameWidth, false, maxField);
  }

  /** What the quote-free path reads (the bytes must hold no quote character). */
  static String quoteFree(byte[] bytes, boolean sameWidth, int maxField) {
    return reading(bytes, sameWidth, true, maxField);
  }

  private static String reading(byte[] bytes, boolean sameWidth, boolean quoteFree, int maxField) {
    StringBuilder sb = new StringBuilder();
    try (CsvTableSource src = CsvTableSource.ofBytes(new ByteArrayInputStream(bytes), FILE, sameWidth, quoteFree,
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
