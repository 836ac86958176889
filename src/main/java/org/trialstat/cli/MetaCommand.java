package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.trialstat.analysis.MetaAnalysis;
import org.trialstat.analysis.MetaRequest;
import org.trialstat.analysis.SummaryAnalysis;
import org.trialstat.analysis.SummaryRequest;
import org.trialstat.io.EffectCsvReader;
import org.trialstat.io.OutputFiles;
import org.trialstat.io.ResultJsonReader;
import org.trialstat.io.SummaryCsvReader;
import org.trialstat.model.BinaryEndpoint;
import org.trialstat.model.EffectInput;
import org.trialstat.model.InvalidOptionException;
import org.trialstat.model.MetaResult;
import org.trialstat.model.MetaSettings;
import org.trialstat.model.SummaryInput;
import org.trialstat.report.MetaWriter;
import org.trialstat.report.figure.MetaFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialstat meta}: meta-analysis of trials, as R's metafor computes it. */
@Command(name = "meta", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Meta-analysis of studies, as R's metafor: each study's effect (escalc), common or random "
        + "effects with tau^2, Hartung-Knapp-Sidik-Jonkman, heterogeneity with CIs, prediction interval, Egger's "
        + "test, subgroups, leave-one-out and cumulative analyses.",
        "Input: the arm-level files of 'summary' (one row per study arm), trialstat's own JSON results (analyze or "
            + "summary --format json), or per-study effect files with columns "
            + "study and yi, vi (or estimate with se, or with ci_low and ci_high). Effects are treatment - control; "
            + "ratios treatment / control."})
public final class MetaCommand implements Callable<Integer>, TreeCommand {

  /** The endpoint of arm-level input. */
  enum Outcome {
    CHANGE(null), RESPONSE(BinaryEndpoint.RESPONSE), LOSS_OF_DIAGNOSIS(BinaryEndpoint.LOSS_OF_DIAGNOSIS),
    REMISSION(BinaryEndpoint.REMISSION);

    final BinaryEndpoint endpoint;

    Outcome(BinaryEndpoint endpoint) {
      this.endpoint = endpoint;
    }
  }

