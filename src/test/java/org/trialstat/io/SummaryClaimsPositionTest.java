package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.model.DataException;

/**
 * Issue 16, item 19: the summary and claims readers said {@code malformed CSV:
 * org.apache.commons.csv.CSVException (startline 4) ...} for a bad quote, without FILE:LINE:COLUMN,
 * and gave line 1 for every error of a file with CR-only line ends. Expected positions are counted by
 * hand in the texts below (lines 1-based, columns 1-based fields).
 */
class SummaryClaimsPositionTest {
  private static final String HEADER = "study,arm,control,n,change_mean,change_sd";

  private static void assertAt(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String where,
      String message) {
    String[] w = where.split(":");
    assertThatThrownBy(call).isInstanceOf(DataException.class)
        .satisfies(e -> {
          DataException d = (DataException) e;
          org.assertj.core.api.Assertions.assertThat(d.file() + ":" + d.line() + ":" + d.column())
              .isEqualTo(w[0] + ":" + w[1] + ":" + w[2]);
        })
        .hasMessageStartingWith(message).hasMessageNotContaining("CSVException");
  }

  private static String lines(String eol, String... lines) {
    return String.join(eol, lines) + eol;
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void badQuoteInASummaryFile(String eol) {
    String text = lines(eol, HEADER, "S,T,no,50,-10,5", "S,C,yes,50,-5,5", "S,\"D\"x,no,50,-5,5");
    assertAt(() -> SummaryCsvReader.parse(text, "s.csv"), "s.csv:4:2", "text after the closing quote of a quoted field");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void unclosedQuoteInASummaryFile(String eol) {
    String text = lines(eol, HEADER, "S,T,no,50,-10,5", "S,C,yes,50,-5,5", "S,\"D,no,50,-5,5");
    assertAt(() -> SummaryCsvReader.parse(text, "s.csv"), "s.csv:4:2", "quoted field opened here is never closed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void valueErrorsNameTheirLineWithAnyLineEnd(String eol) {
    assertAt(() -> SummaryCsvReader.parse(lines(eol, HEADER, "S,T,no,50,-10,5", "S,C,yes,50,-5,x"), "s.csv"), "s.csv:3:6", "column change_sd: expected a number, got 'x'");
    // a quoted line break in the arm name: change_sd is on the record's second physical line (4)
    assertAt(() -> SummaryCsvReader.parse(
        lines(eol, HEADER, "S,T,no,50,-10,5", "S,\"C" + eol + "x\",yes,50,-5,y"), "s.csv"), "s.csv:4:6", "column change_sd: expected a number, got 'y'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\n", "\r", "\r\n"})
  void badQuoteInAClaimsFile(String eol) {
    String text = lines(eol, "file,command,statistic,expected,compare,tolerance,source",
        "a.csv,summary,x,1,equal,0.1,s", "a.csv,summary,x,\"1\"2,equal,0.1,s");
    assertAt(() -> ClaimsCsvReader.parse(text, "claims.csv"), "claims.csv:3:4", "text after the closing quote of a quoted field");
  }
}
