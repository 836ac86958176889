package org.trialstat.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.trialstat.analysis.MmrmChoice;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.Estimation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** The MMRM's visits and covariance, shared by {@code analyze} and {@code mmrm} (docs/usage.md). */
final class MmrmModelOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--visits", paramLabel = "V1,V2,...", split = ",",
      description = "Post-baseline visits the MMRM models (default: analyze, those up to and including the endpoint; "
          + "mmrm, every visit after the baseline); rows at the others are counted visit_not_modelled.")
  List<String> visits;

  @Option(names = "--covariance", paramLabel = "LIST", converter = CovarianceConverter.class, split = ",",
      description = "Within-subject covariance: un (default), cs, csh, ar1, ar1h, toep, toeph or adh (as SAS "
          + "TYPE=UN, CS, CSH, AR(1), ARH(1), TOEP, TOEPH, ANTE(1)); a comma list is a fallback order, tried until "
          + "one can be estimated, converges and is positive definite (for example un,toeph,ar1h,cs).",
      defaultValue = "un")
  List<CovarianceStructure> covariance;

  @Option(names = "--estimation", paramLabel = "METHOD",
      description = "How the covariance parameters are estimated: reml (default, as SAS METHOD=REML) or ml "
          + "(maximum likelihood, as SAS METHOD=ML and R mmrm reml = FALSE).",
      defaultValue = "reml")
  Estimation estimation;

  @Option(names = "--covariance-by-arm",
      description = "A separate covariance matrix per arm (SAS REPEATED / GROUP=arm).")
  boolean covarianceByArm;

  /** Maps a structure name (any case) to the structure. */
  static final class CovarianceConverter implements ITypeConverter<CovarianceStructure> {
    @Override
    public CovarianceStructure convert(String value) {
      CovarianceStructure c = CovarianceStructure.of(value.trim());
      if (c == null) {
        throw new TypeConversionException("'" + value.trim()
            + "' is not a covariance structure; expected un, cs, csh, ar1, ar1h, toep, toeph or adh");
      }
      return c;
    }
  }

  /** The covariance settings. */
  CovarianceSettings covariance() {
    if (covariance.stream().distinct().count() != covariance.size()) {
      throw new ParameterException(spec.commandLine(), "--covariance names a structure twice: " + covariance.stream()
          .map(CovarianceStructure::key).collect(Collectors.joining(",")));
    }
    return new CovarianceSettings(covariance, covarianceByArm, estimation);
  }

  /** The visits (null: the command's default; blank names are an error) and the covariance. */
  MmrmChoice choice() {
    if (visits != null && visits.stream().anyMatch(String::isBlank)) {
      throw new ParameterException(spec.commandLine(), "--visits: a visit name is empty; expected V1,V2,...");
    }
    return new MmrmChoice(visits == null ? null : visits.stream().map(String::trim).toList(), covariance());
  }
}