  /** The measures of the command line (GENERIC is what an effect file has without --measure). */
  enum Measure {
    SMD, D, MD, RR, OR, RD
  }

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*",
      description = "Arm-level summary files or per-study effect files (not mixed).")
  List<Path> files;

  @Option(names = "--measure", paramLabel = "MEASURE", description = "smd (Hedges' g; default for the change), d "
      + "(Cohen's d), md, rr (default for binary outcomes), or, rd. For effect files: the scale of estimate and "
      + "CI (rr and or: ratios, pooled on the log scale); default: as given.")
  Measure measure;

  @Option(names = "--outcome", paramLabel = "OUTCOME", defaultValue = "change", description = "Endpoint of "
      + "arm-level input: change (default), response, loss_of_diagnosis or remission.")
  Outcome outcome;

  @Option(names = "--model", paramLabel = "MODEL", defaultValue = "random", description = "random (default), "
      + "common (inverse variance), mh (Mantel-Haenszel) or peto (Peto odds ratio).")
  MetaSettings.Model model;

  @Option(names = "--tau2", paramLabel = "METHOD", defaultValue = "reml", description = "Estimator of tau^2: "
      + "reml (default), dl, pm, hs (Hunter-Schmidt), he (Hedges), sj, ml or eb.")
  MetaSettings.Tau2 tau2;

  @Option(names = "--hksj", description = "Hartung-Knapp-Sidik-Jonkman: SE scaled by the weighted residual "
      + "variance, t with k - 1 df (metafor test = \"knha\").")
  boolean hksj;

  @Option(names = "--hksj-truncated", description = "As --hksj with the scale factor truncated below at 1 "
      + "(metafor test = \"adhoc\").")
  boolean hksjTruncated;

  @Option(names = "--pi", paramLabel = "TYPE", defaultValue = "default", description = "Prediction interval: "
      + "default (normal quantile; t with k - 1 df under --hksj, as metafor) or riley (t with k - 2 df).")
  MetaSettings.Prediction prediction;

  @Option(names = "--subgroup", paramLabel = "COL", description = "Separate meta-analyses by the values of column "
      + "COL and the test for subgroup differences.")
  String subgroup;

  @Option(names = "--leave-one-out", description = "The pooled effect without each study in turn.")
  boolean leaveOneOut;

  @Option(names = "--cumulative", description = "Cumulative meta-analysis, adding studies by year.")
  boolean cumulative;

  @Option(names = "--input-ci-level", paramLabel = "LEVEL", defaultValue = "0.95", description = "Level of the "
      + "published CIs in the input (change_ci_low/high; ci_low/high of effect files) (default: ${DEFAULT-VALUE}).")
  double inputCiLevel;

  @Mixin
  ComparisonOptions comparison;

  @Mixin
  OutputOptions output;

  @Option(names = "--plot", paramLabel = "KIND=FILE", description = "Also write a figure as SVG to FILE "
      + "(repeatable); KIND: " + META_KINDS + " (study effects and CIs, pooled diamond, prediction interval).")
  List<String> plots = new ArrayList<>();

  /** The figures of {@code meta --plot}. */
  static final String META_KINDS = "forest";

  @Override
  public Integer call() {
    if (hksj && hksjTruncated) {
      throw new ParameterException(spec.commandLine(), "--hksj and --hksj-truncated: choose one");
    }
    List<Figures.Target> targets = Figures.targets(plots, MetaCommand::checkKind, META_KINDS);
    MetaResult result = compute();
    output.emit(MetaWriter.render(result, output.format, RunInfo.of(spec, output.reproducible, files)),
        spec.commandLine().getOut(), files);
    for (Figures.Target t : targets) {
      OutputFiles.writeAtomically(t.file(), MetaFigures.forest(result)::writeSvg, files);
    }
    return ExitCode.OK;
  }

  /** The one figure of a meta-analysis. */
  static String checkKind(String kind) {
    String k = kind.trim().toLowerCase(java.util.Locale.ROOT);
    if (!k.equals("forest")) {
      throw new InvalidOptionException("unknown figure '" + kind + "' of meta; expected " + META_KINDS);
    }
    return k;
  }

  @Override
  public Object tree() {
    return MetaWriter.tree(compute());
  }

  /** Reads the files and runs the meta-analysis. */
  MetaResult compute() {
    double inputLevel = ComparisonOptions.level(spec, "--input-ci-level", inputCiLevel);
    double level = comparison.confLevel();
    int effectFiles = 0;
    for (Path f : files) {
      effectFiles += !ResultJsonReader.isJson(f, f.toString()) && EffectCsvReader.isEffectFile(f, f.toString()) ? 1 : 0;
    }
    if (effectFiles > 0 && effectFiles < files.size()) {
      throw new ParameterException(spec.commandLine(), "mixed input: give either arm-level summary files or "
          + "per-study effect files (columns yi/vi or estimate), not both");
    }
    boolean effects = effectFiles > 0;
    MetaSettings.Measure m = measure != null ? MetaSettings.Measure.valueOf(measure.name())
        : effects ? MetaSettings.Measure.GENERIC
            : outcome.endpoint == null ? MetaSettings.Measure.SMD : MetaSettings.Measure.RR;
    MetaSettings.Adjustment adjustment = hksjTruncated ? MetaSettings.Adjustment.KNHA_TRUNCATED
        : hksj ? MetaSettings.Adjustment.KNHA : MetaSettings.Adjustment.NONE;
    MetaSettings settings = new MetaSettings(m, model, tau2, adjustment, prediction, level);
    MetaRequest request = new MetaRequest(settings, outcome.endpoint, leaveOneOut, cumulative, subgroup != null);
    if (effects) {
      if (outcome != Outcome.CHANGE) {
        throw new ParameterException(spec.commandLine(), "--outcome chooses an endpoint of arm-level files; an "
            + "effect file has one effect per study");
      }
      List<EffectInput> inputs = new ArrayList<>();
      for (Path f : files) {
        inputs.add(EffectCsvReader.read(f, f.toString(), subgroup));
      }
      return MetaAnalysis.fromEffects(inputs, request, inputLevel);
    }
    List<SummaryInput> inputs = new ArrayList<>();
    Map<String, String> groups = new HashMap<>();
    for (Path f : files) {
      if (ResultJsonReader.isJson(f, f.toString())) {
        if (subgroup != null) {
          throw new ParameterException(spec.commandLine(), "--subgroup reads a column of arm-level or effect files; "
              + f + " is a JSON result");
        }
        SummaryInput in = ResultJsonReader.read(f, f.toString());
        ResultJsonReader.require(in, outcome.endpoint);
        inputs.add(in);
        continue;
      }
      inputs.add(SummaryCsvReader.read(f, f.toString()));
      if (subgroup != null) {
        groups.putAll(EffectCsvReader.studyColumn(f, f.toString(), subgroup));
      }
    }
    SummaryRequest summary = new SummaryRequest(comparison.control, level, inputLevel);
    return MetaAnalysis.fromSummaries(SummaryAnalysis.analyze(inputs, summary), request, groups);
  }
}
