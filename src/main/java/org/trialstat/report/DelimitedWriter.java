package org.trialstat.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.trialstat.model.Numbers;

/**
 * Writes tidy rows as CSV (RFC 4180 quoting) or TSV, LF line endings, header first.
 *
 * <p>Text cells that come from the input (file names, arm and study names) and begin with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return are prefixed with a single quote, so a
 * spreadsheet does not execute them as formulas (OWASP "CSV Injection"). Numbers are never altered.
 */
public enum DelimitedWriter {
  /** Comma-separated values. */
  CSV(CSVFormat.RFC4180.builder().setRecordSeparator("\n").setQuoteMode(QuoteMode.MINIMAL).get()),
  /** Tab-separated values. */
  TSV(CSVFormat.TDF.builder().setRecordSeparator("\n").setQuoteMode(QuoteMode.MINIMAL).get());

  private final CSVFormat format;

  DelimitedWriter(CSVFormat format) {
    this.format = format;
  }

  /** Writes the header and rows. */
  public void write(List<TidyRow> rows, Appendable out) {
    try {
      CSVPrinter p = new CSVPrinter(out, format);
      p.printRecord((Object[]) TidyRow.COLUMNS);
      for (TidyRow r : rows) {
        p.printRecord(text(r.file()), text(r.study()), text(r.arm()), text(r.treatment()), text(r.control()),
            r.outcome(), r.statistic(), num(r.estimate()), num(r.ciLow()), num(r.ciHigh()), num(r.p()),
            r.n() < 0 ? "" : Integer.toString(r.n()), r.method() == null ? "" : r.method(), text(r.visit()),
            num(r.week()));
      }
      p.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String num(double x) {
    return Double.isFinite(x) ? Numbers.shortest(x) : "";
  }

  /** Neutralises a text cell that a spreadsheet would read as a formula. */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    char c = s.charAt(0);
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
      return "'" + s;
    }
    return s;
  }
}
