package org.trialstat.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.trialstat.model.DataException;

/**
 * {@code --baseline-col COL} and {@code --change-col COL}: the baseline score carried on every record
 * (ADaM {@code BASE}) and the change from baseline ({@code CHG}). A participant without a record at the
 * baseline visit gets one, derived from the first non-missing baseline value of their records (same arm
 * and covariates, located at that record's row and the baseline column), so that data without baseline
 * records (rbmi's antidepressant data: BASVAL and CHANGE at post-baseline visits only) are analysed as
 * with {@code --baseline}. Where both a baseline record and the baseline column exist, or the change
 * column and score - baseline, and they disagree beyond 1e-9 relative, the reader says so: a note with
 * the count and the first record, or under {@code --strict} a data error at the first.
 */
final class BaselineColumns {

  private static final double RELATIVE = 1e-9;

  private final TableSource src;
  private final int baseCol;
  private final int changeCol;
  private final int scoreCol;
  private final double min;
  private final double max;
  private final boolean strict;
  private final Map<String, Integer> firstIndex = new LinkedHashMap<>();
  private final Map<String, double[]> base = new HashMap<>();
  private int changeMismatches;
  private String firstChangeMismatch;

  BaselineColumns(TableSource src, int baseCol, int changeCol, int scoreCol, double min, double max,
      boolean strict) {
    this.src = src;
    this.baseCol = baseCol;
    this.changeCol = changeCol;
    this.scoreCol = scoreCol;
    this.min = min;
    this.max = max;
    this.strict = strict;
  }

  /** Notes the baseline and change cells of the current row, observation {@code index} of {@code id}. */
  void observe(String id, double score, int index) {
    firstIndex.putIfAbsent(id, index);
    double b = value(baseCol, "baseline");
    if (!Double.isNaN(b)) {
      Cells.score(b, min, max, src.columns().get(baseCol).name(), src.file(), src.row(), baseCol + 1);
      base.putIfAbsent(id, new double[] {b, src.row()});
    }
    if (changeCol >= 0) {
      double c = value(changeCol, "change");
      if (!Double.isNaN(c) && !Double.isNaN(score) && !Double.isNaN(b) && differ(c, score - b)) {
        String what = "participant " + Cells.quote(id) + ": " + src.columns().get(changeCol).name() + " "
            + Cells.format(c) + " but " + src.columns().get(scoreCol).name() + " - " + src.columns().get(baseCol).name()
            + " = " + Cells.format(score - b);
        if (strict) {
          throw src.error(changeCol, what + "; expected the change to equal score - baseline (--strict)");
        }
        if (changeMismatches++ == 0) {
          firstChangeMismatch = src.rowUnit() + " " + src.row() + ", " + what;
        }
      }
    }
  }

  private double value(int col, String what) {
    if (src.columns().get(col).type() == ColumnType.NUMERIC) {
      return src.number(col);
    }
    String cell = src.text(col);
    if (Cells.isMissing(cell)) {
      return Double.NaN;
    }
    double v = Cells.parseNumber(cell, src.decimalComma());
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw src.error(col, what + " " + Cells.quote(cell) + " in column " + src.columns().get(col).name()
          + " is not a number; expected a number, or empty/NA for a missing value");
    }
    return v;
  }

  private static boolean differ(double a, double b) {
    return Math.abs(a - b) > RELATIVE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  /**
   * Adds the derived baseline records at {@code label} and checks the existing ones.
   *
   * @return notes on disagreements (empty when none)
   */
  List<String> finish(ObservationColumns obs, String label) {
    Map<String, Integer> recorded = new HashMap<>();
    int n = obs.size();
    for (int i = 0; i < n; i++) {
      if (obs.visit(i).equals(label)) {
        recorded.put(obs.participant(i), i);
      }
    }
    int mismatches = 0;
    int derived = 0;
    String first = null;
    for (Map.Entry<String, Integer> e : firstIndex.entrySet()) {
      double[] b = base.get(e.getKey());
      Integer at = recorded.get(e.getKey());
      if (at != null) {
        double s = obs.score(at);
        if (b != null && !Double.isNaN(s) && differ(s, b[0])) {
          String what = "participant " + Cells.quote(e.getKey()) + ": the baseline record (" + src.rowUnit() + " "
              + obs.line(at) + ") has " + Cells.format(s) + " but " + src.columns().get(baseCol).name() + " is "
              + Cells.format(b[0]);
          if (strict) {
            String message = what + "; expected the same baseline (--strict)";
            throw src.rowUnit().equals("line") ? new DataException(src.file(), obs.line(at), 0, message)
                : DataException.atRecord(src.file(), obs.line(at), null, message);
          }
          if (mismatches++ == 0) {
            first = what;
          }
        }
      } else if (b != null) {
        obs.addDerived(e.getValue(), label, b[0], (long) b[1], baseCol + 1);
        derived++;
      }
    }
    List<String> notes = new ArrayList<>();
    if (derived > 0) {
      notes.add("Baseline: " + derived + " participant(s) without a record at visit " + label + " took the baseline"
          + " score from " + src.columns().get(baseCol).name() + " (derived records, counted in the rows read).");
    }
    if (mismatches > 0) {
      notes.add("Warning: " + src.columns().get(baseCol).name() + " disagrees with the baseline record for "
          + mismatches + " participant(s) (first: " + first + "); the baseline record is used.");
    }
    if (changeMismatches > 0) {
      notes.add("Warning: " + src.columns().get(changeCol).name() + " differs from score - baseline on "
          + changeMismatches + " record(s) (first: " + firstChangeMismatch + "); trialstat uses score - baseline.");
    }
    return notes;
  }
}
