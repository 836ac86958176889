package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.model.DataException;
import org.trialstat.model.TrialData;

/**
 * Simply quoted files, one edge case at a time: each is found simple, and its reading, written out by
 * hand as RFC 4180 (section 2, rules 5-6) and Commons CSV's lexer prescribe it, is the same on the
 * Commons CSV path and on {@link SimpleCsvRecords}. Quoting that is not simple is found so, and read
 * by Commons CSV with its messages.
 */
class SimpleQuotingTest {

  private static final int LIMIT = GuardedReader.MAX_FIELD_CHARS;

  @TempDir
  Path dir;

  /** {@code text} is simple and both paths read it as {@code expected}. */
  private static void reads(String text, String expected) {
    reads(text.getBytes(StandardCharsets.UTF_8), LIMIT, expected);
  }

  private static void reads(byte[] bytes, int limit, String expected) {
    assertThat(CsvPaths.commons(bytes, true, limit)).isEqualTo(expected);
    assertThat(CsvPaths.quoteFree(bytes, true, limit)).isEqualTo(expected);
    assertThat(CsvPaths.chosen(bytes, true, limit)).isEqualTo(expected);
    int at = expected.indexOf(" delimiter ") + 11;
    char d = at < 11 ? ',' : (char) Integer.parseInt(expected.substring(at, expected.indexOf('\n', at)));
    assertThat(SimpleQuoting.isSimple(bytes, d)).isTrue();
  }

  @Test
  void aQuotedEmptyFieldIsAnEmptyField() {
    reads("a,b,c\n\"\",,\"x\"\n\"\",\"\",\"\"\n", "header line 1: [a][b][c] delimiter 44\n"
        + "line 2, 3 cells: [][][x], last cell on line 2\nend, then false");
  }

  @Test
  void missingCodesAndNumbersInQuotesAreTheirText() {
    reads("\"id\";\"score\"\n\"P1\";\"NA\"\n\"P2\";\"12,5\"\n\"P3\";\" 7 \"\n", "header line 1: [id][score] delimiter 59\n"
        + "line 2, 2 cells: [P1][NA], last cell on line 2\n"
        + "line 3, 2 cells: [P2][12,5], last cell on line 3\n"
        + "line 4, 2 cells: [P3][7], last cell on line 4\nend, then false");
  }

  @Test
  void theDelimiterInsideQuotesIsText() {
    reads("a,b\n\"x,y\",\"1\"\n\"\t,\",2\n", "header line 1: [a][b] delimiter 44\n"
        + "line 2, 2 cells: [x,y][1], last cell on line 2\n"
        + "line 3, 2 cells: [,][2], last cell on line 3\nend, then false");
    reads("a\tb\n\"x\ty\"\t\"1\"\n", "header line 1: [a][b] delimiter 9\n"
        + "line 2, 2 cells: [x\ty][1], last cell on line 2\nend, then false");
  }

  @Test
  void byteOrderMarkLineEndsBlankLinesAndSpacesAroundQuotes() {
    reads("\ufeff \"id\" , \"arm\"\t\r\n\r\n\"\",\"\"\r\n\"P1\",A\r\"P2\" , \"B\"", "header line 1: [id][arm] delimiter 44\n"
        + "line 4, 2 cells: [P1][A], last cell on line 4\n"
        + "line 5, 2 cells: [P2][B], last cell on line 5\nend, then false");
  }

  @Test
  void aTrailingDelimiterGivesALastEmptyField() {
    reads("\"a\",\"b\",\n\"1\",\"2\",\n", "header line 1: [a][b][] delimiter 44\n"
        + "line 2, 3 cells: [1][2][], last cell on line 2\nend, then false");
  }

  @Test
  void rWriteCsvOutput() {
    // write.csv(data.frame(USUBJID = c("S1", "S2"), BCVA = c(1.5, NA)), row.names = TRUE) in R 4.2.2
    reads("\"\",\"USUBJID\",\"BCVA\"\n\"1\",\"S1\",1.5\n\"2\",\"S2\",NA\n", "header line 1: [][USUBJID][BCVA] delimiter 44\n"
        + "line 2, 3 cells: [1][S1][1.5], last cell on line 2\n"
        + "line 3, 3 cells: [2][S2][NA], last cell on line 3\nend, then false");
  }

