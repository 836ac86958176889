package org.trialstat.io;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.DataException;
import org.trialstat.model.Numbers;
import org.trialstat.model.Printable;
import org.trialstat.model.Scale;

/**
 * Validation of single cells: a score, a diagnosis flag, a week number. Every method takes the cell
 * text already trimmed of surrounding whitespace and the place of the cell (file, 1-based line and
 * column) and fails with a {@link DataException} naming that place, the value found and what was
 * expected. No regular expressions: the number check is a hand-written scan.
 *
 * <h2>Missing values</h2>
 * An empty cell, {@code NA} (any case, as R writes it) or a single {@code .} (SAS's missing numeric) is
 * a missing value: a NaN score, an unknown (null) diagnosis, an unknown week. {@code NaN} is NOT
 * accepted as missing: it usually comes from a failed computation (0/0) and is reported.
 *
 * <h2>Numbers</h2>
 * A plain decimal number: optional sign, digits with an optional fraction, optional exponent
 * ({@code 12}, {@code 12.5}, {@code -0.5}, {@code 1e1}). Hexadecimal, {@code Infinity}, {@code NaN},
 * Java suffixes ({@code 1d}) and thousands separators are rejected. When {@code decimalComma} is true
 * (the reader sets it for {@code ;}-separated files, as European Excel writes them) one comma may stand
 * for the decimal point ({@code 12,5}); a cell must not then mix comma and point.
 */
public final class Cells {

  /** Longest excerpt of a cell value quoted in a message. */
  private static final int MAX_QUOTED = 40;

  private Cells() {
  }

  /** Whether the trimmed cell is a missing value: empty, {@code NA} (any case) or {@code .}. */
  public static boolean isMissing(String cell) {
    int n = cell.length();
    return n <= 2 && PlainDecimal.isMissing(cell.toCharArray(), 0, n);
  }

  /**
   * Parses a score cell.
   *
   * @param cell         trimmed cell text
   * @param min          lowest valid score (inclusive)
   * @param max          highest valid score (inclusive)
   * @param decimalComma whether a decimal comma is accepted
   * @param columnName   column name, for messages
   * @return the score, or NaN for a missing value (empty, NA, .)
   * @throws DataException for anything else that is not a finite number within [min, max]
   */
  public static double score(String cell, double min, double max, boolean decimalComma, String columnName,
      String file, long line, int column) {
    if (isMissing(cell)) {
      return Double.NaN;
    }
    double v = parseNumber(cell, decimalComma);
    if (!Double.isNaN(v) && v >= min && v <= max && !Double.isInfinite(v)) {
      return v; // the common case: one scan, one parseDouble
    }
    if (Double.isNaN(v)) {
      throw new DataException(file, line, column, "score " + quote(cell) + " in column " + columnName + " is "
          + notANumberReason(cell, decimalComma) + "; expected " + rangeText(min, max)
          + ", or empty/NA for a missing value");
    }
    return inRange(v, cell, min, max, columnName, file, line, column);
  }

  /**
   * Checks a score that a typed format stored as a number (SAS transport, Dataset-JSON, sas7bdat).
   *
   * @param value the number, NaN for a missing value
   * @return the value (NaN stays NaN)
   * @throws DataException when it lies outside [min, max]
   */
  public static double score(double value, double min, double max, String columnName, String file, long line,
      int column) {
    if (Double.isNaN(value) || (value >= min && value <= max)) {
      return value;
    }
    return inRange(value, format(value), min, max, columnName, file, line, column);
  }

  private static double inRange(double v, String cell, double min, double max, String columnName, String file,
      long line, int column) {
    if (v >= min && v <= max && !Double.isInfinite(v)) {
      return v;
    }
    String expected = "expected " + rangeText(min, max) + ", or empty/NA for a missing value";
    String found = "score " + quote(cell) + " in column " + columnName;
    if (Double.isInfinite(v)) {
      throw new DataException(file, line, column, found + " is too large to be a number; " + expected);
    }
    if (v < 0 && min >= 0) {
      throw new DataException(file, line, column, found + " is negative; " + expected);
    }
    if (v < min) {
      throw new DataException(file, line, column, found + " is below the minimum " + format(min)
          + "; " + expected);
    }
    throw new DataException(file, line, column, found + " is above the maximum " + format(max)
        + "; " + expected);
  }

