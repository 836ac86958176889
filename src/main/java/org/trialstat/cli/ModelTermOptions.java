package org.trialstat.cli;

import java.util.ArrayList;
import java.util.List;
import org.trialstat.analysis.ModelCovariates;
import org.trialstat.model.LsMeansWeights;
import picocli.CommandLine.Option;

/** The model options of {@code analyze} (its ANCOVA and MMRM) and {@code mmrm}: extra terms and LS means. */
final class ModelTermOptions {

  @Option(names = "--covariate", paramLabel = "COL",
      description = "Extra term of the models (analyze: the ANCOVA and the MMRM; repeatable): numeric when every value is a number, "
          + "else a factor (with a note).")
  List<String> covariates = new ArrayList<>();

  @Option(names = "--factor", paramLabel = "COL",
      description = "Extra factor of the models (repeatable), whatever its values look like "
          + "(site codes such as 001).")
  List<String> factors = new ArrayList<>();

  @Option(names = "--covariate-by-visit", paramLabel = "COL",
      description = "As --covariate, and in the MMRM also COL x visit, as the baseline enters (repeatable).")
  List<String> byVisit = new ArrayList<>();

  @Option(names = "--lsmeans-weights", paramLabel = "WEIGHTS", defaultValue = "equal",
      description = "How LS means average over factor covariates: equal (default, as SAS LSMEANS and emmeans) or "
          + "proportional (SAS OM). Differences between arms do not depend on it.")
  LsMeansWeights weights = LsMeansWeights.EQUAL;

  /** The --covariate, --factor and --covariate-by-visit columns. */
  ModelCovariates covariates() {
    return new ModelCovariates(covariates, factors, byVisit);
  }
}
