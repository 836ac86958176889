package org.trialstat.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.trialstat.model.DataException;
import org.trialstat.model.Observation;
import org.trialstat.model.TrialData;

/**
 * Reads a trial CSV file into {@link TrialData}. Every problem with the file or its contents is a
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

  /** How much of the first line is inspected to choose the delimiter. */
  private static final int PEEK_LIMIT = 64 * 1024;

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
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    String name = displayName == null ? file.toString() : displayName;
    InputStream in = InputFiles.open(file, name);
    try (InputStream closing = in) {
      return read(closing, name, options);
    } catch (IOException e) {
      throw GuardedReader.cannotRead(name, e);
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
    return parse(open(() -> GuardedReader.ofBytes(in, displayName)), displayName, options);
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
    return parse(open(() -> GuardedReader.ofChars(reader, displayName)), displayName, options);
  }

  /** Opens the guarded text of an input; its data problems become {@link DataException}s. */
  private static GuardedReader open(Opener opener) {
    try {
      return opener.open();
    } catch (GuardedReader.DataIOException e) {
      throw e.data();
    }
  }

  /** One way of opening an input as guarded text. */
  @FunctionalInterface
  private interface Opener {
    GuardedReader open() throws GuardedReader.DataIOException;
  }

  private static TrialData parse(GuardedReader text, String file, ReadOptions options) {
    try {
      char delimiter = detectDelimiter(text.peekFirstNonBlankLine(PEEK_LIMIT));
      text.setDelimiter(delimiter);
      CSVFormat format = CSVFormat.RFC4180.builder()
          .setDelimiter(delimiter)
          .setQuote('"')
          .setEscape(null)
          .setCommentMarker(null)
          .setIgnoreEmptyLines(false) // keeps character positions exact; blank rows are skipped below
          .setIgnoreSurroundingSpaces(true)
          .setTrim(false)
          .get();
      // Not closed: the caller owns the underlying stream or reader.
      @SuppressWarnings("resource")
      CSVParser parser = CSVParser.parse(text, format);
      return new Session(file, options, text, delimiter).run(parser.iterator());
    } catch (GuardedReader.DataIOException e) {
      throw e.data();
    } catch (UncheckedIOException | IOException e) {
      throw translate(e, text, file);
    }
  }

  /** Turns a parser exception into a DataException saying where and what. */
  private static DataException translate(Exception e, GuardedReader text, String file) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof GuardedReader.DataIOException) {
        return ((GuardedReader.DataIOException) t).data();
      }
    }
    if (text.anomalyLine() > 0) {
      return new DataException(file, text.anomalyLine(), text.anomalyColumn(),
          "text after the closing quote of a quoted field; expected the delimiter or the end of the line"
              + " right after a closing quote (write \"\" for a quote inside a quoted field)");
    }
    if (text.insideQuotedField()) {
      return new DataException(file, text.fieldLine(), text.fieldColumn(),
          "quoted field opened here is never closed (the file ends inside it); expected a closing quote"
              + " (\") at the end of the field (write \"\" for a quote inside a quoted field)");
    }
    Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    return new DataException(file, text.fieldLine(), 0, "malformed CSV ("
        + GuardedReader.oneLine(String.valueOf(cause.getMessage())) + "); expected RFC 4180 CSV");
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

  /** One reading of one file. */
  private static final class Session {
    private final String file;
    private final ReadOptions options;
    private final ColumnNames names;
    private final GuardedReader text;
    private final char delimiter;
    private final boolean decimalComma;
    private final double min;
    private final double max;

    private Header header;
    private int width;

    Session(String file, ReadOptions options, GuardedReader text, char delimiter) {
      this.file = file;
      this.options = options;
      this.names = options.columns();
      this.text = text;
      this.delimiter = delimiter;
      this.decimalComma = delimiter == ';';
      this.min = options.scoreMin();
      this.max = options.scoreMax();
    }

    TrialData run(Iterator<CSVRecord> records) {
      CSVRecord first = nextNonBlank(records);
      if (first == null) {
        throw new DataException(file, 0, 0, "file is empty (no header row, no data); expected a header row"
            + " naming the columns, then one row per participant and visit");
      }
      String[] cells = new String[first.size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = first.get(i).strip();
      }
      header = new Header(file, lineOf(first), cells);
      width = cells.length;

      int id = header.find(names.id());
      int arm = header.find(names.arm());
      int visit = header.find(names.visit());
      int score = header.find(names.score());
      List<WideVisit> wide = wideVisits();
      InputShape shape = options.shape();
      if (shape == InputShape.AUTO) {
        shape = visit >= 0 || wide.isEmpty() ? InputShape.LONG : InputShape.WIDE;
      }
      if (shape == InputShape.LONG) {
        if (id < 0 || arm < 0 || visit < 0 || score < 0) {
          throw missingColumns(id, arm, visit, score, shape);
        }
        int[] covariates = covariateColumns();
        int diagnosis = names.diagnosis() == null ? -1 : header.find(names.diagnosis());
        int week = names.week() == null ? -1 : header.find(names.week());
        return readLong(records, id, arm, visit, score, diagnosis, week, covariates);
      }
      if (id < 0 || arm < 0 || wide.isEmpty()) {
        throw missingColumns(id, arm, 0, wide.isEmpty() ? -1 : 0, shape);
      }
      return readWide(records, id, arm, wide, covariateColumns());
    }

    private TrialData readLong(Iterator<CSVRecord> records, int idCol, int armCol, int visitCol, int scoreCol,
        int dxCol, int weekCol, int[] covCols) {
      List<Observation> observations = new ArrayList<>();
      Map<String, Participant> participants = new HashMap<>();
      Map<String, VisitInfo> visits = new LinkedHashMap<>();
      Set<String> arms = new LinkedHashSet<>();
      String scoreName = header.name(scoreCol);
      while (records.hasNext()) {
        CSVRecord r = records.next();
        if (isBlank(r)) {
          continue;
        }
        long line = lineOf(r);
        checkWidth(r, line);
        String id = required(r, line, idCol, "participant identifier");
        String arm = required(r, line, armCol, "arm");
        String visit = required(r, line, visitCol, "visit label");
        double score;
        Boolean dx = null;
        double week = Double.NaN;
        try {
          score = Cells.score(r.get(scoreCol).strip(), min, max, decimalComma, scoreName, file, line,
              scoreCol + 1);
          if (dxCol >= 0) {
            dx = Cells.diagnosis(r.get(dxCol).strip(), header.name(dxCol), file, line, dxCol + 1);
          }
          if (weekCol >= 0) {
            week = Cells.week(r.get(weekCol).strip(), decimalComma, header.name(weekCol), file, line,
                weekCol + 1);
          }
        } catch (DataException e) {
          throw relocate(e, r, line);
        }
        Participant who = participants.get(id);
        if (who == null) {
          who = new Participant(arm, line);
          participants.put(id, who);
        } else if (!who.arm.equals(arm)) {
          throw new DataException(file, cellLine(r, line, armCol), armCol + 1, "participant "
              + Cells.quote(id) + " is in arm " + Cells.quote(arm) + " here but in arm "
              + Cells.quote(who.arm) + " on line " + who.line + "; expected one arm per participant");
        }
        Long previousRow = who.rowOfVisit.putIfAbsent(visit, line);
        if (previousRow != null) {
          throw new DataException(file, cellLine(r, line, visitCol), visitCol + 1, "participant "
              + Cells.quote(id) + " has a second row for visit " + Cells.quote(visit) + " (the first is on"
              + " line " + previousRow + "); expected one row per participant and visit");
        }
        VisitInfo info = visits.get(visit);
        if (info == null) {
          info = new VisitInfo(visit);
          visits.put(visit, info);
        }
        if (!Double.isNaN(week)) {
          if (Double.isNaN(info.week)) {
            info.week = week;
            info.weekLine = line;
          } else if (info.week != week) {
            throw new DataException(file, cellLine(r, line, weekCol), weekCol + 1, "week "
                + Cells.format(week) + " for visit " + Cells.quote(visit) + " differs from week "
                + Cells.format(info.week) + " on line " + info.weekLine
                + "; expected the same week on every row of a visit");
          }
        }
        arms.add(arm);
        observations.add(new Observation(id, arm, visit, score, dx, covariates(r, covCols), line,
            scoreCol + 1, dxCol + 1));
      }
      noRows(observations);
      List<VisitInfo> order = new ArrayList<>(visits.values());
      if (weekCol >= 0) {
        order.sort((a, b) -> Double.compare(a.week, b.week)); // stable; NaN (no week) sorts last
      }
      List<String> visitLabels = new ArrayList<>(order.size());
      for (VisitInfo v : order) {
        visitLabels.add(v.label);
      }
      return new TrialData(file, observations, new ArrayList<>(arms), visitLabels, dxCol >= 0,
          options.covariates());
    }

    private TrialData readWide(Iterator<CSVRecord> records, int idCol, int armCol, List<WideVisit> wide,
        int[] covCols) {
      List<Observation> observations = new ArrayList<>();
      Map<String, Long> rowOf = new HashMap<>();
      Set<String> arms = new LinkedHashSet<>();
      boolean hasDiagnosis = false;
      for (WideVisit v : wide) {
        hasDiagnosis |= v.dxColumn >= 0;
      }
      while (records.hasNext()) {
        CSVRecord r = records.next();
        if (isBlank(r)) {
          continue;
        }
        long line = lineOf(r);
        checkWidth(r, line);
        String id = required(r, line, idCol, "participant identifier");
        String arm = required(r, line, armCol, "arm");
        Long previousRow = rowOf.putIfAbsent(id, line);
        if (previousRow != null) {
          throw new DataException(file, cellLine(r, line, idCol), idCol + 1, "participant " + Cells.quote(id)
              + " has a second row (the first is on line " + previousRow + "); expected one row per"
              + " participant in wide format");
        }
        arms.add(arm);
        List<String> covariates = covariates(r, covCols);
        for (WideVisit v : wide) {
          double score;
          Boolean dx = null;
          try {
            score = Cells.score(r.get(v.scoreColumn).strip(), min, max, decimalComma,
                header.name(v.scoreColumn), file, line, v.scoreColumn + 1);
            if (v.dxColumn >= 0) {
              dx = Cells.diagnosis(r.get(v.dxColumn).strip(), header.name(v.dxColumn), file, line,
                  v.dxColumn + 1);
            }
          } catch (DataException e) {
            throw relocate(e, r, line);
          }
          observations.add(new Observation(id, arm, v.label, score, dx, covariates, line, v.scoreColumn + 1,
              v.dxColumn + 1));
        }
      }
      noRows(observations);
      List<String> visitLabels = new ArrayList<>(wide.size());
      for (WideVisit v : wide) {
        visitLabels.add(v.label);
      }
      return new TrialData(file, observations, new ArrayList<>(arms), visitLabels, hasDiagnosis,
          options.covariates());
    }

    /** The {@code <score>_<visit>} columns, with their {@code <diagnosis>_<visit>} partners. */
    private List<WideVisit> wideVisits() {
      String scorePrefix = names.score() + "_";
      String dxPrefix = names.diagnosis() == null ? null : names.diagnosis() + "_";
      List<WideVisit> visits = new ArrayList<>();
      Map<String, Integer> dxByLabel = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String c = header.name(i);
        boolean isScore = hasPrefix(c, scorePrefix);
        boolean isDx = dxPrefix != null && hasPrefix(c, dxPrefix);
        if (isScore && isDx) { // one prefix extends the other: the longer one wins
          isScore = scorePrefix.length() > dxPrefix.length();
          isDx = !isScore;
        }
        if (isScore) {
          String label = c.substring(scorePrefix.length()).strip();
          for (WideVisit v : visits) {
            if (v.label.equals(label)) {
              throw new DataException(file, header.line(), i + 1, "columns '" + header.name(v.scoreColumn)
                  + "' and '" + c + "' are both scores for visit '" + label + "' (columns "
                  + (v.scoreColumn + 1) + " and " + (i + 1) + "); expected one score column per visit");
            }
          }
          visits.add(new WideVisit(label, i));
        } else if (isDx) {
          dxByLabel.putIfAbsent(Header.squash(c.substring(dxPrefix.length())), i);
        }
      }
      for (WideVisit v : visits) {
        Integer dx = dxByLabel.get(Header.squash(v.label));
        if (dx != null) {
          v.dxColumn = dx;
        }
      }
      return visits;
    }

    private static boolean hasPrefix(String cell, String prefix) {
      return cell.length() > prefix.length() && cell.regionMatches(true, 0, prefix, 0, prefix.length())
          && !cell.substring(prefix.length()).isBlank();
    }

    private int[] covariateColumns() {
      List<String> wanted = options.covariates();
      int[] cols = new int[wanted.size()];
      for (int k = 0; k < cols.length; k++) {
        cols[k] = header.find(wanted.get(k));
        if (cols[k] < 0) {
          String hint = header.suggest(wanted.get(k));
          throw new DataException(file, header.line(), hint == null ? 0 : header.indexOf(hint) + 1,
              "no covariate column '" + wanted.get(k) + "'" + (hint == null ? "" : "; did you mean '" + hint
                  + "'?") + "; expected the covariate columns " + String.join(", ", wanted)
                  + "; columns found: " + header.list());
        }
      }
      return cols;
    }

    private DataException missingColumns(int id, int arm, int visit, int score, InputShape shape) {
      String expectLong = String.join(", ", names.id(), names.arm(), names.visit(), names.score())
          + " (long format: one row per participant and visit)";
      String expectWide = names.id() + ", " + names.arm() + ", " + names.score() + "_<visit>..."
          + " (wide format: one row per participant, one score column per visit)";
      String expected = shape == InputShape.WIDE ? expectWide
          : options.shape() == InputShape.LONG ? expectLong : expectLong + " or " + expectWide;
      if (id < 0 && arm < 0 && header.looksLikeData(decimalComma)) {
        return new DataException(file, header.line(), 0, "no header row: line " + header.line() + " "
            + header.text(delimiter) + " looks like data; expected a first row naming the columns, e.g. "
            + String.join(String.valueOf(delimiter), names.id(), names.arm(), names.visit(), names.score()));
      }
      List<String> missing = new ArrayList<>();
      int column = 0;
      int hints = 0;
      String[][] wanted = {
          {names.id(), id < 0 ? "" : null},
          {names.arm(), arm < 0 ? "" : null},
          {names.visit(), visit < 0 && shape == InputShape.LONG ? "" : null},
          {shape == InputShape.WIDE ? names.score() + "_<visit>" : names.score(), score < 0 ? "" : null},
      };
      for (String[] w : wanted) {
        if (w[1] == null) {
          continue;
        }
        String hint = w[0].endsWith("_<visit>") ? null : header.suggest(w[0]);
        String text = "no column '" + w[0] + "'";
        if (hint != null) {
          text += " (did you mean '" + hint + "'?)";
          column = header.indexOf(hint) + 1;
          hints++;
        }
        missing.add(text);
      }
      if (missing.size() > 1 || hints != 1) {
        column = 0;
      }
      return new DataException(file, header.line(), column, String.join(", ", missing) + "; expected columns "
          + expected + "; columns found: " + header.list());
    }

    private void noRows(List<Observation> observations) {
      if (observations.isEmpty()) {
        throw new DataException(file, header.line(), 0, "no data rows after the header (line "
            + header.line() + "); expected one row per participant and visit below the header");
      }
    }

    private void checkWidth(CSVRecord r, long line) {
      int n = r.size();
      if (n != width) {
        throw new DataException(file, line, Math.min(n, width) + 1, "row has " + n + (n == 1 ? " field" : " fields")
            + " but the header (line " + header.line() + ") has " + width + "; expected " + width
            + " fields separated by " + delimiterName(delimiter)
            + (n > width ? " (quote a cell that contains the delimiter)" : ""));
      }
    }

    private String required(CSVRecord r, long line, int col, String what) {
      String v = r.get(col).strip();
      if (v.isEmpty()) {
        throw new DataException(file, cellLine(r, line, col), col + 1, what + " is empty in column "
            + header.name(col) + "; expected a non-empty " + what);
      }
      return v;
    }

    private List<String> covariates(CSVRecord r, int[] cols) {
      if (cols.length == 0) {
        return List.of();
      }
      String[] values = new String[cols.length];
      for (int k = 0; k < cols.length; k++) {
        values[k] = r.get(cols[k]).strip();
      }
      return Arrays.asList(values);
    }

    private long lineOf(CSVRecord r) {
      return text.lineOf(r.getCharacterPosition());
    }

    /** The line of a cell: the record's line plus the line breaks inside the fields before it. */
    private static long cellLine(CSVRecord r, long recordLine, int col) {
      long line = recordLine;
      for (int i = 0; i < col && i < r.size(); i++) {
        String v = r.get(i);
        for (int k = 0; k < v.length(); k++) {
          char c = v.charAt(k);
          if (c == '\n' || (c == '\r' && (k + 1 == v.length() || v.charAt(k + 1) != '\n'))) {
            line++;
          }
        }
      }
      return line;
    }

    private DataException relocate(DataException e, CSVRecord r, long recordLine) {
      long line = cellLine(r, recordLine, e.column() - 1);
      return line == e.line() ? e : new DataException(e.file(), line, e.column(), e.getMessage());
    }

    private static boolean isBlank(CSVRecord r) {
      for (int i = 0, n = r.size(); i < n; i++) {
        if (!r.get(i).isBlank()) {
          return false;
        }
      }
      return true;
    }

    private static CSVRecord nextNonBlank(Iterator<CSVRecord> records) {
      while (records.hasNext()) {
        CSVRecord r = records.next();
        if (!isBlank(r)) {
          return r;
        }
      }
      return null;
    }
  }

  private static final class Participant {
    final String arm;
    final long line;
    final Map<String, Long> rowOfVisit = new HashMap<>(8);

    Participant(String arm, long line) {
      this.arm = arm;
      this.line = line;
    }
  }

  private static final class VisitInfo {
    final String label;
    double week = Double.NaN;
    long weekLine;

    VisitInfo(String label) {
      this.label = label;
    }
  }

  private static final class WideVisit {
    final String label;
    final int scoreColumn;
    int dxColumn = -1;

    WideVisit(String label, int scoreColumn) {
      this.label = label;
      this.scoreColumn = scoreColumn;
    }
  }
}
