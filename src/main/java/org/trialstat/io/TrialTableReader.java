package org.trialstat.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trialstat.model.DataException;
import org.trialstat.model.ObservationTableBuilder;
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
  private final RowCells cells;
  private final TrialColumns columns;
  /** Observations read before the columns are sized for the whole file ({@link #presize}). */
  private static final int PRESIZE_AT = 1 << 16;
  private boolean presized;

  private TrialTableReader(TableSource src, ReadOptions options, List<RowFilter> filters) {
    this.src = src;
    this.file = src.file();
    this.options = options;
    this.names = options.columns();
    this.min = options.scoreMin();
    this.max = options.scoreMax();
    List<Column> cols = src.columns();
    String[] columnNames = new String[cols.size()];
    for (int i = 0; i < columnNames.length; i++) {
      columnNames[i] = cols.get(i).name();
    }
    this.header = new Header(file, src.headerLine(), columnNames);
    this.cells = src instanceof CsvTableSource csv ? csv.cells() : new TextRowCells(src);
    this.columns = new TrialColumns(src, options, header);
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
    List<TrialColumns.WideVisit> wide = columns.wideVisits();
    InputShape shape = options.shape();
    if (shape == InputShape.AUTO) {
      shape = visit >= 0 || wide.isEmpty() ? InputShape.LONG : InputShape.WIDE;
    }
    columns.givenColumnsPresent(shape);
    if (shape == InputShape.LONG) {
      if (id < 0 || arm < 0 || visit < 0 || score < 0) {
        throw columns.missingColumns(id, arm, visit, score, shape);
      }
      int[] covariates = columns.covariateColumns();
      int diagnosis = names.diagnosis() == null ? -1 : header.find(names.diagnosis());
      int week = names.week() == null ? -1 : header.find(names.week());
      return readLong(id, arm, visit, score, diagnosis, week, covariates);
    }
    if (id < 0 || arm < 0 || wide.isEmpty()) {
      throw columns.missingColumns(id, arm, 0, wide.isEmpty() ? -1 : 0, shape);
    }
    if (derivation != null) {
      throw new org.trialstat.model.InvalidOptionException("--baseline-col " + derivation.baselineColumn() + ": "
          + file + " is in wide format (one row per participant); --baseline-col reads long data, with the"
          + " baseline on every record");
    }
    return readWide(id, arm, wide, columns.covariateColumns());
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
    ObservationTableBuilder rows = observations.rows();
    ObservationTableBuilder.Dictionaries codes = rows.dictionaries();
    LongRowChecks checks = new LongRowChecks(src, cells, observations, idCol, armCol, visitCol, weekCol);
    String scoreName = header.name(scoreCol);
    String dxName = dxCol < 0 ? null : header.name(dxCol);
    String weekName = weekCol < 0 ? null : header.name(weekCol);
    int[] cov = new int[covCols.length];
    BaselineColumns baselines = baselineColumns(scoreCol);
    while (src.next()) {
      if (!kept(1)) {
        continue;
      }
      long line = src.row();
      required(idCol, "participant identifier");
      required(armCol, "arm");
      required(visitCol, "visit label");
      double score;
      byte dx = -1;
      double week = Double.NaN;
      try {
        score = cells.score(scoreCol, min, max, scoreName, line);
        if (dxCol >= 0) {
          dx = cells.diagnosis(dxCol, dxName, line);
        }
        if (weekCol >= 0) {
          week = cells.week(weekCol, weekName, line);
        }
      } catch (DataException e) {
        throw e.column() > 0 ? src.error(e.column() - 1, e.getMessage()) : e; // else located already
      }
      int row = observations.size();
      int who = cells.code(idCol, codes.participants());
      int armCode = cells.code(armCol, codes.arms());
      int visitCode = cells.code(visitCol, codes.visits());
      for (int k = 0; k < covCols.length; k++) {
        cov[k] = cells.code(covCols[k], codes.values());
      }
      rows.addCodes(who, armCode, visitCode, cov, score, dx, line, scoreCol + 1, dxCol + 1);
      presize(observations, line);
      String visitLabel = checks.check(who, armCode, visitCode, week, line, row);
      if (flagColumn >= 0 && cells.is(flagColumn, "Y")) {
        flagged.add(visitLabel);
      }
      if (baselines != null) {
        baselines.observe(cells.text(idCol), score, row);
      }
    }
    noRows(observations);
    if (baselines != null) {
      derivedBaseline = derivation.baselineVisit() != null ? derivation.baselineVisit()
          : flagged.size() == 1 ? flagged.iterator().next() : "Baseline";
      notes = baselines.finish(observations, derivedBaseline);
    }
    List<String> visitLabels = new ArrayList<>();
    List<Double> weeks = new ArrayList<>();
    checks.visits(weekCol >= 0, visitLabels, weeks);
    if (derivedBaseline != null && !visitLabels.contains(derivedBaseline)) {
      visitLabels.add(0, derivedBaseline); // derived baseline records come before every visit
      weeks.add(0, Double.NaN);
    }
    // the arms in order of first appearance: their codes' order
    return new TrialData(file, observations.toObservations(), List.of(codes.arms().values()), visitLabels, dxCol >= 0,
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

  private TrialData readWide(int idCol, int armCol, List<TrialColumns.WideVisit> wide, int[] covCols) {
    ObservationColumns observations = new ObservationColumns(covCols.length);
    ObservationTableBuilder rows = observations.rows();
    ObservationTableBuilder.Dictionaries codes = rows.dictionaries();
    long[] lineOf = new long[1024]; // by participant code: the line of the participant's row
    boolean hasDiagnosis = false;
    for (TrialColumns.WideVisit v : wide) {
      hasDiagnosis |= v.dxColumn >= 0;
    }
    int[] cov = new int[covCols.length];
    while (src.next()) {
      if (!kept(wide.size())) {
        continue;
      }
      long line = src.row();
      required(idCol, "participant identifier");
      required(armCol, "arm");
      int who = cells.code(idCol, codes.participants());
      if (who == lineOf.length) {
        lineOf = Arrays.copyOf(lineOf, who * 2);
      }
      if (lineOf[who] != 0) {
        throw src.error(idCol, "participant " + Cells.quote(cells.text(idCol)) + " has a second row (the first is on "
            + src.rowUnit() + " " + lineOf[who] + "); expected one row per participant in wide format");
      }
      lineOf[who] = line;
      int armCode = cells.code(armCol, codes.arms());
      for (int k = 0; k < covCols.length; k++) {
        cov[k] = cells.code(covCols[k], codes.values());
      }
      for (TrialColumns.WideVisit v : wide) {
        double score;
        byte dx = -1;
        try {
          score = cells.score(v.scoreColumn, min, max, header.name(v.scoreColumn), line);
          if (v.dxColumn >= 0) {
            dx = cells.diagnosis(v.dxColumn, header.name(v.dxColumn), line);
          }
        } catch (DataException e) {
          throw e.column() > 0 ? src.error(e.column() - 1, e.getMessage()) : e; // else located already
        }
        rows.addCodes(who, armCode, codes.visits().code(v.label), cov, score, dx, line, v.scoreColumn + 1,
            v.dxColumn + 1);
      }
      presize(observations, line);
    }
    noRows(observations);
    List<String> visitLabels = new ArrayList<>(wide.size());
    for (TrialColumns.WideVisit v : wide) {
      visitLabels.add(v.label);
    }
    return new TrialData(file, observations.toObservations(), List.of(codes.arms().values()), visitLabels,
        hasDiagnosis, options.covariates());
  }

  private void noRows(ObservationColumns observations) {
    if (observations.size() == 0) {
      String where = src.headerLine() > 0 ? " (line " + header.line() + ")" : "";
      String why = tests.isEmpty() ? "" : " that pass the row filters";
      throw src.headerError(-1, "no data rows" + why + " after the header" + where
          + "; expected one row per participant and visit below the header");
    }
  }

  /**
   * Once, at {@value #PRESIZE_AT} observations: room for as many as the size of the file suggests
   * ({@link CsvTableSource#estimatedRecords}, times the observations per record so far), so that the
   * columns of a large file are not copied each time they grow (and the garbage collector does not copy
   * them either).
   */
  private void presize(ObservationColumns observations, long line) {
    if (presized || observations.size() < PRESIZE_AT) {
      return;
    }
    presized = true;
    if (src instanceof CsvTableSource csv) {
      double rows = csv.estimatedRecords(line) * (observations.size() / (double) line);
      if (rows > PRESIZE_AT && rows < Integer.MAX_VALUE - 1024) {
        observations.rows().ensureCapacity((int) rows);
      }
    }
  }

  private void required(int col, String what) {
    if (cells.isEmpty(col)) {
      throw src.error(col, what + " is empty in column " + header.name(col) + "; expected a non-empty " + what);
    }
  }
}
