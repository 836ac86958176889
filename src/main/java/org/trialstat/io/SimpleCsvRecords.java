package org.trialstat.io;

import java.io.IOException;
import java.util.Arrays;

/**
 * Records of a delimited text whose quoting is simple ({@link SimpleQuoting}: no quote character, or
 * quotes only around whole fields that hold no quote and no line break), split here instead of by
 * Apache Commons CSV, which reads one character per call through two buffered readers and builds a
 * record object per row (about 60 MB/s; docs/benchmarks.md). For such text RFC 4180 (section 2) leaves
 * a simple grammar: a record ends at a line break and its fields are separated by the delimiters
 * outside quotes. This class gives exactly what {@link CommonsCsvRecords} gives for such text, with the
 * behaviour of Commons CSV 1.14's {@code Lexer} under the source's format (no escape, no comments,
 * empty lines kept, surrounding spaces ignored):
 *
 * <ul>
 *   <li>LF, CR LF and a lone CR each end a record ({@code Lexer.readEndOfLine}), so the k-th record
 *       starts on physical line k, as {@link GuardedReader} counts lines;
 *   <li>a field is the text between delimiters, without the whitespace ({@link Character#isWhitespace})
 *       before and after it ({@code ignoreSurroundingSpaces}); an empty line is a record of one empty
 *       field;
 *   <li>a field that starts with a quote is the content between its quotes ({@code
 *       Lexer.parseEncapsulatedToken}): a delimiter there is text, {@code ""} is an empty field as an
 *       unquoted empty one is; the content is handed on trimmed, as the source strips every cell;
 *   <li>the end of the text ends the last record, unless it comes right after a line break (or the text
 *       is empty): then there is no further record; a delimiter just before the end gives a last empty
 *       field.
 * </ul>
 *
 * <p>The characters come from the {@link GuardedReader}, which keeps every check of the Commons CSV path
 * (strict decoding with the line of a bad byte, NUL, the field-length limit), in the very requests
 * Commons CSV's buffered reader makes ({@value #CHUNK} characters, asked for when the previous ones are
 * used up, and one request ahead after a CR to see whether a LF follows; the look-ahead after a closing
 * quote asks for nothing more, since the character after it is read for the same record anyway). So a
 * problem the reader finds is thrown while the same record is being read as on the Commons CSV path,
 * and a file with several problems reports the same one first. {@code QuoteFreeCsvRecordsPropertyTest}
 * and {@code SimpleQuotingPropertyTest} compare the two paths (a request of another size fails them),
 * so an upgrade of Commons CSV that changes them shows there.
 *
 * <p>Hand-written rather than a faster library: FastCSV (de.siegmar:fastcsv 3.4, MIT) was weighed. It
 * reads ahead in requests of its own size, so the reader's checks would fire at other records than on
 * the Commons CSV path (another message for a file with two problems), it builds a record object with
 * a list of fields per row, and it was not faster: on the 142 MB file of docs/benchmarks.md, in one warm
 * JVM, it took 1.4-1.7 s of CPU over the same {@link GuardedReader} against 1.0-1.35 s for this class
 * (and 1.1-1.5 s over a plain decoder, without any of the checks). The splitting itself is the loop
 * over the reader's marks below.
 */
final class SimpleCsvRecords implements CharRecords {

  /** Characters asked of the reader at a time: Commons CSV's buffer (commons-io's {@code IOUtils.DEFAULT_BUFFER_SIZE}). */
  static final int CHUNK = 8192;

  private final GuardedReader text;
  private final String file;
  private final char delimiter;
  /** The characters read; buf[pos, end) are not split yet. */
  private char[] buf = new char[4 * CHUNK];
  private int pos;
  private int end;
  /** Where the delimiters and line breaks among the characters read are; marks[mark, markEnd) not used yet. */
  private final int[] marks = new int[CHUNK];
  private int mark;
  private int markEnd;
  /**
   * The fields of the current record, trimmed, as ranges of buf: field k is buf[bounds[2k], bounds[2k + 1]),
   * k &lt; size; the array is reused from record to record.
   */
  private int[] bounds = new int[32];
  private int size;
  /** Where the current record starts in buf: its characters are kept when more are read. */
  private int record;
  private long line;
  private long nextLine = 1;

