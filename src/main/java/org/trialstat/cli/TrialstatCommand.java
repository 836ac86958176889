package org.trialstat.cli;

import picocli.CommandLine.Command;

/** The top-level command. */
@Command(name = "trialstat", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Outcome statistics of clinical trials of PTSD severity scores (CAPS-5, CAPS-IV, PCL-5).",
    footer = {"", "Exit codes: 0 success, 1 verification failed, 2 usage error, 3 input data error, 4 internal error.",
        "Documentation: docs/usage.md, docs/methods.md, docs/output.md, docs/errors.md."})
public final class TrialstatCommand implements Runnable {

  /** The subcommands, in the order of the usage help. */
  private static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(AnalyzeCommand.class,
      MmrmCommand.class, ImputeCommand.class, SummaryCommand.class, MetaCommand.class, VerifyCommand.class, RunCommand.class,
      PlotCommand.class, ReportCommand.class, picocli.CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class);

  /** The command line with every subcommand. */
  static picocli.CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for these arguments. Start-up: picocli builds a subcommand's model by reflection over
   * all its options, so when the first argument names a subcommand (other than {@code help} and
   * {@code generate-completion}, which need all), only that one is registered; with {@code --version} or
   * {@code -V} alone, none. Otherwise (usage help, suggestions for a mistyped command) all are.
   */
  static picocli.CommandLine commandLine(String[] args) {
    picocli.CommandLine line = new picocli.CommandLine(new TrialstatCommand());
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      return line;
    }
    Class<?> only = null;
    for (Class<?> c : SUBCOMMANDS) {
      String name = c.getAnnotation(Command.class).name();
      if (args.length > 0 && args[0].equals(name) && !name.equals("help") && !name.equals("generate-completion")) {
        only = c;
      }
    }
    for (Class<?> c : SUBCOMMANDS) {
      if (only == null || c == only) {
        line.addSubcommand(c);
      }
    }
    return line;
  }

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a command is required: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
