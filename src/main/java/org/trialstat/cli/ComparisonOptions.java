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
    double alpha = 1 - value;
    if (!(alpha > 0 && alpha < 1)) {
      // below about 1.1e-16 the error rate 1 - LEVEL rounds to 1 in double precision: no interval is defined
      throw new ParameterException(spec.commandLine(), option + ": " + value + " is too close to "
          + (alpha >= 1 ? "0" : "1") + " for an interval in double precision; expected a level between 1e-15 and "
          + "1 - 1e-15, for example 0.95");
    }
    return value;
  }
}
