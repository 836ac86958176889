package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.TestFiles;
import org.trialstat.model.DataException;
import org.trialstat.model.Observation;
import org.trialstat.model.Scale;
import org.trialstat.model.TrialData;

/**
 * Tests of {@link TrialCsvReader}. Expected values come from the inputs themselves: for inline inputs
 * the line and column are counted by hand in the text of the test (line 1 is the header); for the
 * sample files they were computed with R 4.2.2 {@code read.csv} (the R call is next to each value).
 */
class TrialCsvReaderTest {

  private static final String HEADER = "participant_id,arm,visit,week,caps_total,ptsd_dx\n";

  @TempDir
  Path tmp;

  private static TrialData read(String csv) {
    return TrialCsvReader.read(new StringReader(csv), "t.csv", ReadOptions.defaults());
  }

  private static TrialData read(String csv, ReadOptions options) {
    return TrialCsvReader.read(new StringReader(csv), "t.csv", options);
  }

  private TrialData readBytes(byte[] bytes) throws IOException {
    Path f = tmp.resolve("t.csv");
    Files.write(f, bytes);
    return TrialCsvReader.read(f, "t.csv", ReadOptions.defaults());
  }

  private static DataException error(String csv) {
    return catchThrowableOfType(DataException.class, () -> read(csv));
  }

  private static DataException error(String csv, ReadOptions options) {
    return catchThrowableOfType(DataException.class, () -> read(csv, options));
  }

  private DataException errorBytes(byte[] bytes) {
    return catchThrowableOfType(DataException.class, () -> readBytes(bytes));
  }

  private static void assertOneLine(DataException e) {
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\r");
    assertThat(e.file()).isEqualTo("t.csv");
  }

