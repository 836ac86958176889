package org.trialstat.io;

import org.trialstat.model.ObservationTable;
import org.trialstat.model.ObservationTableBuilder;

/**
 * The observations of a file while it is read, in primitive columns (codes into string dictionaries,
 * doubles, bytes) rather than an object per cell: an {@link ObservationTableBuilder}, which
 * {@link #toObservations()} turns into the model's table at the end. The reader adds rows by the codes of
 * the builder's dictionaries ({@link ObservationTableBuilder#addCodes}).
 */
final class ObservationColumns {

  private final ObservationTableBuilder rows;

  ObservationColumns(int covariateCount) {
    rows = new ObservationTableBuilder(covariateCount);
  }

  /** The rows so far, for their codes. */
  ObservationTableBuilder rows() {
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
