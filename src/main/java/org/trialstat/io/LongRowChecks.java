package org.trialstat.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.trialstat.model.ObservationTableBuilder;

/**
 * The consistency of long-format rows, checked as each row is added: one arm per participant, one row
 * per participant and visit, the same week on every row of a visit. Kept by the dense codes of the
 * participants and visits, without an object per participant (the arm code and the line of each
 * participant's first row, a {@link ParticipantVisits} of the pairs seen).
 */
final class LongRowChecks {

  private final TableSource src;
  private final RowCells cells;
  private final ObservationColumns observations;
  private final int idCol;
  private final int armCol;
  private final int visitCol;
  private final int weekCol;
  private final String unit;
  private int[] armOf = new int[1024];
  private long[] firstLine = new long[1024];
  private int participantsSeen;
  private final ParticipantVisits rowOfVisit = new ParticipantVisits();
  /** By visit code, i.e. by first appearance. */
  private final List<VisitInfo> visits = new ArrayList<>();

  LongRowChecks(TableSource src, RowCells cells, ObservationColumns observations, int idCol, int armCol,
      int visitCol, int weekCol) {
    this.src = src;
    this.cells = cells;
    this.observations = observations;
    this.idCol = idCol;
    this.armCol = armCol;
    this.visitCol = visitCol;
    this.weekCol = weekCol;
    this.unit = src.rowUnit();
  }

  /**
   * Checks the row just added as observation {@code row} (the source's current row, on {@code line}).
   *
   * @param week the row's week, NaN if none
   * @return its visit label
   * @throws org.trialstat.model.DataException when the row contradicts an earlier one
   */
  String check(int who, int armCode, int visitCode, double week, long line, int row) {
    ObservationTableBuilder rows = observations.rows();
    if (who == participantsSeen) {
      if (who == armOf.length) {
        armOf = Arrays.copyOf(armOf, who * 2);
        firstLine = Arrays.copyOf(firstLine, who * 2);
      }
      armOf[who] = armCode;
      firstLine[who] = line;
      participantsSeen++;
    } else if (armOf[who] != armCode) {
      String first = null;
      for (int i = 0; first == null; i++) {
        first = rows.participantCode(i) == who ? rows.arm(i) : null;
      }
      throw src.error(armCol, "participant " + Cells.quote(cells.text(idCol)) + " is in arm "
          + Cells.quote(cells.text(armCol)) + " here but in arm " + Cells.quote(first) + " on " + unit + " "
          + firstLine[who] + "; expected one arm per participant");
    }
    if (!rowOfVisit.add(who, visitCode)) {
      int previousRow = 0;
      while (rows.participantCode(previousRow) != who || rows.visitCode(previousRow) != visitCode) {
        previousRow++;
      }
      throw src.error(visitCol, "participant " + Cells.quote(cells.text(idCol)) + " has a second row for visit "
          + Cells.quote(cells.text(visitCol)) + " (the first is on " + unit + " " + observations.line(previousRow)
          + "); expected one row per participant and visit");
    }
    if (visitCode == visits.size()) {
      visits.add(new VisitInfo(observations.visit(row)));
    }
    VisitInfo info = visits.get(visitCode);
    if (!Double.isNaN(week)) {
      if (Double.isNaN(info.week)) {
        info.week = week;
        info.weekLine = line;
      } else if (info.week != week) {
        throw src.error(weekCol, "week " + Cells.format(week) + " for visit " + Cells.quote(info.label)
            + " differs from week " + Cells.format(info.week) + " on " + unit + " " + info.weekLine
            + "; expected the same week on every row of a visit");
      }
    }
    return info.label;
  }

  /**
   * Adds the visits' labels and weeks to {@code labels} and {@code weeks}: in order of first appearance,
   * or {@code byWeek} sorted by week (stable; a visit without a week last).
   */
  void visits(boolean byWeek, List<String> labels, List<Double> weeks) {
    List<VisitInfo> order = new ArrayList<>(visits);
    if (byWeek) {
      order.sort((a, b) -> Double.compare(a.week, b.week)); // stable; NaN (no week) sorts last
    }
    for (VisitInfo v : order) {
      labels.add(v.label);
      weeks.add(v.week);
    }
  }

  /** A visit: its label and its week (NaN until a row gives one), with the line that gave it. */
  private static final class VisitInfo {
    final String label;
    double week = Double.NaN;
    long weekLine;

    VisitInfo(String label) {
      this.label = label;
    }
  }
}
