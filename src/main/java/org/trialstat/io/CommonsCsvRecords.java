package org.trialstat.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstat.model.DataException;

/**
 * Records split by Apache Commons CSV (RFC 4180; {@code ""} inside quotes; surrounding whitespace
 * ignored) from the characters of a {@link GuardedReader}, with the reader's physical line numbers and
 * its account of where a quoted field opened or text followed a closing quote for the messages.
 */
final class CommonsCsvRecords implements CsvRecords {

  private final String file;
  private final GuardedReader text;
  private final Iterator<CSVRecord> records;
  private CSVRecord current;

  /** Starts parsing {@code text} (its delimiter set). */
  CommonsCsvRecords(GuardedReader text, String file, char delimiter) {
    this.file = file;
    this.text = text;
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setQuote('"')
        .setEscape(null)
        .setCommentMarker(null)
        .setIgnoreEmptyLines(false) // keeps character positions exact; blank rows are skipped by the source
        .setIgnoreSurroundingSpaces(true)
        .setTrim(false)
        .get();
    try {
      // Not closed here: the source closes the guarded text, and the caller owns the underlying input.
      @SuppressWarnings("resource")
      CSVParser parser = CSVParser.parse(text, format);
      records = parser.iterator();
    } catch (IOException | UncheckedIOException e) {
      throw translate(e);
    }
  }

  @Override
  public boolean next() {
    try {
      if (records.hasNext()) {
        current = records.next();
        return true;
      }
      return false;
    } catch (UncheckedIOException | IllegalStateException e) {
      throw translate(e);
    }
  }

  @Override
  public int size() {
    return current.size();
  }

  @Override
  public String get(int i) {
    return current.get(i);
  }

  @Override
  public long line() {
    return text.lineOf(current.getCharacterPosition());
  }

  /** Turns a parser exception into a DataException saying where and what. */
  private DataException translate(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GuardedReader.DataIOException) {
        return ((GuardedReader.DataIOException) t).data();
      }
    }
    if (text.anomalyLine() > 0) {
      return new DataException(file, text.anomalyLine(), text.anomalyColumn(),
          "text after the closing quote of a quoted field; expected the delimiter or the end of the line"
              + " right after a closing quote (write \"\" for a quote inside a quoted field)");
    }
    if (text.insideQuotedField()) {
      return new DataException(file, text.fieldLine(), text.fieldColumn(),
          "quoted field opened here is never closed (the file ends inside it); expected a closing quote"
              + " (\") at the end of the field (write \"\" for a quote inside a quoted field)");
    }
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    return new DataException(file, text.fieldLine(), 0, "malformed CSV ("
        + GuardedReader.oneLine(String.valueOf(cause.getMessage())) + "); expected RFC 4180 CSV");
  }
}
