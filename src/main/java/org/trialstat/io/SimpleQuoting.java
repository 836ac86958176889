package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether the quoting of a delimited text is simple enough for {@link SimpleCsvRecords} to split it
 * exactly as Commons CSV does ({@link CommonsCsvRecords}), decided from the bytes in one pass before
 * the text is read. Simple means: either no quote character at all, or every quote character opens or
 * closes a quoted field that is the whole field, that is
 *
 * <ul>
 *   <li>an opening quote has, before it, only spaces and tabs since the delimiter, the line break or the
 *       start of the text (after a UTF-8 byte-order mark);
 *   <li>the quoted content holds no quote (so no {@code ""}) and no CR or LF (so no multi-line field);
 *       the delimiter may be inside (the splitter does not split there);
 *   <li>the closing quote is followed by spaces and tabs only up to the delimiter, a line break or the
 *       end of the text;
 *   <li>no quote is left open at the end.
 * </ul>
 *
 * <p>With RFC 4180 (section 2, rules 5 and 6) and Commons CSV 1.14's {@code Lexer} under the source's
 * format ({@code ignoreSurroundingSpaces}, no escape), such a field is its content, and every other
 * field is the text between delimiters, as in a file without quotes. The test is conservative: other
 * whitespace than space and tab before an opening quote or after a closing one, a delimiter other than
 * comma, semicolon and tab, and a UTF-16 text (byte-order mark FE FF or FF FE, where the byte 0x22 need
 * not be a quote) holding the byte 0x22 all count as not simple, and such a file goes to Commons CSV,
 * which reads every file. In UTF-8 every byte of a multi-byte sequence is 0x80 or above (RFC 3629,
 * section 3), so the bytes 0x22, CR, LF, space, tab, comma and semicolon are those characters.
 *
 * <p>The bytes are fed in blocks ({@link #feed}); between quotes they are skipped eight at a time
 * ({@link #nextQuote}). One use per text; one thread.
 */
final class SimpleQuoting {

  /** Where the bytes fed so far end. */
  private enum State {
    /** At the start of a field: only spaces and tabs since the delimiter, the line break or the start. */
    START,
    /** In an unquoted field. */
    FIELD,
    /** Inside a quoted field. */
    QUOTED,
    /** After the closing quote of a quoted field. */
    CLOSED,
    /** Known not to be simple. */
    NOT_SIMPLE
  }

  private final byte delimiter;
  /** False for a delimiter other than comma, semicolon, tab, and for UTF-16: a quote is then not simple. */
  private boolean quotesAllowed;
  private boolean first = true;
  private State state = State.START;

  SimpleQuoting(char delimiter) {
    this.delimiter = (byte) delimiter;
    this.quotesAllowed = delimiter == ',' || delimiter == ';' || delimiter == '\t';
  }

  /**
   * Whether the regular file {@code path} is simple (see the class comment) for {@code delimiter}. Not a
   * regular file (a pipe, a device) or not readable: false, and the Commons CSV path reads it (and
   * reports what is wrong). The file is read twice, here and then by the source: one that is rewritten
   * in between is split as if it had the old shape (a file written while it is read gives no dependable
   * reading on either path).
   */
  static boolean isSimple(Path path, char delimiter) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    SimpleQuoting s = new SimpleQuoting(delimiter);
    try (InputStream in = Files.newInputStream(path)) {
      byte[] b = new byte[1 << 16];
      for (int n = in.readNBytes(b, 0, b.length); n > 0 && s.feed(b, n); n = in.readNBytes(b, 0, b.length)) {
        // fed
      }
      return s.simple();
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /** Whether the bytes {@code b} are simple for {@code delimiter}. */
  static boolean isSimple(byte[] b, char delimiter) {
    SimpleQuoting s = new SimpleQuoting(delimiter);
    s.feed(b, b.length);
    return s.simple();
  }

  /**
   * Takes the next bytes of the text, {@code b[0, n)}; the first block holds at least the first four
   * bytes of the text (or all of it), for the byte-order mark.
   *
   * @return false once the text is known not to be simple (the rest need not be fed)
   */
  boolean feed(byte[] b, int n) {
    int i = 0;
    if (first) {
      first = false;
      if (n >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
        i = 3; // UTF-8 byte-order mark, skipped by the reader
      } else if (n >= 2 && (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF || b[0] == (byte) 0xFF && b[1] == (byte) 0xFE)) {
        quotesAllowed = false;
      }
    }
    final byte d = delimiter;
    State s = state;
    while (i < n && s != State.NOT_SIMPLE) {
      if (s == State.QUOTED) { // to the closing quote
        for (; i < n; i++) {
          byte c = b[i];
          if (c == '"' || c == '\n' || c == '\r') {
            s = c == '"' ? State.CLOSED : State.NOT_SIMPLE;
            i++;
            break;
          }
        }
      } else if (s == State.CLOSED) { // spaces and tabs, then the end of the field
        for (; i < n; i++) {
          byte c = b[i];
          if (c != ' ' && (c != '\t' || d == '\t')) {
            s = c == d || c == '\n' || c == '\r' ? State.START : State.NOT_SIMPLE;
            i++;
            break;
          }
        }
      } else { // START or FIELD: to the next quote
        int q = nextQuote(b, i, n);
        if (q < 0) {
          s = after(b, i, n, s);
          i = n;
        } else {
          s = quotesAllowed && after(b, i, q, s) == State.START ? State.QUOTED : State.NOT_SIMPLE;
          i = q + 1;
        }
      }
    }
    state = s;
    return s != State.NOT_SIMPLE;
  }

  /** Whether the text fed is simple: no problem met and no quoted field left open. */
  boolean simple() {
    return state != State.NOT_SIMPLE && state != State.QUOTED;
  }

  /**
   * The state after the quote-free bytes {@code b[from, to)} met in state {@code s} (START or FIELD):
   * set by the last byte that is not a space or tab.
   */
  private State after(byte[] b, int from, int to, State s) {
    for (int k = to - 1; k >= from; k--) {
      byte c = b[k];
      if (c == delimiter || c == '\n' || c == '\r') {
        return State.START;
      }
      if (c != ' ' && c != '\t') {
        return State.FIELD;
      }
    }
    return s;
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long QUOTES = 0x22 * ONES;

  /**
   * The index of the first byte 0x22 in {@code b[from, n)}, or -1; eight bytes at a time without a
   * copy: x = word XOR 0x2222..22 has a zero byte exactly where the word has a quote, and
   * (x - 0x0101..01) AND NOT x AND 0x8080..80 is non-zero exactly when x has a zero byte (Mycroft's
   * test, in S. E. Anderson, Bit Twiddling Hacks, "Determine if a word has a zero byte"; broadword
   * computing, Knuth, The Art of Computer Programming vol. 4A, section 7.1.3); the word that has one is
   * then searched byte by byte.
   */
  static int nextQuote(byte[] b, int from, int n) {
    int i = from;
    for (; i + Long.BYTES <= n; i += Long.BYTES) {
      long x = (long) LONGS.get(b, i) ^ QUOTES;
      if (((x - ONES) & ~x & (ONES << 7)) != 0) {
        break;
      }
    }
    for (; i < n; i++) {
      if (b[i] == '"') {
        return i;
      }
    }
    return -1;
  }
}