  SimpleCsvRecords(GuardedReader text, String file, char delimiter) {
    this.text = text;
    this.file = file;
    this.delimiter = delimiter;
  }

  @Override
  public boolean next() {
    try {
      return split();
    } catch (GuardedReader.DataIOException e) {
      throw e.data();
    } catch (IOException e) {
      throw GuardedReader.cannotRead(file, e);
    }
  }

  private boolean split() throws IOException {
    if (pos == end && !fill(pos)) {
      return false;
    }
    size = 0;
    line = nextLine;
    record = pos;
    int start = pos; // of the current field
    while (true) {
      if (mark == markEnd) { // the field goes on after the characters read
        int shift = record;
        boolean more = refill();
        start -= shift;
        if (!more) {
          add(start, end);
          pos = end;
          return true;
        }
        continue;
      }
      int q = marks[mark++];
      char c = buf[q];
      add(start, q);
      if (c != '\n' && c != '\r') { // the delimiter
        start = q + 1;
        continue;
      }
      pos = q + 1;
      nextLine++;
      if (c == '\r' && pos == end) { // one request ahead, to see whether a LF follows
        int at = pos - record;
        boolean more = refill();
        pos = at;
        if (!more) {
          return true;
        }
      }
      if (c == '\r' && buf[pos] == '\n') {
        pos++;
        mark++; // the LF's own mark
      }
      return true;
    }
  }

  /**
   * Reads the next characters, keeping those of the current record (moved to the front of buf, with
   * the ranges of its fields).
   *
   * @return false at the end of the text
   */
  private boolean refill() throws IOException {
    int shift = record;
    boolean more = fill(record);
    for (int k = 0; k < 2 * size; k++) {
      bounds[k] -= shift;
    }
    record = 0;
    return more;
  }

  /**
   * Moves buf[from, end), whose marks are used, to the front and reads the next characters after it.
   *
   * @return false at the end of the text
   */
  private boolean fill(int from) throws IOException {
    int kept = end - from;
    System.arraycopy(buf, from, buf, 0, kept);
    if (buf.length - kept < CHUNK) {
      buf = Arrays.copyOf(buf, Math.max(2 * buf.length, kept + CHUNK));
    }
    pos = 0;
    end = kept;
    int n = text.read(buf, kept, CHUNK, marks);
    mark = 0;
    markEnd = text.markCount();
    if (n < 0) {
      return false;
    }
    end += n;
    return true;
  }

  /**
   * Adds buf[from, to) without its surrounding whitespace as the next field; a quoted one (simple text:
   * its closing quote is then its last character) without its quotes and the whitespace inside them.
   */
  private void add(int from, int to) {
    char[] b = buf;
    from = trimStart(b, from, to);
    to = trimEnd(b, from, to);
    if (to - from >= 2 && b[from] == '"' && b[to - 1] == '"') {
      to--;
      from = trimStart(b, from + 1, to);
      to = trimEnd(b, from, to);
    }
    if (2 * size == bounds.length) {
      bounds = Arrays.copyOf(bounds, 4 * size);
    }
    bounds[2 * size] = from;
    bounds[2 * size + 1] = to;
    size++;
  }

  /** The first index in b[from, to) that is not whitespace, or to. */
  private static int trimStart(char[] b, int from, int to) {
    while (from < to && isSpace(b[from])) {
      from++;
    }
    return from;
  }

  /** The end of b[from, to) without its trailing whitespace. */
  private static int trimEnd(char[] b, int from, int to) {
    while (to > from && isSpace(b[to - 1])) {
      to--;
    }
    return to;
  }

  private static boolean isSpace(char c) {
    return (c <= ' ' || c >= '\u0080') && Character.isWhitespace(c);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long consumed() {
    return text.handedOut() - (end - pos);
  }

  @Override
  public char[] chars() {
    return buf;
  }

  @Override
  public int from(int i) {
    return bounds[2 * i];
  }

  @Override
  public int to(int i) {
    return bounds[2 * i + 1];
  }

  @Override
  public long line() {
    return line;
  }
}
