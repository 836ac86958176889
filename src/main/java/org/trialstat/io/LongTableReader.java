package org.trialstat.io;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.trialstat.model.DataException;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.ObservationTableBuilder;
import org.trialstat.model.TrialData;

/**
 * {@link TrialTableReader}'s reading of a long table (one row per participant and visit): each kept
 * row's required cells, score, diagnosis flag, week and covariates, one arm per participant and one row
 * per participant and visit ({@link LongRowChecks}); the visit of the rows flagged as baseline, and the
 * baseline records derived from baseline and change columns ({@link BaselineColumns}). One use.
 */
final class LongTableReader {

  private final TrialRows rows;
  private final TableSource src;
  private final RowCells cells;
  private final ReadOptions options;
  /** The baseline-flag column, or -1. */
  private final int flagColumn;
  /** The baseline and change columns, or null. */
  private final TrialTableReader.Derivation derivation;
  /** The visits of the rows whose flag is Y, in order of first appearance. */
  private final Set<String> flagged = new LinkedHashSet<>();
  private String derivedBaseline;
  private List<String> notes = List.of();

  LongTableReader(TrialRows rows, ReadOptions options, int flagColumn, TrialTableReader.Derivation derivation) {
    this.rows = rows;
    this.src = rows.src;
    this.cells = rows.cells;
    this.options = options;
    this.flagColumn = flagColumn;
    this.derivation = derivation;
  }

  /** The visits of the flagged rows, in order of first appearance (after {@link #read}). */
  Set<String> flagged() {
    return flagged;
  }

  /** The visit of the derived baseline records, or null when none were derived (after {@link #read}). */
  String derivedBaseline() {
    return derivedBaseline;
  }

  /** The notes of the baseline derivation (after {@link #read}). */
  List<String> notes() {
    return notes;
  }

  /** Reads the rows, given the columns (-1 for an absent diagnosis or week column). */
  TrialData read(int idCol, int armCol, int visitCol, int scoreCol, int dxCol, int weekCol, int[] covCols) {
    Header header = rows.header;
    ObservationColumns observations = new ObservationColumns(covCols.length);
    ObservationTableBuilder table = observations.rows();
    ObservationTableBuilder.Dictionaries codes = table.dictionaries();
    LongRowChecks checks = new LongRowChecks(src, cells, observations, idCol, armCol, visitCol, weekCol);
    String scoreName = header.name(scoreCol);
    String dxName = dxCol < 0 ? null : header.name(dxCol);
    String weekName = weekCol < 0 ? null : header.name(weekCol);
    int[] cov = new int[covCols.length];
    BaselineColumns baselines = baselineColumns(scoreCol);
    while (src.next()) {
      if (!rows.kept(1)) {
        continue;
      }
      long line = src.row();
      rows.required(idCol, "participant identifier");
      rows.required(armCol, "arm");
      rows.required(visitCol, "visit label");
      double score;
      byte dx = -1;
      double week = Double.NaN;
      try {
        score = cells.score(scoreCol, rows.min, rows.max, scoreName, line);
        if (dxCol >= 0) {
          dx = cells.diagnosis(dxCol, dxName, line);
        }
        if (weekCol >= 0) {
          week = cells.week(weekCol, weekName, line);
        }
      } catch (DataException e) {
        throw rows.located(e);
      }
      int row = observations.size();
      int who = cells.code(idCol, codes.participants());
      int armCode = cells.code(armCol, codes.arms());
      int visitCode = cells.code(visitCol, codes.visits());
      for (int k = 0; k < covCols.length; k++) {
        cov[k] = cells.code(covCols[k], codes.values());
      }
      table.addCodes(who, armCode, visitCode, cov, score, dx, line, scoreCol + 1, dxCol + 1);
      rows.presize(observations, line);
      String visitLabel = checks.check(who, armCode, visitCode, week, line, row);
      if (flagColumn >= 0 && cells.is(flagColumn, "Y")) {
        flagged.add(visitLabel);
      }
      if (baselines != null) {
        baselines.observe(cells.text(idCol), score, row);
      }
    }
    rows.noRows(observations);
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
    return new TrialData(rows.file, observations.toObservations(), List.of(codes.arms().values()), visitLabels,
        dxCol >= 0, options.covariates(), List.of(), List.of(), weeks);
  }

  /** The baseline/change columns of {@link #derivation}, or null. */
  private BaselineColumns baselineColumns(int scoreCol) {
    if (derivation == null) {
      return null;
    }
    Header header = rows.header;
    int base = header.find(derivation.baselineColumn());
    int change = derivation.changeColumn() == null ? -1 : header.find(derivation.changeColumn());
    if (base < 0 || (derivation.changeColumn() != null && change < 0)) {
      String name = base < 0 ? derivation.baselineColumn() : derivation.changeColumn();
      throw new InvalidOptionException((base < 0 ? "--baseline-col " : "--change-col ") + name
          + ": " + rows.file + " has no column '" + name + "'; columns found: " + header.list());
    }
    return new BaselineColumns(src, base, change, scoreCol, rows.min, rows.max, derivation.strict());
  }
}
