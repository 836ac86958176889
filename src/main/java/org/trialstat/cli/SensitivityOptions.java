package org.trialstat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code analyze --sensitivity} and its tipping-point grid ({@code --delta}, {@code --delta-arm}, as
 * {@code impute}); the parsing of a delta grid, shared with {@code impute}.
 */
final class SensitivityOptions {

  @Option(names = "--sensitivity", description = "Add the sensitivity block: the primary MMRM beside conditional "
      + "mean imputation (jackknife) under MAR and jump to reference, and a tipping point (docs/methods.md).")
  boolean sensitivity;

  @Option(names = "--delta", paramLabel = "LIST", description = "With --sensitivity: the tipping-point grid, "
      + "D1,D2,... or FROM:TO:STEP (default: 0 towards no effect in 40 steps; see docs/methods.md).")
  String delta;

  @Option(names = "--delta-arm", paramLabel = "ARM", description = "With --sensitivity: arm shifted by the "
      + "tipping-point delta (repeatable; default: every arm but the control).")
  List<String> deltaArms = new ArrayList<>();

  /** The grid of --delta, or null for the default; a usage error when given without --sensitivity. */
  double[] grid(CommandSpec spec) {
    if (!sensitivity && (delta != null || !deltaArms.isEmpty())) {
      throw new ParameterException(spec.commandLine(), "--delta and --delta-arm need --sensitivity");
    }
    return delta == null ? null : parse(spec, delta);
  }

  /** Parses D1,D2,... or FROM:TO:STEP. */
  static double[] parse(CommandSpec spec, String text) {
    try {
      if (text.contains(":")) {
        String[] p = text.split(":");
        double from = Double.parseDouble(p[0]);
        double to = Double.parseDouble(p[1]);
        double step = Double.parseDouble(p[2]);
        if (p.length != 3 || !(step > 0) || to < from || (to - from) / step > 10_000) {
          throw new NumberFormatException();
        }
        int n = (int) Math.floor((to - from) / step + 1e-9) + 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
          out[i] = from + i * step;
        }
        return out;
      }
      return java.util.Arrays.stream(text.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "--delta '%s': expected numbers "
          + "D1,D2,... or FROM:TO:STEP with STEP > 0 and TO >= FROM (at most 10,000 steps)", text));
    }
  }
}
