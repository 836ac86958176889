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
    if (!(confLevel > 0 && confLevel < 1)) {
      throw new ParameterException(spec.commandLine(),
          "--conf-level: expected a number between 0 and 1, for example 0.95; got " + confLevel);
    }
    return confLevel;
  }
}
