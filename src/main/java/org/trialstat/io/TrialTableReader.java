package org.trialstat.io;

import java.util.ArrayList;
import java.util.List;
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
 * values, one arm per participant and one row per participant and visit. This class finds the columns
 * and the shape and puts the result together; {@link LongTableReader} and {@link WideTableReader} read
 * the rows, through {@link TrialRows}.
 */
final class TrialTableReader {

  private final TableSource src;
  private final String file;
  private final ReadOptions options;
  private final ColumnNames names;
  private final Header header;
  private final TrialRows rows;
  private final TrialColumns columns;
  private int flagColumn = -1;
  private Derivation derivation;
  private String derivedBaseline;
  private List<String> notes = List.of();
  private Set<String> flagged = Set.of();

  private TrialTableReader(TableSource src, ReadOptions options, List<RowFilter> filters) {
    this.src = src;
    this.file = src.file();
    this.options = options;
    this.names = options.columns();
    List<Column> cols = src.columns();
    String[] columnNames = new String[cols.size()];
    for (int i = 0; i < columnNames.length; i++) {
      columnNames[i] = cols.get(i).name();
    }
    this.header = new Header(file, src.headerLine(), columnNames);
    this.columns = new TrialColumns(src, options, header);
    this.rows = new TrialRows(src, header, options, filters); // binds the filters after the columns' checks
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
      counts.add(new RowAccounting.Filter(filters.get(k).expression(), r.rows.removed(k)));
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
      LongTableReader reader = new LongTableReader(rows, options, flagColumn, derivation);
      TrialData data = reader.read(id, arm, visit, score, diagnosis, week, covariates);
      flagged = reader.flagged();
      derivedBaseline = reader.derivedBaseline();
      notes = reader.notes();
      return data;
    }
    if (id < 0 || arm < 0 || wide.isEmpty()) {
      throw columns.missingColumns(id, arm, 0, wide.isEmpty() ? -1 : 0, shape);
    }
    if (derivation != null) {
      throw new org.trialstat.model.InvalidOptionException("--baseline-col " + derivation.baselineColumn() + ": "
          + file + " is in wide format (one row per participant); --baseline-col reads long data, with the"
          + " baseline on every record");
    }
    return WideTableReader.read(rows, options, id, arm, wide, columns.covariateColumns());
  }
}