  private static Path resource(String name) {
    try {
      return Paths.get(TrialCsvReaderTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- files that cannot be read

  @Nested
  class FileErrors {

    @Test
    void missingFile() {
      Path f = tmp.resolve("nope.csv");
      DataException e = catchThrowableOfType(DataException.class,
          () -> TrialCsvReader.read(f, "nope.csv", ReadOptions.defaults()));
      assertThat(e.getMessage()).startsWith("file not found");
      assertThat(e.describe()).isEqualTo("nope.csv: file not found; expected an existing CSV file");
      assertThat(e.line()).isZero();
      assertThat(e.column()).isZero();
    }

    @Test
    void displayNameDefaultsToThePath() {
      Path f = tmp.resolve("nope.csv");
      DataException e = catchThrowableOfType(DataException.class,
          () -> TrialCsvReader.read(f, null, ReadOptions.defaults()));
      assertThat(e.file()).isEqualTo(f.toString());
    }

    @Test
    void directory() {
      DataException e = catchThrowableOfType(DataException.class,
          () -> TrialCsvReader.read(tmp, "data", ReadOptions.defaults()));
      assertThat(e.describe()).isEqualTo("data: is a directory; expected a CSV file");
    }

    @Test
    void unreadableFile() throws IOException {
      Path f = tmp.resolve("secret.csv");
      Files.writeString(f, HEADER + "P1,A,b,0,1,1\n");
      boolean changed = f.toFile().setReadable(false, false);
      org.junit.jupiter.api.Assumptions.assumeTrue(changed && !Files.isReadable(f),
          "running as a user who can read any file (root)");
      DataException e = catchThrowableOfType(DataException.class,
          () -> TrialCsvReader.read(f, "secret.csv", ReadOptions.defaults()));
      assertThat(e.getMessage()).startsWith("permission denied");
    }

    @Test
    void emptyFile() {
      DataException e = errorBytes(new byte[0]);
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("file is empty");
      assertThat(e.line()).isZero();
    }

    @Test
    void onlyBlankLinesAndBomIsEmpty() {
      DataException e = errorBytes("\uFEFF\r\n  \n\n".getBytes(StandardCharsets.UTF_8));
      assertThat(e.getMessage()).startsWith("file is empty");
    }

    @Test
    void headerOnly() {
      DataException e = error("\n" + HEADER + "\n,,,,,\n");
      assertOneLine(e);
      // the header is on line 2 of the input
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.getMessage()).startsWith("no data rows after the header (line 2)");
    }

    @Test
    void binaryFile() {
      // the first bytes of a PNG image: 0x89 is not valid UTF-8
      byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
      DataException e = errorBytes(png);
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("bytes 0x89 are not valid UTF-8");
      assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void excelWorkbooks() {
      byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
      assertThat(errorBytes(xlsx).getMessage()).startsWith("file is a ZIP archive (an Excel .xlsx workbook?);"
          + " expected a CSV text file");
      byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
      assertThat(errorBytes(xls).getMessage()).startsWith("file is an OLE document (an Excel .xls workbook?)");
    }

    @Test
    void nulBytes() {
      byte[] bytes = (HEADER + "P1,A,b,0,1,1\nP2,A,b,0,\0\0,1\n").getBytes(StandardCharsets.UTF_8);
      DataException e = errorBytes(bytes);
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("NUL byte found: this is not a text file");
      // line 3, fifth field
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void latin1IsNotUtf8() {
      // "Müller" in ISO-8859-1 on line 3: 0xFC is not valid UTF-8
      String csv = HEADER + "P1,A,b,0,1,1\nM\u00fcller,A,b,0,1,1\n";
      DataException e = errorBytes(csv.getBytes(StandardCharsets.ISO_8859_1));
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("bytes 0xFC are not valid UTF-8; expected UTF-8 text");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(1);
    }

    @Test
    void utf16WithoutByteOrderMarkIsNotText() {
      DataException e = errorBytes((HEADER + "P1,A,b,0,1,1\n").getBytes(StandardCharsets.UTF_16LE));
      assertThat(e.getMessage()).contains("NUL byte found").contains("UTF-16 without a byte-order mark");
      assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void utf32IsRejected() {
      byte[] body = (HEADER + "P1,A,b,0,1,1\n").getBytes(java.nio.charset.Charset.forName("UTF-32LE"));
      byte[] bytes = new byte[body.length + 4];
      bytes[0] = (byte) 0xFF;
      bytes[1] = (byte) 0xFE;
      System.arraycopy(body, 0, bytes, 4, body.length);
      assertThat(errorBytes(bytes).getMessage()).startsWith("file is UTF-32");
    }

    @Test
    void hugeField() {
      StringBuilder sb = new StringBuilder(HEADER).append("P1,A,b,0,1,1\nP2,A,b,0,1,\"");
      sb.append("x".repeat(GuardedReader.MAX_FIELD_CHARS + 10)).append("\"\n");
      DataException e = error(sb.toString());
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("field longer than 1,000,000 characters");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(6);
    }

    @Test
    void hugeUnquotedFieldInBytes() {
      byte[] bytes = new byte[3_000_000];
      java.util.Arrays.fill(bytes, (byte) 'a');
      DataException e = errorBytes(bytes);
      assertThat(e.getMessage()).startsWith("field longer than 1,000,000 characters");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------- CSV structure

  @Nested
  class Structure {

    @Test
    void unterminatedQuote() {
      String csv = HEADER
          + "P1,A,b,0,1,1\n"
          + "P2,\"A,b,0,1,1\n" // line 3, field 2 opens a quote that never closes
          + "P3,A,b,0,1,1\n";
      DataException e = error(csv);
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("quoted field opened here is never closed");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void textAfterClosingQuote() {
      DataException e = error(HEADER + "P1,A,b,0,1,1\nP2,\"A\"x,b,0,1,1\n");
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("text after the closing quote of a quoted field");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void raggedRowTooMany() {
      DataException e = error(HEADER + "P1,A,b,0,1,1\nP2,A,b,0,1,1,extra\n");
      assertOneLine(e);
      assertThat(e.getMessage()).isEqualTo("row has 7 fields but the header (line 1) has 6; expected 6"
          + " fields separated by ',' (quote a cell that contains the delimiter)");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(7);
    }

    @Test
    void raggedRowTooFew() {
      DataException e = error(HEADER + "P1,A,b,0,1\n");
      assertThat(e.getMessage()).startsWith("row has 5 fields but the header (line 1) has 6");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(6);
    }

    @Test
    void noHeader() {
      DataException e = error("P001,MDMA,baseline,0,42,1\nP001,MDMA,week6,6,34,1\n");
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("no header row: line 1 \"P001,MDMA,baseline,0,42,1\" looks like"
          + " data; expected a first row naming the columns");
      assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void missingColumnWithSuggestion() {
      DataException e = error("participant_id,arm,visit,week,CAPS TOTAL,ptsd_dx\nP1,A,b,0,1,1\n");
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("no column 'caps_total' (did you mean 'CAPS TOTAL'?); expected"
          + " columns participant_id, arm, visit, caps_total")
          .endsWith("columns found: participant_id, arm, visit, week, CAPS TOTAL, ptsd_dx");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void missingColumnTypoSuggestion() {
      DataException e = error("participant_id,arm,vist,caps_total\nP1,A,b,1\n");
      assertThat(e.getMessage()).startsWith("no column 'visit' (did you mean 'vist'?)");
      assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void missingColumnsSuggestCdiscNames() {
      DataException e = error("USUBJID,TRT01P,AVISIT,AVAL\nP1,A,b,1\n");
      assertThat(e.getMessage()).startsWith("no column 'participant_id' (did you mean 'USUBJID'?), no column"
          + " 'arm' (did you mean 'TRT01P'?), no column 'visit' (did you mean 'AVISIT'?), no column"
          + " 'caps_total' (did you mean 'AVAL'?)");
      assertThat(e.column()).isZero();
    }

    @Test
    void missingColumnWithoutSuggestion() {
      DataException e = error("participant_id,arm,visit,zzz\nP1,A,b,1\n");
      assertThat(e.getMessage()).startsWith("no column 'caps_total'; expected columns");
      assertThat(e.column()).isZero();
    }

    @Test
    void forcedLongNamesOnlyLongLayout() {
      DataException e = error("participant_id,arm,caps_total_b\nP1,A,1\n",
          ReadOptions.defaults().withShape(InputShape.LONG));
      assertThat(e.getMessage()).startsWith("no column 'visit'").doesNotContain("wide format");
    }

    @Test
    void forcedWideWithoutScoreColumns() {
      DataException e = error(HEADER + "P1,A,b,0,1,1\n", ReadOptions.defaults().withShape(InputShape.WIDE));
      assertThat(e.getMessage()).startsWith("no column 'caps_total_<visit>'; expected columns"
          + " participant_id, arm, caps_total_<visit>... (wide format");
    }

    @Test
    void duplicateColumnName() {
      DataException e = error("participant_id,arm,visit,caps_total,arm\nP1,A,b,1,A\n");
      assertThat(e.getMessage()).isEqualTo("column name 'arm' appears twice (columns 2 and 5); expected"
          + " unique column names");
      assertThat(e.line()).isEqualTo(1);
      assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void ambiguousCaseInsensitiveColumns() {
      DataException e = error("participant_id,Arm,ARM,visit,caps_total\nP1,A,A,b,1\n");
      assertThat(e.getMessage()).startsWith("columns 'Arm' and 'ARM' both match 'arm' ignoring case");
    }

    @Test
    void missingCovariate() {
      DataException e = error(HEADER + "P1,A,b,0,1,1\n",
          ReadOptions.defaults().withCovariates(List.of("Age")));
      assertThat(e.getMessage()).startsWith("no covariate column 'Age'; expected the covariate columns Age;"
          + " columns found: participant_id");
    }
  }

  // ---------------------------------------------------------------- cells

  @Nested
  class CellErrors {

    @Test
    void nonNumericScore() {
      DataException e = error(HEADER + "P1,A,b,0,1,1\nP1,A,c,6,abc,1\n");
      assertOneLine(e);
      assertThat(e.getMessage()).isEqualTo("score \"abc\" in column caps_total is not a number; expected a"
          + " number between 0 and 80 (the CAPS-5 or PCL-5 range), or empty/NA for a missing value");
      assertThat(e.describe()).startsWith("t.csv:3:5: score \"abc\"");
    }

    @Test
    void nanScore() {
      DataException e = error(HEADER + "P1,A,b,0,NaN,1\n");
      assertThat(e.getMessage()).startsWith("score \"NaN\" in column caps_total is NaN (not a number), which"
          + " is not accepted as missing; expected a number between 0 and 80");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Inf", "-Inf", "Infinity", "+infinity"})
    void infiniteScore(String cell) {
      DataException e = error(HEADER + "P1,A,b,0," + cell + ",1\n");
      assertThat(e.getMessage()).startsWith("score \"" + cell + "\" in column caps_total is infinite;");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void overflowingScore() {
      DataException e = error(HEADER + "P1,A,b,0,1e999,1\n");
      assertThat(e.getMessage()).startsWith("score \"1e999\" in column caps_total is too large");
    }

    @Test
    void scoreAboveRange() {
      DataException e = error(HEADER + "P1,A,b,0,80,1\nP2,B,b,0,80.5,1\n");
      assertThat(e.getMessage()).startsWith("score \"80.5\" in column caps_total is above the maximum 80;"
          + " expected a number between 0 and 80 (the CAPS-5 or PCL-5 range)");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void scoreAboveCaps4Range() {
      DataException e = error(HEADER + "P1,A,b,0,137,1\n", ReadOptions.forScale(Scale.CAPS4));
      assertThat(e.getMessage()).contains("above the maximum 136; expected a number between 0 and 136 (the"
          + " CAPS-IV range)");
    }

    @Test
    void negativeScore() {
      DataException e = error(HEADER + "P1,A,b,0,-3,1\n");
      assertThat(e.getMessage()).startsWith("score \"-3\" in column caps_total is negative; expected a number"
          + " between 0 and 80");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(5);
    }

    @Test
    void belowPositiveMinimum() {
      DataException e = error(HEADER + "P1,A,b,0,3,1\n", ReadOptions.defaults().withRange(5, 10));
      assertThat(e.getMessage()).startsWith("score \"3\" in column caps_total is below the minimum 5;"
          + " expected a number between 5 and 10,");
    }

    @Test
    void unboundedRangeAcceptsAnyFiniteNumber() {
      TrialData d = read(HEADER + "P1,A,b,0,-1e6,1\n", ReadOptions.forScale(Scale.NONE));
      assertThat(d.observations().get(0).score()).isEqualTo(-1e6);
      DataException e = error(HEADER + "P1,A,b,0,x,1\n", ReadOptions.forScale(Scale.NONE));
      assertThat(e.getMessage()).endsWith("expected a number, or empty/NA for a missing value");
    }

    @Test
    void decimalCommaInCommaFileIsExplained() {
      DataException e = error(HEADER + "P1,A,b,0,\"12,5\",1\n");
      assertThat(e.getMessage()).startsWith("score \"12,5\" in column caps_total is not a number (a decimal"
          + " comma is accepted only in ';'-separated files)");
    }

    @Test
    void invalidDiagnosisFlag() {
      DataException e = error(HEADER + "P1,A,b,0,12,maybe\n");
      assertOneLine(e);
      assertThat(e.getMessage()).isEqualTo("diagnosis \"maybe\" in column ptsd_dx is not a yes/no value;"
          + " expected 1/0, Y/N, yes/no or true/false (any case), or empty/NA if unknown");
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(6);
    }

    @Test
    void invalidWeek() {
      DataException e = error(HEADER + "P1,A,b,six,12,1\n");
      assertThat(e.getMessage()).startsWith("week \"six\" in column week is not a number; expected a week"
          + " number");
      assertThat(e.column()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'',A,b,0,1,1|1|participant identifier is empty in column participant_id",
        "P1,'  ',b,0,1,1|2|arm is empty in column arm",
        "P1,A,,0,1,1|3|visit label is empty in column visit"})
    void emptyRequiredCell(String row, int column, String message) {
      DataException e = error(HEADER + row.replace("'", "") + "\n");
      assertThat(e.getMessage()).startsWith(message);
      assertThat(e.line()).isEqualTo(2);
      assertThat(e.column()).isEqualTo(column);
    }

    @Test
    void longValueIsShortenedAndEscapedInMessage() {
      DataException e = error(HEADER + "P1,A,b,0,\"" + "y".repeat(100) + "\n\",1\n");
      assertOneLine(e);
      assertThat(e.getMessage()).startsWith("score \"" + "y".repeat(40) + "...\" in column caps_total");
    }

    @Test
    void cellLineCountsEmbeddedLineBreaks() {
      // the record starts on line 2; its score cell is on line 4, after a two-line-break quoted field
      DataException e = error("participant_id,arm,note,visit,caps_total\nP1,A,\"x\r\ny\nz\",b,abc\n");
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEqualTo(5);
    }
  }

  // ---------------------------------------------------------------- consistency

  @Nested
  class Consistency {

    @Test
    void duplicateParticipantVisit() {
      DataException e = error(HEADER
          + "P1,A,baseline,0,40,1\n"
          + "P1,A,week6,6,30,1\n"
          + "P1,A,baseline,0,41,1\n");
      assertOneLine(e);
      assertThat(e.getMessage()).isEqualTo("participant \"P1\" has a second row for visit \"baseline\" (the"
          + " first is on line 2); expected one row per participant and visit");
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void participantInTwoArms() {
      DataException e = error(HEADER
          + "P1,MDMA,baseline,0,40,1\n"
          + "P2,Placebo,baseline,0,40,1\n"
          + "P1,Placebo,week6,6,30,1\n");
      assertOneLine(e);
      assertThat(e.getMessage()).isEqualTo("participant \"P1\" is in arm \"Placebo\" here but in arm \"MDMA\""
          + " on line 2; expected one arm per participant");
      assertThat(e.line()).isEqualTo(4);
      assertThat(e.column()).isEqualTo(2);
    }

    @Test
    void inconsistentWeek() {
      DataException e = error(HEADER
          + "P1,A,baseline,0,40,1\n"
          + "P1,A,week6,6,30,1\n"
          + "P2,A,baseline,0,40,1\n"
          + "P2,A,week6,7,30,1\n");
      assertOneLine(e);
      assertThat(e.getMessage()).isEqualTo("week 7 for visit \"week6\" differs from week 6 on line 3;"
          + " expected the same week on every row of a visit");
      assertThat(e.line()).isEqualTo(5);
      assertThat(e.column()).isEqualTo(4);
    }

    @Test
    void duplicateParticipantInWideFormat() {
      DataException e = error("participant_id,arm,caps_total_b,caps_total_e\nP1,A,1,2\nP1,A,3,4\n");
      assertThat(e.getMessage()).startsWith("participant \"P1\" has a second row (the first is on line 2)");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------- valid inputs

  @Nested
  class ValidInputs {

    @Test
    void mapp1LikeSample() {
      TrialData d = TrialCsvReader.read(resource("mapp1_like.csv"), "mapp1_like.csv", ReadOptions.defaults());
      assertThat(d.source()).isEqualTo("mapp1_like.csv");
      // R 4.2.2: d <- read.csv("mapp1_like.csv"); nrow(d) == 339
      assertThat(d.observations()).hasSize(339);
      // R: unique(d$arm) == c("MDMA", "Placebo")
      assertThat(d.arms()).containsExactly("MDMA", "Placebo");
      // R: unique(d$visit[order(d$week)])
      assertThat(d.visits()).containsExactly("baseline", "week6", "week12", "week18");
      // R: sum(d$caps_total, na.rm = TRUE) == 11466; sum(is.na(d$caps_total)) == 0
      assertThat(d.observations().stream().mapToDouble(Observation::score).sum()).isEqualTo(11466.0);
      // R: length(unique(d$participant_id)) == 90
      assertThat(d.observations().stream().map(Observation::participant).distinct()).hasSize(90);
      assertThat(d.hasDiagnosis()).isTrue();
      // R: d[339, ] is P090, Placebo, week18, 18, 15, 0 (file line 340)
      Observation last = d.observations().get(338);
      assertThat(last).isEqualTo(new Observation("P090", "Placebo", "week18", 15, false, List.of(), 340, 5, 6));
    }

    @Test
    void armsInOrderOfFirstAppearance() {
      TrialData d = TrialCsvReader.read(resource("dose_response_caps4.csv"), "d.csv",
          ReadOptions.forScale(Scale.CAPS4));
      // R 4.2.2: unique(read.csv("dose_response_caps4.csv")$arm)
      assertThat(d.arms()).containsExactly("125 mg", "100 mg", "40 mg");
      // R: nrow(...) == 84
      assertThat(d.observations()).hasSize(84);
    }

    @Test
    void cdiscNamesQuotedFieldsMissingValuesAndCovariates() {
      ReadOptions options = ReadOptions.forScale(Scale.NONE)
          .withColumns(new ColumnNames("USUBJID", "ARMCD", "AVISIT", "FEV1", null, "VISITN"))
          .withCovariates(List.of("FEV1_BL", "SEX", "RACE"));
      TrialData d = TrialCsvReader.read(TestFiles.assumeShared(TestFiles.shared("oracles", "mmrm_fev", "fev_data.csv")),
          "fev_data.csv", options);
      // R 4.2.2: d <- read.csv("fev_data.csv"); nrow(d) == 800; sum(is.na(d$FEV1)) == 263
      assertThat(d.observations()).hasSize(800);
      assertThat(d.observations().stream().filter(o -> !o.hasScore())).hasSize(263);
      // R: print(sum(d$FEV1, na.rm = TRUE), digits = 17) == 22712.902956031769, tol 1e-9 relative
      double sum = d.observations().stream().filter(Observation::hasScore).mapToDouble(Observation::score)
          .sum();
      assertThat(sum).isCloseTo(22712.902956031769, within(22712.9 * 1e-9));
      // R: unique(d$ARMCD) == c("TRT", "PBO"); unique(d$AVISIT[order(d$VISITN)])
      assertThat(d.arms()).containsExactly("TRT", "PBO");
      assertThat(d.visits()).containsExactly("VIS1", "VIS2", "VIS3", "VIS4");
      assertThat(d.hasDiagnosis()).isFalse();
      assertThat(d.covariateNames()).containsExactly("FEV1_BL", "SEX", "RACE");
      // R: d[2, ]: PT1, VIS2, TRT, "Black or African American", "Female", FEV1_BL 25.2714350933994
      // (as written in the file), FEV1 39.9710497720302
      Observation second = d.observations().get(1);
      assertThat(second.participant()).isEqualTo("PT1");
      assertThat(second.visit()).isEqualTo("VIS2");
      assertThat(second.score()).isEqualTo(39.9710497720302);
      assertThat(second.covariates()).containsExactly("25.2714350933994", "Female",
          "Black or African American");
      assertThat(second.line()).isEqualTo(3);
      assertThat(second.scoreColumn()).isEqualTo(7);
      assertThat(d.observations().get(0).hasScore()).isFalse();
    }

    @Test
    void cdiscAdamNames() {
      String csv = "STUDYID,USUBJID,TRT01P,PARAMCD,AVISIT,AVISITN,AVAL\n"
          + "S1,S1-001,Active,CAPS5,Week 18,18,20\n"
          + "S1,S1-001,Active,CAPS5,Baseline,0,45\n"
          + "S1,S1-002,Placebo,CAPS5,Baseline,0,50\n";
      ColumnNames adam = new ColumnNames("USUBJID", "TRT01P", "AVISIT", "AVAL", null, "AVISITN");
      TrialData d = read(csv, ReadOptions.defaults().withColumns(adam));
      assertThat(d.arms()).containsExactly("Active", "Placebo");
      assertThat(d.visits()).containsExactly("Baseline", "Week 18");
      assertThat(d.observations()).extracting(Observation::score).containsExactly(20.0, 45.0, 50.0);
      assertThat(d.observations().get(0).scoreColumn()).isEqualTo(7);
    }

    @Test
    void caseInsensitiveColumnNamesExactFirst() {
      String csv = "PARTICIPANT_ID,Arm,VISIT,Caps_Total,arm_note,caps_total\n"
          + "P1,A,b,99,x,12\n";
      TrialData d = read(csv);
      // "caps_total" matches exactly (column 6) although "Caps_Total" (column 4) matches ignoring case
      assertThat(d.observations().get(0).score()).isEqualTo(12.0);
      assertThat(d.observations().get(0).scoreColumn()).isEqualTo(6);
      assertThat(d.observations().get(0).arm()).isEqualTo("A");
      assertThat(d.hasDiagnosis()).isFalse();
    }

    @Test
    void missingValuesAndDiagnosisSpellings() {
      String csv = HEADER
          + "P1,A,v1,0,,1\n"
          + "P1,A,v2,1,NA,Y\n"
          + "P1,A,v3,2,na,yes\n"
          + "P1,A,v4,3,.,TRUE\n"
          + "P1,A,v5,4, 7 ,0\n"
          + "P1,A,v6,5,7,n\n"
          + "P1,A,v7,6,7,No\n"
          + "P1,A,v8,7,7,false\n"
          + "P1,A,v9,8,7,NA\n"
          + "P1,A,v10,9,7,\n";
      TrialData d = read(csv);
      assertThat(d.observations()).extracting(Observation::hasScore)
          .containsExactly(false, false, false, false, true, true, true, true, true, true);
      assertThat(d.observations()).extracting(Observation::diagnosis)
          .containsExactly(true, true, true, true, false, false, false, false, null, null);
    }

    @Test
    void utf8ByteOrderMark() throws IOException {
      byte[] bytes = ("\uFEFF" + HEADER + "P1,A,b,0,1,1\n").getBytes(StandardCharsets.UTF_8);
      TrialData d = readBytes(bytes);
      assertThat(d.observations()).hasSize(1);
      assertThat(d.observations().get(0).participant()).isEqualTo("P1");
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws IOException {
      // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated
      String text = "\uFEFFparticipant_id\tarm\tvisit\tcaps_total\r\nP\u00e9\tA\tb\t12\r\nP2\tA\tb\t13\r\n";
      TrialData le = readBytes(text.getBytes(StandardCharsets.UTF_16LE));
      assertThat(le.observations()).extracting(Observation::participant).containsExactly("P\u00e9", "P2");
      assertThat(le.observations()).extracting(Observation::line).containsExactly(2L, 3L);
      TrialData be = readBytes(text.getBytes(StandardCharsets.UTF_16BE));
      assertThat(be.observations()).isEqualTo(le.observations());
    }

    @Test
    void crlfAndBlankLines() {
      String csv = "\r\n" + HEADER.replace("\n", "\r\n")
          + "P1,A,b,0,1,1\r\n"
          + "\r\n"
          + ",,,,,\r\n"
          + "   \r\n"
          + "P2,A,b,0,2,1\r\n"
          + "P3,A,b,0,3,1"; // no final line break
      TrialData d = read(csv);
      // line 1 blank, header on 2; P1 on 3, P2 on 7, P3 on 8
      assertThat(d.observations()).extracting(Observation::line).containsExactly(3L, 7L, 8L);
    }

    @Test
    void oldMacLineEnds() {
      TrialData d = read(HEADER.replace('\n', '\r') + "P1,A,b,0,1,1\rP2,A,b,0,2,1\r");
      assertThat(d.observations()).extracting(Observation::line).containsExactly(2L, 3L);
    }

    @Test
    void semicolonDelimiterWithDecimalComma() {
      String csv = "participant_id;arm;visit;week;caps_total;ptsd_dx\n"
          + "P1;Gruppe A, hoch;b;0;12,5;1\n"
          + "P1;Gruppe A, hoch;e;1,5;3;0\n";
      TrialData d = read(csv);
      assertThat(d.observations()).extracting(Observation::score).containsExactly(12.5, 3.0);
      assertThat(d.arms()).containsExactly("Gruppe A, hoch");
    }

    @Test
    void semicolonFileRejectsMixedSeparators() {
      String csv = "participant_id;arm;visit;caps_total\nP1;A;b;1,234.5\n";
      assertThat(error(csv).getMessage()).startsWith("score \"1,234.5\" in column caps_total is not a number");
    }

    @Test
    void tabDelimiter() {
      String csv = "participant_id\tarm\tvisit\tcaps_total\nP1\tA, B\tb\t 12 \n";
      TrialData d = read(csv);
      assertThat(d.arms()).containsExactly("A, B");
      assertThat(d.observations().get(0).score()).isEqualTo(12.0);
    }

    @Test
    void quotedFieldsWithDelimitersQuotesAndLineBreaks() {
      String csv = "participant_id,arm,visit,note,caps_total\n"
          + "\"P1\",\"MDMA, 120 mg\",\"baseline\",\"says \"\"hi\"\"\nover\r\ntwo breaks\",\"40\"\n"
          + "P2, \"Placebo\" ,baseline,plain,41\n"
          + "P3,Placebo,baseline,\"\",42\n";
      TrialData d = read(csv);
      assertThat(d.arms()).containsExactly("MDMA, 120 mg", "Placebo");
      // P1's record spans lines 2-4, so P2 is on line 5 and P3 on line 6
      assertThat(d.observations()).extracting(Observation::line).containsExactly(2L, 5L, 6L);
      assertThat(d.observations()).extracting(Observation::score).containsExactly(40.0, 41.0, 42.0);
    }

    @Test
    void visitsOrderedByWeekTiesKeepFirstAppearance() {
      String csv = HEADER
          + "P1,A,week12,12,1,\n"
          + "P1,A,followup,,1,\n" // no week anywhere: last
          + "P1,A,week6b,6,1,\n"
          + "P1,A,week6a,6,1,\n" // same week as week6b: after it (first appearance)
          + "P1,A,baseline,0,1,\n"
          + "P2,B,week6a,,1,\n"; // an empty week is allowed and does not conflict
      TrialData d = read(csv);
      assertThat(d.visits()).containsExactly("baseline", "week6b", "week6a", "week12", "followup");
      assertThat(d.arms()).containsExactly("A", "B");
    }

    @Test
    void visitsByFirstAppearanceWithoutWeekColumn() {
      String csv = "participant_id,arm,visit,caps_total\nP1,A,week12,1\nP1,A,baseline,2\nP2,A,week6,3\n";
      assertThat(read(csv).visits()).containsExactly("week12", "baseline", "week6");
    }

    @Test
    void otherColumnsAreIgnored() {
      String csv = "site,participant_id,arm,visit,caps_total,comment\n1,P1,A,b,3,\"anything, at all\"\n";
      TrialData d = read(csv);
      assertThat(d.observations().get(0).scoreColumn()).isEqualTo(5);
      assertThat(d.observations().get(0).covariates()).isEmpty();
    }

    @Test
    void wideFormat() {
      String csv = "participant_id,arm,age,caps_total_baseline,ptsd_dx_baseline,CAPS_TOTAL_week18,"
          + "ptsd_dx_week18\n"
          + "P1,MDMA,34,44,1,20,0\n"
          + "P2,Placebo,41,39,yes,NA,\n";
      TrialData d = read(csv, ReadOptions.defaults().withCovariates(List.of("age")));
      assertThat(d.visits()).containsExactly("baseline", "week18");
      assertThat(d.arms()).containsExactly("MDMA", "Placebo");
      assertThat(d.hasDiagnosis()).isTrue();
      assertThat(d.observations()).containsExactly(
          new Observation("P1", "MDMA", "baseline", 44, true, List.of("34"), 2, 4, 5),
          new Observation("P1", "MDMA", "week18", 20, false, List.of("34"), 2, 6, 7),
          new Observation("P2", "Placebo", "baseline", 39, true, List.of("41"), 3, 4, 5),
          new Observation("P2", "Placebo", "week18", Double.NaN, null, List.of("41"), 3, 6, 7));
    }

    @Test
    void wideFileWrittenByRMatchesTheLongFile() {
      // mapp1_like_wide_r.csv was written by R 4.2.2 from mapp1_like.csv:
      //   w <- reshape(d[, c("participant_id","arm","visit","caps_total","ptsd_dx")],
      //                idvar = c("participant_id","arm"), timevar = "visit", direction = "wide", sep = "_")
      //   write.csv(w[order(w$participant_id), ], "mapp1_like_wide_r.csv", row.names = FALSE)
      TrialData wide = TrialCsvReader.read(resource("mapp1_like_wide_r.csv"), "w", ReadOptions.defaults());
      TrialData longForm = TrialCsvReader.read(resource("mapp1_like.csv"), "l", ReadOptions.defaults());
      // R: nrow(w) * 4 == 360 cells; sum(is.na(w$caps_total_*)) == 21 (360 - 339 rows of the long file)
      assertThat(wide.observations()).hasSize(360);
      assertThat(wide.observations().stream().filter(o -> !o.hasScore())).hasSize(21);
      assertThat(wide.visits()).containsExactly("baseline", "week6", "week12", "week18");
      assertThat(wide.arms()).containsExactly("MDMA", "Placebo");
      assertThat(wide.hasDiagnosis()).isTrue();
      java.util.function.Function<Observation, String> key =
          o -> o.participant() + "|" + o.arm() + "|" + o.visit() + "|" + o.score() + "|" + o.diagnosis();
      assertThat(wide.observations().stream().filter(Observation::hasScore).map(key))
          .containsExactlyInAnyOrderElementsOf(longForm.observations().stream().map(key).toList());
      // "P001" is on file line 2, its week18 score in column 9
      assertThat(wide.observations().get(3).line()).isEqualTo(2);
      assertThat(wide.observations().get(3).scoreColumn()).isEqualTo(9);
    }

    @Test
    void wideForcedEvenWithVisitColumnAndLongForcedOtherwise() {
      String csv = "participant_id,arm,visit,caps_total_b,caps_total_e\nP1,A,x,1,2\n";
      // AUTO: the visit column makes it long, and there is no caps_total column
      assertThatThrownBy(() -> read(csv)).isInstanceOf(DataException.class)
          .hasMessageStartingWith("no column 'caps_total'");
      TrialData wide = read(csv, ReadOptions.defaults().withShape(InputShape.WIDE));
      assertThat(wide.visits()).containsExactly("b", "e");
      assertThat(wide.hasDiagnosis()).isFalse();
    }

    @Test
    void wideScoreErrorNamesItsColumn() {
      DataException e = error("participant_id,arm,caps_total_b,caps_total_e\nP1,A,1,2\nP2,A,3,99\n");
      assertThat(e.getMessage()).startsWith("score \"99\" in column caps_total_e is above the maximum 80");
      assertThat(e.line()).isEqualTo(3);
      assertThat(e.column()).isEqualTo(4);
    }

    @Test
    void covariatesLongFormat() {
      String csv = "participant_id,arm,visit,caps_total,Age,sex\nP1,A,b,1,34,\nP1,A,e,2, 35 ,F\n";
      TrialData d = read(csv, ReadOptions.defaults().withCovariates(List.of("age", "sex")));
      assertThat(d.covariateNames()).containsExactly("age", "sex");
      assertThat(d.observations()).extracting(Observation::covariates)
          .containsExactly(List.of("34", ""), List.of("35", "F"));
    }

    @Test
    void inputStreamAndReaderAgree() throws IOException {
      try (InputStream in = Files.newInputStream(resource("mapp1_like.csv"))) {
        TrialData fromBytes = TrialCsvReader.read(in, "m", ReadOptions.defaults());
        TrialData fromChars = TrialCsvReader.read(new StringReader(
            Files.readString(resource("mapp1_like.csv"))), "m", ReadOptions.defaults());
        assertThat(fromBytes).isEqualTo(fromChars);
      }
    }

    @Test
    void twelveThousandRows() {
      // how fast they are read is measured by AnalyzeBenchmark.read (docs/benchmarks.md), not here
      StringBuilder sb = new StringBuilder(HEADER);
      String[] visits = {"baseline", "week6", "week12", "week18"};
      for (int p = 0; p < 3000; p++) {
        for (int v = 0; v < 4; v++) {
          sb.append(String.format(Locale.ROOT, "P%04d,%s,%s,%d,%d,%d%n", p, p % 2 == 0 ? "MDMA" : "Placebo",
              visits[v], v * 6, (p * 7 + v * 13) % 81, (p + v) % 2));
        }
      }
      TrialData d = read(sb.toString());
      // 3,000 participants x 4 visits, as written above; exact
      assertThat(d.observations()).hasSize(12_000);
    }
  }

  @Test
  void delimiterDetection() {
    assertThat(TrialCsvReader.detectDelimiter("a,b,c")).isEqualTo(',');
    assertThat(TrialCsvReader.detectDelimiter("a;b;c")).isEqualTo(';');
    assertThat(TrialCsvReader.detectDelimiter("a\tb\tc")).isEqualTo('\t');
    assertThat(TrialCsvReader.detectDelimiter("\"a,1\";\"b,2\";c")).isEqualTo(';');
    assertThat(TrialCsvReader.detectDelimiter("a,b;c")).isEqualTo(',');
    assertThat(TrialCsvReader.detectDelimiter("a;b\tc")).isEqualTo(';');
    assertThat(TrialCsvReader.detectDelimiter("abc")).isEqualTo(',');
    assertThat(TrialCsvReader.detectDelimiter(null)).isEqualTo(',');
  }

  @Test
  void everyMessageIsOneLine() {
    List<String> inputs = List.of("", "a\n", HEADER, "x,\"\n", HEADER + "P1,A,b,0,\"1\n2\",1\n",
        HEADER + "\"P\n1\",A,b,0,1,1\n\"P\n1\",A,b,0,1,1\n");
    List<String> messages = inputs.stream()
        .map(s -> catchThrowableOfType(DataException.class, () -> read(s)).getMessage())
        .collect(Collectors.toList());
    assertThat(messages).allSatisfy(m -> assertThat(m).doesNotContain("\n").doesNotContain("\r"));
  }
}
