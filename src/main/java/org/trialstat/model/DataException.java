package org.trialstat.model;

import java.io.Serializable;

/**
 * Bad input data: the file, the 1-based line and column (0 when not applicable), and what was expected.
 * The command line turns it into a one-line message and exit code 3.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Place place;

  /**
   * Where the problem is.
   *
   * @param file     the file name as the user gave it, or null
   * @param line     1-based line (or, with {@code records}, record) number, or 0
   * @param column   1-based column number, or 0
   * @param variable the variable of a record-format problem, or null
   * @param records  whether the file is one of records rather than lines
   */
  private record Place(String file, long line, int column, String variable, boolean records)
      implements Serializable {

    /** "file:line:column", omitting the parts that are 0; for a record format "file: record N, variable V". */
    String describe() {
      StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
      if (records) {
        String record = line > 0 ? "record " + line : null;
        String var = variable == null ? null : "variable " + variable;
        String place = record == null ? var : var == null ? record : record + ", " + var;
        return sb.append(place == null ? "" : ": " + place).toString();
      }
      if (line > 0) {
        sb.append(':').append(line);
        if (column > 0) {
          sb.append(':').append(column);
        }
      }
      return sb.toString();
    }
  }

  /**
   * @param file    the file name as the user gave it
   * @param line    1-based physical line number, or 0 when the problem is not tied to a line
   * @param column  1-based column number, or 0
   * @param message what was found and what was expected
   */
  public DataException(String file, long line, int column, String message) {
    this(new Place(file, line, column, null, false), message);
  }

  private DataException(Place place, String message) {
    super(message);
    this.place = place;
  }

  /**
   * A problem in a file of records rather than lines (SAS transport, Dataset-JSON, sas7bdat): described
   * as {@code file: record N, variable V: message}.
   *
   * @param record   1-based record (row) number, or 0 when the problem is not tied to a record
   * @param variable the variable (column) name, or null
   */
  public static DataException atRecord(String file, long record, String variable, String message) {
    return new DataException(new Place(file, record, 0, variable == null ? null : oneLine(variable), true),
        oneLine(message));
  }

  /** Line breaks (which a damaged file can put into a variable name) as spaces: a message is one line. */
  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }

  /** The variable of a record-format problem, or null (then {@link #column()} may locate it). */
  public String variable() {
    return place.variable();
  }

  public String file() {
    return place.file();
  }

  public long line() {
    return place.line();
  }

  public int column() {
    return place.column();
  }

  /**
   * "file:line:column: message", omitting the parts that are 0; for a record format
   * "file: record N, variable V: message".
   */
  public String describe() {
    return place.describe() + ": " + getMessage();
  }
}
