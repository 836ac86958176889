package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;
import org.trialstat.model.DataException;

/**
 * The character stream handed to Commons CSV (or to {@link QuoteFreeCsvRecords}). It takes the
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
 * <p>The field tracking mirrors the Commons CSV lexer with {@code ignoreSurroundingSpaces}: whitespace
 * before a field is skipped, a quote at the start of a field opens a quoted field, {@code ""} inside it
 * is a quote, and after the closing quote only whitespace may come before the delimiter or line end.
 *
 * <p>For a text without any quote character, {@link #read(char[], int, int, int[])} runs the same checks
 * with only the states such text reaches and notes where the delimiters and line breaks are, for
 * {@link QuoteFreeCsvRecords}.
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

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_SEEN = 3;
  private static final int AFTER_QUOTE = 4;

  private final String file;
  /** Longest field accepted here: {@link #MAX_FIELD_CHARS}, or less in tests. */
  private final int maxField;

  /** The characters of the input, decoded strictly. */
  private final StrictText source;

  // decoded characters not yet handed out: buf[head, tail)
  private char[] buf = new char[16 * 1024];
  private int head;
  private int tail;

  // what has been handed out
  private long pos;
  /**
   * Start positions of lines {@code dropped + 1 ..}: a window, because records are asked for in order
   * ({@link #lineOf}); lines before the last answer are dropped when the window fills, so memory does
   * not grow with the file (issue 16 item 7).
   */
  private long[] lineStarts = new long[256];
  private int dropped;
  private int lineCount = 1;
  private int lastLineIndex;
  private char prev;
  private char delimiter = ',';
  /** Marks found by the last {@link #read(char[], int, int, int[])}. */
  private int markCount;

  // field state machine
  private int state = FIELD_START;
  private int field;
  private int fieldLen;
  private long fieldLine = 1;
  private long anomalyLine;
  private int anomalyField = -1;

  private GuardedReader(String file, StrictText source, int maxField) {
    this.file = file;
    this.source = source;
    this.maxField = maxField;
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
    this.delimiter = d;
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
   * Reads characters of a text that holds no quote character (the file was checked:
   * {@link QuoteFreeCsvRecords#isQuoteFree}), as {@link #read(char[], int, int)} does, with the same
   * checks, and notes in {@code marks} the index in {@code cbuf} of every delimiter, CR and LF handed
   * out, in order ({@link #markCount()} of them; {@code marks} has room for {@code len}). Line starts
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
          throw new DataIOException(new DataException(file, lineCount, field + 1, problem));
        }
        return -1;
      }
    }
    int n = Math.min(len, tail - head);
    if (marks == null) {
      scan(n);
    } else {
      scanQuoteFree(n, marks, off - head);
    }
    System.arraycopy(buf, head, cbuf, off, n);
    head += n;
    pos += n;
    return n;
  }

  /** Watches buf[head, head + n) before it is handed out. */
  private void scan(int n) throws DataIOException {
    final char d = delimiter;
    char p = prev;
    for (int i = head, end = head + n; i < end; i++) {
      char c = buf[i];
      boolean eol = c == '\n' || c == '\r';
      if (eol) {
        lineEnd(c, p, i);
      } else if (c == 0) {
        throw nul();
      }
      p = c;
      switch (state) {
        case FIELD_START:
          if (c == '"') {
            state = QUOTED;
            fieldLine = lineCount;
            fieldLen = 0;
          } else if (c == d) {
            field++;
          } else if (eol) {
            field = 0;
          } else if (!Character.isWhitespace(c)) {
            state = UNQUOTED;
            fieldLine = lineCount;
            fieldLen = 1;
          }
          break;
        case UNQUOTED:
          if (c == d) {
            state = FIELD_START;
            field++;
          } else if (eol) {
            state = FIELD_START;
            field = 0;
          } else if (++fieldLen > maxField) {
            throw tooLong();
          }
          break;
        case QUOTED:
          if (c == '"') {
            state = QUOTE_SEEN;
          } else if (++fieldLen > maxField) {
            throw tooLong();
          }
          break;
        default: // QUOTE_SEEN, AFTER_QUOTE
          if (c == '"' && state == QUOTE_SEEN) {
            state = QUOTED;
            if (++fieldLen > maxField) {
              throw tooLong();
            }
          } else if (c == d) {
            state = FIELD_START;
            field++;
          } else if (eol) {
            state = FIELD_START;
            field = 0;
          } else if (Character.isWhitespace(c)) {
            state = AFTER_QUOTE;
          } else {
            if (anomalyField < 0) {
              anomalyLine = lineCount;
              anomalyField = field;
            }
            state = AFTER_QUOTE;
          }
          break;
      }
    }
    prev = p;
  }

  /**
   * {@link #scan} for text without any quote character: the same checks and field tracking, with the
   * two states such text can reach (before a field's first non-whitespace character, inside an
   * unquoted field) kept in local variables; lines are counted, and the delimiters and line breaks
   * noted in {@code marks} at their index plus {@code shift}.
   */
  private void scanQuoteFree(int n, int[] marks, int shift) throws DataIOException {
    final char d = delimiter;
    final char[] b = buf;
    final int max = maxField;
    int f = field;
    int len = fieldLen;
    int m = 0;
    boolean inField = state == UNQUOTED;
    char p = prev;
    for (int i = head, end = head + n; i < end; p = b[i++]) {
      char c = b[i];
      if (c <= '\r' && (c == '\n' || c == '\r' || c == 0)) {
        if (c == 0) {
          field = f;
          throw nul();
        }
        if (c == '\r' || p != '\r') {
          lineCount++; // a LF after a CR ends the same line
        }
        marks[m++] = i + shift;
        f = 0;
        inField = false;
      } else if (c == d) {
        marks[m++] = i + shift;
        f++;
        inField = false;
      } else if (inField) {
        if (++len > max) {
          field = f;
          throw tooLong();
        }
      } else if (!Character.isWhitespace(c)) {
        inField = true;
        fieldLine = lineCount;
        len = 1;
      }
    }
    field = f;
    fieldLen = len;
    state = inField ? UNQUOTED : FIELD_START;
    prev = p;
    markCount = m;
  }

  /** The number of marks the last {@link #read(char[], int, int, int[])} noted. */
  int markCount() {
    return markCount;
  }

  /** Notes the line that starts after the line break {@code c} at buf[i] ({@code p} before it). */
  private void lineEnd(char c, char p, int i) {
    long start = pos + (i - head) + 1;
    if (c == '\n' && p == '\r') {
      lineStarts[lineCount - 1 - dropped] = start; // CR LF: the line started after the CR starts here
    } else {
      addLineStart(start);
    }
  }

  private DataIOException nul() {
    return new DataIOException(new DataException(file, lineCount, field + 1,
        "NUL byte found: this is not a text file (or it is UTF-16 without a byte-order mark);"
            + " expected a CSV text file in UTF-8"));
  }

  private DataIOException tooLong() {
    return new DataIOException(new DataException(file, fieldLine, field + 1, String.format(Locale.ROOT,
        "field longer than %,d characters (an unclosed quote, or not a CSV file?); expected short cells",
        maxField)));
  }

  private void addLineStart(long start) {
    if (lineCount - dropped == lineStarts.length) {
      int drop = Math.max(0, lastLineIndex - dropped - 1); // keep the last answer and the line before it
      if (drop >= lineStarts.length / 2) {
        System.arraycopy(lineStarts, drop, lineStarts, 0, lineStarts.length - drop);
        dropped += drop;
      } else {
        lineStarts = Arrays.copyOf(lineStarts, lineStarts.length * 2);
      }
    }
    lineStarts[lineCount++ - dropped] = start;
  }

  /** The 1-based line of the character at {@code position} (counted from the first character). */
  long lineOf(long position) {
    // records come in order: look just after the previous answer first
    int k = lastLineIndex;
    if (k < lineCount && lineStarts[k - dropped] <= position) {
      while (k + 1 < lineCount && lineStarts[k + 1 - dropped] <= position) {
        k++;
        if (k - lastLineIndex > 8) {
          k = -1;
          break;
        }
      }
      if (k >= 0) {
        lastLineIndex = k;
        return k + 1;
      }
    }
    int i = Arrays.binarySearch(lineStarts, 0, lineCount - dropped, position);
    lastLineIndex = Math.max(i >= 0 ? i : -i - 2, 0) + dropped;
    return lastLineIndex + 1;
  }

  /** Whether the input ended inside a quoted field. */
  boolean insideQuotedField() {
    return state == QUOTED;
  }

  /** Line where the current (or last) field started. */
  long fieldLine() {
    return fieldLine;
  }

  /** 1-based column of the current (or last) field. */
  int fieldColumn() {
    return field + 1;
  }

  /** Line of the first text found after a closing quote, or 0. */
  long anomalyLine() {
    return anomalyField < 0 ? 0 : anomalyLine;
  }

  /** 1-based column of the first text found after a closing quote, or 0. */
  int anomalyColumn() {
    return anomalyField + 1;
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
