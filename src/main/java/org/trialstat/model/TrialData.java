package org.trialstat.model;

import java.util.List;

/**
 * A validated trial data set: every observation of the file, in file order, with its arms and visits.
 * A participant belongs to exactly one arm and has at most one observation per visit (the reader
 * enforces both).
 *
 * @param source          the file name as the user gave it
 * @param observations    every data record of the file (long format: one per line; wide format: one per
 *                        participant and visit column)
 * @param arms            arm names in order of first appearance
 * @param visits          visit labels in analysis order (by week when the file has a week column, else
 *                        by first appearance)
 * @param hasDiagnosis    whether the file has a diagnosis column
 * @param covariateNames  names of the covariate columns carried in {@link Observation#covariates()}
 * @param filters         the row filters applied while reading, with the rows each removed (rows
 *                        removed are not in {@code observations}); empty when none was given
 * @param categorical     the covariates whose column the file format declares character (SAS transport,
 *                        Dataset-JSON, sas7bdat): categorical even when their values look like numbers
 * @param visitWeeks      the numeric week of each visit (same order as {@code visits}) from the week
 *                        column, NaN where the file has none
 */
public record TrialData(String source, List<Observation> observations, List<String> arms,
    List<String> visits, boolean hasDiagnosis, List<String> covariateNames,
    List<RowAccounting.Filter> filters, List<String> categorical, List<Double> visitWeeks) {

  public TrialData {
    observations = ObservationTable.of(observations); // immutable, in primitive columns
    arms = List.copyOf(arms);
    visits = List.copyOf(visits);
    covariateNames = List.copyOf(covariateNames);
    filters = List.copyOf(filters);
    categorical = List.copyOf(categorical);
    if (visitWeeks == null || visitWeeks.size() != visits.size()) {
      visitWeeks = java.util.Collections.nCopies(visits.size(), Double.NaN);
    }
    visitWeeks = List.copyOf(visitWeeks);
  }

  /** Data whose visits have no numeric weeks. */
  public TrialData(String source, List<Observation> observations, List<String> arms, List<String> visits,
      boolean hasDiagnosis, List<String> covariateNames, List<RowAccounting.Filter> filters,
      List<String> categorical) {
    this(source, observations, arms, visits, hasDiagnosis, covariateNames, filters, categorical, null);
  }

  /** The week of a visit, or NaN when it has none (or is not a visit of the file). */
  public double week(String visit) {
    int i = visits.indexOf(visit);
    return i < 0 ? Double.NaN : visitWeeks.get(i);
  }

  /** Data read without row filters. */
  public TrialData(String source, List<Observation> observations, List<String> arms,
      List<String> visits, boolean hasDiagnosis, List<String> covariateNames) {
    this(source, observations, arms, visits, hasDiagnosis, covariateNames, List.of(), List.of(), null);
  }

  /** The observations in primitive columns (the same list as {@link #observations()}). */
  public ObservationTable table() {
    return (ObservationTable) observations;
  }

  /** Rows removed by the filters, in total. */
  public int filtered() {
    int n = 0;
    for (RowAccounting.Filter f : filters) {
      n += f.removed();
    }
    return n;
  }
}
