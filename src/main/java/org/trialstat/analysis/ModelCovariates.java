package org.trialstat.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.trialstat.model.AdjustedVariance;
import org.trialstat.model.FittedModel;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.TrialData;

/**
 * The extra terms of the ANCOVA and the MMRM: {@code --covariate} columns (numeric when every value used
 * is a number and the file format does not declare the column character, else a factor) and
 * {@code --factor} columns (always a factor, for codes such as site "001").
 *
 * <p>The same terms adjust the binary endpoints of {@code analyze} (logistic regression and
 * standardization, {@link BinaryAdjustment}), whose variance is {@code binaryVariance}.
 *
 * @param covariates     the --covariate columns, in the order given
 * @param factors        the --factor columns, in the order given
 * @param binaryVariance --adjusted-variance: the variance of the standardized binary effects
 */
public record ModelCovariates(List<String> covariates, List<String> factors, AdjustedVariance binaryVariance) {

  /** No extra terms. */
  public static final ModelCovariates NONE = new ModelCovariates(List.of(), List.of());

  public ModelCovariates {
    covariates = List.copyOf(covariates);
    factors = List.copyOf(factors);
    if (binaryVariance == null) {
      binaryVariance = AdjustedVariance.GE;
    }
  }

  /** Terms with the default variance of the binary adjustment (Ge et al.'s delta method). */
  public ModelCovariates(List<String> covariates, List<String> factors) {
    this(covariates, factors, AdjustedVariance.GE);
  }

  /** Every column, --covariate first, then --factor, each once. */
  public List<String> columns() {
    Set<String> all = new LinkedHashSet<>(covariates);
    all.addAll(factors);
    return List.copyOf(all);
  }

  /** Whether no extra term is asked for. */
  public boolean isEmpty() {
    return covariates.isEmpty() && factors.isEmpty();
  }

  /**
   * The index of each column in {@link TrialData#covariateNames()}.
   *
   * @throws InvalidOptionException when a column was not read
   */
  int[] indices(TrialData data) {
    List<String> cols = columns();
    int[] out = new int[cols.size()];
    for (int k = 0; k < cols.size(); k++) {
      out[k] = data.covariateNames().indexOf(cols.get(k));
      if (out[k] < 0) {
        String option = factors.contains(cols.get(k)) ? "--factor" : "--covariate";
        throw new InvalidOptionException(option + ": no column '" + cols.get(k) + "' was read from " + data.source());
      }
    }
    return out;
  }

  /**
   * Whether a column enters as a factor: named by --factor, declared character by the file format, or
   * with a value (among those used) that is not a finite number.
   */
  boolean factor(TrialData data, String column, List<String> values) {
    return factors.contains(column) || data.categorical().contains(column) || !numeric(values);
  }

  /** The note on a --covariate column that enters as a factor without --factor, or null. */
  String factorNote(TrialData data, String column) {
    if (factors.contains(column)) {
      return null;
    }
    return "Covariate " + column + " enters as a factor: "
        + (data.categorical().contains(column) ? "the file declares it character" : "it has values that are not numbers")
        + " (--factor forces a factor).";
  }

  /**
   * A participant's values of the columns {@code index} of {@link TrialData#covariateNames()}: each from
   * the baseline row, else the endpoint row; null when one is missing on both (or the rows are absent).
   */
  static String[] values(Participant part, int[] index) {
    String[] out = new String[index.length];
    for (int k = 0; k < index.length; k++) {
      String v = part.baseline == null ? null : part.baseline.covariates().get(index[k]);
      if (missing(v) && part.endpoint != null) {
        v = part.endpoint.covariates().get(index[k]);
      }
      if (missing(v)) {
        return null;
      }
      out[k] = v;
    }
    return out;
  }

  /** Each value as a number (the values of a numeric column, checked by {@link #numeric}). */
  static double[] parse(List<String> values) {
    double[] out = new double[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Double.parseDouble(values.get(i).trim());
    }
    return out;
  }

  /** A missing covariate cell: null, blank or NA. */
  static boolean missing(String v) {
    return v == null || v.isBlank() || v.equalsIgnoreCase("NA");
  }

  /** The model term of a column: its sorted distinct values as levels when a factor. */
  static FittedModel.Term term(String column, boolean factor, List<String> values) {
    return factor ? new FittedModel.Term(column, FittedModel.Term.FACTOR, new ArrayList<>(new TreeSet<>(values)))
        : new FittedModel.Term(column, FittedModel.Term.NUMERIC, List.of());
  }

  /** The formula's covariate part: {@code " + A + B"}. */
  String formulaTail() {
    StringBuilder s = new StringBuilder();
    for (String c : columns()) {
      s.append(" + ").append(c);
    }
    return s.toString();
  }

  /** Whether every value parses as a finite number (false for none). */
  static boolean numeric(List<String> values) {
    for (String v : values) {
      try {
        if (!Double.isFinite(Double.parseDouble(v.trim()))) {
          return false;
        }
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return !values.isEmpty();
  }
}
