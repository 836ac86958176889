package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The quote-free lexer against Apache Commons CSV (the reference: the path every file took before) on
 * random quote-free texts: comma, semicolon or tab delimiters (and the others inside cells, so that rows
 * are ragged), LF, CR LF and lone CR endings, blank and whitespace-only lines, surrounding spaces and
 * tabs, Unicode whitespace (U+2028, U+3000) and non-whitespace (U+00A0), non-ASCII letters and a
 * surrogate pair, an Excel {@code sep=} line, NUL, invalid UTF-8 bytes, byte-order marks and UTF-16,
 * fields over a small field-length limit, and texts long enough to cross the 8,192-character requests
 * and the reader's 16 K buffers. Both must give the same rows (lines, cells) or the same problem after
 * the same rows. Exact: the whole reading as text.
 */
class QuoteFreeCsvRecordsPropertyTest {

  private static final String[] PIECES = {"a", "b", "Z", "0", "7", "12", ".", "-", "_", "x y", " ", "  ", "\t",
      ",", ";", "\u00e9", "\u00df", "\u4e2d", "\ud83d\ude00", "\u2028", "\u3000", "\u00a0", "\u000b", "\f", "\u001f",
      "\u0085"};
  private static final String[] ENDINGS = {"\n", "\r\n", "\r"};
  private static final byte[][] BAD_BYTES = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
  private static final int[] LIMITS = {3, 5, 12, 40, GuardedReader.MAX_FIELD_CHARS};

  @Property(tries = 1500)
  void sameReadingAsCommonsCsv(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] bytes = bytes(r);
    boolean sameWidth = r.nextBoolean();
    int limit = LIMITS[r.nextInt(LIMITS.length)];
    String commons = CsvPaths.commons(bytes, sameWidth, limit);
    String quoteFree = CsvPaths.quoteFree(bytes, sameWidth, limit);
    assertThat(quoteFree).as("seed %d, %d bytes, same width %s, limit %d", seed, bytes.length, sameWidth, limit)
        .isEqualTo(commons);
  }

  /** The word-at-a-time search for the next byte 0x22 against a plain search, on random bytes of every value. */
  @Property(tries = 2000)
  void quoteSearchFindsEveryQuote(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] b = new byte[r.nextInt(40)];
    for (int i = 0; i < b.length; i++) {
      int kind = r.nextInt(4);
      b[i] = (byte) (kind == 0 ? 0x22 ^ (1 << r.nextInt(8)) : kind == 1 ? 0x21 + r.nextInt(3) : r.nextInt(256));
    }
    int n = r.nextInt(b.length + 1);
    int from = r.nextInt(n + 1);
    int expected = -1;
    for (int i = n - 1; i >= from; i--) {
      expected = b[i] == '"' ? i : expected;
    }
    assertThat(SimpleQuoting.nextQuote(b, from, n)).as("seed %d", seed).isEqualTo(expected);
  }

  /** A random quote-free text, encoded, perhaps with a bad byte. */
  static byte[] bytes(SplittableRandom r) {
    return bytes(r, (random, d) -> cell(random));
  }

  /**
   * A random text, encoded, perhaps with a bad byte, with its cells from {@code cellOf} (given the
   * random source and the delimiter).
   */
  static byte[] bytes(SplittableRandom r, BiFunction<SplittableRandom, String, String> cellOf) {
    String d = ",;\t".substring(r.nextInt(3)).substring(0, 1);
    StringBuilder body = new StringBuilder();
    if (r.nextInt(10) == 0) {
      body.append(r.nextBoolean() ? "sep=" + d : "SEP=|").append(ENDINGS[r.nextInt(3)]);
    }
    int rows = r.nextInt(12);
    for (int i = 0; i < rows; i++) {
      int kind = r.nextInt(10);
      if (kind == 0) {
        body.append(r.nextBoolean() ? "" : " \t ");
      } else {
        int cells = 1 + r.nextInt(5);
        for (int c = 0; c < cells; c++) {
          body.append(c == 0 ? "" : d).append(cellOf.apply(r, d));
        }
      }
      if (i < rows - 1 || r.nextBoolean()) {
        body.append(ENDINGS[r.nextInt(3)]);
      }
    }
    String text = body.toString();
    if (r.nextInt(5) == 0 && !text.isEmpty()) { // long: across the reader's requests and buffers
      String ending = ENDINGS[r.nextInt(3)];
      text = (text + ending).repeat(1 + r.nextInt(3000));
    }
    if (r.nextInt(10) == 0) {
      int at = r.nextInt(text.length() + 1);
      text = text.substring(0, at) + '\0' + text.substring(at);
    }
    int encoding = r.nextInt(10);
    if (encoding == 0) {
      return ("\ufeff" + text).getBytes(r.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
    }
    byte[] utf8 = ((encoding == 1 ? "\ufeff" : "") + text).getBytes(StandardCharsets.UTF_8);
    if (r.nextInt(7) != 0 || utf8.length == 0) {
      return utf8;
    }
    byte[] bad = BAD_BYTES[r.nextInt(BAD_BYTES.length)];
    int at = r.nextInt(utf8.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(utf8, 0, at);
    out.write(bad, 0, bad.length);
    out.write(utf8, at, utf8.length - at);
    return out.toByteArray();
  }

  /** A random quote-free cell. */
  static String cell(SplittableRandom r) {
    if (r.nextInt(200) == 0) {
      return "x".repeat(8000 + r.nextInt(12000)); // one field over several requests
    }
    StringBuilder sb = new StringBuilder();
    for (int k = r.nextInt(5); k > 0; k--) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }
}
