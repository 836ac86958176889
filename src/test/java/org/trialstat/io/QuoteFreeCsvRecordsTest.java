package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The quote-free lexer, one edge case at a time: each reading is the one RFC 4180 and Commons CSV's
 * lexer (LF, CR LF and lone CR end a record; surrounding whitespace ignored; empty lines kept as a
 * record of one empty field, then skipped as blank) prescribe, written out by hand, and equal to the
 * Commons CSV path's reading of the same bytes.
 */
class QuoteFreeCsvRecordsTest {

  private static final int LIMIT = GuardedReader.MAX_FIELD_CHARS;

  @TempDir
  Path dir;

  /** Both paths read {@code bytes} as {@code expected}. */
  private static void reads(byte[] bytes, boolean sameWidth, int limit, String expected) {
    assertThat(CsvPaths.commons(bytes, sameWidth, limit)).isEqualTo(expected);
    assertThat(CsvPaths.quoteFree(bytes, sameWidth, limit)).isEqualTo(expected);
  }

  private static void reads(String text, boolean sameWidth, String expected) {
    reads(text.getBytes(StandardCharsets.UTF_8), sameWidth, LIMIT, expected);
  }

  @Test
  void everyLineBreakEndsARecordAndALine() {
    reads("a,b\nc,d\r\ne,f\rg,h", true, "header line 1: [a][b] delimiter 44\n"
        + "line 2, 2 cells: [c][d], last cell on line 2\n"
        + "line 3, 2 cells: [e][f], last cell on line 3\n"
        + "line 4, 2 cells: [g][h], last cell on line 4\n"
        + "end, then false");
  }

  @Test
  void aDelimiterJustBeforeTheEndGivesALastEmptyField() {
    reads("a,b\nc,", true, "header line 1: [a][b] delimiter 44\n"
        + "line 2, 2 cells: [c][], last cell on line 2\nend, then false");
  }

  @Test
  void blankAndWhitespaceOnlyLinesAreSkippedButCounted() {
    reads("\r\n \na,b\n\n\r\n 1 , 2 \n  \t", true, "header line 3: [a][b] delimiter 44\n"
        + "line 6, 2 cells: [1][2], last cell on line 6\nend, then false");
  }

  @Test
  void surroundingWhitespaceIsStrippedUnicodeToo() {
    // tab delimited; U+3000 and U+2028 are whitespace (Character.isWhitespace), U+00A0 is not
    reads("a\tb\tc\n 1 \t\t2\u3000\u2028\n\u00a0x\u00a0\ty\tz", true, "header line 1: [a][b][c] delimiter 9\n"
        + "line 2, 3 cells: [1][][2], last cell on line 2\n"
        + "line 3, 3 cells: [\u00a0x\u00a0][y][z], last cell on line 3\nend, then false");
  }

  @Test
  void raggedRowsAsTheOtherPathReportsThem() {
    reads("a;b\n1;2;3\n", true, "header line 1: [a][b] delimiter 59\n"
        + "problem t.csv:2:3: row has 3 fields but the header (line 1) has 2; expected 2"
        + " fields separated by ';' (quote a cell that contains the delimiter)");
    reads("a;b\n1;2;3\n4\n", false, "header line 1: [a][b] delimiter 59\n"
        + "line 2, 3 cells: [1][2][3], last cell on line 2\nline 3, 1 cells: [4], last cell on line 3\n"
        + "end, then false");
  }

  @Test
  void nulIsNotText() {
    reads("a,b\n1,\0\n", true, "problem t.csv:2:2: NUL byte found: this is not a text file (or it is UTF-16"
        + " without a byte-order mark); expected a CSV text file in UTF-8");
  }

  @Test
  void invalidUtf8WithItsLine() {
    byte[] bytes = {'a', ',', 'b', '\n', '1', ',', '2', '\n', '3', ',', (byte) 0xFF, '\n'};
    // the bytes before the bad one are handed out first: the rows before it are read
    reads(bytes, true, LIMIT, "header line 1: [a][b] delimiter 44\nline 2, 2 cells: [1][2], last cell on line 2\n"
        + "problem t.csv:3:2: bytes 0xFF are not valid UTF-8; expected UTF-8 text: save the"
        + " file as \"CSV UTF-8\" (a file saved as Latin-1 or Windows-1252 shows this)");
  }

  @Test
  void fieldOverTheLimit() {
    // the limit counts from a field's first non-whitespace character, trailing whitespace included
    reads("a,b\n  12345,x\n1,1234  \n".getBytes(StandardCharsets.UTF_8), true, 5,
        "problem t.csv:3:2: field longer than 5 characters (an unclosed quote, or not a CSV file?); expected"
            + " short cells");
  }

