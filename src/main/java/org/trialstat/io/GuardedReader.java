package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import org.trialstat.model.DataException;

/**
 * The character stream handed to Commons CSV (or to {@link SimpleCsvRecords}). It takes the
 * characters of {@link StrictText}, which decodes the bytes strictly, and watches every character on
 * its way to the parser, so that the reader can:
 *
 * <ul>
 *   <li>reject input that is not text (NUL characters) or not valid UTF-8 with the line where it happens;
 *   <li>skip a byte-order mark and decode UTF-16 files that start with one;
 *   <li>map a record's character position to its 1-based physical line (LF, CRLF and lone CR each end a
 *       line, as in Commons CSV), embedded line breaks in quoted fields included;
 *   <li>stop at a field longer than {@link #MAX_FIELD_CHARS} instead of buffering gigabytes;
 *   <li>know where an unterminated quoted field started, and where text follows a closing quote.
 * </ul>
 *
 * <p>The lines and the fields are watched by its {@link FieldWatch}, which mirrors the Commons CSV
 * lexer with {@code ignoreSurroundingSpaces}; this class keeps the buffer of decoded characters.
 *
 * <p>For a text whose quoting is simple ({@link SimpleQuoting}), {@link #read(char[], int, int, int[])}
 * runs the same checks in a loop made for such text and notes where the delimiters outside quotes and
 * the line breaks are, for {@link SimpleCsvRecords}.
 *
 * <p>Every problem is thrown as a {@link DataIOException} (an {@code IOException}, so that it passes
 * through the parser) carrying the {@link DataException}.
 */
final class GuardedReader extends Reader {

  /** Longest field accepted, in characters. */
  static final int MAX_FIELD_CHARS = 1_000_000;

  /** The IOException that carries a DataException through Commons CSV. */
  static final class DataIOException extends IOException {
    private static final long serialVersionUID = 1L;

    DataIOException(DataException cause) {
      super(cause.getMessage(), cause);
    }

    DataException data() {
      return (DataException) getCause();
    }
  }

  private final String file;

  /** The characters of the input, decoded strictly. */
  private final StrictText source;

  // decoded characters not yet handed out: buf[head, tail)
  private char[] buf = new char[16 * 1024];
  private int head;
  private int tail;

  // what has been handed out
  private long pos;
  /** The lines and fields of what has been handed out. */
  private final FieldWatch watch;
  /** Marks found by the last {@link #read(char[], int, int, int[])}. */
  private int markCount;

  private GuardedReader(String file, StrictText source, int maxField) {
    this.file = file;
    this.source = source;
    this.watch = new FieldWatch(file, maxField);
  }

  /**
   * Reads bytes: UTF-8, with or without a byte-order mark, or UTF-16 with a byte-order mark.
   */
  static GuardedReader ofBytes(InputStream in, String file) throws DataIOException {
    return ofBytes(in, file, MAX_FIELD_CHARS);
  }

  /** As {@link #ofBytes(InputStream, String)}, with another field-length limit (for tests). */
  static GuardedReader ofBytes(InputStream in, String file, int maxField) throws DataIOException {
    GuardedReader r = new GuardedReader(file, StrictText.ofBytes(in, file), maxField);
    r.skipBomChar();
    return r;
  }

  /** Reads characters (the caller decoded them); a leading U+FEFF byte-order mark is skipped. */
  static GuardedReader ofChars(Reader in, String file) throws DataIOException {
    GuardedReader r = new GuardedReader(file, StrictText.ofChars(in), MAX_FIELD_CHARS);
    r.skipBomChar();
    return r;
  }

  private void skipBomChar() throws DataIOException {
    if (appendMore() > 0 && buf[head] == '\uFEFF') {
      head++;
    }
  }

  /** Sets the delimiter before the first character is handed out. */
  void setDelimiter(char d) {
    watch.setDelimiter(d);
  }

