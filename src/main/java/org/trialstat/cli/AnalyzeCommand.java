package org.trialstat.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialstat.analysis.AnalysisRequest;
import org.trialstat.analysis.Batch;
import org.trialstat.analysis.TrialAnalysis;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TrialCsvReader;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.ResponseRule;
import org.trialstat.report.AnalysisWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code trialstat analyze}: participant-level analysis of one or more trial files. */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Per-arm change from baseline, treatment-vs-control differences, effect sizes and binary "
        + "endpoints of participant-level trial files (long or wide CSV).",
        "Effects are treatment - control; ratios are treatment / control."})
public final class AnalyzeCommand implements Callable<Integer>, TreeCommand {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Trial files, or folders whose input files are read (not their subfolders).")
  List<Path> files;

  @Mixin
  BatchOptions batch;

  @Mixin
  InputOptions input;

  @Mixin
  ComparisonOptions comparison;

  @Option(names = "--baseline", paramLabel = "VISIT", description = "Baseline visit (default: the earliest).")
  String baseline;

  @Option(names = "--endpoint", paramLabel = "VISIT", description = "Endpoint visit (default: the latest).")
  String endpoint;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  ResponseOptions response = new ResponseOptions();

  /** The two mutually exclusive responder rules. */
  static final class ResponseOptions {
    @Option(names = "--response-drop", paramLabel = "POINTS",
        description = "Responder: a drop of at least POINTS from baseline (default 10, as MAPP1/MAPP2).")
    Double drop;

    @Option(names = "--response-pct", paramLabel = "PERCENT",
        description = "Responder: a drop of at least PERCENT %% of the baseline score (>=, see docs/methods.md).")
    Double pct;
  }

  @Option(names = "--remission-max", paramLabel = "SCORE",
      description = "Remission: endpoint score <= SCORE and no diagnosis (default: the scale's cut-off).")
  Double remissionMax;

  @Option(names = "--missing", paramLabel = "POLICY",
      description = "Denominators of binary endpoints: completers (default) or nonresponder (every randomized "
          + "participant, missing = no event).", defaultValue = "completers")
  MissingPolicy missing;

  @Mixin
  StrictnessOption strictness;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    AnalysisRequest request = request();
    ReadOptions read = input.readOptions(List.of());
    List<Path> all = FileList.resolve(files, batch.filesFrom, spec.commandLine().getErr(), output.quiet);
    return PerFileRun.run(spec, all, batch, output,
        f -> TrialAnalysis.analyze(TrialCsvReader.read(f, f.toString(), read), request),
        AnalysisWriter.perFile(output.format));
  }

  @Override
  public Object tree() {
    AnalysisRequest request = request();
    ReadOptions read = input.readOptions(List.of());
    List<Path> all = FileList.resolve(files, batch.filesFrom, spec.commandLine().getErr(), true);
    List<AnalysisResult> results = Batch.inOrder(all,
        f -> TrialAnalysis.analyze(TrialCsvReader.read(f, f.toString(), read), request));
    return AnalysisWriter.tree(results, all.size() > 1);
  }

  private AnalysisRequest request() {
    ResponseRule rule;
    if (response.pct != null) {
      rule = new ResponseRule(ResponseRule.Kind.PERCENT, positive("--response-pct", response.pct));
    } else {
      rule = new ResponseRule(ResponseRule.Kind.DROP,
          response.drop == null ? 10 : positive("--response-drop", response.drop));
    }
    double[] range = input.range();
    double remission = remissionMax == null ? Double.NaN : remissionMax;
    if (remissionMax != null && !Double.isFinite(remissionMax)) {
      throw new ParameterException(spec.commandLine(), "--remission-max: expected a finite score");
    }
    return new AnalysisRequest(input.scale, range[0], range[1], comparison.control, baseline, endpoint, rule,
        remission, missing, comparison.confLevel(),
        strictness.strictness(),
        AnalysisRequest.RepeatedMeasures.AUTO);
  }

  private double positive(String option, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new ParameterException(spec.commandLine(), option + ": expected a positive number; got " + v);
    }
    return v;
  }
}
