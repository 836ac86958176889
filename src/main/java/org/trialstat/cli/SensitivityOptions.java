package org.trialstat.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code analyze --sensitivity} and its tipping-point grid ({@link DeltaOptions}, as {@code impute}). */
final class SensitivityOptions {

  @Option(names = "--sensitivity", description = "Add the sensitivity block: the primary MMRM beside conditional "
      + "mean imputation (jackknife) under MAR and jump to reference, and a tipping point (docs/methods.md).")
  boolean sensitivity;

  @Mixin
  DeltaOptions deltas;

  /** The grid of --delta, or null for the default; a usage error when given without --sensitivity. */
  double[] grid(CommandSpec spec) {
    if (!sensitivity && deltas.given()) {
      throw new ParameterException(spec.commandLine(), "--delta and --delta-arm need --sensitivity");
    }
    return deltas.grid(spec, null);
  }
}