  @Test
  void anExcelSepLineInQuotes() {
    reads("\"sep=;\"\n\"a\";\"b\"\n1;\"2\"\n", "header line 2: [a][b] delimiter 59\n"
        + "line 3, 2 cells: [1][2], last cell on line 3\nend, then false");
  }

  @Test
  void theFieldLengthLimitCountsWhatIsInsideTheQuotes() {
    byte[] atLimit = "a,b\n\"12345\" ,\"x\"\n".getBytes(StandardCharsets.UTF_8);
    reads(atLimit, 5, "header line 1: [a][b] delimiter 44\n"
        + "line 2, 2 cells: [12345][x], last cell on line 2\nend, then false");
    byte[] over = "a,b\n\"x\",\"123456\"\n".getBytes(StandardCharsets.UTF_8);
    reads(over, 5, "problem t.csv:2:2: field longer than 5 characters"
        + " (an unclosed quote, or not a CSV file?); expected short cells");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a,b\n\"x\"\"y\",1\n", "a,b\nx\"y,1\n", "a,b\n\"x\"y,1\n", "a,b\n\"x\ny\",1\n",
      "a,b\n1,\"open\n", "a,b\n1,\"open", "a,b\n\u3000\"x\",1\n", "a|b\n\"x\"|1\n"})
  void otherQuotingIsReadByCommonsCsv(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(SimpleQuoting.isSimple(bytes, text.contains("|") ? '|' : ',')).isFalse();
    assertThat(CsvPaths.chosen(bytes, true, LIMIT)).isEqualTo(CsvPaths.commons(bytes, true, LIMIT));
  }

  @Test
  void anUnclosedQuoteKeepsItsMessage() {
    byte[] bytes = "a,b\n1,\"open\n2,3\n".getBytes(StandardCharsets.UTF_8);
    assertThat(CsvPaths.chosen(bytes, true, LIMIT)).isEqualTo("header line 1: [a][b] delimiter 44\nproblem t.csv:2:2:"
        + " quoted field opened here is never closed (the file ends inside it); expected a closing quote (\") at"
        + " the end of the field (write \"\" for a quote inside a quoted field)");
  }

  @Test
  void utf16WithQuotesIsNotSimple() {
    byte[] bytes = "\ufeff\"a\",b\n1,2\n".getBytes(StandardCharsets.UTF_16LE);
    assertThat(SimpleQuoting.isSimple(bytes, ',')).isFalse();
    assertThat(SimpleQuoting.isSimple("\ufeffa,b\n".getBytes(StandardCharsets.UTF_16BE), ',')).isTrue();
  }

  /** A trial file as R's write.csv writes it: from its path (simple) as from a stream (Commons CSV). */
  @Test
  void aQuotedTrialFileReadsAsFromAStream() throws IOException {
    String text = "\"participant_id\",\"arm\",\"visit\",\"caps_total\"\r\n\"P1\",\"MDMA\",\"baseline\",\"40\"\r\n"
        + "\"P1\",\"MDMA\",\"week6\",\"NA\"\r\n\"P2\",\"Placebo\",\"baseline\",\"38.5\"\r\n"
        + "\"P2\",\"Placebo\",\"week6\",\"\"\r\n";
    Path f = Files.writeString(dir.resolve("r.csv"), text);
    assertThat(SimpleQuoting.isSimple(f, ',')).isTrue();
    TrialData fromPath = TrialCsvReader.read(f, "r.csv", ReadOptions.defaults());
    assertThat(fromPath.toString()).isEqualTo(TrialCsvReader.read(new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)), "r.csv", ReadOptions.defaults()).toString());
    Path bad = Files.writeString(dir.resolve("bad.csv"), text.replace("\"38.5\"", "\"38,5\""));
    assertThat(SimpleQuoting.isSimple(bad, ',')).isTrue();
    String badText = text.replace("\"38.5\"", "\"38,5\"");
    assertThat(outcome(() -> TrialCsvReader.read(bad, "r.csv", ReadOptions.defaults())))
        .startsWith("4:4: score \"38,5\"").isEqualTo(outcome(() -> TrialCsvReader.read(new ByteArrayInputStream(
            badText.getBytes(StandardCharsets.UTF_8)), "r.csv", ReadOptions.defaults())));
  }

  private static String outcome(Supplier<TrialData> read) {
    try {
      return read.get().toString();
    } catch (DataException e) {
      return e.line() + ":" + e.column() + ": " + e.getMessage();
    }
  }
}
