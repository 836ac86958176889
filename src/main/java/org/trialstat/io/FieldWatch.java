package org.trialstat.io;

import java.util.Arrays;
import java.util.Locale;
import org.trialstat.io.GuardedReader.DataIOException;
import org.trialstat.model.DataException;

/**
 * What {@link GuardedReader} watches in the characters it hands out: the physical lines (LF, CRLF and
 * lone CR each end one, as in Commons CSV), so that a record's character position maps to its line,
 * and the fields, tracked as the Commons CSV lexer with {@code ignoreSurroundingSpaces} splits them
 * (whitespace before a field skipped, a quote at the start of a field opening a quoted field,
 * {@code ""} inside it a quote, after the closing quote only whitespace before the delimiter or line
 * end), so that a NUL character, a field longer than the limit, an unterminated quoted field and text
 * after a closing quote are reported with their line and column. One reader's watch; one thread.
 */
final class FieldWatch {

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_SEEN = 3;
  private static final int AFTER_QUOTE = 4;

  private final String file;
  /** Longest field accepted: {@link GuardedReader#MAX_FIELD_CHARS}, or less in tests. */
  private final int maxField;
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

  // field state machine
  private int state = FIELD_START;
  private int field;
  private int fieldLen;
  private long fieldLine = 1;
  private long anomalyLine;
  private int anomalyField = -1;

  FieldWatch(String file, int maxField) {
    this.file = file;
    this.maxField = maxField;
  }

  /** Sets the delimiter before the first character is watched. */
  void setDelimiter(char d) {
    this.delimiter = d;
  }

  /** A problem of the text (a decoding problem) at the current line and field. */
  DataIOException problem(String problem) {
    return new DataIOException(new DataException(file, lineCount, field + 1, problem));
  }

  /**
   * Watches {@code buf[from, from + n)} before it is handed out; {@code position} is the position of
   * {@code buf[from]} in the text.
   */
  void scan(char[] buf, int from, int n, long position) throws DataIOException {
    final char d = delimiter;
    char p = prev;
    for (int i = from, end = from + n; i < end; i++) {
      char c = buf[i];
      boolean eol = c == '\n' || c == '\r';
      if (eol) {
        lineEnd(c, p, position + (i - from) + 1);
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
   * {@link #scan} for text whose quoting is simple ({@link SimpleQuoting}): the same checks and field
   * tracking, in a loop whose common case (inside an unquoted field) tests no state of quotes; lines
   * are counted, and the delimiters outside quotes and the line breaks noted in {@code marks} at their
   * index plus {@code shift}. Line starts are not kept ({@link #lineOf} is not for such text), nor where
   * text follows a closing quote (simple text has none; it would be taken as whitespace).
   *
   * @return the number of marks noted
   */
  int scanMarked(char[] buf, int from, int n, int[] marks, int shift) throws DataIOException {
    final char d = delimiter;
    final char[] b = buf;
    final int max = maxField;
    int f = field;
    int len = fieldLen;
    int m = 0;
    int st = state;
    char p = prev;
    for (int i = from, end = from + n; i < end; p = b[i++]) {
      char c = b[i];
      if (c <= '\r' && (c == '\n' || c == '\r' || c == 0)) {
        if (c == 0) {
          field = f;
          throw nul();
        }
        if (c == '\r' || p != '\r') {
          lineCount++; // a LF after a CR ends the same line
        }
        if (st != QUOTED) {
          marks[m++] = i + shift;
          f = 0;
          st = FIELD_START;
        } else if (++len > max) { // inside quotes: text (not in simple text)
          throw tooLong(f);
        }
      } else if (c == d && st != QUOTED) {
        marks[m++] = i + shift;
        f++;
        st = FIELD_START;
      } else if (st == UNQUOTED) {
        if (++len > max) {
          throw tooLong(f);
        }
      } else if (st == FIELD_START) {
        if (c == '"') {
          st = QUOTED;
          fieldLine = lineCount;
          len = 0;
        } else if (!Character.isWhitespace(c)) {
          st = UNQUOTED;
          fieldLine = lineCount;
          len = 1;
        }
      } else if (st == QUOTED || c == '"' && st == QUOTE_SEEN) { // after a closing quote, "" is a quote
        if (c == '"' && st == QUOTED) {
          st = QUOTE_SEEN;
        } else if (++len > max) {
          throw tooLong(f);
        } else {
          st = QUOTED;
        }
      } else { // whitespace after a closing quote (or text, not in simple text)
        st = AFTER_QUOTE;
      }
    }
    field = f;
    fieldLen = len;
    state = st;
    prev = p;
    return m;
  }

  /** Notes the line that starts at {@code start}, after the line break {@code c} ({@code p} before it). */
  private void lineEnd(char c, char p, long start) {
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

  private DataIOException tooLong(int f) {
    field = f;
    return tooLong();
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
}
