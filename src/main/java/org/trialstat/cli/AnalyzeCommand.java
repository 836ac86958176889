package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.trialstat.analysis.AnalysisRequest;
import org.trialstat.analysis.ComparisonPlan;
import org.trialstat.analysis.Batch;
import org.trialstat.analysis.SensitivityAnalysis;
import org.trialstat.analysis.TrialAnalysis;
import org.trialstat.io.ReadOptions;
import org.trialstat.io.TrialFiles;
import org.trialstat.model.AdjustedVariance;
import org.trialstat.model.AnalysisResult;
import org.trialstat.model.MissingPolicy;
import org.trialstat.model.Multiplicity;
import org.trialstat.model.QuantileType;
import org.trialstat.model.ResponseRule;
import org.trialstat.report.AnalysisWriter;
import org.trialstat.report.figure.PlotKind;
import org.trialstat.report.figure.ResultReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trialstat analyze}: participant-level analysis of one or more trial files. */
@Command(name = AnalysisWriter.COMMAND, mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Per-arm change from baseline, treatment-vs-control differences, effect sizes and binary "
        + "endpoints of participant-level trial files (long or wide CSV).",
        "Effects are treatment - control; ratios are treatment / control."})
public final class AnalyzeCommand extends ParticipantFileCommand implements Callable<Integer>, TreeCommand {

  @Option(names = "--baseline", paramLabel = "VISIT", description = "Baseline visit (default: the earliest).")
  String baseline;

  @Option(names = "--endpoint", paramLabel = "VISIT", description = "Endpoint visit (default: the latest).")
  String endpoint;

  @Mixin
  ResponderOptions responder;

  @Option(names = "--missing", paramLabel = "POLICY",
      description = "Denominators of binary endpoints: completers (default) or nonresponder (every randomized "
          + "participant, missing = no event).", defaultValue = "completers")
  MissingPolicy missing;

  @Option(names = "--strata", paramLabel = "COL",
      description = "Randomization strata column (repeatable; the strata are the combinations of their values): "
          + "adds the stratified analysis of each binary endpoint (CMH test, Mantel-Haenszel RD/RR/OR, "
          + "Breslow-Day) to every output format.")
  List<String> strata = new ArrayList<>();

  @Mixin
  ModelTermOptions model;

  @Option(names = "--quantile-type", paramLabel = "TYPE",
      description = "Quartiles of the per-arm descriptives: sas (default: SAS PCTLDEF=5, R quantile type 2) or r7 "
          + "(R's default type 7).", defaultValue = "sas")
  QuantileType quantileType = QuantileType.SAS;

  @Option(names = "--adjusted-variance", paramLabel = "VARIANCE", defaultValue = "ge",
      description = "Variance of the covariate-adjusted (standardized) binary effects that --covariate / --factor "
          + "add: ge (default: delta method, model-based covariance, Ge et al. 2011), sandwich (the same with the "
          + "HC0 sandwich) or ye (Ye et al. 2023, valid when the logistic model is wrong).")
  AdjustedVariance adjustedVariance;

  @Option(names = "--compare", paramLabel = "WHICH",
      description = "Comparisons (repeatable, the union without duplicates): control (default: every arm vs the "
          + "control), all (also every pair of other arms; treatment = the higher --dose-col dose, else the arm "
          + "appearing later), or 'A vs B' (treatment A minus control B).")
  List<String> compare = new ArrayList<>();

  @Option(names = "--adjust", paramLabel = "METHOD", defaultValue = "none",
      description = "Multiplicity adjustment of each statistic's p values over the comparisons: none (default), "
          + "bonferroni, holm, hochberg, hommel or dunnett; dunnett: the ANCOVA's and the MMRM's many-to-one "
          + "contrasts only.")
  Multiplicity adjust;

  @Option(names = "--dose-col", paramLabel = "COL",
      description = "Numeric dose of each arm (for example TRTPN): adds the dose-response ANCOVA (change per unit "
          + "dose) and orders the pairs of --compare all.")
  String doseCol;

  @Option(names = "--subgroup", paramLabel = "COL",
      description = "Participant-level column (for example DSSTRAT, site or sex): every comparison repeated within "
          + "each of its levels (sorted), with the treatment-by-subgroup interaction test (F test of arm x COL in "
          + "the ANCOVA for the change, Q between subgroups for binary endpoints); adds the subgroups block, "
          + "rows, table and forest plot rows.")
  String subgroup;

  @Mixin
  MmrmModelOptions mmrmModel;

  @Mixin
  SensitivityOptions sensitivity;

  @Mixin
  PerFileOptions run;

  @Option(names = "--plot", paramLabel = "KIND=FILE",
      description = "Also write a figure as SVG to FILE (repeatable); KIND: " + PlotKind.KINDS + ".")
  List<String> plots = new ArrayList<>();

  @Option(names = "--report", paramLabel = "FILE",
      description = "Also write the self-contained HTML report (tables, figures, methods) to FILE.")
  Path report;

