package org.trialstat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.trialstat.report.figure.Plot;
import org.trialstat.report.figure.PlotKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code trialstat plot KIND FILE...}: one figure of {@code analyze}'s results, as SVG. */
@Command(name = "plot", mixinStandardHelpOptions = true,
    description = {"Draws one figure of participant-level trial files as SVG (docs/figures.md): "
        + PlotKind.KINDS + ".",
        "Takes analyze's files and options (input, analysis, --output FILE); --format does not apply. Only forest "
            + "combines several files (one row per file and comparison)."})
public final class PlotCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "The figure: " + PlotKind.KINDS + ".")
  String kind;

  @Unmatched
  List<String> analyzeArgs = new ArrayList<>();

  @Override
  public Integer call() {
    AnalyzeCommand analyze = parseAnalyze(spec, analyzeArgs);
    Figures.svgFile("--output", analyze.run.output.output);
    Plot plot = PlotKind.of(kind, analyze.analysed());
    analyze.run.output.emit(plot::writeSvg, spec.commandLine().getOut(), analyze.inputFiles());
    return ExitCode.OK;
  }

  /** Parses arguments as {@code analyze} would; a usage error is reported as this command's. */
  static AnalyzeCommand parseAnalyze(CommandSpec spec, List<String> args) {
    AnalyzeCommand analyze = new AnalyzeCommand();
    CommandLine inner = new CommandLine(analyze);
    inner.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine.ParseResult parsed;
    try {
      parsed = inner.parseArgs(args.toArray(new String[0]));
    } catch (ParameterException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    for (String option : new String[] {"--format", "--plot", "--report"}) {
      if (parsed.hasMatchedOption(option)) {
        throw new ParameterException(spec.commandLine(), option + " does not apply to " + spec.name()
            + " (it writes " + ("plot".equals(spec.name()) ? "SVG" : "HTML") + "; use analyze for tables)");
      }
    }
    return analyze;
  }
}
