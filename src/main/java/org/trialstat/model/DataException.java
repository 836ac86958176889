package org.trialstat.model;

/**
 * Bad input data: the file, the 1-based line and column (0 when not applicable), and what was expected.
 * The command line turns it into a one-line message and exit code 3.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final int column;

  /**
   * @param file    the file name as the user gave it
   * @param line    1-based physical line number, or 0 when the problem is not tied to a line
   * @param column  1-based column number, or 0
   * @param message what was found and what was expected
   */
  public DataException(String file, long line, int column, String message) {
    super(message);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** "file:line:column: message", omitting the parts that are 0. */
  public String describe() {
    StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(getMessage()).toString();
  }
}
