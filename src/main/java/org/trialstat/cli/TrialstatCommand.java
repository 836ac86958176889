package org.trialstat.cli;

import picocli.CommandLine.Command;

/** The top-level command. */
@Command(name = "trialstat", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Outcome statistics of clinical trials of PTSD severity scores (CAPS-5, CAPS-IV, PCL-5).",
    subcommands = {AnalyzeCommand.class, MmrmCommand.class, ImputeCommand.class, SummaryCommand.class,
        MetaCommand.class,
        VerifyCommand.class, RunCommand.class, PlotCommand.class, ReportCommand.class,
        picocli.CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class},
    footer = {"", "Exit codes: 0 success, 1 verification failed, 2 usage error, 3 input data error, 4 internal error.",
        "Documentation: docs/usage.md, docs/methods.md, docs/output.md, docs/errors.md."})
public final class TrialstatCommand implements Runnable {

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
        "a command is required: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