  @Override
  public Integer call() {
    List<Figures.Target> targets = Figures.targets(plots);
    boolean figures = !targets.isEmpty() || report != null;
    AnalysisRequest request = request();
    ReadOptions read = readOptions();
    List<Path> all = batch.resolve(run.output.quiet);
    // With --plot or --report, each file's data and result are kept for the figures (memory grows with them).
    Map<Path, ResultReport.Input> kept = new ConcurrentHashMap<>();
    int code = eachFile(all, run, read, baseline, (f, in) -> {
      AnalysisResult result = analyze(in, request);
      if (figures) {
        kept.put(f, new ResultReport.Input(result, in.data()));
      }
      return result;
    }, AnalysisWriter::perFile);
    if (figures) {
      List<ResultReport.Input> inputs = all.stream().map(kept::get).filter(Objects::nonNull).toList();
      if (!inputs.isEmpty()) {
        Figures.write(Figures.draw(targets, inputs), all);
        if (report != null) {
          Figures.writeReport(report, inputs, RunInfo.of(spec, run.output.reproducible, all), all);
        }
      }
    }
    return code;
  }

  /** Every file read and analysed, with its data (for {@code plot} and {@code report}). */
  List<ResultReport.Input> analysed() {
    AnalysisRequest request = request();
    ReadOptions read = readOptions();
    return Batch.inOrder(inputFiles(), f -> {
      TrialFiles.Read in = input.read(f, read, baseline, run.strict);
      return new ResultReport.Input(analyze(in, request), in.data());
    });
  }

  /** The files to read: the arguments with folders expanded, and --files-from. */
  List<Path> inputFiles() {
    return batch.resolve(true);
  }

  @Override
  public Object tree() {
    AnalysisRequest request = request();
    ReadOptions read = readOptions();
    List<Path> all = batch.resolve(true);
    List<AnalysisResult> results = Batch.inOrder(all, f -> analyze(input.read(f, read, baseline, run.strict), request));
    return AnalysisWriter.tree(results, all.size() > 1);
  }

  /** One file: with --adam, the flagged baseline visit unless --baseline is given, and a note on the arm column. */
  private AnalysisResult analyze(TrialFiles.Read read, AnalysisRequest request) {
    AnalysisRequest r = request;
    if (r.baseline() == null && read.baseline() != null) {
      r = r.withBaseline(read.baseline());
    }
    AnalysisResult result = TrialAnalysis.analyze(read.data(), r);
    if (sensitivity.sensitivity) {
      result = SensitivityAnalysis.add(read.data(), result, sensitivity.grid(spec), sensitivity.deltas.deltaArms,
          run.strictness());
    }
    if (!input.adam && read.notes().isEmpty()) {
      return result;
    }
    List<String> notes = new java.util.ArrayList<>(result.notes());
    if (input.adam) {
      notes.add("ADaM preset (--adam): arm column " + read.armColumn()
          + (read.baseline() != null && input.baselineCol == null
              ? "; baseline visit " + read.baseline() + " (records flagged ABLFL = Y)" : "") + ".");
    }
    notes.addAll(read.notes());
    return result.withNotes(notes);
  }

  /** The reader's settings: the input options, with the extra columns and the options that named them. */
  private ReadOptions readOptions() {
    return input.readOptions(readColumns()).withCovariateOptions(columnOptions());
  }

  /** The extra columns to read: --strata, --covariate, --factor and --covariate-by-visit, each once. */
  private List<String> readColumns() {
    java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(strata);
    all.addAll(model.covariates().columns());
    if (doseCol != null) {
      all.add(doseCol);
    }
    if (subgroup != null) {
      all.add(subgroup);
    }
    return new ArrayList<>(all);
  }

  /** The option that named each extra column (the first of --strata, --covariate, --factor, --covariate-by-visit). */
  private Map<String, String> columnOptions() {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    strata.forEach(c -> out.putIfAbsent(c, "--strata"));
    model.covariates.forEach(c -> out.putIfAbsent(c, "--covariate"));
    model.factors.forEach(c -> out.putIfAbsent(c, "--factor"));
    model.byVisit.forEach(c -> out.putIfAbsent(c, "--covariate-by-visit"));
    if (doseCol != null) {
      out.putIfAbsent(doseCol, "--dose-col");
    }
    if (subgroup != null) {
      out.putIfAbsent(subgroup, "--subgroup");
    }
    return out;
  }

  private AnalysisRequest request() {
    sensitivity.grid(spec); // --delta without --sensitivity: a usage error before any file is read
    ResponseRule given = responder.rule();
    ResponseRule rule = given != null ? given : new ResponseRule(ResponseRule.Kind.DROP, 10); // as MAPP1/MAPP2
    double[] range = input.range();
    double remission = responder.remissionMax();
    return new AnalysisRequest(input.scale, range[0], range[1], comparison.control, baseline, endpoint, rule,
        remission, missing, comparison.confLevel(),
        run.strictness(),
        AnalysisRequest.RepeatedMeasures.AUTO).withStrata(strata)
        .withCovariates(model.covariates().withBinaryVariance(adjustedVariance))
        .withArmSummaries(model.weights, quantileType)
        .withPlan(new ComparisonPlan(compare, adjust, doseCol, subgroup))
        .withMmrm(mmrmModel.choice());
  }
}
