package org.trialstat.analysis;

import java.util.List;
import org.trialstat.model.LsMeansWeights;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.QuantileType;
import org.trialstat.model.ResponseRule;
import org.trialstat.model.Scale;

/**
 * What the user asked for, before defaults are resolved against the data.
 *
 * @param scale        the rating scale (range and remission default)
 * @param scoreMin     lowest valid score (from the scale or --score-range)
 * @param scoreMax     highest valid score
 * @param control      --control, or null for the default (the one arm named like placebo/control/sham/comparator)
 * @param baseline     --baseline, or null for the earliest visit
 * @param endpoint     --endpoint, or null for the latest visit
 * @param response     the responder rule
 * @param remissionMax --remission-max, or NaN for the scale's default
 * @param missing      denominators of the binary endpoints
 * @param confLevel    confidence level, in (0, 1)
 * @param strictness   whether rows excluded for a data problem are errors
 * @param repeatedMeasures whether {@code analyze} adds the MMRM block when the file allows it
 * @param strata       --strata: the columns whose combined values are the randomization strata (read into
 *                     {@code Observation.covariates()}); empty for no stratified analysis
 * @param covariates   --covariate and --factor columns of the ANCOVA and the MMRM
 * @param lsmeansWeights --lsmeans-weights
 * @param quantileType --quantile-type
 * @param plan         --compare, --adjust and --dose-col
 * @param mmrmChoice   --visits, --covariance and --covariance-by-arm of the MMRM
 */
public record AnalysisRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
    String endpoint, ResponseRule response, double remissionMax, MissingPolicy missing, double confLevel,
    Strictness strictness, RepeatedMeasures repeatedMeasures, List<String> strata, ModelCovariates covariates,
    LsMeansWeights lsmeansWeights, QuantileType quantileType, ComparisonPlan plan, MmrmChoice mmrmChoice) {

  public AnalysisRequest {
    strata = List.copyOf(strata);
    if (covariates == null) {
      covariates = ModelCovariates.NONE;
    }
    if (lsmeansWeights == null) {
      lsmeansWeights = LsMeansWeights.EQUAL;
    }
    if (quantileType == null) {
      quantileType = QuantileType.SAS;
    }
    if (plan == null) {
      plan = ComparisonPlan.DEFAULT;
    }
    if (mmrmChoice == null) {
      mmrmChoice = MmrmChoice.DEFAULT;
    }
  }

  /** A request with the default LS-means weights, quartiles, comparisons and MMRM visits and covariance. */
  public AnalysisRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      String endpoint, ResponseRule response, double remissionMax, MissingPolicy missing, double confLevel,
      Strictness strictness, RepeatedMeasures repeatedMeasures, List<String> strata, ModelCovariates covariates) {
    this(scale, scoreMin, scoreMax, control, baseline, endpoint, response, remissionMax, missing, confLevel,
        strictness, repeatedMeasures, strata, covariates, LsMeansWeights.EQUAL, QuantileType.SAS,
        ComparisonPlan.DEFAULT, MmrmChoice.DEFAULT);
  }

  /** A request without --covariate or --factor. */
  public AnalysisRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      String endpoint, ResponseRule response, double remissionMax, MissingPolicy missing, double confLevel,
      Strictness strictness, RepeatedMeasures repeatedMeasures, List<String> strata) {
    this(scale, scoreMin, scoreMax, control, baseline, endpoint, response, remissionMax, missing, confLevel,
        strictness, repeatedMeasures, strata, ModelCovariates.NONE);
  }

  /** A request without strata (the form before --strata). */
  public AnalysisRequest(Scale scale, double scoreMin, double scoreMax, String control, String baseline,
      String endpoint, ResponseRule response, double remissionMax, MissingPolicy missing, double confLevel,
      Strictness strictness, RepeatedMeasures repeatedMeasures) {
    this(scale, scoreMin, scoreMax, control, baseline, endpoint, response, remissionMax, missing, confLevel,
        strictness, repeatedMeasures, List.of());
  }

  /** This request with the given --compare, --adjust and --dose-col. */
  public AnalysisRequest withPlan(ComparisonPlan other) {
    return copy(baseline, strata, covariates, lsmeansWeights, quantileType, other, mmrmChoice);
  }

  /** This request with the given strata columns. */
  public AnalysisRequest withStrata(List<String> columns) {
    return copy(baseline, columns, covariates, lsmeansWeights, quantileType, plan, mmrmChoice);
  }

  /** This request with the given --covariate and --factor columns. */
  public AnalysisRequest withCovariates(ModelCovariates extra) {
    return copy(baseline, strata, extra, lsmeansWeights, quantileType, plan, mmrmChoice);
  }

  /** This request with the given --lsmeans-weights and --quantile-type. */
  public AnalysisRequest withArmSummaries(LsMeansWeights weights, QuantileType quantiles) {
    return copy(baseline, strata, covariates, weights, quantiles, plan, mmrmChoice);
  }

  /** This request with the given MMRM visits and covariance. */
  public AnalysisRequest withMmrm(MmrmChoice choice) {
    return copy(baseline, strata, covariates, lsmeansWeights, quantileType, plan, choice);
  }

  /** This request with another baseline visit. */
  public AnalysisRequest withBaseline(String visit) {
    return copy(visit, strata, covariates, lsmeansWeights, quantileType, plan, mmrmChoice);
  }

  /**
   * This request with the given baseline and the settings the {@code with...} methods change; scale, range,
   * control, endpoint, response, remission, missing policy, level, strictness and repeated measures as here.
   */
  private AnalysisRequest copy(String baselineVisit, List<String> strataColumns, ModelCovariates modelCovariates,
      LsMeansWeights weights, QuantileType quantiles, ComparisonPlan comparisons, MmrmChoice choice) {
    return new AnalysisRequest(scale, scoreMin, scoreMax, control, baselineVisit, endpoint, response, remissionMax,
        missing, confLevel, strictness, repeatedMeasures, strataColumns, modelCovariates, weights, quantiles,
        comparisons, choice);
  }

  /** Whether a row excluded for a data problem (missing or unknown value) is an error. */
  public enum Strictness {
    /** Excluded rows are counted and reported. */
    LENIENT,
    /** Any row excluded for a data problem stops the run with a data error (exit 3). */
    STRICT
  }

  /** Whether {@code analyze} fits the repeated-measures model. */
  public enum RepeatedMeasures {
    /** Fit it when the file has two or more post-baseline visits. */
    AUTO,
    /** Never fit it. */
    OFF
  }

  /** Defaults of {@code trialstat analyze} for a scale: 10-point response, completers, 95%. */
  public static AnalysisRequest defaults(Scale scale) {
    return new AnalysisRequest(scale, scale.min(), scale.max(), null, null, null,
        new ResponseRule(ResponseRule.Kind.DROP, 10), Double.NaN, MissingPolicy.COMPLETERS, 0.95,
        Strictness.LENIENT, RepeatedMeasures.AUTO);
  }
}