  @Test
  void aCrAtTheEndOfARequestIsMatchedWithTheLfOfTheNext() {
    String header = "a,b\n";
    String row = "1," + "x".repeat(SimpleCsvRecords.CHUNK - header.length() - 3) + "\r"; // CR is char 8191
    assertThat((header + row).length()).isEqualTo(SimpleCsvRecords.CHUNK);
    reads(header + row + "\n2,y\r", true, "header line 1: [a][b] delimiter 44\n"
        + "line 2, 2 cells: [1][" + row.substring(2, row.length() - 1) + "], last cell on line 2\n"
        + "line 3, 2 cells: [2][y], last cell on line 3\nend, then false");
  }

  @Test
  void aFieldOverSeveralRequests() {
    String big = "\u00e9".repeat(3 * SimpleCsvRecords.CHUNK + 17);
    reads("a,b\n" + big + "," + big + "\n", true, "header line 1: [a][b] delimiter 44\n"
        + "line 2, 2 cells: [" + big + "][" + big + "], last cell on line 2\nend, then false");
  }

  @Test
  void emptyAndBlankTexts() {
    reads("", true, "header line 0:  delimiter 44\nend, then false");
    reads(" \r\n\t\n", true, "header line 0:  delimiter 44\nend, then false");
  }

  @Test
  void byteOrderMarksAndUtf16() {
    String text = "\ufeffa;b\r\n1,5;\u00fc\r\n";
    String expected = "header line 1: [a][b] delimiter 59\nline 2, 2 cells: [1,5][\u00fc], last cell on line 2\n"
        + "end, then false";
    reads(text.getBytes(StandardCharsets.UTF_8), true, LIMIT, expected);
    reads(text.getBytes(StandardCharsets.UTF_16LE), true, LIMIT, expected);
    reads(text.getBytes(StandardCharsets.UTF_16BE), true, LIMIT, expected);
  }

  @Test
  void excelSepLine() {
    reads("sep=;\na;b\n1;2\n", true, "header line 2: [a][b] delimiter 59\n"
        + "line 3, 2 cells: [1][2], last cell on line 3\nend, then false");
    reads("sep=|\na|b\n", true, "problem t.csv:1:1: the first line \"sep=|\" declares a delimiter trialstat does"
        + " not read; expected sep=, sep=; or sep= and a tab (or no sep= line: the delimiter is then detected"
        + " from the header)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,b\n1,2\n", "\u00e9\u4e2d,\ud83d\ude00\n", ""})
  void quoteFreeFiles(String text) throws IOException {
    Path f = Files.writeString(dir.resolve("f.csv"), text);
    assertThat(SimpleQuoting.isSimple(f, ',')).isTrue();
  }

  @Test
  void filesWithAQuoteThatIsNotSimpleOrNotRegularGoTheCommonsCsvWay() throws IOException {
    String lines = "a,b\n" + "1,2\n".repeat(40_000);
    assertThat(SimpleQuoting.isSimple(Files.writeString(dir.resolve("late.csv"), lines + "\"3\",4\n"), ','))
        .isTrue();
    assertThat(SimpleQuoting.isSimple(Files.writeString(dir.resolve("late2.csv"), lines + "\"3\"\"\",4\n"), ','))
        .isFalse();
    assertThat(SimpleQuoting.isSimple(Files.writeString(dir.resolve("early.csv"), "\"a\"b,b\n" + lines), ','))
        .isFalse();
    assertThat(SimpleQuoting.isSimple(dir, ',')).isFalse();
    assertThat(SimpleQuoting.isSimple(dir.resolve("missing.csv"), ',')).isFalse();
  }

  @Test
  void openReadsQuotedAndUnquotedFilesAlike() throws IOException {
    Path plain = Files.writeString(dir.resolve("plain.csv"), "id,arm\nP1,A\r\nP2,B\n");
    Path quoted = Files.writeString(dir.resolve("quoted.csv"), "id,\"arm\"\nP1,A\r\nP2,B\n");
    for (Path f : new Path[] {plain, quoted}) {
      try (CsvTableSource src = CsvTableSource.open(f, "f.csv")) {
        assertThat(src.columns()).extracting(Column::name).containsExactly("id", "arm");
        assertThat(src.next()).isTrue();
        assertThat(src.row()).isEqualTo(2);
        assertThat(src.next()).isTrue();
        assertThat(src.text(1)).isEqualTo("B");
        assertThat(src.row()).isEqualTo(3);
        assertThat(src.next()).isFalse();
      }
    }
  }
}