  /**
   * The first line that is not blank (whitespace only), looked at without consuming anything, or null
   * when the input has none. At most {@code limit} characters of it are returned.
   */
  String peekFirstNonBlankLine(int limit) throws DataIOException {
    int i = head;
    int lineStart = head;
    boolean blank = true;
    while (true) {
      if (i == tail) {
        if (i - head > 2L * limit) {
          return null; // megabytes of blank lines: let the parser deal with them
        }
        int rel = i - head;
        int relStart = lineStart - head;
        if (appendMore() <= 0) {
          break;
        }
        i = head + rel; // appendMore may have moved the characters
        lineStart = head + relStart;
        continue;
      }
      char c = buf[i];
      if (c == '\n' || c == '\r') {
        if (!blank) {
          return new String(buf, lineStart, i - lineStart);
        }
        lineStart = i + 1;
      } else if (!Character.isWhitespace(c)) {
        blank = false;
      }
      i++;
      if (!blank && i - lineStart >= limit) {
        return new String(buf, lineStart, limit);
      }
    }
    return blank ? null : new String(buf, lineStart, i - lineStart);
  }

  /**
   * Reads more characters into buf[tail...], growing or compacting the buffer as needed.
   *
   * @return the number of characters added, or -1 at the end of the input (or at a decoding problem,
   *         which is then pending)
   */
  private int appendMore() throws DataIOException {
    if (source.atEnd()) {
      return -1;
    }
    if (buf.length - tail < 64) {
      if (head > 0) {
        System.arraycopy(buf, head, buf, 0, tail - head);
        tail -= head;
        head = 0;
      }
      if (buf.length - tail < 64) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
    }
    int n = source.read(buf, tail, buf.length - tail, file);
    if (n > 0) {
      tail += n;
    }
    return n;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    return read(cbuf, off, len, null);
  }

  /**
   * Reads characters of a text whose quoting is simple (the file was checked:
   * {@link SimpleQuoting#isSimple(java.nio.file.Path, char)}), as {@link #read(char[], int, int)} does,
   * with the same checks, and notes in {@code marks} the index in {@code cbuf} of every delimiter outside
   * quotes, CR and LF handed out, in order ({@link #markCount()} of them; {@code marks} has room for {@code len}). Line starts
   * are then only counted: {@link #lineOf} is not for text read this way.
   */
  int read(char[] cbuf, int off, int len, int[] marks) throws IOException {
    markCount = 0;
    if (len == 0) {
      return 0;
    }
    if (head == tail) {
      head = 0;
      tail = 0;
      if (appendMore() < 0) {
        String problem = source.takeProblem();
        if (problem != null) {
          throw watch.problem(problem);
        }
        return -1;
      }
    }
    int n = Math.min(len, tail - head);
    if (marks == null) {
      watch.scan(buf, head, n, pos);
    } else {
      markCount = watch.scanMarked(buf, head, n, marks, off - head);
    }
    System.arraycopy(buf, head, cbuf, off, n);
    head += n;
    pos += n;
    return n;
  }

  /** The number of characters handed out so far. */
  long handedOut() {
    return pos;
  }

  /** The number of marks the last {@link #read(char[], int, int, int[])} noted. */
  int markCount() {
    return markCount;
  }

  /** The 1-based line of the character at {@code position} (counted from the first character). */
  long lineOf(long position) {
    return watch.lineOf(position);
  }

  /** Whether the input ended inside a quoted field. */
  boolean insideQuotedField() {
    return watch.insideQuotedField();
  }

  /** Line where the current (or last) field started. */
  long fieldLine() {
    return watch.fieldLine();
  }

  /** 1-based column of the current (or last) field. */
  int fieldColumn() {
    return watch.fieldColumn();
  }

  /** Line of the first text found after a closing quote, or 0. */
  long anomalyLine() {
    return watch.anomalyLine();
  }

  /** 1-based column of the first text found after a closing quote, or 0. */
  int anomalyColumn() {
    return watch.anomalyColumn();
  }

  @Override
  public void close() throws IOException {
    source.close();
  }

  static DataException cannotRead(String file, IOException e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new DataException(file, 0, 0, "cannot read the file (" + oneLine(msg)
        + "); expected a readable CSV file");
  }

  static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
