package org.trialstat.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialstat.report.figure.ResultReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code trialstat report FILE...}: the self-contained HTML report of {@code analyze}'s results. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Writes one self-contained HTML file (no network, no scripts) with the results tables, the figures "
        + "inline as SVG, the methods, footnotes, warnings, participant flow, row accounting and provenance "
        + "(docs/figures.md).",
        "Takes analyze's files and options (input, analysis, --output FILE); --format does not apply."})
public final class ReportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Unmatched
  List<String> analyzeArgs = new ArrayList<>();

  @Override
  public Integer call() {
    AnalyzeCommand analyze = PlotCommand.parseAnalyze(spec, analyzeArgs);
    List<Path> files = analyze.inputFiles();
    List<ResultReport.Input> inputs = analyze.analysed();
    analyze.run.output.emit(ResultReport.of(inputs, RunInfo.of(spec, analyze.run.output.reproducible, files))::write,
        spec.commandLine().getOut(), files);
    return ExitCode.OK;
  }
}
