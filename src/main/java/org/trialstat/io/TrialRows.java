package org.trialstat.io;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.model.DataException;

/**
 * The rows of a {@link TableSource} as the trial readers ({@link LongTableReader},
 * {@link WideTableReader}) take them: through the row filters (a removed row counted by the first filter
 * it fails), with the current row's cells ({@link RowCells}), the header and the score range, the checks
 * every row gets (a required cell not empty, a cell's problem placed at its cell), and the sizing of the
 * observation columns for the whole file.
 */
final class TrialRows {

  /** Observations read before the columns are sized for the whole file ({@link #presize}). */
  private static final int PRESIZE_AT = 1 << 16;

  final TableSource src;
  final String file;
  final RowCells cells;
  final Header header;
  /** The score range, from the options. */
  final double min;
  final double max;
  private final List<RowFilter.Test> tests = new ArrayList<>();
  private final int[] removed;
  private boolean presized;

  TrialRows(TableSource src, Header header, ReadOptions options, List<RowFilter> filters) {
    this.src = src;
    this.file = src.file();
    this.header = header;
    this.min = options.scoreMin();
    this.max = options.scoreMax();
    this.cells = src instanceof CsvTableSource csv ? csv.cells() : new TextRowCells(src);
    for (RowFilter f : filters) {
      tests.add(f.bind(src));
    }
    removed = new int[filters.size()];
  }

  /**
   * Whether the current row passes every filter; a failing row is counted by the first it fails, as
   * {@code rows} rows of the accounting (a wide row holds one per visit column).
   */
  boolean kept(int rows) {
    for (int k = 0; k < tests.size(); k++) {
      if (!tests.get(k).keeps(src)) {
        removed[k] += rows;
        return false;
      }
    }
    return true;
  }

  /** The rows the k-th filter removed. */
  int removed(int k) {
    return removed[k];
  }

  /** Stops at an empty cell in column {@code col}, which holds the {@code what} of every row. */
  void required(int col, String what) {
    if (cells.isEmpty(col)) {
      throw src.error(col, what + " is empty in column " + header.name(col) + "; expected a non-empty " + what);
    }
  }

  /** A cell's problem at the place of its cell (the source's line of it), unless it is placed already. */
  DataException located(DataException e) {
    return e.column() > 0 ? src.error(e.column() - 1, e.getMessage()) : e;
  }

  /** Stops when no row was read (or every row was filtered out). */
  void noRows(ObservationColumns observations) {
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
  void presize(ObservationColumns observations, long line) {
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
}
