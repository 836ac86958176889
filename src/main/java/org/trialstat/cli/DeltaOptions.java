package org.trialstat.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The tipping-point grid, shared by {@code impute} (its {@code --delta}: default none) and
 * {@code analyze --sensitivity} (default: a grid towards no effect, docs/methods.md): one declaration, one
 * help text and one parser of a delta grid.
 */
final class DeltaOptions {

  @Option(names = "--delta", paramLabel = "LIST", description = "Tipping point: shifts D1,D2,... or FROM:TO:STEP "
      + "added to the imputed values of --delta-arm (impute: default none; analyze, with --sensitivity: default "
      + "0 towards no effect in 40 steps, see docs/methods.md).")
  String delta;

  @Option(names = "--delta-arm", paramLabel = "ARM", description = "Arm whose imputed values --delta shifts "
      + "(repeatable; default: every arm but the control).")
  List<String> deltaArms = new ArrayList<>();

  /** Whether either option was given. */
  boolean given() {
    return delta != null || !deltaArms.isEmpty();
  }

  /** The grid of --delta, or {@code absent} without it. */
  double[] grid(CommandSpec spec, double[] absent) {
    return delta == null ? absent : parse(spec, delta);
  }

  /** Parses D1,D2,... or FROM:TO:STEP. */
  private static double[] parse(CommandSpec spec, String text) {
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
