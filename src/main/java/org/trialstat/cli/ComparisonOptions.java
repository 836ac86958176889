package org.trialstat.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Comparator and confidence level, shared by every analysis command. */
public final class ComparisonOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--control", paramLabel = "ARM",
      description = "The comparator arm (default: the one arm named like placebo, control, sham or comparator).")
  String control;

  @Option(names = "--conf-level", paramLabel = "LEVEL",
      description = "Confidence level of every interval (default: ${DEFAULT-VALUE}).", defaultValue = "0.95")
  double confLevel;

  double confLevel() {
    return level(spec, "--conf-level", confLevel);
  }

  /** A confidence level option's value, checked: strictly between 0 and 1 (usage error otherwise). */
  static double level(CommandSpec spec, String option, double value) {
    if (!(value > 0 && value < 1)) {
      throw new ParameterException(spec.commandLine(),
          option + ": expected a number between 0 and 1, for example 0.95; got " + value);
    }
    return value;
  }
}
