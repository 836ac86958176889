package org.trialstat.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.trialstat.model.DataException;
import org.trialstat.model.RowAccounting;
import org.trialstat.model.TrialData;

/**
 * The one validator and reshaper of participant data, whatever the file format: reads a
 * {@link TableSource} in long or wide form into {@link TrialData}, applying the row filters first. The
 * rules (columns, cells, consistency) are those documented on {@link TrialCsvReader}; a declared numeric
 * column gives its numbers directly, any other column is read from its text.
 *
 * <p>Order of the checks on each row: the source checks its width; the {@link RowFilter}s run (a removed
 * row is counted by the first filter it fails and never validated); then the required cells, the cell
 * values, one arm per participant and one row per participant and visit.
 */
final class TrialTableReader {

  private final TableSource src;
  private final String file;
  private final ReadOptions options;
  private final ColumnNames names;
  private final boolean decimalComma;
  private final double min;
  private final double max;
  private final Header header;
  private final List<RowFilter.Test> tests = new ArrayList<>();
  private int[] removed;
  private int flagColumn = -1;
  private Derivation derivation;
  private String derivedBaseline;
  private List<String> notes = List.of();
  private final Set<String> flagged = new LinkedHashSet<>();

  private TrialTableReader(TableSource src, ReadOptions options, List<RowFilter> filters) {
    this.src = src;
    this.file = src.file();
    this.options = options;
    this.names = options.columns();
    this.decimalComma = src.decimalComma();
    this.min = options.scoreMin();
    this.max = options.scoreMax();
    List<Column> cols = src.columns();
    String[] cells = new String[cols.size()];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cols.get(i).name();
    }
    this.header = new Header(file, src.headerLine(), cells);
    for (RowFilter f : filters) {
      tests.add(f.bind(src));
    }
    removed = new int[filters.size()];
  }

  /**
   * Reads the table.
   *
   * @param filters row filters, applied in this order
   * @throws DataException for invalid contents
   * @throws org.trialstat.model.InvalidOptionException for a filter naming a column the table lacks
   */
  static TrialData read(TableSource src, ReadOptions options, List<RowFilter> filters) {
    return read(src, options, filters, null, null).data();
  }

  /**
   * What {@link #read(TableSource, ReadOptions, List, String)} found.
   *
   * @param data          the data
   * @param flaggedVisit  the one visit whose kept rows carry the baseline flag = Y, or null (no flag
   *                      column, or no flagged row)
   */
  record Result(TrialData data, String flaggedVisit, List<String> notes) {
  }

  /**
   * Baseline and change columns ({@code --baseline-col}, {@code --change-col}; see {@link BaselineColumns}).
   *
   * @param baselineColumn the baseline score on every record (ADaM BASE)
   * @param changeColumn   the change from baseline (CHG), checked against score - baseline; or null
   * @param baselineVisit  the visit of the baseline records, or null: the flagged visit, else "Baseline"
   * @param strict         whether a disagreement is an error rather than a note
   */
  record Derivation(String baselineColumn, String changeColumn, String baselineVisit, boolean strict) {
  }

  /**
   * Reads the table, also noting the visit of the rows whose {@code flagColumn} (ADaM {@code ABLFL}) is
   * {@code Y}.
   *
   * @param flagColumn the baseline-flag column, or null; when the file lacks it, nothing is noted
   * @throws DataException also when flagged rows lie at several visits
   */
  static Result read(TableSource src, ReadOptions options, List<RowFilter> filters, String flagColumn,
      Derivation derivation) {
    if (src.columns().isEmpty()) {
      throw new DataException(src.file(), 0, 0, "file is empty (no header row, no data); expected a header row"
          + " naming the columns, then one row per participant and visit");
    }
    TrialTableReader r = new TrialTableReader(src, options, filters);
    r.flagColumn = flagColumn == null ? -1 : r.header.find(flagColumn);
    r.derivation = derivation;
    TrialData data = r.run();
    List<RowAccounting.Filter> counts = new ArrayList<>(filters.size());
    for (int k = 0; k < filters.size(); k++) {
      counts.add(new RowAccounting.Filter(filters.get(k).expression(), r.removed[k]));
    }
    if (r.flagged.size() > 1) {
      throw src.headerError(r.flagColumn, "rows flagged " + r.header.name(r.flagColumn) + " = Y lie at "
          + r.flagged.size() + " visits (" + String.join(", ", r.flagged) + "); expected one baseline visit"
          + " (select the records with --where or --param, or give --baseline VISIT)");
    }
    List<String> categorical = new ArrayList<>();
    for (String c : options.covariates()) {
      int i = r.header.find(c);
      if (i >= 0 && src.columns().get(i).type() == ColumnType.CHARACTER) {
        categorical.add(c);
      }
    }
    return new Result(new TrialData(data.source(), data.observations(), data.arms(), data.visits(),
        data.hasDiagnosis(), data.covariateNames(), counts, categorical, data.visitWeeks()),
        r.derivedBaseline != null ? r.derivedBaseline : r.flagged.isEmpty() ? null : r.flagged.iterator().next(),
        r.notes);
  }

  private TrialData run() {
    int id = header.find(names.id());
    int arm = header.find(names.arm());
    int visit = header.find(names.visit());
    int score = header.find(names.score());
    List<WideVisit> wide = wideVisits();
    InputShape shape = options.shape();
    if (shape == InputShape.AUTO) {
      shape = visit >= 0 || wide.isEmpty() ? InputShape.LONG : InputShape.WIDE;
    }
    givenColumnsPresent(shape);
    if (shape == InputShape.LONG) {
      if (id < 0 || arm < 0 || visit < 0 || score < 0) {
        throw missingColumns(id, arm, visit, score, shape);
      }
      int[] covariates = covariateColumns();
      int diagnosis = names.diagnosis() == null ? -1 : header.find(names.diagnosis());
      int week = names.week() == null ? -1 : header.find(names.week());
      return readLong(id, arm, visit, score, diagnosis, week, covariates);
    }
    if (id < 0 || arm < 0 || wide.isEmpty()) {
      throw missingColumns(id, arm, 0, wide.isEmpty() ? -1 : 0, shape);
    }
    if (derivation != null) {
      throw new org.trialstat.model.InvalidOptionException("--baseline-col " + derivation.baselineColumn() + ": "
          + file + " is in wide format (one row per participant); --baseline-col reads long data, with the"
          + " baseline on every record");
    }
    return readWide(id, arm, wide, covariateColumns());
  }

  /**
   * Whether the current row passes every filter; a failing row is counted by the first it fails, as
   * {@code rows} rows of the accounting (a wide row holds one per visit column).
   */
  private boolean kept(int rows) {
    for (int k = 0; k < tests.size(); k++) {
      if (!tests.get(k).keeps(src)) {
        removed[k] += rows;
        return false;
      }
    }
    return true;
  }

  private TrialData readLong(int idCol, int armCol, int visitCol, int scoreCol, int dxCol, int weekCol,
      int[] covCols) {
    ObservationColumns observations = new ObservationColumns(covCols.length);
    Map<String, Participant> participants = new HashMap<>();
    Map<String, VisitInfo> visits = new LinkedHashMap<>();
    Set<String> arms = new LinkedHashSet<>();
    String scoreName = header.name(scoreCol);
    String unit = src.rowUnit();
    String[] cov = new String[covCols.length];
    BaselineColumns baselines = baselineColumns(scoreCol);
    while (src.next()) {
      if (!kept(1)) {
        continue;
      }
      long line = src.row();
      String id = required(idCol, "participant identifier");
      String arm = required(armCol, "arm");
      String visit = required(visitCol, "visit label");
      double score;
      Boolean dx = null;
      double week = Double.NaN;
      try {
        score = score(scoreCol, scoreName, line);
        if (dxCol >= 0) {
          dx = Cells.diagnosis(src.text(dxCol), header.name(dxCol), file, line, dxCol + 1);
        }
        if (weekCol >= 0) {
          week = src.columns().get(weekCol).type() == ColumnType.NUMERIC ? finite(weekCol)
              : Cells.week(src.text(weekCol), decimalComma, header.name(weekCol), file, line, weekCol + 1);
        }
      } catch (DataException e) {
        throw e.column() > 0 ? src.error(e.column() - 1, e.getMessage()) : e; // else located already
      }
      Participant who = participants.get(id);
      if (who == null) {
        who = new Participant(arm, line);
        participants.put(id, who);
      } else if (!who.arm.equals(arm)) {
        throw src.error(armCol, "participant " + Cells.quote(id) + " is in arm " + Cells.quote(arm)
            + " here but in arm " + Cells.quote(who.arm) + " on " + unit + " " + who.line
            + "; expected one arm per participant");
      }
      Long previousRow = who.rowOfVisit.putIfAbsent(visit, line);
      if (previousRow != null) {
        throw src.error(visitCol, "participant " + Cells.quote(id) + " has a second row for visit "
            + Cells.quote(visit) + " (the first is on " + unit + " " + previousRow
            + "); expected one row per participant and visit");
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
          throw src.error(weekCol, "week " + Cells.format(week) + " for visit " + Cells.quote(visit)
              + " differs from week " + Cells.format(info.week) + " on " + unit + " " + info.weekLine
              + "; expected the same week on every row of a visit");
        }
      }
      arms.add(arm);
      if (flagColumn >= 0 && src.text(flagColumn).equals("Y")) {
        flagged.add(visit);
      }
      if (baselines != null) {
        baselines.observe(id, score, observations.size());
      }
      observations.add(id, arm, visit, score, dx, covariates(covCols, cov), line, scoreCol + 1, dxCol + 1);
    }
    noRows(observations);
    if (baselines != null) {
      derivedBaseline = derivation.baselineVisit() != null ? derivation.baselineVisit()
          : flagged.size() == 1 ? flagged.iterator().next() : "Baseline";
      notes = baselines.finish(observations, derivedBaseline);
    }
    List<VisitInfo> order = new ArrayList<>(visits.values());
    if (weekCol >= 0) {
      order.sort((a, b) -> Double.compare(a.week, b.week)); // stable; NaN (no week) sorts last
    }
    List<String> visitLabels = new ArrayList<>(order.size());
    List<Double> weeks = new ArrayList<>(order.size());
    for (VisitInfo v : order) {
      visitLabels.add(v.label);
      weeks.add(v.week);
    }
    if (derivedBaseline != null && !visitLabels.contains(derivedBaseline)) {
      visitLabels.add(0, derivedBaseline); // derived baseline records come before every visit
      weeks.add(0, Double.NaN);
    }
    return new TrialData(file, observations.toObservations(), new ArrayList<>(arms), visitLabels, dxCol >= 0,
        options.covariates(), List.of(), List.of(), weeks);
  }

  /** The baseline/change columns of {@link #derivation}, or null. */
  private BaselineColumns baselineColumns(int scoreCol) {
    if (derivation == null) {
      return null;
    }
    int base = header.find(derivation.baselineColumn());
    int change = derivation.changeColumn() == null ? -1 : header.find(derivation.changeColumn());
    if (base < 0 || (derivation.changeColumn() != null && change < 0)) {
      String name = base < 0 ? derivation.baselineColumn() : derivation.changeColumn();
      throw new org.trialstat.model.InvalidOptionException((base < 0 ? "--baseline-col " : "--change-col ") + name
          + ": " + file + " has no column '" + name + "'; columns found: " + header.list());
    }
    return new BaselineColumns(src, base, change, scoreCol, min, max, derivation.strict());
  }

  private TrialData readWide(int idCol, int armCol, List<WideVisit> wide, int[] covCols) {
    ObservationColumns observations = new ObservationColumns(covCols.length);
    Map<String, Long> rowOf = new HashMap<>();
    Set<String> arms = new LinkedHashSet<>();
    boolean hasDiagnosis = false;
    for (WideVisit v : wide) {
      hasDiagnosis |= v.dxColumn >= 0;
    }
    String[] cov = new String[covCols.length];
    while (src.next()) {
      if (!kept(wide.size())) {
        continue;
      }
      long line = src.row();
      String id = required(idCol, "participant identifier");
      String arm = required(armCol, "arm");
      Long previousRow = rowOf.putIfAbsent(id, line);
      if (previousRow != null) {
        throw src.error(idCol, "participant " + Cells.quote(id) + " has a second row (the first is on "
            + src.rowUnit() + " " + previousRow + "); expected one row per participant in wide format");
      }
      arms.add(arm);
      String[] covariates = covariates(covCols, cov);
      for (WideVisit v : wide) {
        double score;
        Boolean dx = null;
        try {
          score = score(v.scoreColumn, header.name(v.scoreColumn), line);
          if (v.dxColumn >= 0) {
            dx = Cells.diagnosis(src.text(v.dxColumn), header.name(v.dxColumn), file, line, v.dxColumn + 1);
          }
        } catch (DataException e) {
          throw e.column() > 0 ? src.error(e.column() - 1, e.getMessage()) : e; // else located already
        }
        observations.add(id, arm, v.label, score, dx, covariates, line, v.scoreColumn + 1, v.dxColumn + 1);
      }
    }
    noRows(observations);
    List<String> visitLabels = new ArrayList<>(wide.size());
    for (WideVisit v : wide) {
      visitLabels.add(v.label);
    }
    return new TrialData(file, observations.toObservations(), new ArrayList<>(arms), visitLabels, hasDiagnosis,
        options.covariates());
  }

  private double score(int col, String name, long line) {
    if (src.columns().get(col).type() == ColumnType.NUMERIC) {
      return Cells.score(src.number(col), min, max, name, file, line, col + 1);
    }
    return Cells.score(src.text(col), min, max, decimalComma, name, file, line, col + 1);
  }

  private double finite(int col) {
    double v = src.number(col);
    if (Double.isInfinite(v)) {
      throw new DataException(file, src.row(), col + 1, "week " + Cells.format(v) + " in column "
          + header.name(col) + " is too large; expected a week number such as 0, 6 or 12.5, or missing if"
          + " unknown");
    }
    return v;
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
            throw src.headerError(i, "columns '" + header.name(v.scoreColumn) + "' and '" + c
                + "' are both scores for visit '" + label + "' (columns " + (v.scoreColumn + 1) + " and "
                + (i + 1) + "); expected one score column per visit");
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

  /** The extra columns with the option that named each: {@code site (--strata), age (--covariate)}. */
  private String named(List<String> wanted) {
    List<String> out = new ArrayList<>();
    for (String c : wanted) {
      out.add(c + " (" + options.covariateOptions().getOrDefault(c, "--covariate") + ")");
    }
    return String.join(", ", out);
  }

  private int[] covariateColumns() {
    List<String> wanted = options.covariates();
    int[] cols = new int[wanted.size()];
    for (int k = 0; k < cols.length; k++) {
      cols[k] = header.find(wanted.get(k));
      if (cols[k] < 0) {
        String hint = header.suggest(wanted.get(k));
        String option = options.covariateOptions().get(wanted.get(k));
        String what = option == null ? "covariate column '" + wanted.get(k) + "'"
            : "column '" + wanted.get(k) + "' (" + option + ")";
        String expected = options.covariateOptions().isEmpty() ? "the covariate columns " + String.join(", ", wanted)
            : "the columns " + named(wanted);
        throw src.headerError(hint == null ? -1 : header.indexOf(hint),
            "no " + what + (hint == null ? "" : "; did you mean '" + hint
                + "'?") + "; expected " + expected + "; columns found: " + header.list());
      }
    }
    return cols;
  }

  /**
   * A column option given on the command line names a column of the file (issue 16: a misspelt
   * {@code --week-col} or {@code --dx-col} was silently ignored). In wide format only the id and arm
   * columns are names; the others are prefixes or absent.
   */
  private void givenColumnsPresent(InputShape shape) {
    for (Map.Entry<String, String> g : new java.util.TreeMap<>(options.given()).entrySet()) {
      boolean name = shape == InputShape.LONG || g.getKey().equals("--id-col") || g.getKey().equals("--arm-col");
      if (name && g.getValue() != null && !g.getValue().isBlank() && header.find(g.getValue()) < 0) {
        throw new org.trialstat.model.InvalidOptionException(g.getKey() + " " + Cells.quote(g.getValue()) + ": "
            + file + " has no such column; columns found: " + header.list());
      }
    }
  }

  private DataException missingColumns(int id, int arm, int visit, int score, InputShape shape) {
    String expectLong = String.join(", ", names.id(), names.arm(), names.visit(), names.score())
        + " (long format: one row per participant and visit)";
    String expectWide = names.id() + ", " + names.arm() + ", " + names.score() + "_<visit>..."
        + " (wide format: one row per participant, one score column per visit)";
    String expected = shape == InputShape.WIDE ? expectWide
        : options.shape() == InputShape.LONG ? expectLong : expectLong + " or " + expectWide;
    char delimiter = src.delimiter();
    if (id < 0 && arm < 0 && header.looksLikeData(decimalComma)) {
      return src.headerError(-1, "no header row: line " + header.line() + " " + header.text(delimiter)
          + " looks like data; expected a first row naming the columns, e.g. "
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
    return src.headerError(column - 1, String.join(", ", missing) + "; expected columns " + expected
        + "; columns found: " + header.list());
  }

  private void noRows(ObservationColumns observations) {
    if (observations.size() == 0) {
      String where = src.headerLine() > 0 ? " (line " + header.line() + ")" : "";
      String why = tests.isEmpty() ? "" : " that pass the row filters";
      throw src.headerError(-1, "no data rows" + why + " after the header" + where
          + "; expected one row per participant and visit below the header");
    }
  }

  private String required(int col, String what) {
    String v = src.text(col);
    if (v.isEmpty()) {
      throw src.error(col, what + " is empty in column " + header.name(col) + "; expected a non-empty " + what);
    }
    return v;
  }

  private String[] covariates(int[] cols, String[] values) {
    for (int k = 0; k < cols.length; k++) {
      values[k] = src.text(cols[k]);
    }
    return values;
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
