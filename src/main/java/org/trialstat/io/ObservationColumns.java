package org.trialstat.io;

import org.trialstat.model.ObservationTable;

/**
 * The observations of a file while it is read, in primitive columns (codes into string dictionaries,
 * doubles, bytes) rather than an object per cell: an {@link ObservationTable.Builder}, which
 * {@link #toObservations()} turns into the model's table at the end. The reader adds rows by the codes of
 * the builder's dictionaries ({@link ObservationTable.Builder#addCodes}).
 */
final class ObservationColumns {

  private final ObservationTable.Builder rows;

  ObservationColumns(int covariateCount) {
    rows = new ObservationTable.Builder(covariateCount);
  }

  /** The rows so far, for their codes. */
  ObservationTable.Builder rows() {
    return rows;
  }

  int size() {
    return rows.size();
  }

  /**
   * Adds an observation of the participant of observation {@code from} (same arm and covariates) at
   * another visit: a derived baseline record.
   */
  void addDerived(int from, String visitLabel, double value, long row, int scoreCol) {
    rows.addDerived(from, visitLabel, value, row, scoreCol);
  }

  String participant(int i) {
    return rows.participant(i);
  }

  String visit(int i) {
    return rows.visit(i);
  }

  double score(int i) {
    return rows.score(i);
  }

  long line(int i) {
    return rows.line(i);
  }

  /** The observations in the order added. */
  ObservationTable toObservations() {
    return rows.build();
  }
}
