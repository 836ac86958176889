package org.trialstat.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.trialstat.analysis.MmrmAnalysis;
import org.trialstat.analysis.MmrmChoice;
import org.trialstat.analysis.MmrmRequest;
import org.trialstat.io.TrialFiles;
import org.trialstat.report.MmrmWriter;
import org.trialstat.model.Convergence;
import org.trialstat.model.DdfMethod;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code trialstat mmrm}: mixed model for repeated measures. */
@Command(name = MmrmWriter.COMMAND, mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Mixed model for repeated measures: every post-baseline visit (or --visits), unstructured "
        + "covariance (or --covariance), REML; "
        + "LS means per arm and visit, treatment - control at every visit.",
        "With --baseline the outcome is the change from baseline (fixed effects arm x visit + baseline x visit); "
            + "without it, the score (arm x visit)."})
public final class MmrmCommand extends ParticipantFileCommand implements Callable<Integer> {

  @Option(names = "--baseline", paramLabel = "VISIT",
      description = "Baseline visit: model the change from it at every later visit (no default).")
  String baseline;

  @Mixin
  ModelTermOptions model;

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

  @Mixin
  MmrmModelOptions mmrmModel;

  @Mixin
  PerFileOptions run;

  @Override
  public Integer call() {
    double[] range = input.range();
    MmrmChoice choice = mmrmModel.choice();
    MmrmRequest request = new MmrmRequest(input.scale, range[0], range[1], comparison.control, baseline,
        model.covariates, ddf, comparison.confLevel(), run.strictness(), convergence, choice.covariance(),
        model.factors, model.byVisit, model.weights, choice.visits());
    var read = input.readOptions(request.modelCovariates().columns());
    return eachFile(batch.resolve(run.output.quiet), run, read, baseline, (f, in) -> analyze(in, request),
        MmrmWriter::perFile);
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
