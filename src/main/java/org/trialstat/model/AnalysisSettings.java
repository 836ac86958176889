package org.trialstat.model;

/**
 * The settings an analysis actually used (after defaults were resolved against the data), echoed in
 * every output so a result says how it was computed.
 *
 * @param scale        the rating scale
 * @param scoreMin     lowest valid score
 * @param scoreMax     highest valid score
 * @param control      the comparator arm, or null for a single-arm study
 * @param baseline     the baseline visit
 * @param endpoint     the endpoint visit
 * @param response     the responder rule
 * @param remissionMax remission cut-off (score at or below), NaN when remission is not defined
 * @param missing      denominators of the binary endpoints
 * @param baselineWeek the baseline visit's week (NaN when the file has no week column); for the tidy rows
 * @param endpointWeek the endpoint visit's week, likewise
 * @param confLevel    confidence level of every interval
 * @param lsmeansWeights how the LS means average over factor covariates
 * @param quantileType the definition of the per-arm quartiles
 * @param adjust       the multiplicity adjustment over the comparisons ({@code --adjust})
 */
public record AnalysisSettings(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
    String endpoint, ResponseRule response, double remissionMax, MissingPolicy missing, double confLevel,
    double baselineWeek, double endpointWeek, LsMeansWeights lsmeansWeights, QuantileType quantileType,
    Multiplicity adjust) {

  public AnalysisSettings {
    if (adjust == null) {
      adjust = Multiplicity.NONE;
    }
  }

  /** Settings with the default LS-means weights (equal), quartiles (SAS) and no multiplicity adjustment. */
  public AnalysisSettings(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      String endpoint, ResponseRule response, double remissionMax, MissingPolicy missing, double confLevel,
      double baselineWeek, double endpointWeek) {
    this(scale, scoreMin, scoreMax, control, baseline, endpoint, response, remissionMax, missing, confLevel,
        baselineWeek, endpointWeek, LsMeansWeights.EQUAL, QuantileType.SAS, Multiplicity.NONE);
  }

  /** Settings of a file without a week column. */
  public AnalysisSettings(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      String endpoint, ResponseRule response, double remissionMax, MissingPolicy missing, double confLevel) {
    this(scale, scoreMin, scoreMax, control, baseline, endpoint, response, remissionMax, missing, confLevel,
        Double.NaN, Double.NaN);
  }
}
