package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trialstat.analysis.MmrmAnalysis;
import org.trialstat.analysis.MmrmRequest;
import org.trialstat.io.TrialFiles;
import org.trialstat.report.MmrmWriter;
import org.trialstat.model.Convergence;
import org.trialstat.model.CovarianceSettings;
import org.trialstat.model.CovarianceStructure;
import org.trialstat.model.DdfMethod;
import org.trialstat.model.Estimation;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code trialstat mmrm}: mixed model for repeated measures. */
@Command(name = "mmrm", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Mixed model for repeated measures: every post-baseline visit, unstructured covariance, REML; "
        + "LS means per arm and visit, treatment - control at every visit.",
        "With --baseline the outcome is the change from baseline (fixed effects arm x visit + baseline x visit); "
            + "without it, the score (arm x visit)."})
public final class MmrmCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  BatchOptions batch;

  @Mixin
  InputOptions input;

  @Mixin
  ComparisonOptions comparison;

  @Option(names = "--baseline", paramLabel = "VISIT",
      description = "Baseline visit: model the change from it at every later visit (no default).")
  String baseline;

  @Option(names = "--covariate", paramLabel = "COL",
      description = "Extra fixed effect (repeatable); categorical when a value is not a number.")
  List<String> covariates = new ArrayList<>();

  @Option(names = "--factor", paramLabel = "COL",
      description = "Extra fixed effect entered as a factor whatever its values look like (repeatable; site codes "
          + "such as 001).")
  List<String> factors = new ArrayList<>();

  @Option(names = "--ddf", paramLabel = "METHOD", converter = DdfConverter.class,
      description = "Denominator degrees of freedom: satterthwaite (default, as SAS DDFM=SATTERTH), "
          + "kenward-roger (adjusted SEs and df, as SAS DDFM=KR) or residual.",
      defaultValue = "satterthwaite")
  DdfMethod ddf;

  /** Maps satterthwaite, residual, kenward-roger (any case; '-' or '_') to {@link DdfMethod}. */
  static final class DdfConverter implements ITypeConverter<DdfMethod> {
    @Override
    public DdfMethod convert(String value) {
      String key = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (DdfMethod m : DdfMethod.values()) {
        if (m.name().equals(key)) {
          return m;
        }
      }
      throw new TypeConversionException("'" + value
          + "' is not a df method; expected satterthwaite, kenward-roger or residual");
    }
  }

  @Option(names = "--convergence", paramLabel = "RULE",
      description = "Where REML stops: optimum (default: the REML optimum, as R) or sas (SAS PROC MIXED's default: "
          + "MIVQUE0 start, Newton-Raphson, relative Hessian criterion < 1e-8; reproduces its printed digits).",
      defaultValue = "optimum")
  Convergence convergence;

  @Option(names = "--covariance", paramLabel = "LIST", converter = CovarianceConverter.class, split = ",",
      description = "Within-subject covariance: un (default), cs, csh, ar1, ar1h, toep, toeph or adh (as SAS "
          + "TYPE=UN, CS, CSH, AR(1), ARH(1), TOEP, TOEPH, ANTE(1)); a comma list is a fallback order, tried until "
          + "one can be estimated, converges and is positive definite (for example un,toeph,ar1h,cs).",
      defaultValue = "un")
  List<CovarianceStructure> covariance;

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

  @Mixin
  StrictnessOption strictness;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    double[] range = input.range();
    if (covariance.stream().distinct().count() != covariance.size()) {
      throw new ParameterException(spec.commandLine(), "--covariance names a structure twice: " + covariance.stream()
          .map(CovarianceStructure::key).collect(Collectors.joining(",")));
    }
    MmrmRequest request = new MmrmRequest(input.scale, range[0], range[1], comparison.control, baseline, covariates,
        ddf, comparison.confLevel(),
        strictness.strictness(), convergence, new CovarianceSettings(covariance, covarianceByArm, Estimation.REML),
        factors);
    var read = input.readOptions(request.modelCovariates().columns());
    boolean strict = strictness.strictness() == org.trialstat.analysis.AnalysisRequest.Strictness.STRICT;
    List<Path> all = batch.resolve(output.quiet);
    return PerFileRun.run(spec, all, batch, output,
        f -> analyze(input.read(f, read, baseline, strict), request),
        MmrmWriter.perFile(output.format));
  }

  /** One file: with --adam, the visit flagged ABLFL = Y is the baseline unless --baseline is given. */
  private static org.trialstat.model.MmrmAnalysisResult analyze(TrialFiles.Read in, MmrmRequest request) {
    MmrmRequest r = request;
    if (r.baseline() == null && in.baseline() != null) {
      r = r.withBaseline(in.baseline());
    }
    return MmrmAnalysis.analyze(in.data(), r);
  }
}
