package org.trialstat.io;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.trialstat.model.DataException;
import org.trialstat.model.TrialData;

/**
 * Reads a trial CSV file into {@link TrialData}: {@link CsvTableSource} lexes it, {@link TrialTableReader}
 * validates and reshapes it (the same for every file format). Every problem with the file or its contents is a
 * {@link DataException} naming the file, the 1-based physical line and column (field number) where
 * known, what was found and what was expected; no other exception escapes for any input.
 *
 * <h2>Text</h2>
 * <ul>
 *   <li>UTF-8, with or without a byte-order mark. UTF-16 with a byte-order mark (Excel's "Unicode
 *       text") is decoded too. Bytes that are not valid UTF-8 are an error naming the line (a file saved
 *       as Latin-1/Windows-1252 is not guessed at); a NUL character means "not a text file".
 *   <li>RFC 4180 CSV read with Apache Commons CSV: fields may be quoted with {@code "}, {@code ""} is a
 *       quote inside a quoted field, quoted fields may hold delimiters and line breaks. Lines end with
 *       LF, CRLF or CR. Line numbers are physical lines of the file, so they stay right after a quoted
 *       field with embedded line breaks.
 *   <li>The delimiter is detected from the first non-blank line (the header): the most frequent of
 *       comma, semicolon and tab outside quotes; ties go to comma, then semicolon; comma when there is
 *       none.
 *   <li>In a semicolon-separated file (as European Excel writes it) numbers may use a decimal comma
 *       ({@code 12,5}); in comma- and tab-separated files only the decimal point is accepted.
 *   <li>Surrounding whitespace of every cell is trimmed (inside quotes too). Rows whose cells are all
 *       empty (blank lines, or {@code ,,,,} rows that spreadsheets leave behind) are skipped and are
 *       not data rows.
 *   <li>The first non-blank row is the header. Every data row must have as many fields as the header.
 *   <li>A field may hold at most 1,000,000 characters, so a huge or binary file fails fast instead of
 *       being loaded.
 * </ul>
 *
 * <h2>Columns</h2>
 * Names come from {@link ColumnNames}; a name matches the header cell equal to it, else the one equal
 * ignoring case. Long format ({@link InputShape#LONG}): one row per participant per visit; columns
 * id, arm, visit and score are required, diagnosis and week are optional, covariates requested in
 * {@link ReadOptions#covariates()} must exist, other columns are ignored. Wide format
 * ({@link InputShape#WIDE}): one row per participant; the visits are the columns named
 * {@code <score>_<visit>} in column order (for example {@code caps_total_baseline},
 * {@code caps_total_week18}), with optional {@code <diagnosis>_<visit>} columns; each participant and
 * visit column gives one observation. {@link InputShape#AUTO} chooses long when the visit column exists,
 * else wide when such score columns exist.
 *
 * <h2>Cells</h2>
 * See {@link Cells}: scores are plain numbers within the range of {@link ReadOptions}, or empty,
 * {@code NA} or {@code .} for a missing value (an observation with a NaN score, not an error);
 * diagnosis flags are 1/0, Y/N, yes/no, true/false or empty/NA for unknown; weeks are numbers or empty/NA
 * for unknown. Identifier, arm and visit cells must not be empty.
 *
 * <h2>Consistency</h2>
 * A participant has one arm and at most one row per visit. Arms are listed in order of first
 * appearance. Visits are ordered by week when there is a week column (a visit must have the same week on
 * every row that gives one; visits sharing a week keep their order of first appearance; visits without
 * any week value come last), else by first appearance; in wide format in column order.
 */
public final class TrialCsvReader {

  private TrialCsvReader() {
  }

  /**
   * Reads a trial CSV file.
   *
   * @param file        the file
   * @param displayName the name to use in messages and {@link TrialData#source()} (null: the path)
   * @param options     column names, shape, score range, covariates
   * @throws DataException for a missing, unreadable or invalid file
   */
  public static TrialData read(Path file, String displayName, ReadOptions options) {
    return read(file, displayName, options, List.of());
  }

  /**
   * Reads a trial CSV file, keeping only the rows that pass {@code filters}.
   *
   * @throws DataException for a missing, unreadable or invalid file
   * @throws org.trialstat.model.InvalidOptionException for a filter naming a column the file lacks
   */
  public static TrialData read(Path file, String displayName, ReadOptions options, List<RowFilter> filters) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    String name = displayName == null ? file.toString() : displayName;
    try (CsvTableSource src = CsvTableSource.open(file, name)) {
      return TrialTableReader.read(src, options, filters);
    }
  }

  /**
   * Reads trial CSV bytes (UTF-8, or UTF-16 with a byte-order mark). The stream is not closed.
   *
   * @param displayName the name to use in messages and {@link TrialData#source()}
   * @throws DataException for invalid contents or a read error
   */
  public static TrialData read(InputStream in, String displayName, ReadOptions options) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(options, "options");
    return TrialTableReader.read(CsvTableSource.ofBytes(in, displayName, true), options, List.of());
  }

  /**
   * Reads trial CSV text that is already decoded (for tests and fuzzing). The reader is not closed.
   *
   * @param displayName the name to use in messages and {@link TrialData#source()}
   * @throws DataException for invalid contents or a read error
   */
  public static TrialData read(Reader reader, String displayName, ReadOptions options) {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(options, "options");
    return TrialTableReader.read(CsvTableSource.ofChars(reader, displayName, true), options, List.of());
  }

  /**
   * The most frequent of comma, semicolon and tab outside quotes in the header line; ties go to comma,
   * then semicolon; comma when there is none.
   */
  static char detectDelimiter(String headerLine) {
    if (headerLine == null) {
      return ',';
    }
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < headerLine.length(); i++) {
      char c = headerLine.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',') {
          commas++;
        } else if (c == ';') {
          semicolons++;
        } else if (c == '\t') {
          tabs++;
        }
      }
    }
    char best = ',';
    int bestCount = commas;
    if (semicolons > bestCount) {
      best = ';';
      bestCount = semicolons;
    }
    if (tabs > bestCount) {
      best = '\t';
    }
    return best;
  }

  static String delimiterName(char d) {
    return d == '\t' ? "tab" : "'" + d + "'";
  }
}
