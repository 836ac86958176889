package org.trialstat.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.trialstat.model.DataException;

/**
 * Tests of {@link Cells}. The reference for numbers is the JDK's {@code Double.parseDouble} (correctly
 * rounded, JLS 17 / IEEE 754), exact comparison.
 */
class CellsTest {

  @ParameterizedTest
  @ValueSource(strings = {"", "NA", "na", "Na", "nA", "."})
  void missingValues(String cell) {
    assertThat(Cells.isMissing(cell)).isTrue();
    assertThat(Cells.score(cell, 0, 80, false, "s", "f", 1, 1)).isNaN();
    assertThat(Cells.diagnosis(cell, "d", "f", 1, 1)).isNull();
    assertThat(Cells.week(cell, false, "w", "f", 1, 1)).isNaN();
  }

  @ParameterizedTest
  @ValueSource(strings = {"N/A", "NaN", "null", "..", "-", "NAN"})
  void notMissing(String cell) {
    assertThat(Cells.isMissing(cell)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0|false|0", "80|false|80", "12.5|false|12.5", "+3|false|3", "-0.5|false|-0.5", ".5|false|0.5",
      "5.|false|5", "1e1|false|10", "1E+1|false|10", "2.5e-1|false|0.25", "12,5|true|12.5", ",5|true|0.5",
      "0.1|false|0.1", "123456789012345|false|123456789012345", "1234567890123456789|false|1234567890123456789"})
  void plainNumbers(String cell, boolean decimalComma, double expected) {
    // expected: Double.parseDouble of the same text with '.' for ','
    assertThat(Cells.parseNumber(cell, decimalComma)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "+", "-", ".", "e5", "1e", "1e+", "0x10", "1d", "1f", "NaN", "Infinity", "1 2",
      "1..2", "1.2.3", "12,5", "1_000", "١٢", "--1", "1e5.5"})
  void notPlainNumbers(String cell) {
    assertThat(Cells.parseNumber(cell, false)).isNaN();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,2,3", "1,2.3", "1.2,3"})
  void decimalCommaOnlyOnce(String cell) {
    assertThat(Cells.parseNumber(cell, true)).isNaN();
  }

  @Property(tries = 2000)
  void fastPathEqualsParseDouble(@ForAll @LongRange(min = 0, max = 999_999_999_999_999L) long mantissa,
      @ForAll @IntRange(min = 0, max = 15) int fractionDigits, @ForAll boolean negative) {
    String digits = Long.toString(mantissa);
    if (fractionDigits > 0) {
      while (digits.length() <= fractionDigits) {
        digits = "0" + digits;
      }
      digits = digits.substring(0, digits.length() - fractionDigits) + "." + digits.substring(digits.length()
          - fractionDigits);
    }
    String text = (negative ? "-" : "") + digits;
    assertThat(Cells.parseNumber(text, false)).isEqualTo(Double.parseDouble(text));
    assertThat(Cells.parseNumber(text.replace('.', ','), true)).isEqualTo(Double.parseDouble(text));
  }

  @Property(tries = 500)
  void anyDoubleRoundTrips(@ForAll double v) {
    if (Double.isFinite(v)) {
      String text = Double.toString(v).toUpperCase(Locale.ROOT);
      assertThat(Cells.parseNumber(text, false)).isEqualTo(v);
    }
  }

  @ParameterizedTest
  @CsvSource({"1,true", "0,false", "Y,true", "n,false", "YES,true", "no,false", "True,true", "FALSE,false"})
  void diagnosisSpellings(String cell, boolean expected) {
    assertThat(Cells.diagnosis(cell, "d", "f", 1, 1)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "yess", "t", "f", "positive", "1.0", "ja"})
  void diagnosisErrors(String cell) {
    DataException e = catchThrowableOfType(DataException.class,
        () -> Cells.diagnosis(cell, "ptsd_dx", "f.csv", 7, 3));
    assertThat(e.describe()).isEqualTo("f.csv:7:3: diagnosis \"" + cell + "\" in column ptsd_dx is not a"
        + " yes/no value; expected 1/0, Y/N, yes/no or true/false (any case), or empty/NA if unknown");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-2", "0", "6", "12.5"})
  void weeks(String cell) {
    assertThat(Cells.week(cell, false, "week", "f", 1, 1)).isEqualTo(Double.parseDouble(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Inf", "NaN", "1e400"})
  void weekMustBeFinite(String cell) {
    DataException e = catchThrowableOfType(DataException.class,
        () -> Cells.week(cell, false, "week", "f", 2, 4));
    assertThat(e.getMessage()).startsWith("week \"" + cell + "\" in column week is ");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(4);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "abc|score \"abc\" in column caps_total is not a number",
      "NaN|score \"NaN\" in column caps_total is NaN (not a number), which is not accepted as missing",
      "-inf|score \"-inf\" in column caps_total is infinite",
      "81|score \"81\" in column caps_total is above the maximum 80",
      "-1|score \"-1\" in column caps_total is negative"})
  void scoreErrors(String cell, String start) {
    DataException e = catchThrowableOfType(DataException.class,
        () -> Cells.score(cell, 0, 80, false, "caps_total", "f.csv", 14, 5));
    assertThat(e.describe()).isEqualTo("f.csv:14:5: " + start + "; expected a number between 0 and 80 (the"
        + " CAPS-5 or PCL-5 range), or empty/NA for a missing value");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0|136|a number between 0 and 136 (the CAPS-IV range)",
      "0|100|a number between 0 and 100",
      "0.5|9.5|a number between 0.5 and 9.5",
      "-Infinity|Infinity|a number",
      "-Infinity|10|a number at most 10",
      "1|Infinity|a number at least 1"})
  void rangeTexts(double min, double max, String text) {
    assertThat(Cells.rangeText(min, max)).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "abc|\"abc\"", "a\"b|\"a\\\"b\"", "a\\b|\"a\\\\b\""})
  void quoting(String value, String quoted) {
    assertThat(Cells.quote(value)).isEqualTo(quoted);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\rb", "a\u2028b", "a\u0000b", "a\u001bb", "a\tb"})
  void quotedValuesStayOnOneLine(String value) {
    assertThat(Cells.quote(value)).doesNotContain("\n", "\r", "\u2028", "\u0000", "\u001b", "\t");
  }
}