  /**
   * Parses a diagnosis flag: {@code 1/0}, {@code Y/N}, {@code yes/no}, {@code true/false}, any case.
   *
   * @param cell       trimmed cell text
   * @param columnName column name, for messages
   * @return TRUE or FALSE, or null for a missing value (empty, NA, .)
   * @throws DataException for any other value
   */
  public static Boolean diagnosis(String cell, String columnName, String file, long line, int column) {
    if (isMissing(cell)) {
      return null;
    }
    if (cell.length() == 1) {
      switch (cell.charAt(0)) {
        case '1': case 'Y': case 'y':
          return Boolean.TRUE;
        case '0': case 'N': case 'n':
          return Boolean.FALSE;
        default:
          break;
      }
    } else if (cell.equalsIgnoreCase("yes") || cell.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    } else if (cell.equalsIgnoreCase("no") || cell.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw new DataException(file, line, column, "diagnosis " + quote(cell) + " in column " + columnName
        + " is not a yes/no value; expected 1/0, Y/N, yes/no or true/false (any case), or empty/NA if"
        + " unknown");
  }

  /** A diagnosis as a byte: 1 for TRUE, 0 for FALSE, -1 for null (missing). */
  static byte toByte(Boolean dx) {
    return dx == null ? (byte) -1 : dx ? (byte) 1 : (byte) 0;
  }

  /**
   * Parses a week number (any finite number; negative weeks such as screening at week -2 are allowed).
   *
   * @param cell         trimmed cell text
   * @param decimalComma whether a decimal comma is accepted
   * @param columnName   column name, for messages
   * @return the week, or NaN for a missing value (empty, NA, .)
   * @throws DataException when the cell is not a finite number
   */
  public static double week(String cell, boolean decimalComma, String columnName, String file, long line,
      int column) {
    if (isMissing(cell)) {
      return Double.NaN;
    }
    double v = parseNumber(cell, decimalComma);
    if (!Double.isNaN(v) && !Double.isInfinite(v)) {
      return v;
    }
    String reason = Double.isNaN(v) ? notANumberReason(cell, decimalComma) : "too large";
    throw new DataException(file, line, column, "week " + quote(cell) + " in column " + columnName + " is "
        + reason + "; expected a week number such as 0, 6 or 12.5, or empty/NA if unknown");
  }

  /**
   * Parses a plain decimal number (see the class comment), without regular expressions
   * ({@link PlainDecimal}: Double.parseDouble's value).
   *
   * @return the value (possibly infinite when the exponent overflows), or NaN when the text is not a
   *         plain decimal number
   */
  public static double parseNumber(String s, boolean decimalComma) {
    return PlainDecimal.parse(s.toCharArray(), 0, s.length(), decimalComma);
  }

  /**
   * Quotes a cell value for a message: at most 40 characters, quotes and backslashes escaped, and every
   * character that {@link Printable} escapes (controls, line breaks, bidi and other invisible format
   * characters), surrogates too, shown as an escape.
   */
  public static String quote(String value) {
    StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 8).append('"');
    int limit = Math.min(value.length(), MAX_QUOTED);
    for (int i = 0; i < limit; i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else {
        Printable.append(sb, c);
      }
    }
    if (value.length() > MAX_QUOTED) {
      sb.append("...");
    }
    return sb.append('"').toString();
  }

  /** "a number between 0 and 80 (the CAPS-5 or PCL-5 range)", or "a number" for an unbounded range. */
  static String rangeText(double min, double max) {
    if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) {
      return "a number";
    }
    if (min == Double.NEGATIVE_INFINITY) {
      return "a number at most " + format(max);
    }
    if (max == Double.POSITIVE_INFINITY) {
      return "a number at least " + format(min);
    }
    List<String> scales = new ArrayList<>();
    for (Scale s : Scale.values()) {
      if (s.min() == min && s.max() == max) {
        scales.add(s.label());
      }
    }
    String text = "a number between " + format(min) + " and " + format(max);
    return scales.isEmpty() ? text : text + " (the " + String.join(" or ", scales) + " range)";
  }

  /** A number in messages: the project's one number formatter (whole numbers without ".0"). */
  static String format(double v) {
    return Double.isFinite(v) ? Numbers.shortest(v) : Double.toString(v);
  }

  private static String notANumberReason(String cell, boolean decimalComma) {
    String t = cell.startsWith("+") || cell.startsWith("-") ? cell.substring(1) : cell;
    if (t.equalsIgnoreCase("nan")) {
      return "NaN (not a number), which is not accepted as missing";
    }
    if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity")) {
      return "infinite";
    }
    if (!decimalComma && cell.indexOf(',') >= 0 && !Double.isNaN(parseNumber(cell, true))) {
      return "not a number (a decimal comma is accepted only in ';'-separated files)";
    }
    return "not a number";
  }
}
