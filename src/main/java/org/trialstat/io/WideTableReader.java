package org.trialstat.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trialstat.model.DataException;
import org.trialstat.model.ObservationTableBuilder;
import org.trialstat.model.TrialData;

/**
 * {@link TrialTableReader}'s reading of a wide table (one row per participant, a score column and
 * perhaps a diagnosis column per visit, {@link TrialColumns.WideVisit}): each kept row's required cells
 * and covariates, an observation per visit column, one row per participant.
 */
final class WideTableReader {

  private WideTableReader() {
  }

  /** Reads the rows, given the columns. */
  static TrialData read(TrialRows rows, ReadOptions options, int idCol, int armCol, List<TrialColumns.WideVisit> wide,
      int[] covCols) {
    TableSource src = rows.src;
    RowCells cells = rows.cells;
    Header header = rows.header;
    ObservationColumns observations = new ObservationColumns(covCols.length);
    ObservationTableBuilder table = observations.rows();
    ObservationTableBuilder.Dictionaries codes = table.dictionaries();
    long[] lineOf = new long[1024]; // by participant code: the line of the participant's row
    boolean hasDiagnosis = false;
    for (TrialColumns.WideVisit v : wide) {
      hasDiagnosis |= v.dxColumn >= 0;
    }
    int[] cov = new int[covCols.length];
    while (src.next()) {
      if (!rows.kept(wide.size())) {
        continue;
      }
      long line = src.row();
      rows.required(idCol, "participant identifier");
      rows.required(armCol, "arm");
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
          score = cells.score(v.scoreColumn, rows.min, rows.max, header.name(v.scoreColumn), line);
          if (v.dxColumn >= 0) {
            dx = cells.diagnosis(v.dxColumn, header.name(v.dxColumn), line);
          }
        } catch (DataException e) {
          throw rows.located(e);
        }
        table.addCodes(who, armCode, codes.visits().code(v.label), cov, score, dx, line, v.scoreColumn + 1,
            v.dxColumn + 1);
      }
      rows.presize(observations, line);
    }
    rows.noRows(observations);
    List<String> visitLabels = new ArrayList<>(wide.size());
    for (TrialColumns.WideVisit v : wide) {
      visitLabels.add(v.label);
    }
    return new TrialData(rows.file, observations.toObservations(), List.of(codes.arms().values()), visitLabels,
        hasDiagnosis, options.covariates());
  }
}
