package org.trialstat.io;

import java.util.List;
import java.util.Objects;
import org.trialstat.model.Scale;

/**
 * What {@link TrialCsvReader} looks for and accepts.
 *
 * @param columns    the column names
 * @param shape      long, wide, or decide from the header
 * @param scoreMin   lowest valid score (inclusive); {@code Double.NEGATIVE_INFINITY} for no lower bound
 * @param scoreMax   highest valid score (inclusive); {@code Double.POSITIVE_INFINITY} for no upper bound
 * @param covariates names of extra columns to carry into {@code Observation.covariates()}, in this
 *                   order; each must exist in the file
 * @param given      the column options given on the command line, option to column name (for example
 *                   {@code --week-col} to {@code wk}): a file without such a column is a usage error
 *                   (exit 2) listing the columns, where a default name that is missing is a data error
 *                   (required columns, exit 3) or no column (optional ones)
 * @param covariateOptions for each of the {@code covariates}, the option that named it (for example
 *                   {@code --strata}), so that a missing column is reported under its option; a column
 *                   not in the map is reported as a covariate
 */
public record ReadOptions(ColumnNames columns, InputShape shape, double scoreMin, double scoreMax,
    List<String> covariates, java.util.Map<String, String> given, java.util.Map<String, String> covariateOptions) {

  /** Options whose extra columns are all covariates. */
  public ReadOptions(ColumnNames columns, InputShape shape, double scoreMin, double scoreMax, List<String> covariates,
      java.util.Map<String, String> given) {
    this(columns, shape, scoreMin, scoreMax, covariates, given, java.util.Map.of());
  }

  /** Options with no column option given explicitly. */
  public ReadOptions(ColumnNames columns, InputShape shape, double scoreMin, double scoreMax, List<String> covariates) {
    this(columns, shape, scoreMin, scoreMax, covariates, java.util.Map.of());
  }

  public ReadOptions {
    given = java.util.Map.copyOf(given);
    covariateOptions = java.util.Map.copyOf(covariateOptions);
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(shape, "shape");
    if (Double.isNaN(scoreMin) || Double.isNaN(scoreMax) || scoreMin > scoreMax) {
      throw new IllegalArgumentException("invalid score range [" + scoreMin + ", " + scoreMax + "]");
    }
    covariates = List.copyOf(covariates);
    for (String c : covariates) {
      if (c.isBlank()) {
        throw new IllegalArgumentException("blank covariate name");
      }
    }
  }

  /** Default columns, {@link InputShape#AUTO}, the CAPS-5 range 0..80, no covariates. */
  public static ReadOptions defaults() {
    return forScale(Scale.CAPS5);
  }

  /** Default columns, {@link InputShape#AUTO}, the given scale's range, no covariates. */
  public static ReadOptions forScale(Scale scale) {
    return new ReadOptions(ColumnNames.defaults(), InputShape.AUTO, scale.min(), scale.max(), List.of());
  }

  public ReadOptions withColumns(ColumnNames names) {
    return new ReadOptions(names, shape, scoreMin, scoreMax, covariates, given, covariateOptions);
  }

  public ReadOptions withShape(InputShape newShape) {
    return new ReadOptions(columns, newShape, scoreMin, scoreMax, covariates, given, covariateOptions);
  }

  public ReadOptions withRange(double min, double max) {
    return new ReadOptions(columns, shape, min, max, covariates, given, covariateOptions);
  }

  public ReadOptions withScale(Scale scale) {
    return withRange(scale.min(), scale.max());
  }

  public ReadOptions withCovariates(List<String> names) {
    return new ReadOptions(columns, shape, scoreMin, scoreMax, names, given, covariateOptions);
  }

  /** These options with the option that named each extra column (column to option). */
  public ReadOptions withCovariateOptions(java.util.Map<String, String> options) {
    return new ReadOptions(columns, shape, scoreMin, scoreMax, covariates, given, options);
  }
}
