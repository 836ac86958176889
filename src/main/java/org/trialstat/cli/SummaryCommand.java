package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialstat.analysis.SummaryAnalysis;
import org.trialstat.analysis.SummaryRequest;
import org.trialstat.io.SummaryCsvReader;
import org.trialstat.model.Printable;
import org.trialstat.model.SummaryInput;
import org.trialstat.model.SummaryResult;
import org.trialstat.report.OutputFormat;
import org.trialstat.report.SummaryLayout;
import org.trialstat.report.SummaryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trialstat summary}: the statistics of {@code analyze} from published arm-level summaries. */
@Command(name = "summary", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Effect sizes, t tests and binary-endpoint comparisons from published arm-level summaries: "
        + "one row per study arm with n, mean change and its SD, SE or CI, and event counts.",
        "Effects are treatment - control; ratios are treatment / control."})
public final class SummaryCommand implements Callable<Integer>, TreeCommand {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Summary CSV files (one row per study arm).")
  List<Path> files;

  @Mixin
  ComparisonOptions comparison;

  @Option(names = "--input-ci-level", paramLabel = "LEVEL", defaultValue = "0.95",
      description = "Level of the published CIs of the change (change_ci_low/high) that are converted to SDs "
          + "(default: ${DEFAULT-VALUE}); --conf-level sets the level of the intervals trialstat computes.")
  double inputCiLevel;

  @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "studies",
      description = "Table layout: studies (default; one results block per study) or findings (the literature's "
          + "summary tables: findings per study, and %% no longer meeting PTSD criteria with denominators).")
  SummaryLayout layout;

  @Mixin
  OutputOptions output;

  @Override
  public Integer call() {
    SummaryResult result = compute();
    if (layout == SummaryLayout.FINDINGS && output.format != OutputFormat.TABLE
        && output.format != OutputFormat.MARKDOWN) {
      throw new ParameterException(spec.commandLine(),
          "--layout findings is a table layout: use it with --format table or markdown");
    }
    output.emit(SummaryWriter.render(result, output.format, layout, RunInfo.of(spec, output.reproducible, files)),
        spec.commandLine().getOut(), files);
    if (!output.quiet) { // in every format, also where the format itself has no place for them (CSV, TSV)
      for (SummaryResult.Study s : result.studies()) {
        for (String w : s.warnings()) {
          spec.commandLine().getErr().println("trialstat: warning: " + Printable.escape(s.study() + ": " + w));
        }
      }
      spec.commandLine().getErr().flush();
    }
    return ExitCode.OK;
  }

  @Override
  public Object tree() {
    return SummaryWriter.tree(compute());
  }

  /** Reads every file and analyses all studies in one call. */
  SummaryResult compute() {
    double inputLevel = ComparisonOptions.level(spec, "--input-ci-level", inputCiLevel);
    SummaryRequest request = new SummaryRequest(comparison.control, comparison.confLevel(), inputLevel);
    List<SummaryInput> inputs = new ArrayList<>();
    for (Path f : files) {
      inputs.add(SummaryCsvReader.read(f, f.toString()));
    }
    return SummaryAnalysis.analyze(inputs, request);
  }
}
