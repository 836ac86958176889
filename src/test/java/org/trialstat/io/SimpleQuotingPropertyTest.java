package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The splitter of simply quoted text ({@link SimpleCsvRecords}) and the test that chooses it
 * ({@link SimpleQuoting}) against Apache Commons CSV (the reference: the path every quoted file took
 * before) on the random texts of {@link QuoteFreeCsvRecordsPropertyTest} (delimiters, line endings,
 * blank lines, Unicode whitespace, NUL, bad bytes, byte-order marks, UTF-16, small field-length limits,
 * texts across the reader's requests) whose cells are now also quoted: empty ({@code ""}), blank,
 * holding the delimiter, the other delimiters and whitespace, with spaces and tabs around the quotes,
 * long ones over several requests. Simple texts must be found simple (when UTF-8 and undamaged) and
 * read alike on both paths; texts with one flaw ({@code ""} inside quotes, a quote inside an unquoted
 * field, text after a closing quote, a line break inside quotes, a quote left open at the end, other
 * whitespace before an opening quote, a quote opened at the end) must be found not simple, and so read as Commons CSV reads them,
 * records and messages. Exact: the whole reading as text.
 */
class SimpleQuotingPropertyTest {

  private static final int[] LIMITS = {3, 5, 12, 40, GuardedReader.MAX_FIELD_CHARS};
  private static final String[] BLANKS = {"", "", "", " ", "\t", "  "};
  private static final String[] FLAWS = {"\"a\"\"b\"", "a\"b", "\"a\"b", "\"a\nb\"", "\"a\r\nb\"", "\"a\rb\"",
      "\u3000\"a\"", "\u000b\"a\"", "\"a\" \"b\"", "x \"a\"", "\"\"\"", "\"a\"\u00a0"};

  @Property(tries = 1500)
  void simpleTextsReadAsCommonsCsv(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String[] built = {null};
    byte[] bytes = QuoteFreeCsvRecordsPropertyTest.bytes(r, (random, delimiter) -> {
      built[0] = delimiter;
      return cell(random, delimiter);
    });
    boolean sameWidth = r.nextBoolean();
    int limit = LIMITS[r.nextInt(LIMITS.length)];
    String commons = CsvPaths.commons(bytes, sameWidth, limit);
    String what = String.format(java.util.Locale.ROOT, "seed %d, %d bytes, same width %s, limit %d", seed,
        bytes.length, sameWidth, limit);
    assertThat(CsvPaths.chosen(bytes, sameWidth, limit)).as(what).isEqualTo(commons);
    char d = delimiter(bytes);
    if (SimpleQuoting.isSimple(bytes, d)) {
      assertThat(CsvPaths.quoteFree(bytes, sameWidth, limit)).as(what).isEqualTo(commons);
    } else {
      boolean asBuilt = built[0] == null || built[0].charAt(0) == d; // else the cells hold the delimiter
      assertThat(asBuilt && undamagedUtf8(bytes, d)).as(what + ": a simple text found not simple").isFalse();
    }
    assertThat(fedInBlocks(bytes, d, r)).as(what).isEqualTo(SimpleQuoting.isSimple(bytes, d));
  }

  @Property(tries = 1000)
  void flawedTextsGoTheCommonsCsvWay(@ForAll long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean[] flawed = {false};
    byte[] bytes = QuoteFreeCsvRecordsPropertyTest.bytes(r, (random, d) -> {
      if (!flawed[0] && random.nextInt(4) == 0) {
        flawed[0] = true;
        return FLAWS[random.nextInt(FLAWS.length)];
      }
      return cell(random, d);
    });
    if (!flawed[0]) { // a quote opened at the end (or in an unquoted field)
      bytes = java.util.Arrays.copyOf(bytes, bytes.length + 5);
      System.arraycopy("\"open".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, bytes, bytes.length - 5, 5);
    }
    boolean sameWidth = r.nextBoolean();
    int limit = LIMITS[r.nextInt(LIMITS.length)];
    String what = String.format(java.util.Locale.ROOT, "seed %d, %d bytes", seed, bytes.length);
    char d = delimiter(bytes);
    assertThat(SimpleQuoting.isSimple(bytes, d)).as(what).isFalse();
    assertThat(fedInBlocks(bytes, d, r)).as(what).isFalse();
    assertThat(CsvPaths.chosen(bytes, sameWidth, limit)).as(what).isEqualTo(CsvPaths.commons(bytes, sameWidth,
        limit));
  }

  /** A quote-free cell, or one in quotes (perhaps with blanks around) whose content holds no quote or line break. */
  static String cell(SplittableRandom r, String d) {
    if (r.nextInt(3) == 0) {
      return QuoteFreeCsvRecordsPropertyTest.cell(r);
    }
    String content = switch (r.nextInt(6)) {
      case 0 -> "";
      case 1 -> " ";
      case 2 -> "a" + d + "b";
      default -> QuoteFreeCsvRecordsPropertyTest.cell(r);
    };
    return BLANKS[r.nextInt(BLANKS.length)] + '"' + content + '"' + BLANKS[r.nextInt(BLANKS.length)];
  }

  /** The delimiter the source uses for these bytes (detected as it detects it). */
  private static char delimiter(byte[] bytes) {
    char[] delimiter = {','};
    try (CsvTableSource src = CsvTableSource.ofBytes(new java.io.ByteArrayInputStream(bytes), "t.csv", false,
        d -> {
          delimiter[0] = (char) d;
          return false;
        }, GuardedReader.MAX_FIELD_CHARS)) {
      return delimiter[0];
    } catch (org.trialstat.model.DataException e) {
      return delimiter[0]; // a problem in the header line, or before the delimiter is known
    }
  }

  /** Whether the bytes are UTF-8 without NUL or bad bytes, with a delimiter quotes may go with. */
  private static boolean undamagedUtf8(byte[] bytes, char d) {
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    return ",;\t".indexOf(d) >= 0 && text.indexOf('\0') < 0 && text.indexOf('\ufffd') < 0
        && java.util.Arrays.equals(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), bytes)
        && !(bytes.length >= 2 && (bytes[0] & 0xff) >= 0xfe);
  }

  /** The test fed the bytes in random blocks (the first of at least four bytes). */
  private static boolean fedInBlocks(byte[] bytes, char d, SplittableRandom r) {
    SimpleQuoting s = new SimpleQuoting(d);
    boolean simple = true;
    for (int i = 0; i < bytes.length && simple; ) {
      int n = Math.min(bytes.length - i, (i == 0 ? 4 : 1) + r.nextInt(i == 0 ? 40 : 20));
      simple = s.feed(java.util.Arrays.copyOfRange(bytes, i, i + n), n);
      i += n;
    }
    return simple && s.simple();
  }
}
